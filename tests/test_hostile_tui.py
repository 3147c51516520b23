"""Hostile input in the interactive reader (Pilot): nothing from a document is read as
markup or reaches the terminal as a control, every shape opens and works, every size
lays out, and 2,000 random keys do not break it.

What is checked is the screen as the compositor renders it for the terminal, cell by
cell, so a place that shows document text is covered whichever widget draws it.
"""

from __future__ import annotations

import functools
import os
import random
import re
import signal
import time
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hostile import (
    BIDI_CONTROLS,
    MARKUP,
    SHAPES,
    WIDE_LINES,
    ZERO_WIDTH,
    broken_utf8,
    broken_utf8_sequences,
    hostile_post,
    random_post,
    shape_post,
    shape_text,
)
from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.command import CommandPalette
from textual.geometry import Region
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer, Input

from reader.load import load_bytes
from reader.model import Post
from reader.pipeline import post_from_text
from reader.search import Query, SearchIndex
from reader.tui import ReaderApp, make_app
from reader.tui.comment_tree import CommentTree
from reader.tui.document_view import DocumentView
from reader.tui.help import HelpScreen
from reader.tui.search_bar import SearchBar
from reader.tui.section_list import SectionList

SIZE = (120, 50)
KEY_PRESSES = int(os.environ.get("HOSTILE_KEYS", "2000"))
KEY_SEED = int(os.environ.get("HOSTILE_SEED", "20240611"))

Test = TypeVar("Test", bound=Callable[..., Awaitable[None]])

# C0 (tab and newline included: a tab moves the terminal's cursor), DEL and C1.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def hostile() -> Post:
    return post_from_text(load_bytes(hostile_post().text.encode(), "hostile.txt"))


