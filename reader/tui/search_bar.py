"""The search bar: incremental, with a regex toggle and a match counter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.widgets import Input, Label

from reader.search import Query


class RegexToggle(Label):
    """Shows whether the query is a regular expression; a click flips it."""

    class Toggled(Message):
        """The toggle was clicked."""

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(self.Toggled())


class SearchBar(Horizontal):
    """Typing searches as you go; enter keeps the search, escape closes it."""

    BINDINGS = [
        Binding("escape", "close", "Close search", id="search.close"),
        Binding("ctrl+r", "toggle_regex", "Regex on/off", id="search.regex"),
    ]

    class QueryChanged(Message):
        def __init__(self, query: Query) -> None:
            super().__init__()
            self.query = query

    class Submitted(Message):
        """Enter: keep the matches and go back to reading."""

    class Closed(Message):
        """Escape: close the bar and clear the matches."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.regex = False

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        yield Input(placeholder="find in page", id="search-input", select_on_focus=True)
        yield RegexToggle(self._regex_label(), id="search-regex")
        yield Label("", id="search-status")

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def query_value(self) -> Query:
        return Query(self.input.value, regex=self.regex)

    def _regex_label(self) -> Content:
        return Content("[.*] regex" if self.regex else "[  ] regex")

    def open(self) -> None:
        """Show the bar and take the keys at once.

        ``Widget.focus`` waits for the queue; keys typed straight after ``/`` are
        already in it and would go to the pane behind, so focus is set directly.
        """
        self.remove_class("-hidden")
        self.screen.set_focus(self.input)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(self.query_value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())

    @on(RegexToggle.Toggled)
    def _toggled(self) -> None:
        self.action_toggle_regex()

    def action_toggle_regex(self) -> None:
        self.regex = not self.regex
        self.query_one(RegexToggle).update(self._regex_label())
        self.post_message(self.QueryChanged(self.query_value))

    def action_close(self) -> None:
        self.post_message(self.Closed())

    def show_status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Label)
        status.update(Content(text))
        status.set_class(error, "-error")
