"""The comments panel: a collapsible thread as a lazy Line-API view.

Textual's ``Tree`` keeps labels to one line, rebuilds every visible node on a toggle and
recurses per level (a 1,000-deep thread raises RecursionError), so this is its own view:
the thread is kept flat in document order, a subtree is the run of comments after a
comment that sit deeper than it, and every walk is a loop. Its items are the visible
comments; ``lazy_view`` does the wrapping, the anchor and the drawn-row cache. A list,
a quotation or code in a comment keeps its lines as it does in the post (``blocks``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Iterable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.css.scalar import Scalar
from textual.events import Click, MouseDown, MouseMove, MouseUp
from textual.geometry import Region
from textual.reactive import var
from textual.strip import Strip
from textual.widget import Widget

from reader.model import MAX_INDENT_DEPTH, Comment, Post
from reader.tui.blocks import (
    KEPT_KINDS,
    BlockLook,
    LinkSpans,
    TabStops,
    block_rows,
    block_segments,
    expand_tabs,
    link_spans,
)
from reader.tui.layout import FILL
from reader.tui.lazy_view import Anchor, LazyView, full_width, gap_join
from reader.tui.spans import Current, Marks, StyledSpan, spans_in, styled_segments
from reader.tui.wrap import wrap
from reader.visible import visible

INDENT = 2
GUTTER = 1
PREVIEW_CHARS = 60
MIN_PREVIEW = 8
"""Columns a folded comment's preview needs to be worth showing (with its ``…``)."""

MIN_HEIGHT = 3
"""The fewest rows the panel is resized to: its border and two rows."""
MIN_TEXT_HEIGHT = 3
"""Rows the text pane keeps when the panel is resized taller."""


# Row kinds.
_HEADER, _TEXT, _BLANK = 0, 1, 2

Row = tuple[int, int, int, int, int, int]
"""(comment index, kind, paragraph index, start, end, hang): ``hang`` is what stands before
a row that continues a list item or a code line (see ``blocks``), 0 otherwise."""