@asynccontextmanager
async def reader(
    post: Post, size: tuple[int, int] = SIZE, notifications: bool = False
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    """The reader on a post; ``notifications`` shows toasts (run_test hides them)."""
    app = make_app(post)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await pilot.pause()
        yield app, pilot


# --- the screen as the terminal gets it -----------------------------------------------


def screen_strips(app: ReaderApp) -> list[Strip]:
    """Every row of the screen (with any modal on top), as sent to the terminal."""
    strips: list[Strip] = app.screen._compositor.render_strips()
    return strips


def screen_lines(app: ReaderApp) -> list[str]:
    return [strip.text for strip in screen_strips(app)]


def screen_text(app: ReaderApp) -> str:
    return "\n".join(screen_lines(app))


def region_lines(app: ReaderApp, widget: Widget) -> list[str]:
    """The rows of the screen that a widget covers, cut to its columns."""
    region = widget.region.intersection(Region(0, 0, *app.size))
    strips = screen_strips(app)[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text for strip in strips]


def joined(lines: list[str]) -> str:
    """Rows joined with their edges trimmed: wrapped text reads as one line again."""
    return " ".join(line.strip(" ▕│▔▁") for line in lines if line.strip())


async def check_screen(pilot: Pilot[None]) -> None:
    """Once the frame is complete: no control character in any cell, and every row
    exactly as wide as the screen."""
    await pilot.pause()
    assert isinstance(pilot.app, ReaderApp)
    assert_screen_is_clean(pilot.app)


def assert_screen_is_clean(app: ReaderApp) -> None:
    """The checks of ``check_screen`` on the frame as it is now."""
    width = app.size.width
    for y, strip in enumerate(screen_strips(app)):
        for segment in strip:
            assert not CONTROL.search(segment.text), (y, segment.text)
        assert strip.cell_length == width, (y, strip.text)


# --- keys, sent as a terminal sends them, fast ----------------------------------------


def key_event(key: str) -> events.Key:
    """The event Pilot.press makes for a key name (same lookup as Textual's)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def settle(pilot: Pilot[None], timeout: float = 10.0) -> None:
    """Wait until the app and every widget on the screen has handled its messages
    (a big post keeps wrapping on a timer after it opens, so this may take a few rounds)."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    while True:
        if not await pilot._wait_for_screen() or not app.is_running:
            return  # the app raised or quit: run_test reports it on the way out
        nodes = [app, *app.screen.walk_children(with_self=True)]
        if all(node._message_queue.empty() for node in nodes):
            return
        assert time.monotonic() < deadline, "the reader never went quiet"


async def keys(pilot: Pilot[None], *names: str) -> None:
    """Press keys one after the other, each handled before the next (Pilot.press waits
    for the CPU to go idle twice per key, which makes 2,000 keys take minutes)."""
    for name in names:
        pilot.app.post_message(key_event(name))
        await settle(pilot)
    # Then the frame a person would see: a pane that grew or appeared is laid out at
    # the next refresh, after the messages above.
    await pilot.pause()


async def focus_comments(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    if not app.comment_tree.display:
        return  # a post without comments has no panel to focus
    for _ in range(3):
        if app.focused is app.comment_tree:
            return
        await keys(pilot, "tab")
    assert app.focused is app.comment_tree


async def type_text(pilot: Pilot[None], text: str) -> None:
    await keys(pilot, *text)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Fail a test that runs past ``seconds`` instead of hanging the run: the alarm
    interrupts even a loop inside the app that never yields (a quadratic search)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limited(seconds: float) -> Callable[[Test], Test]:
    """``time_limit`` around a whole async test."""

    def decorate(test: Test) -> Test:
        @functools.wraps(test)
        async def run(*args: Any, **kwargs: Any) -> None:
            try:
                with time_limit(seconds):
                    await test(*args, **kwargs)
            except TimeoutError:
                # No traceback: the alarm can land in a frame pytest cannot print.
                pytest.fail(f"{test.__name__} ran for more than {seconds} s", pytrace=False)

        return run  # type: ignore[return-value]

    return decorate


# --- item 1: document text is shown literally everywhere ------------------------------

HOSTILE_TITLE = "Hostile [@click=app.quit]Title[/] ␛]0;PWNED-OSC0␇ [b]x[/b] $var"
SECTION_TWO = "Section [bold]Two[/bold] ␛]2;PWNED-OSC2␛\\ [@click=app.quit]GO[/]"


async def test_header_shows_the_title_literally() -> None:
    async with reader(hostile()) as (app, pilot):
        header = screen_lines(app)[0]
        assert HOSTILE_TITLE in header
        assert "§1/3" in header and "3 comments" in header
        await check_screen(pilot)


async def test_text_pane_shows_markup_and_escapes_literally() -> None:
    async with reader(hostile()) as (app, pilot):
        text = joined(region_lines(app, app.document))
        assert HOSTILE_TITLE in text
        for markup in MARKUP:
            assert markup in text, markup
        for shown in (
            "␛]0;PWNED-OSC0␇",
            "␛]2;PWNED-OSC2␛\\",
            "␛]52;c;cHduZWQ=␇",
            "␛]8;;http://evil.example/␇link␛]8;;␇",
            "␛P$qPWNED-DCS␛\\",
            "␛[2J␛[H",
            "␛[31;1mRED␛[0m",
            "⍰31m",
            "⍰2;PWNED-C1⍰",
            "␇␈␈",
        ):
            assert shown in text, shown
        assert SECTION_TWO in text
        await check_screen(pilot)


async def test_sidebar_shows_section_titles_literally() -> None:
    async with reader(hostile(), size=(200, 50)) as (app, pilot):
        sidebar = region_lines(app, app.section_list)
        # The sidebar cuts long titles with an ellipsis; what it shows is the title's start.
        assert any(line.strip().startswith("Section [bold]Two[/bold] ␛]") for line in sidebar)
        assert any(line.strip(" ▕") == "Comments 3" for line in sidebar)
        await check_screen(pilot)


async def test_comment_tree_shows_authors_and_bodies_literally() -> None:
    async with reader(hostile()) as (app, pilot):
        text = joined(region_lines(app, app.comment_tree))
        assert "[@click=app.quit]Mallory[b] · July 11, 2011 at 12:25 pm" in text
        assert "Trudy $var [red]" in text
        assert "Markup in a comment: [@click=app.quit]CLICKME[/] [b]bold[/b] $var and" in text
        assert "␛]52;c;cHduZWQ=␇ ⍰2;PWNED-C1⍰ [/bold]." in text
        await check_screen(pilot)


async def test_collapsed_comment_preview_is_literal() -> None:
    # Wide enough for the whole preview beside the reply count (a narrower panel cuts it
    # with an ellipsis).
    async with reader(hostile(), size=(200, 50)) as (app, pilot):
        await focus_comments(pilot)
        await keys(pilot, "minus")
        text = joined(region_lines(app, app.comment_tree))
        assert "▸ 1 · [@click=app.quit]Mallory[b]" in text
        assert "Markup in a comment: [@click=app.quit]CLICKME[/] [b]bold" in text
        await check_screen(pilot)


async def test_no_document_text_becomes_a_link_or_an_action() -> None:
    async with reader(hostile()) as (app, pilot):
        for strip in screen_strips(app):
            for segment in strip:
                style = segment.style
                if style is None:
                    continue
                assert style.link is None, segment
                assert not any(key.startswith("@click") for key in style.meta), segment
        # Clicking the words that would be buttons does nothing but move the cursor.
        for y, line in enumerate(screen_lines(app)):
            for word in ("CLICKME", "Mallory", "Title[/]", "GO[/]"):
                x = line.find(word)
                if x >= 0:
                    await pilot.click(offset=(x + 1, y))
                    await settle(pilot)
                    assert app.is_running, (word, y)


async def test_search_bar_shows_a_markup_query_literally_and_finds_it() -> None:
    query = MARKUP[0]  # [@click=app.quit]CLICKME[/]
    async with reader(hostile()) as (app, pilot):
        await keys(pilot, "slash")
        await type_text(pilot, query)
        assert app.search_bar.input.value == query
        bar = joined(region_lines(app, app.search_bar))
        assert query in bar
        expected = SearchIndex(app.post).find(Query(query))
        assert len(expected) == 3
        assert app.match_count == 3
        assert "1/3 (1 in comments)" in bar
        await keys(pilot, "enter", "n", "n", "n")
        assert app.is_running
        await check_screen(pilot)


async def test_search_bar_shows_a_regex_error_about_markup_literally() -> None:
    # Wide enough for the whole message in the status.
    async with reader(hostile(), size=(240, 50)) as (app, pilot):
        await keys(pilot, "slash", "ctrl+r")
        await type_text(pilot, "(?P<[b]>y)")
        bar = joined(region_lines(app, app.search_bar))
        assert "[.*] regex" in bar
        # Python's message quotes the group name: "bad character in group name '[b]'".
        status = str(app.search_bar.query_one("#search-status").render())
        assert "group name '[b]'" in status
        assert "group name '[b]'" in bar.split("regex", 1)[1]
        assert app.match_count == 0
        await check_screen(pilot)


async def test_notifications_are_plain_text_and_shown_literally() -> None:
    data, _clean = broken_utf8()
    hostile_bytes = hostile_post().text.encode() + b"\n\n" + data
    post = post_from_text(load_bytes(hostile_bytes, "[b]x[/b] $var.txt"))
    async with reader(post, notifications=True) as (app, pilot):
        # At the last section, with no search, then a search that wraps.
        await keys(pilot, "right_square_bracket", "right_square_bracket", "n")
        # Four matches (the "Reply" lines under comments are chrome now): n wraps now and then.
        await keys(pilot, "slash", *"merci", "enter", *"n" * 6, *"N" * 6)
        await settle(pilot)
        notifications = list(app._notifications)
        assert len(notifications) >= 4
        shown = screen_text(app)
        for notification in notifications:
            assert notification.markup is False, notification.message
            assert notification.message.split("\n")[0][:20] in shown, notification.message
        await check_screen(pilot)


async def test_help_screen_over_a_hostile_post() -> None:
    async with reader(hostile()) as (app, pilot):
        await keys(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "post-reader keys — escape closes" in text
        assert "Find in the post (incremental)" in text
        await check_screen(pilot)
        await keys(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_shows_section_titles_literally_and_jumps() -> None:
    async with reader(hostile(), size=(160, 50)) as (app, pilot):
        await keys(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await type_text(pilot, "Section bold")
        # The palette searches in a worker: give it up to a few seconds.
        for _ in range(50):
            if f"§2 {SECTION_TWO}" in screen_text(app):
                break
            await pilot.pause(0.1)
        assert f"§2 {SECTION_TWO}" in screen_text(app)
        await check_screen(pilot)
        await keys(pilot, "enter")
        await pilot.pause(0.1)
        await settle(pilot)
        assert not isinstance(app.screen, CommandPalette)
        assert app.is_running
        assert app.document.current_section == 1
        assert "§2/3" in screen_lines(app)[0]


async def test_no_control_character_reaches_the_screen_anywhere() -> None:
    """Walk every pane and overlay of the hostile post and check each frame."""
    async with reader(hostile(), size=(100, 30)) as (app, pilot):
        steps = [
            ("G",),
            ("g", "right_square_bracket"),
            ("tab",),
            ("down", "down"),
            ("tab",),
            ("j", "j", "h", "minus", "plus"),
            ("s", "s", "c", "c"),
            ("slash", *"PWNED"),
            ("enter", "n", "N"),
            ("question_mark",),
            ("escape", "ctrl+p"),
            ("escape",),
        ]
        for step in steps:
            await keys(pilot, *step)
            await check_screen(pilot)


def _marks_between(text: str, left: str, right: str) -> list[str]:
    """What the screen shows between two words that were joined by invisible characters."""
    return re.findall(re.escape(left) + r"(\S*?)" + re.escape(right), text)


def assert_marked(text: str, left: str, right: str) -> None:
    marks = _marks_between(text, left, right)
    assert marks, f"nothing shown between {left!r} and {right!r} in {text!r}"
    assert all(cell_len(mark) >= 1 for mark in marks), (left, right, marks)


async def open_palette_on(pilot: Pilot[None], query: str, expect: str) -> str:
    await keys(pilot, "ctrl+p")
    await type_text(pilot, query)
    for _ in range(50):  # the palette searches in a worker
        if expect in screen_text(pilot.app):
            break
        await pilot.pause(0.1)
    return screen_text(pilot.app)


async def test_bidi_controls_are_shown_marked_not_passed_on() -> None:
    """The issue: bidi overrides are "shown visibly marked". A bidi control reaching the
    terminal reorders what follows it (Trojan Source)."""
    async with reader(hostile()) as (app, pilot):
        screens = [screen_text(app)]
        assert_marked(screen_lines(app)[0], "ltr", "RTL")  # header
        pane = joined(region_lines(app, app.document))
        for left, right in (("ltr", "RTL"), ("left", "right"), ("iso", "right"), ("Third", "End")):
            assert_marked(pane, left, right)
        sidebar = joined(region_lines(app, app.section_list))
        assert_marked(sidebar, "Third", "Part")
        assert_marked(sidebar, "Part", "End")
        assert_marked(joined(region_lines(app, app.comment_tree)), "Eve", "evE")
        palette = await open_palette_on(pilot, "Third", "Word")
        screens.append(palette)
        assert_marked(palette, "Third", "End")
        for text in screens:
            leaked = sorted({f"U+{ord(c):04X}" for c in text if c in BIDI_CONTROLS})
            assert not leaked, f"bidi controls reach the terminal: {leaked}"


async def test_zero_width_characters_are_shown_marked() -> None:
    """The issue lists zero-width characters with what must render visibly: a zero-width
    space or word joiner hides a difference between two words that look alike."""
    async with reader(hostile()) as (app, pilot):
        screens = [screen_text(app)]
        assert_marked(screen_lines(app)[0], "zw", "sp")  # header
        pane = joined(region_lines(app, app.document))
        for left, right in (("zero", "width"), ("width", "joined"), ("joined", "word")):
            assert_marked(pane, left, right)
        assert_marked(joined(region_lines(app, app.section_list)), "zero", "Word")
        assert_marked(joined(region_lines(app, app.comment_tree)), "zero", "width.")
        palette = await open_palette_on(pilot, "Third", "Word")
        screens.append(palette)
        assert_marked(palette, "zero", "Word")
        for text in screens:
            leaked = sorted({f"U+{ord(c):04X}" for c in text if c in ZERO_WIDTH})
            assert not leaked, f"invisible characters reach the screen unmarked: {leaked}"


# --- item 2: shapes open, move and search in the reader --------------------------------

NAVIGATION = (
    "G",
    "g",
    "right_square_bracket",
    "left_square_bracket",
    "space",
    "b",
    "right_curly_bracket",
    "left_curly_bracket",
)
COMMENT_KEYS = ("j", "k", "l", "h", "J", "K", "u", "space", "minus", "plus")


@pytest.mark.parametrize("name", [shape.name for shape in SHAPES])
@limited(60)  # a few seconds for the biggest: a slow path is a failure, not a hang
async def test_each_shape_opens_navigates_and_searches(name: str) -> None:
    post = shape_post(name)
    async with reader(post, size=(100, 30)) as (app, pilot):
        await check_screen(pilot)
        await keys(pilot, *NAVIGATION)
        await check_screen(pilot)
        # A word of every generated shape whose first letter is rare: each keystroke
        # searches, and "t" alone is a million matches in the 10 MB line.
        await keys(pilot, "slash", *"garden")
        expected = len(SearchIndex(post).find(Query("garden")))
        assert app.match_count == expected
        await keys(pilot, "enter", "n", "N", "N")
        await check_screen(pilot)
        await keys(pilot, "escape")
        await focus_comments(pilot)
        await keys(pilot, *COMMENT_KEYS, "tab", "s", "c", "c", "s")
        await check_screen(pilot)
        await keys(pilot, "question_mark", "escape")
        assert app.is_running


async def test_empty_document_says_so() -> None:
    async with reader(shape_post("empty")) as (app, pilot):
        assert "This document is empty" in joined(region_lines(app, app.document))
        assert not app.comment_tree.display
        await keys(pilot, "slash", *"x", "enter", "n")
        assert "no matches" in joined(region_lines(app, app.search_bar))


async def test_header_without_comments_says_what_the_page_declared() -> None:
    async with reader(shape_post("header-without-comments")) as (app, pilot):
        tree = joined(region_lines(app, app.comment_tree))
        assert "No comments in this copy of the page (it declares 12)" in tree
        assert "Comments 0/12" in joined(region_lines(app, app.section_list))


async def test_comments_with_empty_bodies_show_their_bylines() -> None:
    post = shape_post("empty-comment-bodies")
    async with reader(post) as (app, pilot):
        tree = joined(region_lines(app, app.comment_tree))
        for comment in post.comments[:3]:
            assert f"{comment.author} · {comment.date}" in tree
        await focus_comments(pilot)
        await keys(pilot, "minus", "h", "l", "space", "j", "j")
        await check_screen(pilot)


@limited(60)
async def test_deep_chain_reveals_its_last_reply() -> None:
    post = shape_post("5000-deep-chain")
    last = post.comments[-1]
    async with reader(post) as (app, pilot):
        await focus_comments(pilot)
        await keys(pilot, "minus", "slash")
        await type_text(pilot, last.paragraphs[0].text)
        await keys(pilot, "enter")
        assert app.comment_tree.cursor == len(post.comments) - 1
        tree = joined(region_lines(app, app.comment_tree))
        assert last.paragraphs[0].text in tree
        assert post.comment_number(last.id) in tree
        await check_screen(pilot)


@limited(60)
async def test_one_huge_line_reads_to_its_end() -> None:
    text = shape_text("one-10MB-line")
    async with reader(shape_post("one-10MB-line")) as (app, pilot):
        await keys(pilot, "G")
        pane = joined(region_lines(app, app.document))
        assert pane.endswith(text[-30:])
        assert "100%" in screen_lines(app)[0]


async def test_long_title_leaves_the_header_status_in_view() -> None:
    post = shape_post("5000-char-title")
    async with reader(post, size=(100, 30)) as (app, pilot):
        header = screen_lines(app)[0]
        assert header.startswith(" " + post.title[:40])
        assert "§1/1" in header and "no comments" in header
        # The whole title is in the text pane, wrapped.
        await keys(pilot, "G")
        await check_screen(pilot)


async def test_wide_and_combining_characters_keep_their_columns() -> None:
    post = shape_post("wide-and-combining")
    async with reader(post, size=(60, 60)) as (app, pilot):
        await keys(pilot, "c")  # the whole post in the text pane
        view = app.document
        rows = [view.render_line(y) for y in range(view.size.height)]
        for row in rows:
            assert row.cell_length == view.size.width, row.text
        shown = "".join("".join(row.text.split()) for row in rows)
        for line in WIDE_LINES:
            assert "".join(line.split()) in shown, line[:20]
        await check_screen(pilot)


async def test_tabs_never_reach_the_screen() -> None:
    """A tab sent to a terminal jumps to the next tab stop: the row no longer lines up."""
    post = shape_post("tabs")
    async with reader(post) as (app, pilot):
        await check_screen(pilot)
        await focus_comments(pilot)
        await keys(pilot, "minus")
        await check_screen(pilot)


# --- item 3: encodings in the reader -------------------------------------------------


async def test_invalid_utf8_notice_gives_the_count() -> None:
    data, _clean = broken_utf8()
    count = broken_utf8_sequences(data)
    post = post_from_text(load_bytes(data, "broken.txt"))
    async with reader(post, notifications=True) as (app, pilot):
        await settle(pilot)
        shown = screen_text(app)
        assert f"{count} undecodable byte sequences shown as �" in shown
        assert "�" in joined(region_lines(app, app.document))
        await check_screen(pilot)


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "cp1252"])
async def test_other_encodings_read_on_screen(codec: str) -> None:
    text = "Café Society\n\nWe don’t need “quotes” here, the café said – naïve, 5 €.\n"
    post = post_from_text(load_bytes((text * 2).encode(codec), "x.txt"))
    async with reader(post) as (app, pilot):
        assert "Café Society" in screen_lines(app)[0]
        assert "We don’t need “quotes” here, the café said – naïve, 5 €." in joined(
            region_lines(app, app.document)
        )


# --- item 4: terminal sizes -----------------------------------------------------------


async def assert_layout_sound(pilot: Pilot[None]) -> None:
    """Every pane inside the screen and inside its container; no two panes overlap."""
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, ReaderApp)
    screen = Region(0, 0, *app.size)
    groups = [
        [app.query_one("#header"), app.query_one("#body"), app.comment_tree, app.search_bar],
        [app.query_one("#header-title"), app.query_one("#header-status")],
        [app.section_list, app.document],
        [app.query_one(f"#search-{part}") for part in ("prompt", "input", "regex", "status")],
    ]
    groups[0].append(app.query_one(Footer))
    for group in groups:
        shown = [widget for widget in group if widget.display and widget.region.area]
        for widget in shown:
            assert screen.contains_region(widget.region), (widget, widget.region, screen)
            parent = widget.parent
            if isinstance(parent, Widget) and parent in shown:
                assert parent.region.contains_region(widget.region), (widget, parent)
        for index, first in enumerate(shown):
            for second in shown[index + 1 :]:
                assert not first.region.overlaps(second.region), (first, second)
    assert app.document.region.area > 0, "the text pane is not on the screen"
    assert_screen_is_clean(app)


@pytest.mark.parametrize("size", [(20, 6), (300, 100)], ids=["20x6", "300x100"])
async def test_terminal_size(size: tuple[int, int]) -> None:
    async with reader(hostile(), size=size) as (app, pilot):
        await assert_layout_sound(pilot)
        await keys(pilot, "G", "tab", "tab", "j", "minus", "plus", "question_mark")
        await check_screen(pilot)
        await keys(pilot, "escape", "slash", *"the")
        assert app.match_count > 0
        await assert_layout_sound(pilot)
        await keys(pilot, "enter", "n")
        await assert_layout_sound(pilot)


async def test_resizing_while_a_search_is_open() -> None:
    async with reader(hostile(), size=(100, 30)) as (app, pilot):
        await keys(pilot, "slash", *"PWNED")
        count = app.match_count
        assert count > 0
        for size in ((20, 6), (300, 100), (40, 10), (21, 7), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await settle(pilot)
            assert app.search_bar.display
            assert app.search_bar.input.value == "PWNED"
            assert app.match_count == count
            await assert_layout_sound(pilot)
        await keys(pilot, *"-OSC0")
        assert app.match_count > 0
        await assert_layout_sound(pilot)


# --- item 5: 2,000 random keys --------------------------------------------------------


def key_map() -> list[str]:
    """Every key of the key map (quit left out: the run is to go on)."""
    bindings = [
        *ReaderApp.BINDINGS,
        *DocumentView.BINDINGS,
        *CommentTree.BINDINGS,
        *SearchBar.BINDINGS,
        *HelpScreen.BINDINGS,
    ]
    names = {"ctrl+p", "enter", "escape", "up", "down", "left", "right", "backspace"}
    for binding in bindings:
        assert isinstance(binding, Binding)
        names.update(key.strip() for key in binding.key.split(","))
    return sorted(names - {"q", "ctrl+q"})


TYPED = sorted(set("the police[@click=app.quit]$\\(*.?") - {"q"})


def next_key(rng: random.Random, app: ReaderApp, pool: list[str]) -> str:
    """A key from the key map, or a character to type; overlays are left now and then so
    the run spends most of its keys on the reader itself."""
    if isinstance(app.screen, CommandPalette):
        # Never enter: the palette could run "Quit" or save a screenshot. The first
        # escape may only close its list, so escape comes often.
        if rng.random() < 0.35:
            return "escape"
        return rng.choice(["down", "up", "backspace", *TYPED])
    if isinstance(app.screen, HelpScreen):
        return rng.choice(["escape", "j", "k", "down", "up", "question_mark", "f1"])
    return rng.choice(pool) if rng.random() < 0.8 else rng.choice(TYPED)


def next_burst(rng: random.Random, app: ReaderApp, pool: list[str]) -> list[str]:
    """One to three keys that arrive together, as a terminal delivers fast typing or key
    repeat in one read: the app gets the next key before it has drawn the last one."""
    burst: list[str] = []
    palette = isinstance(app.screen, CommandPalette)
    for _ in range(rng.choice((1, 1, 2, 3))):
        key = next_key(rng, app, pool)
        palette = palette or key == "ctrl+p"
        burst.append("down" if palette and key == "enter" else key)
    return burst


def where(app: ReaderApp) -> set[str]:
    """Names for what has the keys now: the overlay, or the pane or bar focused."""
    places = {"CommandPalette"} if isinstance(app.screen, CommandPalette) else set()
    if isinstance(app.screen, HelpScreen):
        places.add("HelpScreen")
    focused = app.focused
    for kind in (DocumentView, SectionList, CommentTree, Input):
        if isinstance(focused, kind):
            places.add(kind.__name__)
    return places


@limited(300)  # a hang is a failure too, not a stuck CI job
async def test_two_thousand_random_keys_on_a_generated_post(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # anything the app might write lands here
    rng = random.Random(KEY_SEED)
    post = post_from_text(load_bytes(random_post(KEY_SEED).encode(), "random.txt"))
    pool = key_map()
    sent: list[list[str]] = []
    seen: set[str] = set()
    count = 0
    async with reader(post, size=(80, 24)) as (app, pilot):
        try:
            while count < KEY_PRESSES:
                burst = next_burst(rng, app, pool)[: KEY_PRESSES - count]
                sent.append(burst)
                for key in burst:
                    app.post_message(key_event(key))
                await settle(pilot)
                assert app.is_running
                seen |= where(app)
                if count // 100 != (count + len(burst)) // 100:
                    await check_screen(pilot)
                count += len(burst)
            await check_screen(pilot)
        except BaseException as error:
            raise AssertionError(
                f"seed {KEY_SEED}: after {count} keys, the last bursts {sent[-15:]}"
            ) from error
    assert count == KEY_PRESSES
    if KEY_PRESSES >= 2000:
        # The run went everywhere: every pane, the search bar and both overlays.
        places = {"DocumentView", "SectionList", "CommentTree", "Input", "HelpScreen"}
        assert places | {"CommandPalette"} <= seen, seen


@pytest.mark.parametrize("key", ["pagedown", "pageup", "down"])
async def test_palette_survives_a_key_that_arrives_with_ctrl_p(key: str) -> None:
    """Found by the random keys: ctrl+p and page down typed together (one read from the
    terminal) reach the palette's list before it has been laid out."""
    async with reader(hostile(), size=(80, 24)) as (app, pilot):
        app.post_message(key_event("ctrl+p"))
        app.post_message(key_event(key))
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.is_running
        await check_screen(pilot)
