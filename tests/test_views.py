"""The two scrolling views (the text pane and the comments panel) share one lazy view:
a change repaints only the rows it touches, and a drawn row is kept."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from time import perf_counter
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot

from reader.export import to_markdown, to_outline
from reader.model import MAX_INDENT_DEPTH, Comment, Paragraph, Post, Section
from reader.tui import ReaderApp, comment_tree, document_view, layout, make_app
from reader.tui.lazy_view import LazyView

SIZE = (120, 40)


def _post(comments: list[tuple[int, str]], body: str = "The post.") -> Post:
    """A post whose comments are (depth, text), each replying to the one before when deeper."""
    made: list[Comment] = []
    parents: list[str] = []
    for number, (depth, text) in enumerate(comments, start=1):
        del parents[depth:]
        comment_id = f"c{number}"
        made.append(
            Comment(
                id=comment_id,
                parent=parents[-1] if parents else None,
                depth=depth,
                label=None,
                author=f"author {number}",
                date=None,
                paragraphs=(Paragraph(f"{comment_id}.p1", text, (0, len(text))),),
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


@asynccontextmanager
async def reader(post: Post) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    app = make_app(post)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        yield app, pilot


class Repaints:
    """Counts what a view repaints: screen lines asked for, and rows drawn afresh."""

    def __init__(self, view: LazyView[Any], monkeypatch: pytest.MonkeyPatch) -> None:
        self.lines = 0
        self.drawn: list[object] = []
        refresh, render_row = view.refresh, view._render_row

        def counted_refresh(*regions: Region, **options: Any) -> Any:
            if options.get("repaint", True):
                self.lines += sum(r.height for r in regions) if regions else view.size.height
            return refresh(*regions, **options)

        def counted_render_row(row: Any, width: int) -> Any:
            self.drawn.append(row)
            return render_row(row, width)

        monkeypatch.setattr(view, "refresh", counted_refresh)
        monkeypatch.setattr(view, "_render_row", counted_render_row)


def _draw(view: LazyView[Any]) -> list[str]:
    return [view.render_line(y).text for y in range(view.size.height)]


async def test_a_cursor_move_repaints_only_the_rows_it_leaves_and_enters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    post = _post([(0, f"Comment number {n}.") for n in range(1, 7)])
    async with reader(post) as (app, pilot):
        tree = app.comment_tree
        tree.focus()
        await pilot.pause()
        screen = _draw(tree)
        top = tree.scroll_offset.y
        repaints = Repaints(tree, monkeypatch)
        await pilot.press("j")
        await pilot.pause()
        assert tree.cursor_id == "c2"
        assert tree.scroll_offset.y == top  # it was on screen: nothing scrolled
        assert repaints.lines <= 2
        moved = _draw(tree)
        # The two header rows, drawn again; every other row comes from the cache.
        assert len(repaints.drawn) == 2
        changed = [y for y, (was, now) in enumerate(zip(screen, moved, strict=True)) if was != now]
        assert changed == []  # the text is the same: only the cursor's style moved
        await pilot.press("k")
        await pilot.pause()
        _draw(tree)
        assert len(repaints.drawn) == 2  # both header rows as they were: cached


async def test_a_new_current_match_redraws_only_its_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    body = " ".join(f"word{n} alpha" for n in range(400))
    async with reader(_post([(0, "A comment.")], body=body)) as (app, pilot):
        view = app.document
        await pilot.press("slash", *"alpha", "enter")
        await pilot.pause()
        _draw(view)
        repaints = Repaints(view, monkeypatch)
        for _ in range(3):
            await pilot.press("n")
            await pilot.pause()
            _draw(view)
        # The matches sit on the first rows: each step leaves one row and enters
        # one (or stays on it), and nothing else is drawn again.
        assert app.document.top_row == 0
        assert 0 < len(repaints.drawn) <= 6


async def test_a_row_of_a_long_comment_does_not_mark_the_whole_comment_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = " ".join(["a long comment"] * 20_000)
    async with reader(_post([(0, text)])) as (app, pilot):
        tree = app.comment_tree
        marked: list[int] = []
        visible: Callable[[str], str] = comment_tree.visible

        def counted(piece: str) -> str:
            marked.append(len(piece))
            return visible(piece)

        monkeypatch.setattr(comment_tree, "visible", counted)
        for page in range(1, 4):
            tree.scroll_to_row(page * tree.size.height)
            lines = _draw(tree)
            assert any("a long comment" in line for line in lines)
        # Wrapped and marked once when it first came on screen, before these pages.
        assert not [length for length in marked if length >= len(text)]


async def test_deep_replies_are_indented_alike_in_the_panel_and_the_dumps() -> None:
    deepest = MAX_INDENT_DEPTH + 3
    post = _post([(depth, f"At depth {depth}.") for depth in range(deepest + 1)])
    text_column = {}
    async with reader(post) as (app, pilot):
        tree = app.comment_tree
        for depth in (MAX_INDENT_DEPTH - 1, MAX_INDENT_DEPTH, deepest):
            tree.reveal(post.comments[depth].id)
            await pilot.pause()
            line = next(line for line in _draw(tree) if f"At depth {depth}." in line)
            text_column[depth] = line.index("At depth")
    assert text_column[deepest] == text_column[MAX_INDENT_DEPTH]
    assert text_column[MAX_INDENT_DEPTH] > text_column[MAX_INDENT_DEPTH - 1]
    outline = {line.strip(): line for line in to_outline(post).splitlines()}
    markdown = to_markdown(post).splitlines()

    def outline_indent(depth: int) -> int:
        line = next(v for k, v in outline.items() if k.endswith(f"At depth {depth}."))
        return len(line) - len(line.lstrip())

    def quote_depth(depth: int) -> int:
        line = next(line for line in markdown if line.endswith(f"At depth {depth}."))
        return line.count(">")

    assert outline_indent(deepest) == outline_indent(MAX_INDENT_DEPTH)
    assert outline_indent(MAX_INDENT_DEPTH) > outline_indent(MAX_INDENT_DEPTH - 1)
    assert quote_depth(deepest) == quote_depth(MAX_INDENT_DEPTH) == MAX_INDENT_DEPTH + 1


async def test_a_huge_code_block_and_a_huge_list_draw_and_scroll_wrapping_each_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A 10,000-line code block and a 5,000-item list: the first screen, paging through
    them and the end. A block is laid out whole when it first comes on screen (the views
    lay out items, not rows), once, in a few milliseconds; scrolling draws from that."""
    code = "\n".join(
        f"    line {n}:\tvalue = compute({n})  # {'x' * (n % 90)}" for n in range(10_000)
    )
    items = "\n".join(f"• item {n} " + "word " * (n % 30) for n in range(5_000))
    paragraphs = (
        Paragraph("p1", "Before the code.", (0, 0)),
        Paragraph("p2", code, (0, 0), kind="code"),
        Paragraph("p3", items, (0, 0), kind="list"),
        Paragraph("p4", "The end.", (0, 0)),
    )
    comment = Comment(
        "c1", None, 0, None, "someone", None, (Paragraph("c1.p1", code, (0, 0), kind="code"),)
    )
    post = Post(
        title="Big blocks",
        sections=(Section("s1", "Big blocks", True, 1, paragraphs),),
        comments=(comment,),
    )
    laid_out: list[tuple[str, float]] = []
    block_rows = document_view.block_rows

    def timed(kind: str, text: str, width: int) -> Any:
        start = perf_counter()
        rows = block_rows(kind, text, width)
        laid_out.append((kind, perf_counter() - start))
        return rows

    monkeypatch.setattr(document_view, "block_rows", timed)
    async with reader(post) as (app, pilot):
        view = app.document
        assert any("line 0:" in line for line in _draw(view))
        for _ in range(5):
            await pilot.press("pagedown")
            await pilot.pause()
            assert any("value = compute(" in line for line in _draw(view))
        middle = view.row_of_match("p3", items.index("• item 2500 "))
        assert middle is not None
        view.scroll_to_row(middle)
        await pilot.pause()
        assert _draw(view)[0].strip().startswith("• item 2500 word")
        await pilot.press("G")
        await pilot.pause()
        assert any("The end." in line for line in _draw(view))
        assert sorted(kind for kind, _ in laid_out) == ["code", "list"]  # each once
        assert all(seconds < 0.5 for _, seconds in laid_out)
        tree = app.comment_tree
        tree.scroll_to_row(5_000)
        await pilot.pause()
        assert any("value = compute(" in line for line in _draw(tree))


