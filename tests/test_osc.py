"""The only operating-system command (OSC) the reader writes to the terminal is the
clipboard's (OSC 52), and only when `y` copies."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Input

from reader.model import Post
from reader.tui import make_app

_OSC = re.compile(r"\x1b\](\d+);")


async def test_no_osc_but_the_clipboard_and_only_on_y(
    sample_post: Post, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(sample_post)
    async with app.run_test(size=(120, 40)) as pilot:
        driver = app._driver
        assert driver is not None
        written: list[str] = []
        write = driver.write

        def spy(data: str) -> None:
            written.extend(_OSC.findall(data))
            write(data)

        monkeypatch.setattr(driver, "write", spy)
        # Into the search bar (an input: Textual would ask for a text pointer), over it
        # with the mouse, the palette, the help, the comments, and back.
        await pilot.press("slash", *"police")
        await pilot.hover(Input)
        await pilot.press("enter", "escape", "question_mark", "escape", "C", "j", "tab")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert written == []
        await pilot.press("C", "y")
        await pilot.pause()
        assert written == ["52"]
