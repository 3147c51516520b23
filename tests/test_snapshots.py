"""How the reader looks (pytest-textual-snapshot, pinned Textual): run with
``pytest --snapshot-update`` after an intended change and review the SVGs."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from reader.model import Post
from reader.tui import make_app


async def _no_blink(pilot: Pilot[None]) -> None:
    for widget in pilot.app.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def test_open_120x40(snap_compare, sample_post: Post) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_post), terminal_size=(120, 40))


def test_search_active(snap_compare, sample_post: Post) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot: Pilot[None]) -> None:
        await _no_blink(pilot)
        await pilot.press("slash", *"social media")
        await pilot.pause()

    assert snap_compare(make_app(sample_post), terminal_size=(120, 40), run_before=before)


def test_comment_1_collapsed(snap_compare, sample_post: Post) -> None:  # type: ignore[no-untyped-def]
    async def before(pilot: Pilot[None]) -> None:
        await pilot.press("tab", "h")
        await pilot.pause()

    assert snap_compare(make_app(sample_post), terminal_size=(120, 40), run_before=before)


def test_open_80x24(snap_compare, sample_post: Post) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_post), terminal_size=(80, 24))


def test_help_screen(snap_compare, sample_post: Post) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(sample_post), terminal_size=(120, 40), press=["question_mark"])
