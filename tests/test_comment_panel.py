"""The comments panel as a place to read in: the mouse lands on the row it is over, a
resize keeps the comment under the cursor, the panel grows to the full screen (its key
and Textual's maximize) and back, is resized by keys and by dragging its border, folded
previews end in an ellipsis, and `y` copies the comment under the cursor."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace

import pytest
from textual.pilot import Pilot

from reader.model import Comment, Paragraph, Post, Section
from reader.tui import ReaderApp, make_app
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
