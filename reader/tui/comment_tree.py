"""The comments panel: a collapsible thread as a Line-API view.

Textual's ``Tree`` keeps labels to one line, rebuilds every visible node on a toggle and
recurses per level (a 1,000-deep thread raises RecursionError), so this is its own view:
the thread is kept flat in document order, a subtree is the run of comments after a
comment that sit deeper than it, and every walk is a loop.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Comment, Post
from reader.tui.layout import FILL, SLICE_SECONDS, BackgroundWrap, LazyRows
from reader.tui.spans import Current, Marks, StyledSpan, styled_segments
from reader.tui.wrap import wrap
from reader.visible import visible

MAX_INDENT_DEPTH = 8
"""Replies deeper than this keep the same indent so the text keeps its width."""
INDENT = 2
GUTTER = 1
PREVIEW_CHARS = 60


# Row kinds.
_HEADER, _TEXT, _BLANK = 0, 1, 2

Row = tuple[int, int, int, int, int]
"""(comment index, kind, paragraph index, start, end)."""


class CommentTree(ScrollView, can_focus=True):
    """The discussion under the post, with a cursor on one comment."""

    COMPONENT_CLASSES = {
        "comment-tree--header",
        "comment-tree--meta",
        "comment-tree--cursor",
        "comment-tree--collapsed",
        "comment-tree--artifact",
        "comment-tree--match",
        "comment-tree--current-match",
        "comment-tree--empty",
        "comment-tree--guide",
    }

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Next comment", show=False, id="comments.next"),
        Binding("k,up", "cursor(-1)", "Previous comment", show=False, id="comments.previous"),
        Binding("l,right", "expand", "Expand", show=False, id="comments.expand"),
        Binding("h,left", "collapse", "Collapse", show=False, id="comments.collapse"),
        Binding("space,enter", "toggle_comment", "Toggle", id="comments.toggle"),
        Binding("J", "sibling(1)", "Next sibling", show=False, id="comments.next_sibling"),
        Binding("K", "sibling(-1)", "Previous sibling", show=False, id="comments.previous_sibling"),
        Binding("u", "parent", "Parent", show=False, id="comments.parent"),
        Binding(
            "minus",
            "collapse_all",
            "Collapse all",
            id="comments.collapse_all",
            key_display="-",
            show=False,
        ),
        Binding(
            "plus",
            "expand_all",
            "Expand all",
            id="comments.expand_all",
            key_display="+",
            show=False,
        ),
    ]

    class CursorMoved(Message):
        """The cursor is on another comment."""

        def __init__(self, comment_id: str | None) -> None:
            super().__init__()
            self.comment_id = comment_id

    def __init__(self, post: Post, *, pending: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pending = pending
        self._layout_width = 0
        self._background = BackgroundWrap(self, self._wrap_slice)
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._marks: Marks = {}
        self._current: Current = None
        self._load(post)

    def _load(self, post: Post) -> None:
        self.post = post
        self.comments: tuple[Comment, ...] = post.comments
        self._index = {comment.id: i for i, comment in enumerate(self.comments)}
        self._subtree_end = _subtree_ends(self.comments)
        self._collapsed = bytearray(len(self.comments))
        self.cursor = 0
        self._visible: list[int] = []  # comment indices shown, in order
        # Rows of the visible comments, by position in ``_visible``; wrapped when needed.
        self._lazy: LazyRows[Row] = LazyRows(self._visible_rows, [])
        self._wrapped: dict[tuple[int, bool], list[Row]] = {}
        self._text_sizes = [
            (sum(len(p.text) for p in comment.paragraphs), len(comment.paragraphs))
            for comment in self.comments
        ]

    def show_thread(self, post: Post) -> None:
        """The thread has been read (it was pending): show it."""
        self._pending = False
        self._load(post)
        self._layout_width = 0  # lay out at the next frame
        self._cache.clear()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    @property
    def is_pending(self) -> bool:
        """True while a long thread is still being read."""
        return self._pending

    # --- state ----------------------------------------------------------------------

    @property
    def cursor_id(self) -> str | None:
        return self.comments[self.cursor].id if self.comments else None

    def is_collapsed(self, comment_id: str) -> bool:
        return bool(self._collapsed[self._index[comment_id]])

    def reply_count(self, index: int) -> int:
        """Every reply under a comment, at any depth."""
        return self._subtree_end[index] - index - 1

    @property
    def visible_ids(self) -> list[str]:
        return [self.comments[i].id for i in self._visible]

    # --- layout ---------------------------------------------------------------------

    def _indent(self, comment: Comment) -> int:
        return GUTTER + INDENT * min(comment.depth, MAX_INDENT_DEPTH)

    def _comment_rows(self, index: int, width: int) -> list[Row]:
        """Rows of one comment at this width (cached): one line when collapsed."""
        collapsed = bool(self._collapsed[index])
        key = (index, collapsed)
        rows = self._wrapped.get(key)
        if rows is None:
            rows = [(index, _HEADER, -1, 0, 0)]
            if not collapsed:
                comment = self.comments[index]
                text_width = max(8, width - self._indent(comment) - INDENT - 1)
                for number, paragraph in enumerate(comment.paragraphs):
                    if number:
                        rows.append((index, _BLANK, -1, 0, 0))
                    rows.extend(
                        (index, _TEXT, number, start, end)
                        for start, end in wrap(visible(paragraph.text), text_width)
                    )
            rows.append((index, _BLANK, -1, 0, 0))
            self._wrapped[key] = rows
        return rows

    def _visible_rows(self, position: int) -> list[Row]:
        return self._comment_rows(self._visible[position], self._layout_width)

    def _estimate(self, index: int, width: int) -> int:
        """A guess at a comment's height that costs no wrapping."""
        if self._collapsed[index]:
            return 2
        chars, paragraphs = self._text_sizes[index]
        text_width = max(8, width - self._indent(self.comments[index]) - INDENT - 1)
        return 2 + int(chars / (text_width * FILL)) + 2 * paragraphs - (1 if paragraphs else 0)

    def _layout(self) -> None:
        """Lay out the visible comments: exactly what is on screen, the rest estimated.

        A 10,000-comment thread is far more than a frame's work to wrap, so only the
        comments on screen are wrapped now and the rest a slice at a time after the
        frame; a toggle re-wraps nothing it has wrapped before.
        """
        width = self.size.width
        anchor = self._anchor()
        if width != self._layout_width:
            self._wrapped.clear()
            self._layout_width = width
        visible: list[int] = []
        index = 0
        count = len(self.comments)
        collapsed, subtree_end = self._collapsed, self._subtree_end
        while index < count:
            visible.append(index)
            index = subtree_end[index] if collapsed[index] else index + 1
        self._visible = visible
        wrapped = self._wrapped
        estimates = []
        for index in visible:
            rows = wrapped.get((index, bool(collapsed[index])))
            estimates.append(len(rows) if rows is not None else self._estimate(index, width))
        self._lazy = LazyRows(self._visible_rows, estimates)
        self._cache.clear()
        self._settle(anchor)
        if not self._lazy.is_complete:
            self.call_after_refresh(self._background.start)

    def _anchor(self) -> tuple[int, int] | None:
        """The comment at the top of the panel and how many of its rows are above the top."""
        lazy = self._lazy
        if not lazy.count:
            return None
        top = round(self.scroll_y)
        position = lazy.item_at(top)
        return self._visible[position], top - lazy.offset(position)

    def _settle(self, anchor: tuple[int, int] | None) -> None:
        """Wrap what the panel shows, keeping the anchor comment's row at the top."""
        lazy = self._lazy
        position, line = 0, 0
        if anchor is not None and self._visible:
            position = self._visible_position(anchor[0])
            line = anchor[1] if self._visible[position] == anchor[0] else 0
        height = max(1, self.scrollable_content_region.height)
        top = lazy.settle(position, line, height) if lazy.count else 0
        self.virtual_size = Size(self._layout_width, lazy.total)
        if top != round(self.scroll_y):
            self.scroll_to(y=top, animate=False, immediate=True)
        self.refresh()

    def _wrap_slice(self) -> bool:
        """Wrap the next slice of comments, keeping the top of the panel where it is;
        True when every visible comment is wrapped."""
        lazy = self._lazy
        if not lazy.is_complete:
            anchor = self._anchor()
            lazy.wrap_some(SLICE_SECONDS)
            self._settle(anchor)
        return lazy.is_complete

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value) and self._lazy.count:
            self._settle(self._anchor())  # wrap what scrolled into view before drawing it

    def on_resize(self) -> None:
        if self.size.width != self._layout_width:
            self._layout()
            self._scroll_to_cursor()
        else:
            self._settle(self._anchor())

    # --- rendering ------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        row = round(self.scroll_y) + y
        if not self.comments:
            return self._render_empty(y, width)
        if self._layout_width != width and width > 0:
            # The first frame is drawn before the first Resize reaches us.
            self._layout()
        lazy_row = self._lazy.row(row)
        if lazy_row is None:
            return Strip.blank(width, self.rich_style)
        strip = self._cache.get(row)
        if strip is None:
            strip = self._render_row(lazy_row, width)
            self._cache[row] = strip
        return strip

    def _render_empty(self, y: int, width: int) -> Strip:
        if y != 0:
            return Strip.blank(width, self.rich_style)
        declared = self.post.comments_header.declared_count if self.post.comments_header else None
        if self._pending:
            message = f"Reading {declared:,} comments…" if declared else "Reading the comments…"
        else:
            message = "No comments"
            if declared:
                message += f" in this copy of the page (it declares {declared})"
        style = self.rich_style + self.get_component_rich_style("comment-tree--empty")
        return (
            Strip(styled_segments(" " + message, 0, len(message) + 1, style))
            .extend_cell_length(width, self.rich_style)
            .crop(0, width)
        )

    def _match_spans(self, block_id: str, shift: int = 0) -> list[StyledSpan]:
        spans: list[StyledSpan] = []
        marks = self._marks.get(block_id)
        if marks:
            style = self.get_component_rich_style("comment-tree--match")
            spans.extend((a + shift, b + shift, style) for a, b in marks)
        current = self._current
        if current is not None and current[0] == block_id:
            style = self.get_component_rich_style("comment-tree--current-match")
            spans.append((current[1] + shift, current[2] + shift, style))
        return spans

    def _render_row(self, row: Row, width: int) -> Strip:
        base = self.rich_style
        index, kind, number, start, end = row
        comment = self.comments[index]
        indent = self._indent(comment)
        if kind == _BLANK:
            return Strip.blank(width, base)
        guide = self.get_component_rich_style("comment-tree--guide", partial=True)
        lead = styled_segments(
            " " * GUTTER + "│ " * min(comment.depth, MAX_INDENT_DEPTH), 0, indent, base + guide
        )
        if kind == _TEXT:
            paragraph = comment.paragraphs[number]
            spans = [
                (
                    a.start,
                    a.end,
                    self.get_component_rich_style("comment-tree--artifact"),
                )
                for a in paragraph.artifacts
            ]
            spans += self._match_spans(paragraph.id)
            segments = lead + styled_segments(" " * INDENT, 0, INDENT, base)
            segments += styled_segments(visible(paragraph.text), start, end, base, spans)
            return Strip(segments).extend_cell_length(width, base).crop(0, width)
        return (
            Strip(lead + self._header_segments(index, base))
            .extend_cell_length(width, base)
            .crop(0, width)
        )

    def _header_segments(self, index: int, base: Style) -> list[Segment]:
        comment = self.comments[index]
        collapsed = bool(self._collapsed[index])
        on_cursor = index == self.cursor
        style = base + self.get_component_rich_style("comment-tree--header")
        if on_cursor:
            style = style + self.get_component_rich_style("comment-tree--cursor")
        meta = style + self.get_component_rich_style("comment-tree--meta", partial=True)
        marker = "▸ " if collapsed else "▾ "
        segments = styled_segments(
            marker + self.post.comment_number(comment.id),
            0,
            len(marker) + len(self.post.comment_number(comment.id)),
            style,
        )
        if comment.author:
            segments += styled_segments(" · ", 0, 3, meta)
            segments += styled_segments(
                visible(comment.author),
                0,
                len(comment.author),
                style,
                self._match_spans(comment.id),
            )
        if comment.date:
            date = visible(comment.date)
            segments += styled_segments(" · " + date, 0, len(date) + 3, meta)
        if collapsed:
            dim = style + self.get_component_rich_style("comment-tree--collapsed", partial=True)
            preview = _preview(comment)
            replies = self.reply_count(index)
            if preview:
                segments += styled_segments("  " + preview, 0, len(preview) + 2, dim)
            if replies:
                more = f"  (+{replies} {'reply' if replies == 1 else 'replies'})"
                segments += styled_segments(more, 0, len(more), meta)
        return segments

    # --- cursor and folding ---------------------------------------------------------

    def _visible_position(self, index: int) -> int:
        """Position of a comment among the visible ones (it must be visible)."""
        position = bisect_right(self._visible, index) - 1
        return max(0, position)

    def _move_cursor(self, index: int) -> None:
        if not self.comments:
            return
        index = max(0, min(index, len(self.comments) - 1))
        if index != self.cursor:
            self.cursor = index
            self._cache.clear()
            self.refresh()
            self.post_message(self.CursorMoved(self.comments[index].id))
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if not self._visible:
            return
        position = self._visible_position(self.cursor)
        rows = len(self._lazy.rows(position))  # wrapped now, so its height is exact
        top = self._lazy.offset(position)
        self.virtual_size = Size(self._layout_width, self._lazy.total)
        height = min(rows, self.scrollable_content_region.height)
        self.scroll_to_region(Region(0, top, 1, max(1, height)), animate=False, immediate=True)

    def _set_collapsed(self, index: int, collapsed: bool) -> None:
        if bool(self._collapsed[index]) != collapsed:
            self._collapsed[index] = collapsed
            self._layout()

    def action_cursor(self, step: int) -> None:
        if not self._visible:
            return
        position = self._visible_position(self.cursor) + step
        position = max(0, min(position, len(self._visible) - 1))
        self._move_cursor(self._visible[position])

    def action_toggle_comment(self) -> None:
        if self.comments:
            self._set_collapsed(self.cursor, not self._collapsed[self.cursor])
            self._scroll_to_cursor()

    def action_expand(self) -> None:
        if self.comments:
            self._set_collapsed(self.cursor, False)
            self._scroll_to_cursor()

    def action_collapse(self) -> None:
        """Collapse; on a collapsed comment or one without replies, go to the parent."""
        if not self.comments:
            return
        if self._collapsed[self.cursor] or self.reply_count(self.cursor) == 0:
            self.action_parent()
            return
        self._set_collapsed(self.cursor, True)
        self._scroll_to_cursor()

    def action_parent(self) -> None:
        comment = self.comments[self.cursor] if self.comments else None
        if comment is not None and comment.parent is not None:
            self._move_cursor(self._index[comment.parent])

    def action_sibling(self, step: int) -> None:
        if not self.comments:
            return
        comment = self.comments[self.cursor]
        if comment.parent is None:
            siblings = [c.id for c in self.post.top_level_comments]
        else:
            siblings = list(self.post.comment_by_id[comment.parent].replies)
        position = siblings.index(comment.id) + step
        if 0 <= position < len(siblings):
            self._move_cursor(self._index[siblings[position]])

    def action_collapse_all(self) -> None:
        for index in range(len(self.comments)):
            self._collapsed[index] = 1
        self._layout()
        # The cursor goes to the top-level comment that holds it.
        index = self.cursor
        while self.comments and self.comments[index].parent is not None:
            parent = self.comments[index].parent
            assert parent is not None
            index = self._index[parent]
        self._move_cursor(index)

    def action_expand_all(self) -> None:
        self._collapsed = bytearray(len(self.comments))
        self._layout()
        self._scroll_to_cursor()

    def reveal(self, comment_id: str) -> None:
        """Expand a comment and its ancestors and put the cursor on it."""
        index = self._index[comment_id]
        changed = bool(self._collapsed[index])
        self._collapsed[index] = 0
        parent = self.comments[index].parent
        while parent is not None:
            ancestor = self._index[parent]
            changed = changed or bool(self._collapsed[ancestor])
            self._collapsed[ancestor] = 0
            parent = self.comments[ancestor].parent
        if changed:
            self._layout()
        self._move_cursor(index)

    def reveal_match(self, block_id: str, offset: int) -> None:
        """Show a match in a comment's author (``c2``) or paragraph (``c2.p1``)."""
        comment_id, _, paragraph = block_id.partition(".")
        self.reveal(comment_id)
        if not paragraph:
            return
        number = int(paragraph[1:]) - 1
        position = self._visible_position(self._index[comment_id])
        line = 0
        for candidate, (_, kind, para, start, _) in enumerate(self._lazy.rows(position)):
            if kind == _TEXT and (para > number or (para == number and start > offset)):
                break
            line = candidate
        row = self._lazy.offset(position) + line
        self.virtual_size = Size(self._layout_width, self._lazy.total)
        self.scroll_to_region(Region(0, row, 1, 1), animate=False, immediate=True)

    def set_marks(self, marks: Marks) -> None:
        """Paint these matches (keyed by block id: ``c2`` author, ``c2.p1`` paragraph)."""
        self._marks = marks
        self._cache.clear()
        self.refresh()

    def set_current(self, current: Current) -> None:
        self._current = current
        self._cache.clear()
        self.refresh()

    # --- mouse ----------------------------------------------------------------------

    def on_click(self, event: Click) -> None:
        row = round(self.scroll_y) + event.y
        clicked = self._lazy.row(row)
        if clicked is not None:
            index, kind, *_ = clicked
            self._move_cursor(index)
            if kind == _HEADER:
                self.action_toggle_comment()


def _subtree_ends(comments: tuple[Comment, ...]) -> list[int]:
    """For each comment, the index just past its last reply (document order)."""
    ends = [len(comments)] * len(comments)
    open_comments: list[int] = []
    for index, comment in enumerate(comments):
        while open_comments and comments[open_comments[-1]].depth >= comment.depth:
            ends[open_comments.pop()] = index
        open_comments.append(index)
    return ends


def _preview(comment: Comment) -> str:
    if not comment.paragraphs:
        return ""
    text = " ".join(visible(comment.paragraphs[0].text).split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"
