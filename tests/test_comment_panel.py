"""The comments panel as a place to read in: the mouse lands on the row it is over, a
resize keeps the comment under the cursor, the panel grows to the full screen (its key
and Textual's maximize) and back, is resized by keys and by dragging its border, folded
previews end in an ellipsis, and `y` copies the comment under the cursor."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest
from textual.pilot import Pilot

from reader.model import Comment, Paragraph, Post, Section
from reader.tui import ReaderApp, make_app
from reader.tui.commands import PALETTE_BINDINGS
from reader.tui.comment_tree import CommentTree

SIZE = (120, 40)


def _post(comments: list[tuple[int, str]], body: str = "The post.") -> Post:
    """A post whose comments are (depth, text), each replying to the one before when deeper."""
    made: list[Comment] = []
    parents: list[str] = []
    for number, (depth, text) in enumerate(comments, start=1):
        del parents[depth:]
        comment_id = f"c{number}"
        paragraphs = tuple(
            Paragraph(f"{comment_id}.p{n}", piece, (0, len(piece)))
            for n, piece in enumerate(text.split("\n\n"), start=1)
        )
        made.append(
            Comment(
                id=comment_id,
                parent=parents[-1] if parents else None,
                depth=depth,
                label=None,
                author=f"author {number}",
                date=f"2024-03-{number % 28 + 1:02d}",
                paragraphs=paragraphs,
            )
        )
        parents.append(comment_id)
    replies = {c.id: tuple(r.id for r in made if r.parent == c.id) for c in made}
    made = [replace(c, replies=replies[c.id]) for c in made]
    paragraph = Paragraph("p1", body, (0, len(body)))
    return Post(
        title="A post",
        sections=(Section("s1", "A post", True, 1, (paragraph,)),),
        comments=tuple(made),
    )


def _thread(count: int = 40) -> Post:
    """Top-level comments of a few lines each, with a reply under every fifth."""
    comments: list[tuple[int, str]] = []
    for n in range(count):
        comments.append((0, f"Comment {n}. " + "Some words to wrap over a line or two. " * 4))
        if n % 5 == 0:
            comments.append((1, f"A reply to comment {n}."))
    return _post(comments)


@asynccontextmanager
async def reader(
    post: Post, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    app = make_app(post)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


def _lines(tree: CommentTree) -> list[str]:
    return [tree.render_line(y).text.rstrip() for y in range(tree.size.height)]


def _cursor_row(tree: CommentTree) -> int:
    """The screen row of the cursor's header (negative or past the end: off screen)."""
    lazy = tree._lazy
    assert lazy is not None
    return lazy.offset(tree._visible_position(tree.cursor)) - tree.top_row


def _header_row(tree: CommentTree, comment_id: str) -> int:
    number = tree.post.comment_number(comment_id)
    return next(
        y
        for y, line in enumerate(_lines(tree))
        if line.lstrip().startswith(("▾ ", "▸ ")) and line.split()[1] == number
    )


# --- the mouse ------------------------------------------------------------------------


async def test_a_click_on_a_header_folds_that_comment() -> None:
    post = _post([(0, "First comment."), (0, "Second comment."), (0, "Third comment.")])
    async with reader(post) as (app, pilot):
        tree = app.comment_tree
        row = _header_row(tree, "c2")
        # Pilot offsets count from the widget's top-left corner, its border included.
        await pilot.click(tree, offset=(4, tree.gutter.top + row))
        await pilot.pause()
        assert tree.cursor_id == "c2"
        assert tree.is_collapsed("c2")
        assert not tree.is_collapsed("c1")


async def test_a_click_on_the_row_above_a_header_does_not_fold() -> None:
    post = _post([(0, "First comment."), (0, "Second comment."), (0, "Third comment.")])
    async with reader(post) as (app, pilot):
        tree = app.comment_tree
        row = _header_row(tree, "c2")
        await pilot.click(tree, offset=(4, tree.gutter.top + row - 1))  # c1's blank row
        await pilot.pause()
        assert tree.cursor_id == "c1"
        assert not tree.is_collapsed("c1")
        assert not tree.is_collapsed("c2")


