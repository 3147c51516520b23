"""The header line: title on the left, where you are on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label


class ReaderHeader(Horizontal):
    """Title · section k of n · progress · comments shown of declared."""

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title = title
        self._status_text = ""
        self._status: Label | None = None

    def compose(self) -> ComposeResult:
        yield Label(Content(self._title), id="header-title")
        self._status = Label(Content(self._status_text), id="header-status")
        yield self._status

    def show_status(self, text: str) -> None:
        # The reading position can be reported before this header has composed its
        # labels: the text is kept and shown when they are.
        self._status_text = text
        if self._status is not None:
            self._status.update(Content(text))
