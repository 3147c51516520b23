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

    def compose(self) -> ComposeResult:
        yield Label(Content(self._title), id="header-title")
        yield Label("", id="header-status")

    def show_status(self, text: str) -> None:
        self.query_one("#header-status", Label).update(Content(text))