async def test_a_click_on_the_border_moves_nothing() -> None:
    post = _post([(0, "First comment."), (0, "Second comment.")])
    async with reader(post) as (app, pilot):
        tree = app.comment_tree
        await pilot.click(tree, offset=(4, 0))
        await pilot.pause()
        assert tree.cursor_id == "c1"
        assert not tree.is_collapsed("c1")


# --- resizing keeps the cursor ----------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (60, 40), (120, 30), (200, 50)])
async def test_a_resize_keeps_the_comment_under_the_cursor_on_screen(
    size: tuple[int, int],
) -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        tree.focus()
        for _ in range(8):
            await pilot.press("j")
        await pilot.pause()
        cursor = tree.cursor_id
        before = _cursor_row(tree)
        assert 0 <= before < tree.size.height
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert tree.cursor_id == cursor
        after = _cursor_row(tree)
        assert 0 <= after < tree.size.height
        if before < tree.size.height:
            assert after == before  # where it was, as the text pane keeps its top row
        header = _lines(tree)[after]
        assert header.split()[1] == tree.post.comment_number(cursor)


async def test_a_resize_back_and_forth_keeps_the_cursor_where_it_was() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        tree.focus()
        for _ in range(12):
            await pilot.press("j")
        await pilot.pause()
        before = _cursor_row(tree)
        for size in [(70, 40), (120, 24), (90, 30), SIZE]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert 0 <= _cursor_row(tree) < tree.size.height
        assert _cursor_row(tree) == before


# --- full screen: the panel's key and Textual's maximize --------------------------------


def _fills_the_screen(app: ReaderApp) -> bool:
    """The panel takes every row between the header and the footer (no hatched margin)."""
    tree = app.comment_tree
    bar = app.search_bar
    bottom = bar.region.y if bar.display else app.size.height - 1
    return tree.is_maximized and tree.region.y == 1 and tree.region.bottom == bottom


async def _palette(pilot: Pilot[None], command: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*command)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause(0.2)


async def test_maximize_from_the_palette_fills_the_screen_and_minimize_brings_it_back() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        tree.focus()
        await pilot.pause()
        normal = tree.region
        await _palette(pilot, "maximize")
        assert _fills_the_screen(app)
        assert _lines(tree)[0].lstrip().startswith("▾ 1")  # drawn, not a blank frame
        await _palette(pilot, "minimize")
        assert not tree.is_maximized
        assert tree.region == normal


async def test_escape_brings_a_maximized_panel_back() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        tree.focus()
        await pilot.pause()
        normal = tree.region
        await _palette(pilot, "maximize")
        await pilot.press("escape")
        await pilot.pause()
        assert not tree.is_maximized
        assert tree.region == normal


async def test_z_grows_the_panel_to_the_full_screen_and_back() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        normal = tree.region
        assert app.document.has_focus
        await pilot.press("z")
        await pilot.pause()
        assert _fills_the_screen(app)
        assert tree.has_focus
        await pilot.press("j", "j")
        await pilot.pause()
        assert tree.cursor_id == "c3"
        await pilot.press("z")
        await pilot.pause()
        assert not tree.is_maximized
        assert tree.region == normal
        assert tree.cursor_id == "c3"


async def test_z_shows_a_hidden_panel_full_screen_and_c_hides_it_again() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        await pilot.press("c")
        await pilot.pause()
        assert not tree.display
        await pilot.press("z")
        await pilot.pause()
        assert _fills_the_screen(app)
        await pilot.press("c")
        await pilot.pause()
        assert not tree.display
        assert app.screen.maximized is None
        assert app.document.has_focus and app.document.size.height > 20


