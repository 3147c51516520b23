"""The header line: title on the left, where you are on the right."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label


class ReaderHeader(Horizontal):
    """Title › section (with its parent) · section k of n · progress · comments."""

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._title_text = title
        self._section_text = ""
        self._title: Label | None = None
        self._status_text = ""
        self._status: Label | None = None

    def _title_content(self) -> Content:
        title = Content(self._title_text)
        if not self._section_text:
            return title
        # The section is where you are, the title what you read: it is shown quieter.
        section = Content(" › " + self._section_text).stylize("not bold dim")
        return title + section if self._title_text else Content(self._section_text)

    def compose(self) -> ComposeResult:
        self._title = Label(self._title_content(), id="header-title")
        yield self._title
        self._status = Label(Content(self._status_text), id="header-status")
        yield self._status

    def show_section(self, text: str) -> None:
        """The section being read, after its parents (empty: none to name)."""
        if text == self._section_text:
            return
        self._section_text = text
        if self._title is not None:
            self._title.update(self._title_content())

    def show_status(self, text: str) -> None:
        # The reading position can be reported before this header has composed its
        # labels: the text is kept and shown when they are.
        self._status_text = text
        if self._status is not None:
            self._status.update(Content(text))
