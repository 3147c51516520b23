"""The interactive reader (Textual). Everything outside this package stays Textual-free."""

from __future__ import annotations

from reader.tui.app import ReaderApp, make_app

__all__ = ["ReaderApp", "make_app"]