async def test_a_resized_panel_still_maximizes_to_the_full_screen() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        resized = tree.region
        await pilot.press("z")
        await pilot.pause()
        assert _fills_the_screen(app)
        await pilot.press("z")
        await pilot.pause()
        assert tree.region == resized


async def test_escape_in_the_search_bar_over_a_full_screen_panel_closes_the_bar() -> None:
    async with reader(_thread()) as (app, pilot):
        await pilot.press("z")
        await pilot.press("slash", *"reply")
        await pilot.pause()
        assert app.search_bar.display
        await pilot.press("escape")
        await pilot.pause()
        assert not app.search_bar.display
        assert _fills_the_screen(app)


# --- resizing: keys and the border ------------------------------------------------------


async def test_greater_and_less_than_resize_the_panel_within_limits() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        height = tree.outer_size.height
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert tree.outer_size.height == height + 2
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert tree.outer_size.height == height - 2
        await pilot.press(*["less_than_sign"] * 30)
        await pilot.pause()
        assert tree.outer_size.height == 3  # the border and two rows
        await pilot.press(*["greater_than_sign"] * 30)
        await pilot.pause()
        assert app.document.size.height == 3  # the text keeps a few rows
        assert tree.region.bottom == app.size.height - 1


async def test_resize_keys_work_from_the_text_pane_and_keep_the_cursor() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        tree.focus()
        await pilot.press("j", "j", "j")
        await pilot.pause()
        before = _cursor_row(tree)
        app.document.focus()
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert 0 <= _cursor_row(tree) < tree.size.height
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        assert _cursor_row(tree) == before


async def test_dragging_the_top_border_resizes_the_panel() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        bottom = tree.region.bottom
        top = tree.region.y
        await pilot.mouse_down(tree, offset=(30, 0))
        await pilot.hover(tree, offset=(30, -5))  # five rows above the border
        await pilot.pause()
        await pilot.mouse_up(tree, offset=(30, 0))
        await pilot.pause()
        assert tree.region.y == top - 5
        assert tree.region.bottom == bottom
        assert tree.cursor_id == "c1" and not tree.is_collapsed("c1")
        # Down again, past the least height: the panel keeps its border and two rows.
        await pilot.mouse_down(tree, offset=(30, 0))
        await pilot.hover(app.screen, offset=(30, app.size.height - 2))
        await pilot.mouse_up(app.screen, offset=(30, app.size.height - 2))
        await pilot.pause()
        assert tree.outer_size.height == 3


# --- folded previews ----------------------------------------------------------------------


async def test_a_folded_preview_cut_by_the_width_ends_in_an_ellipsis() -> None:
    long = "A long first sentence that goes on and on well past any narrow terminal's edge."
    post = _post([(0, long), (1, "A reply."), (0, "Short.")])
    async with reader(post, size=(72, 30)) as (app, pilot):
        tree = app.comment_tree
        tree.focus()
        await pilot.press("h")  # fold the first comment
        await pilot.pause()
        header = _lines(tree)[0]
        assert header.lstrip().startswith("▸ 1")
        assert header.endswith("(+1 reply)")  # the reply count is kept whole
        assert "…" in header
        assert len(header) <= tree.size.width
        await pilot.press("j", "space")  # "Short." is not cut: no ellipsis
        await pilot.pause()
        short = next(line for line in _lines(tree) if line.lstrip().startswith("▸ 2"))
        assert short.endswith("Short.")


# --- copying a comment ------------------------------------------------------------------