async def test_the_background_wrap_waits_for_the_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    # A long thread is wrapped in slices on a timer; a slice due just as a key arrives
    # would hold up the frame that answers it. Moving the cursor or scrolling puts the
    # next slice a pause later, so slices run between keys.
    post = _post([(n % 3, f"Comment number {n}. " * 30) for n in range(1, 300)])
    async with reader(post) as (app, pilot):
        deferred: list[str] = []
        for view in (app.comment_tree, app.document):
            name = type(view).__name__
            monkeypatch.setattr(view._background, "defer", lambda n=name: deferred.append(n))
        app.comment_tree.focus()
        await pilot.press("j", "j")
        assert len(deferred) >= 2 and set(deferred) == {"CommentTree"}  # each key, maybe its scroll
        app.document.focus()
        await pilot.press("pagedown")
        assert deferred[-1] == "DocumentView"


async def test_a_deferred_slice_starts_its_pause_again() -> None:
    post = _post([(0, "A comment.")])
    async with reader(post) as (app, pilot):
        background = app.comment_tree._background
        steps: list[float] = []
        background._step = lambda: steps.append(perf_counter()) or True
        started = perf_counter()
        background.start()
        await asyncio.sleep(layout.SLICE_PAUSE * 0.6)
        background.defer()  # a key: the slice waits a whole pause from here
        deferred_at = perf_counter()
        await asyncio.sleep(layout.SLICE_PAUSE * 3)
        assert len(steps) == 1
        assert steps[0] - deferred_at >= layout.SLICE_PAUSE * 0.9 > 0
        assert steps[0] - started > layout.SLICE_PAUSE * 1.4
