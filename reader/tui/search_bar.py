"""The search bar: incremental, with a regex toggle, a match counter and a history."""

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

HISTORY_SIZE = 100
"""Searches kept for `up`/`down` (the oldest go first)."""


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
        Binding(
            "up",
            "history(-1)",
            "Earlier search",
            id="search.history_back",
            show=False,
            tooltip="Earlier search (history)",
        ),
        Binding(
            "down",
            "history(1)",
            "Later search",
            id="search.history_forward",
            show=False,
            tooltip="Later search (history), then what was being typed",
        ),
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
        self.history: list[str] = []
        """Searches kept or closed, oldest first (saved with the reading place)."""
        self._browsing: int | None = None
        """Where `up`/`down` are in ``history`` (None: at what is being typed)."""
        self._draft = ""

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
        self._browsing = None
        if self.history:
            self.input.placeholder = "find in page (↑ earlier searches)"
        self.remove_class("-hidden")
        self.screen.set_focus(self.input)

    def set_history(self, history: list[str]) -> None:
        """Replace the history (a restored reading place), oldest first."""
        self.history = [text for text in history if text.strip()][-HISTORY_SIZE:]
        self._browsing = None

    def remember(self, text: str) -> None:
        """Put a search at the end of the history (once: an older copy is dropped)."""
        if not text.strip():
            return
        if text in self.history:
            self.history.remove(text)
        self.history.append(text)
        del self.history[:-HISTORY_SIZE]
        self._browsing = None

    def show_query(self, text: str) -> None:
        """Show a query in the bar without searching for it again."""
        with self.input.prevent(Input.Changed):
            self.input.value = text

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        if self._browsing is None:
            if step > 0:
                return
            self._draft = self.input.value
            at = len(self.history)
        else:
            at = self._browsing
        at += step
        if at < 0:
            return  # the oldest stays
        if at >= len(self.history):
            self._browsing, text = None, self._draft
        else:
            self._browsing, text = at, self.history[at]
        # The value changes as if typed: the search follows, the cursor goes to the end.
        self.input.value = text
        self.input.cursor_position = len(text)

    def _give_back_keys(self) -> None:
        target = self._return_to
        if target is not None and target.is_attached and target.display:
            self.screen.set_focus(target)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(self.query_value))

    def action_submit(self) -> None:
        self.remember(self.input.value)
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
        self.close()

    def close(self) -> None:
        """Close the search (the keys stay where they are): the query goes to the
        history and the field is emptied, so the bar never shows a query that is not
        the one searched (`/` opens it empty; `up` brings the query back)."""
        self.remember(self.input.value)
        self.show_query("")
        self.post_message(self.Closed())

    def show_status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Label)
        status.update(Content(text))
        status.set_class(error, "-error")