class CommentTree(LazyView[Row], can_focus=True):
    """The discussion under the post, with a cursor on one comment."""

    COMPONENT_CLASSES = {
        "comment-tree--header",
        "comment-tree--meta",
        "comment-tree--cursor",
        "comment-tree--collapsed",
        "comment-tree--artifact",
        "comment-tree--code",
        "comment-tree--code-mark",
        "comment-tree--quote",
        "comment-tree--quote-bar",
        "comment-tree--list-marker",
        "comment-tree--link",
        "comment-tree--link-reference",
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
        Binding(
            "y",
            "copy_comment",
            "Copy comment",
            id="comments.copy",
            show=False,
            tooltip="Copy the comment under the cursor, with its author and date",
        ),
    ]

    cursor: var[int] = var(0, init=False)
    """The comment under the cursor (its index in document order)."""

    def __init__(self, post: Post, *, pending: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pending = pending
        self._leads: dict[tuple[int, bool, Style], list[Segment]] = {}
        self._marks: Marks = {}
        self._current: Current = None
        self._look: BlockLook | None = None
        self._rows: int | None = None  # the height it was resized to (None: the stylesheet's)
        self._drag_bottom: int | None = None  # the panel's bottom row while its border is dragged
        # Where the cursor's header was on screen when a resize began (see ``_resized``).
        self._resizing = False
        self._kept_place: int | None = None
        self._seen_height = 0
        # The cursor, the comment at the top (which survives wrapping in the background)
        # and the place kept, as the last resize left them.
        self._resize_memory: tuple[int, Anchor | None, int] | None = None
        self._load(post)

    def _load(self, post: Post) -> None:
        self.post = post
        self.comments: tuple[Comment, ...] = post.comments
        self._index = {comment.id: i for i, comment in enumerate(self.comments)}
        self._subtree_end = _subtree_ends(self.comments)
        self._collapsed = bytearray(len(self.comments))
        self.set_reactive(CommentTree.cursor, 0)  # a new thread: no old cursor row to repaint
        self._visible: list[int] = []  # comment indices shown, in order: the view's items
        # Rows of each comment at the layout width, folded or not: a toggle re-wraps nothing.
        self._wrapped: dict[tuple[int, bool], list[Row]] = {}
        # Paragraphs as drawn (hidden characters marked), made when a comment is first
        # wrapped: drawing a row of a 1 MB comment must not mark all of it again.
        self._shown: list[tuple[str, ...] | None] = [None] * len(self.comments)
        # Code paragraphs whose tabs were expanded, by (comment, paragraph): their rows'
        # offsets differ from the text's.
        self._tabs: dict[tuple[int, int], TabStops] = {}
        self._text_sizes = [
            (sum(len(p.text) for p in comment.paragraphs), len(comment.paragraphs))
            for comment in self.comments
        ]
        self._links: dict[str, LinkSpans] = {}
        if post.links:
            self._links = link_spans(post.links, self._paragraph_text)

    def show_thread(self, post: Post) -> None:
        """The thread has been read (it was pending): show it."""
        self._pending = False
        self._load(post)
        self._forget_layout()  # laid out again at the next frame

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

    @property
    def is_empty(self) -> bool:
        return not self.comments

    # --- layout ---------------------------------------------------------------------

    def _indent(self, comment: Comment) -> int:
        return GUTTER + INDENT * min(comment.depth, MAX_INDENT_DEPTH)

    def _text_width(self, comment: Comment, width: int) -> int:
        """Columns for a comment's text, right of its indent."""
        return max(8, width - self._indent(comment) - INDENT - 1)

    def _paragraph_text(self, block_id: str) -> str | None:
        """A comment paragraph's text by its id (``c2.p1``), or None."""
        comment_id, _, paragraph = block_id.partition(".")
        index = self._index.get(comment_id)
        if index is None or not paragraph[1:].isdigit():
            return None
        number = int(paragraph[1:]) - 1
        paragraphs = self.comments[index].paragraphs
        return paragraphs[number].text if 0 <= number < len(paragraphs) else None

    def _shown_paragraphs(self, index: int) -> tuple[str, ...]:
        shown = self._shown[index]
        if shown is None:
            texts = []
            for number, paragraph in enumerate(self.comments[index].paragraphs):
                text = paragraph.text
                if paragraph.kind == "code":
                    text, tabs = expand_tabs(text)
                    if tabs is not None:
                        self._tabs[index, number] = tabs
                texts.append(visible(text))
            shown = self._shown[index] = tuple(texts)
        return shown

    def _comment_rows(self, index: int, width: int) -> list[Row]:
        """Rows of one comment at this width (cached): one line when collapsed."""
        collapsed = bool(self._collapsed[index])
        key = (index, collapsed)
        rows = self._wrapped.get(key)
        if rows is None:
            rows = [(index, _HEADER, -1, 0, 0, 0)]
            if not collapsed:
                comment = self.comments[index]
                text_width = self._text_width(comment, width)
                kinds = [paragraph.kind for paragraph in comment.paragraphs]
                for number, text in enumerate(self._shown_paragraphs(index)):
                    if number:
                        rows.append((index, _BLANK, -1, 0, 0, 0))
                    if kinds[number] in KEPT_KINDS:
                        rows.extend(
                            (index, _TEXT, number, start, end, hang)
                            for start, end, hang in block_rows(kinds[number], text, text_width)
                        )
                    else:
                        rows.extend(
                            (index, _TEXT, number, start, end, 0)
                            for start, end in wrap(text, text_width)
                        )
            rows.append((index, _BLANK, -1, 0, 0, 0))
            self._wrapped[key] = rows
        return rows

    def _item_rows(self, position: int) -> list[Row]:
        return self._comment_rows(self._visible[position], self._layout_width)

    def _estimate(self, index: int, width: int) -> int:
        """A guess at a comment's height that costs no wrapping."""
        if self._collapsed[index]:
            return 2
        chars, paragraphs = self._text_sizes[index]
        text_width = self._text_width(self.comments[index], width)
        return 2 + int(chars / (text_width * FILL)) + 2 * paragraphs - (1 if paragraphs else 0)

    def _plan(self, width: int, width_changed: bool) -> list[int]:
        """The visible comments: those wrapped before keep their rows, the rest estimated.

        A 10,000-comment thread is far more than a frame's work to wrap, so only the
        comments on screen are wrapped now and the rest a slice at a time after the
        frame; a toggle re-wraps nothing it has wrapped before.
        """
        if width_changed:
            self._wrapped.clear()
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
        return estimates

    def _anchor_item(self, item: int) -> int:
        return self._visible[item]  # positions move when a comment folds: anchor the comment

    def _item_named(self, name: int) -> tuple[int, bool]:
        position = self._visible_position(name)
        return position, self._visible[position] == name

    def on_resize(self) -> None:
        # Textual calls each class's handler, this one before the lazy view's, which lays
        # out again: note where the cursor is while the old layout stands.
        self._note_cursor_place()

    def render_line(self, y: int) -> Strip:
        if self._lazy is not None and self.size.width != self._layout_width:
            # A new width can be drawn (and laid out) before the Resize event arrives.
            self._note_cursor_place()
        return super().render_line(y)

    def _note_cursor_place(self) -> None:
        if self._resizing:
            return
        self._resizing = True
        memory = self._resize_memory
        if memory is not None and memory[:2] == (self.cursor, self._anchor()):
            # Nothing moved since the last resize: the place it had before that one, so
            # that shrinking and growing back returns to the same screen.
            self._kept_place = memory[2]
        else:
            self._kept_place = self._cursor_place()

    def _resized(self, relaid: bool) -> None:
        # The comment under the cursor keeps its place on screen (the text pane keeps its
        # top row; here the cursor is what the reader is looking at).
        place = self._kept_place if self._resizing else None
        self._resizing, self._kept_place = False, None
        if place is not None:
            self._put_cursor_at(place)
            self._resize_memory = (self.cursor, self._anchor(), place)
        else:
            self._resize_memory = None
        self._seen_height = self.scrollable_content_region.height

    def _cursor_place(self) -> int | None:
        """The screen row of the cursor's header as last shown, or None when it was not
        on screen."""
        lazy = self._lazy
        if lazy is None or not self._visible:
            return None
        place = lazy.offset(self._visible_position(self.cursor)) - self.top_row
        return place if 0 <= place < self._seen_height else None

    def _put_cursor_at(self, place: int) -> None:
        """Scroll so the cursor's header is on screen row ``place`` (or, when the panel is
        now shorter than that, so as much of its comment shows as fits)."""
        lazy = self._lazy
        if lazy is None or not self._visible:
            return
        position = self._visible_position(self.cursor)
        height = max(1, self.scrollable_content_region.height)
        if place >= height:
            place = max(0, height - min(len(lazy.rows(position)), height))
        # Scrolling wraps the comments that come on screen, which can move the cursor's
        # row: a second pass puts it where it belongs.
        for _ in range(3):
            top = lazy.offset(position) - place
            if top == self.top_row or (top < 0 and self.top_row == 0):
                break
            self.scroll_to_row(top)

    # --- rendering ------------------------------------------------------------------

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
        return full_width([Segment(" " + message, style)], width, self.rich_style)

    def _row_state(self, row: Row) -> Hashable:
        index, kind, number, start, end, _ = row
        if kind == _HEADER:
            on_cursor = index == self.cursor
            collapsed = bool(self._collapsed[index])
            return on_cursor, collapsed, self._current_in(self.comments[index].id)
        if kind == _TEXT:
            start, end = self._source_range(index, number, start, end)
            return self._current_in(self.comments[index].paragraphs[number].id, start, end)
        return None

    def _row_lead(self, row: Row) -> int:
        # The gutter, the guides and a text row's indent (see ``_lead``).
        lead = GUTTER + 2 * min(self.comments[row[0]].depth, MAX_INDENT_DEPTH)
        return lead + INDENT if row[1] == _TEXT else lead

    def _row_join(self, before: Row, row: Row) -> str:
        index, kind, number = row[:3]
        if kind != _TEXT or before[:3] != (index, kind, number):
            return "\n"
        if self.comments[index].paragraphs[number].kind in KEPT_KINDS:
            return "\n"
        return gap_join(self._shown_paragraphs(index)[number][before[4] : row[3]])

    def _source_range(self, index: int, number: int, start: int, end: int) -> tuple[int, int]:
        """A row's range in offsets of its paragraph's text (they differ only in code
        with tabs)."""
        tabs = self._tabs.get((index, number))
        if tabs is None:
            return start, end
        return tabs.to_source(start), tabs.to_source(end, end=True)

    def _current_in(
        self, block_id: str, start: int = 0, end: int | None = None
    ) -> tuple[int, int] | None:
        """The current match if it is in this block (and reaches into ``start:end`` of its
        text)."""
        current = self._current
        if current is None or current[0] != block_id:
            return None
        if end is not None and not (current[1] < end and current[2] > start):
            return None
        return current[1], current[2]

    def _match_spans(self, block_id: str, start: int, end: int) -> list[StyledSpan]:
        spans: list[StyledSpan] = []
        marks = self._marks.get(block_id)
        if marks:
            style = self.get_component_rich_style("comment-tree--match")
            spans += spans_in(marks, start, end, style)
        current = self._current_in(block_id, start, end)
        if current is not None:
            style = self.get_component_rich_style("comment-tree--current-match")
            spans.append((*current, style))
        return spans

    def _render_row(self, row: Row, width: int) -> Strip:
        base = self.rich_style
        index, kind = row[0], row[1]
        if kind == _BLANK:
            return Strip.blank(width, base)
        comment = self.comments[index]
        lead = self._lead(min(comment.depth, MAX_INDENT_DEPTH), kind == _TEXT, base)
        if kind == _TEXT:
            return full_width(lead + self._text_segments(row, base), width, base)
        room = width - sum(segment.cell_length for segment in lead)
        return full_width(lead + self._header_segments(index, base, room), width, base)

    def _text_segments(self, row: Row, base: Style) -> list[Segment]:
        index, _, number, start, end, hang = row
        comment = self.comments[index]
        paragraph = comment.paragraphs[number]
        text = self._shown_paragraphs(index)[number]
        # Everything laid over the text is in offsets of the model's text; a code row
        # with tabs is looked up in those and its spans moved to where they are drawn.
        first, last = self._source_range(index, number, start, end)
        spans: list[StyledSpan] = []
        if paragraph.artifacts:
            artifact = self.get_component_rich_style("comment-tree--artifact")
            spans += [(a.start, a.end, artifact) for a in paragraph.artifacts]
        links = self._links.get(paragraph.id)
        if links is not None:
            look = self._block_look()
            spans += spans_in(links.texts, first, last, look.link)
            spans += spans_in(links.references, first, last, look.reference)
        spans += self._match_spans(paragraph.id, first, last)
        tabs = self._tabs.get((index, number))
        if tabs is not None:
            spans = [(tabs.to_shown(a), tabs.to_shown(b), style) for a, b, style in spans]
        if paragraph.kind in KEPT_KINDS:
            text_width = self._text_width(comment, self._layout_width)
            look = self._block_look()
            shape = (start, end, hang)
            return block_segments(paragraph.kind, text, shape, text_width, base, spans, look)
        return styled_segments(text, start, end, base, spans)

    def _block_look(self) -> BlockLook:
        """The styles of lists, quotations, code and links (kept until the styles change)."""
        if self._look is None:
            self._look = BlockLook.of(
                lambda name: self.get_component_rich_style(f"comment-tree--{name}")
            )
        return self._look

    def _lead(self, depth: int, text: bool, base: Style) -> list[Segment]:
        """The gutter and the guides left of a row (and the indent of a text row): a few
        shapes, made once per style."""
        key = (depth, text, base)
        lead = self._leads.get(key)
        if lead is None:
            guide = base + self.get_component_rich_style("comment-tree--guide", partial=True)
            lead = [Segment(" " * GUTTER + "│ " * depth, guide)]
            if text:
                lead.append(Segment(" " * INDENT, base))
            self._leads[key] = lead
        return lead

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._leads.clear()
        self._look = None

    def _header_segments(self, index: int, base: Style, room: int) -> list[Segment]:
        """A comment's header line in ``room`` cells: a folded comment's preview is cut to
        what fits beside the reply count, and ends in ``…`` when it is cut."""
        comment = self.comments[index]
        collapsed = bool(self._collapsed[index])
        on_cursor = index == self.cursor
        style = base + self.get_component_rich_style("comment-tree--header")
        if on_cursor:
            style = style + self.get_component_rich_style("comment-tree--cursor")
        meta = style + self.get_component_rich_style("comment-tree--meta", partial=True)
        marker = "▸ " if collapsed else "▾ "
        segments = [Segment(marker + self.post.comment_number(comment.id), style)]
        if comment.author:
            author = visible(comment.author)
            segments.append(Segment(" · ", meta))
            spans = self._match_spans(comment.id, 0, len(author))
            segments += styled_segments(author, 0, len(author), style, spans)
        if comment.date:
            segments.append(Segment(" · " + visible(comment.date), meta))
        if collapsed:
            dim = style + self.get_component_rich_style("comment-tree--collapsed", partial=True)
            replies = self.reply_count(index)
            more = f"  (+{replies} {'reply' if replies == 1 else 'replies'})" if replies else ""
            used = sum(segment.cell_length for segment in segments) + len(more)
            preview = _fit(_preview(comment), room - used - 2)
            if preview:
                segments.append(Segment("  " + preview, dim))
            if more:
                segments.append(Segment(more, meta))
        return segments

    # --- cursor and folding ---------------------------------------------------------

    def _visible_position(self, index: int) -> int:
        """Position of a comment among the visible ones (it must be visible)."""
        position = bisect_right(self._visible, index) - 1
        return max(0, position)

    def watch_cursor(self, old: int, new: int) -> None:
        """Repaint the header rows the cursor leaves and enters, and nothing else."""
        lazy = self._lazy
        if lazy is None:
            return
        rows = []
        for index in (old, new):
            position = self._visible_position(index)
            if position < lazy.count and self._visible[position] == index:
                rows.append(lazy.offset(position))
        self.refresh_rows(*rows)

    def _move_cursor(self, index: int) -> None:
        if not self.comments:
            return
        self.cursor = max(0, min(index, len(self.comments) - 1))
        self._background.defer()
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if not self._visible or self._lazy is None:
            return
        position = self._visible_position(self.cursor)
        rows = len(self._lazy.rows(position))  # wrapped now, so its height is exact
        top = self._lazy.offset(position)
        self._update_virtual_size()
        height = min(rows, self.scrollable_content_region.height)
        self.scroll_to_region(Region(0, top, 1, max(1, height)), animate=False, immediate=True)

    def _set_collapsed(self, index: int, collapsed: bool) -> None:
        if bool(self._collapsed[index]) != collapsed:
            self._collapsed[index] = collapsed
            self._relayout()

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
        self._relayout()
        # The cursor goes to the top-level comment that holds it.
        index = self.cursor
        while self.comments and self.comments[index].parent is not None:
            parent = self.comments[index].parent
            assert parent is not None
            index = self._index[parent]
        self._move_cursor(index)

    def action_expand_all(self) -> None:
        self._collapsed = bytearray(len(self.comments))
        self._relayout()
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
        if changed or not self.has_layout:
            self._relayout()
        self._move_cursor(index)

    def reveal_match(self, block_id: str, offset: int) -> None:
        """Show a match in a comment's author (``c2``) or paragraph (``c2.p1``)."""
        comment_id, _, paragraph = block_id.partition(".")
        self.reveal(comment_id)
        if not paragraph:
            return
        number = int(paragraph[1:]) - 1
        position = self._visible_position(self._index[comment_id])
        lazy = self._lazy
        assert lazy is not None  # laid out by ``reveal``
        index = self._index[comment_id]
        line = 0
        for candidate, (_, kind, para, start, end, _) in enumerate(lazy.rows(position)):
            if kind == _TEXT and para == number:
                start = self._source_range(index, para, start, end)[0]
            if kind == _TEXT and (para > number or (para == number and start > offset)):
                break
            line = candidate
        row = lazy.offset(position) + line
        self._update_virtual_size()
        self.scroll_to_region(Region(0, row, 1, 1), animate=False, immediate=True)

    def set_marks(self, marks: Marks) -> None:
        """Paint these matches (keyed by block id: ``c2`` author, ``c2.p1`` paragraph)."""
        self._marks = marks
        self._marks_changed()

    def set_current(self, current: Current) -> None:
        """Paint this match as the current one (None: no current match here)."""
        self._current = current
        self.refresh()  # only the rows it leaves and enters are drawn again (``_row_state``)

    # --- copy -----------------------------------------------------------------------

    def comment_text(self, index: int) -> str:
        """A comment as it is copied: its author and date, then its paragraphs."""
        comment = self.comments[index]
        byline = " · ".join(part for part in (comment.author, comment.date) if part)
        paragraphs = [paragraph.text for paragraph in comment.paragraphs]
        return "\n\n".join([byline, *paragraphs] if byline else paragraphs)

    def action_copy_comment(self) -> None:
        # Text selected with the mouse is what the reader meant to copy, if there is some.
        if self.copy_selection() or not self.comments:
            return
        comment = self.comments[self.cursor]
        # Through the terminal (OSC 52): it works over ssh, where no local clipboard does.
        self.app.copy_to_clipboard(self.comment_text(self.cursor))
        name = f"comment {self.post.comment_number(comment.id)}"
        if comment.author:
            name += f" · {visible(comment.author)}"
        self.notify(f"Copied {name}", markup=False, timeout=2)

    # --- size -----------------------------------------------------------------------

    def height_limits(self) -> tuple[int, int]:
        """The fewest and the most rows the panel is resized to: the text pane keeps a
        few rows above it."""
        parent = self.parent
        room = parent.size.height if isinstance(parent, Widget) else self.app.size.height
        # What else stands in the screen's column (the header, the bar, the footer).
        others = sum(
            sibling.outer_size.height
            for sibling in (parent.children if isinstance(parent, Widget) else ())
            if sibling is not self and sibling.id != "body" and sibling.display
        )
        most = max(MIN_HEIGHT, room - others - MIN_TEXT_HEIGHT)
        return MIN_HEIGHT, most

    def set_height(self, rows: int) -> None:
        """Make the panel ``rows`` high (its border included), within its limits."""
        least, most = self.height_limits()
        self._rows = max(least, min(rows, most))
        self._apply_height()

    def _apply_height(self) -> None:
        """The height resized to, or less while the terminal is too short for it."""
        if self._rows is None or self.is_maximized:
            return
        rows = max(MIN_HEIGHT, min(self._rows, self.height_limits()[1]))
        if self.styles.height != Scalar.from_number(rows):
            self.styles.height = rows

    def on_mount(self) -> None:
        self.watch(self.screen, "maximized", self._maximized_changed, init=False)
        # A terminal made shorter than the panel leaves the text pane its rows.
        self.screen.screen_layout_refresh_signal.subscribe(self, self._layout_refreshed)

    def _layout_refreshed(self, _screen: object) -> None:
        self._apply_height()

    def _maximized_changed(self, maximized: Widget | None) -> None:
        # A height set here would beat the stylesheet's full height for a maximized
        # panel: it is lifted while maximized (by its key or the palette) and put back.
        if maximized is self:
            self.styles.height = None
        else:
            self._apply_height()

    def resize_by(self, step: int) -> None:
        """Make the panel ``step`` rows taller (shorter when negative)."""
        self.set_height(self.outer_size.height + step)

    def on_mouse_down(self, event: MouseDown) -> None:
        # The top border is the panel's handle: drag it to resize.
        if event.y < self.gutter.top and not self.is_maximized:
            self._drag_bottom = self.region.bottom
            self.capture_mouse()
            event.stop()

    def on_mouse_move(self, event: MouseMove) -> None:
        if self._drag_bottom is not None:
            self.set_height(self._drag_bottom - event.screen_y)
            event.stop()

    def on_mouse_up(self, event: MouseUp) -> None:
        if self._drag_bottom is not None:
            self._drag_bottom = None
            self.release_mouse()
            event.stop()

    # --- mouse ----------------------------------------------------------------------

    def on_click(self, event: Click) -> None:
        # The event's offset counts the top border: rows are counted from the content.
        offset = event.get_content_offset(self)
        if offset is None or self._lazy is None:
            return
        clicked = self._lazy.row(self.top_row + offset.y)
        if clicked is not None:
            index, kind, *_ = clicked
            self._move_cursor(index)
            if kind == _HEADER:
                self.action_toggle_comment()

    # --- the place kept between sessions ----------------------------------------------

    def folded_ids(self) -> list[str]:
        return [self.comments[i].id for i, folded in enumerate(self._collapsed) if folded]

    def restore_place(self, cursor_id: str | None, folded: Iterable[str]) -> None:
        """Fold these comments and put the cursor on this one, or on the fold that hides
        it; ids the thread no longer has are passed over."""
        index = self._index
        for comment_id in folded:
            if comment_id in index:
                self._collapsed[index[comment_id]] = 1
        target = index.get(cursor_id) if cursor_id is not None else None
        if target is not None:
            shown, parent = target, self.comments[target].parent
            while parent is not None:
                ancestor = index[parent]
                if self._collapsed[ancestor]:
                    shown = ancestor  # the outermost fold above it is the one on screen
                parent = self.comments[ancestor].parent
            self.set_reactive(CommentTree.cursor, shown)
        if self.has_layout:
            self._relayout()
            self._scroll_to_cursor()


def _subtree_ends(comments: tuple[Comment, ...]) -> list[int]:
    """For each comment, the index just past its last reply (document order)."""
    ends = [len(comments)] * len(comments)
    open_comments: list[int] = []
    for index, comment in enumerate(comments):
        while open_comments and comments[open_comments[-1]].depth >= comment.depth:
            ends[open_comments.pop()] = index
        open_comments.append(index)
    return ends


def _fit(text: str, cells: int) -> str:
    """``text`` in at most ``cells`` cells, ending in ``…`` when cut (nothing when too
    little of it would show)."""
    if cell_len(text) <= cells:
        return text
    if cells < MIN_PREVIEW:
        return ""
    return set_cell_size(text, cells - 1).rstrip() + "…"


def _preview(comment: Comment) -> str:
    if not comment.paragraphs:
        return ""
    text = " ".join(visible(comment.paragraphs[0].text).split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"
