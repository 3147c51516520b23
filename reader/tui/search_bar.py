"""The search bar: incremental, with a regex toggle and a match counter."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.widget import Widget
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

    # Priority: enter and escape hand the keys back before the app reads the next key,
    # so `n` or `j` typed right after them reach the pane, not the query.
    BINDINGS = [
        Binding(
            "enter",
            "submit",
            "Keep the search, back to reading",
            id="search.keep",
            show=False,
            priority=True,
        ),
        Binding("escape", "close", "Close search", id="search.close", priority=True),
        Binding("ctrl+r", "toggle_regex", "Regex on/off", id="search.regex"),
    ]

    @dataclass
    class QueryChanged(Message):
        """What is typed (and the regex toggle) changed."""

        query: Query

    class Submitted(Message):
        """Enter: keep the matches and go back to reading."""

    class Closed(Message):
        """Escape: close the bar and clear the matches."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.regex = False
        self._return_to: Widget | None = None

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

    def open(self, return_to: Widget | None = None) -> None:
        """Show the bar and take the keys at once; enter or escape give them to
        ``return_to``.

        ``Widget.focus`` waits for the queue; keys typed straight after ``/`` are
        already in it and would go to the pane behind, so focus is set directly.
        """
        self._return_to = return_to
        self.remove_class("-hidden")
        self.screen.set_focus(self.input)

    def _give_back_keys(self) -> None:
        target = self._return_to
        if target is not None and target.is_attached and target.display:
            self.screen.set_focus(target)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(self.query_value))

    def action_submit(self) -> None:
        self._give_back_keys()
        self.post_message(self.Submitted())

    @on(RegexToggle.Toggled)
    def _toggled(self) -> None:
        self.action_toggle_regex()

    def action_toggle_regex(self) -> None:
        self.regex = not self.regex
        self.query_one(RegexToggle).update(self._regex_label())
        self.post_message(self.QueryChanged(self.query_value))

    def action_close(self) -> None:
        self._give_back_keys()
        self.post_message(self.Closed())

    def show_status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Label)
        status.update(Content(text))
        status.set_class(error, "-error")