def _osc52(app: ReaderApp, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the reader writes to the terminal from now on, as OSC 52 payloads."""
    written: list[str] = []
    driver = app._driver
    assert driver is not None
    write = driver.write

    def record(data: str) -> None:
        written.append(data)
        write(data)

    monkeypatch.setattr(driver, "write", record)
    return written


async def test_y_copies_the_comment_under_the_cursor_with_its_author_and_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    post = _post([(0, "First comment."), (0, "Second comment.\n\nIts second paragraph.")])
    async with reader(post) as (app, pilot):
        written = _osc52(app, monkeypatch)
        tree = app.comment_tree
        tree.focus()
        await pilot.press("j")
        await pilot.pause()
        assert not [w for w in written if "\x1b]52;" in w]  # nothing before the key
        await pilot.press("y")
        await pilot.pause()
        expected = "author 2 · 2024-03-03\n\nSecond comment.\n\nIts second paragraph."
        assert app.clipboard == expected
        payload = base64.b64encode(expected.encode()).decode()
        assert [w for w in written if "\x1b]52;" in w] == [f"\x1b]52;c;{payload}\a"]
        notices = [n.message for n in app._notifications]
        assert "Copied comment 2 · author 2" in notices


async def test_no_clipboard_write_on_other_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    async with reader(_thread()) as (app, pilot):
        written = _osc52(app, monkeypatch)
        app.comment_tree.focus()
        await pilot.press("j", "l", "h", "space", "z", "z", "less_than_sign", "J", "k")
        await pilot.pause()
        assert not [w for w in written if "\x1b]" in w]
        assert app.clipboard == ""


# --- the keys are the reader's: ids, help and palette -----------------------------------


def test_the_new_keys_have_ids_and_do_not_clash() -> None:
    app = make_app(_thread())
    groups = {group.title: group for group in app.key_groups()}
    ids = {b.id: b.key for group in groups.values() for b in group.bindings}
    assert ids["comments_full_screen"] == "z"
    assert ids["comments_taller"] == "greater_than_sign"
    assert ids["comments_shorter"] == "less_than_sign"
    assert ids["comments.copy"] == "y"
    for title in ("Anywhere", "Comments"):
        keys = [k.strip() for b in groups[title].bindings for k in b.key.split(",")]
        assert len(keys) == len(set(keys)), title
    anywhere = {k.strip() for b in groups["Anywhere"].bindings for k in b.key.split(",")}
    comments = {k.strip() for b in groups["Comments"].bindings for k in b.key.split(",")}
    assert not anywhere & comments


@pytest.mark.skipif(
    "comments_full_screen" not in PALETTE_BINDINGS, reason="not offered by the palette yet"
)
async def test_the_palette_runs_the_full_screen_and_resize_commands() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        height = tree.outer_size.height
        await _palette(pilot, "make the comments panel taller")
        assert tree.outer_size.height == height + 2
        await _palette(pilot, "grow the comments panel")
        assert _fills_the_screen(app)
        assert tree.has_focus
        await _palette(pilot, "grow the comments panel")
        assert not tree.is_maximized
        assert tree.outer_size.height == height + 2


async def test_a_match_in_the_text_brings_the_text_back_from_a_full_screen_panel() -> None:
    post = _post([(0, "A comment."), (0, "Another comment.")], body="The post has a needle.")
    async with reader(post) as (app, pilot):
        # The text has no "c": every step of the incremental search is in the comments,
        # which stay full screen.
        await pilot.press("z", "slash", *"comment", "enter", "n")
        await pilot.pause()
        assert _fills_the_screen(app)
        assert app.comment_tree.cursor_id == "c2"
        await pilot.press("slash", *["backspace"] * 7, *"needle", "enter")
        await pilot.pause()
        assert app.screen.maximized is None
        assert app.document.display and app.document.size.height > 3


async def test_a_tall_panel_gives_way_to_the_text_in_a_shorter_terminal_and_comes_back() -> None:
    async with reader(_thread()) as (app, pilot):
        tree = app.comment_tree
        await pilot.press(*["greater_than_sign"] * 8)
        await pilot.pause()
        tall = tree.outer_size.height
        await pilot.resize_terminal(120, 24)
        await pilot.pause()
        assert app.document.size.height >= 3
        assert tree.outer_size.height < tall
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert tree.outer_size.height == tall
