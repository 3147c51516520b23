"""The main pane: the post's title, headings and paragraphs as a lazy Line-API view.

Its items are the title (with the byline under it, when the page gives one), the
headings and the paragraphs; a row is ``text[start:end]`` of one of them (``lazy_view``
does the wrapping, the anchor and the drawn-row cache). Running text is re-flowed; a
list, a quotation or code keeps its lines (``blocks``). The layout is made again when
the width changes, keeping the line at the top in place.

On a wide pane the lines are kept to a readable measure (``measure`` columns of text,
centred), as a book's or a browser's reader mode keeps them; ``w`` switches to the
pane's full width and back.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable
from dataclasses import dataclass
from typing import NamedTuple

from rich.segment import Segment
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip

from reader.model import Post
from reader.search import TITLE_BLOCK
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
from reader.tui.lazy_view import LazyView, full_width, gap_join
from reader.tui.spans import Current, Marks, StyledSpan, spans_in, styled_segments
from reader.tui.wrap import Line, url_spans, wrap
from reader.visible import visible

GUTTER = 2
"""Blank columns on each side of the text (at least: a capped text is centred)."""
DEFAULT_MEASURE = 80
"""Columns of text a line holds at most on a wide pane: about the 45–90 characters
typographers give a line, and what a terminal has always been wide."""
MIN_TEXT_WIDTH = 8
EMPTY = "This document is empty"
BYLINE_BLOCK = "byline"
"""The byline's item (not a block the search holds)."""

Row = tuple[int, int, int, int]
"""(item, start, end, hang): one screen row shows ``text[start:end]`` of an item as drawn;
item -1 is blank. ``hang`` is what stands before a row that continues a list item or a
code line (see ``blocks``), 0 otherwise."""
_BLANK: Row = (-1, 0, 0, 0)


class _Item(NamedTuple):
    """One thing the pane shows: the title, a heading or a paragraph.

    A named tuple: a book has tens of thousands, made while the reader opens.
    """

    kind: str
    """title, byline, heading1, heading2, paragraph (running text), list, quote or code."""
    text: str
    block_id: str
    section: int
    """Index of the section it belongs to; -1 for the title."""
    artifacts: tuple[tuple[int, int], ...] = ()


def byline(post: Post) -> str:
    """The line under the title: "by AUTHOR · DATE · SITE" as far as the page says them,
    and the address the post was read from on a line of its own; empty for a post that
    says none (a text file)."""
    parts = [f"by {post.author}" if post.author else "", post.date or "", post.site or ""]
    lines = [" · ".join(part for part in parts if part), post.source.url or ""]
    return "\n".join(line for line in lines if line)


def _items(post: Post) -> list[_Item]:
    items = [_Item("title", post.title, TITLE_BLOCK, -1)]
    by = byline(post)
    if by:
        items.append(_Item("byline", by, BYLINE_BLOCK, -1))
    append = items.append  # a book has tens of thousands of paragraphs
    for index, section in enumerate(post.sections):
        if not section.title_inferred:
            kind = "heading1" if section.level == 1 else "heading2"
            append(_Item(kind, section.title, section.id, index))
        for paragraph in section.paragraphs:
            marks = paragraph.artifacts
            spans = tuple((a.start, a.end) for a in marks) if marks else ()
            kind = paragraph.kind if paragraph.kind in KEPT_KINDS else "paragraph"
            append(_Item(kind, paragraph.text, paragraph.id, index, spans))
    return items


class DocumentView(LazyView[Row], can_focus=True):
    """The text of the post, wrapped to the pane, with search matches painted."""

    COMPONENT_CLASSES = {
        "document-view--title",
        "document-view--byline",
        "document-view--heading1",
        "document-view--heading2",
        "document-view--artifact",
        "document-view--code",
        "document-view--code-mark",
        "document-view--quote",
        "document-view--quote-bar",
        "document-view--list-marker",
        "document-view--link",
        "document-view--link-reference",
        "document-view--match",
        "document-view--current-match",
        "document-view--empty",
    }

    BINDINGS = [
        Binding("j,down", "scroll_lines(1)", "Line down", show=False, id="text.line_down"),
        Binding("k,up", "scroll_lines(-1)", "Line up", show=False, id="text.line_up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="text.page_down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="text.page_up"),
        # less's half-page keys; ctrl+f stays the app's find.
        Binding("d,ctrl+d", "half_page(1)", "Half a page down", show=False, id="text.half_down"),
        Binding("u,ctrl+u", "half_page(-1)", "Half a page up", show=False, id="text.half_up"),
        Binding("g,home", "top", "Top", show=False, id="text.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="text.bottom"),
        Binding(
            "right_curly_bracket",
            "paragraph(1)",
            "Next paragraph",
            id="text.next_paragraph",
            key_display="}",
            show=False,
        ),
        Binding(
            "left_curly_bracket",
            "paragraph(-1)",
            "Previous paragraph",
            id="text.previous_paragraph",
            key_display="{",
            show=False,
        ),
        Binding(
            "w",
            "toggle_measure",
            "Line length",
            id="toggle_measure",
            show=False,
            tooltip="Lines of a readable length, or the pane's full width",
        ),
        Binding(
            "o",
            "links",
            "Links",
            id="links",
            show=False,
            tooltip="List the post's links: open one in the browser or copy it",
        ),
        Binding(
            "y",
            "copy_paragraph",
            "Copy paragraph",
            id="text.copy",
            show=False,
            tooltip="Copy the paragraph at the reading position to the clipboard",
        ),
    ]

    class LayoutComplete(Message):
        """Every paragraph is wrapped to the pane's width (the slices have finished)."""

    @dataclass
    class PositionChanged(Message):
        """The reading position moved."""

        section: int
        """The section at the top of the pane."""
        progress: float
        """How far the pane has been scrolled through the text, 0..1."""

    def __init__(
        self, post: Post, *, measure: int | None = DEFAULT_MEASURE, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.post = post
        self._measure = measure if measure and measure > 0 else DEFAULT_MEASURE
        self._capped = bool(measure and measure > 0)
        """True while lines are kept to the measure (``w`` switches)."""
        self._margin = GUTTER
        self._kept: tuple[int, int, int] | None = None
        """The item and offset a new layout kept at the top, and where that top row
        starts (the row shows the offset, which can be further on)."""
        self._items = _items(post)
        self._texts = [item.text for item in self._items]
        self._shown: list[str | None] = [None] * len(self._items)
        self._urls: dict[int, list[Line]] = {}
        """Web addresses in an item's text (found when the item is first drawn)."""
        self._tabs: dict[int, TabStops] = {}
        """Code items whose tabs were expanded (their rows' offsets differ from the text's)."""
        self._item_by_block = {item.block_id: index for index, item in enumerate(self._items)}
        self._links: dict[int, LinkSpans] = {}
        if post.links:
            texts = {item.block_id: item.text for item in self._items if item.section >= 0}
            for block, spans in link_spans(post.links, texts.get).items():
                self._links[self._item_by_block[block]] = spans
        self._look: BlockLook | None = None
        self._section_first_item: list[int] = []
        for index, item in enumerate(self._items):
            if item.section == len(self._section_first_item):
                self._section_first_item.append(index)
        self._text_width = 0
        self._marks: dict[int, list[tuple[int, int]]] = {}
        self._current: tuple[int, int, int] | None = None
        self._reported: tuple[int, int] | None = None

    # --- layout -------------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return len(self._items) == 1 and not self.post.paragraphs

    @property
    def measure(self) -> int | None:
        """The columns of text a line holds at most, or None at the pane's full width."""
        return self._measure if self._capped else None

    def _plan(self, width: int, width_changed: bool) -> list[int]:
        text_width = max(MIN_TEXT_WIDTH, width - 2 * GUTTER)
        self._margin = GUTTER
        if self._capped and text_width > self._measure:
            text_width = self._measure
            self._margin = (width - text_width) // 2
        self._text_width = text_width
        return self._estimates()

    def _relayout(self) -> None:
        # The anchor keeps the item at the top, and the row in it by number, which is
        # another part of the text at another width: keep the words at the top instead.
        place = self._top_offset()
        super()._relayout()
        if place is not None:
            item, offset = place
            self._settle((item, self._line_in(item, offset)))
            # Until the reader scrolls, the place is this offset, not the start of the
            # row that now shows it: switching back and forth does not creep upwards.
            row = self._lazy.row(self.top_row) if self._lazy is not None else None
            self._kept = (item, offset, row[1]) if row is not None and row[0] == item else None

    def _top_offset(self) -> tuple[int, int] | None:
        """The item at the top and the offset its top row starts at (as drawn), when the
        top row is inside an item's text."""
        lazy = self._lazy
        if lazy is None or not lazy.count:
            return None
        top = self.top_row
        item = lazy.item_at(top)
        row = lazy.row(top)
        if row is None or row[0] != item or not row[1]:
            return None
        kept = self._kept
        if kept is not None and kept[0] == item and kept[2] == row[1]:
            return item, kept[1]  # the row a new layout kept at the top: still there
        return item, row[1]

    def _line_in(self, item: int, offset: int) -> int:
        """The row of an item (counted from its first, the blank row included) that
        shows an offset of its text as drawn."""
        assert self._lazy is not None
        rows = self._lazy.rows(item)
        first = 1 if rows and rows[0][0] != item else 0
        return max(first, bisect_right(rows, offset, lo=first, key=lambda row: row[1]) - 1)

    def action_toggle_measure(self) -> None:
        self._capped = not self._capped
        self._strips.clear()  # the same rows are drawn at another margin
        if self._lazy is not None:
            self._relayout()
        self._report_position()
        shown = f"at most {self._measure} columns" if self._capped else "the full width"
        self.notify(f"Lines: {shown}", markup=False, timeout=2)

    def _gap(self, index: int) -> int:
        """1 for the blank row above an item: every item has one but the title and the
        byline, which stand together."""
        return 1 if index and self._items[index].kind != "byline" else 0

    def _item_rows(self, index: int) -> list[Row]:
        rows: list[Row] = [_BLANK] if self._gap(index) else []
        kind = self._items[index].kind
        text = self._shown_text(index)
        if kind in KEPT_KINDS:
            rows.extend(
                (index, start, end, hang)
                for start, end, hang in block_rows(kind, text, self._text_width)
            )
        else:
            rows.extend((index, start, end, 0) for start, end in wrap(text, self._text_width))
        return rows

    def _shown_text(self, index: int) -> str:
        """An item's text as drawn (hidden characters marked, code's tabs expanded), made
        when first needed."""
        shown = self._shown[index]
        if shown is None:
            item = self._items[index]
            text = item.text
            if item.kind == "code":
                text, tabs = expand_tabs(text)
                if tabs is not None:
                    self._tabs[index] = tabs
            shown = self._shown[index] = visible(text)
        return shown

    def _shown_offset(self, item: int, offset: int) -> int:
        """Where an offset of an item's text is drawn (they differ only in code with tabs)."""
        self._shown_text(item)
        tabs = self._tabs.get(item)
        return offset if tabs is None else tabs.to_shown(offset)

    def _estimates(self) -> list[int]:
        """Guessed heights of every item (with the blank row above), one pass for a book."""
        width = self._text_width
        # Greedy wrapping leaves a little room at the end of most lines.
        per_row = width * FILL
        heights = [
            int(len(text) / per_row) + 2
            if "\n" not in text
            else sum(len(line) // width + 1 for line in text.split("\n")) + 1
            for text in self._texts
        ]
        for index in range(min(2, len(heights))):
            heights[index] -= 1 - self._gap(index)  # the title and the byline: no blank row
        return heights

    def _wrap_finished(self) -> None:
        self.post_message(self.LayoutComplete())

    def _content_height(self, rows: int) -> int:
        # Room below the last section start, so a jump can put any section at the top.
        last_start = (
            self.first_row_of_section(len(self._section_first_item) - 1)
            if self._section_first_item
            else 0
        )
        return max(rows, last_start + self.scrollable_content_region.height)

    def _row_of(self, item: int, offset: int) -> int:
        """The row that shows ``offset`` of an item's text."""
        assert self._lazy is not None
        rows = self._lazy.rows(item)
        offset = self._shown_offset(item, offset)
        first = 1 if rows and rows[0][0] != item else 0  # the blank row above the item
        # A 10 MB paragraph has a hundred thousand rows: search them, do not walk them.
        line = bisect_right(rows, offset, lo=first, key=lambda row: row[1]) - 1
        return self._lazy.offset(item) + max(first, line)

    def _resized(self, relaid: bool) -> None:
        self._report_position()

    # --- rendering ------------------------------------------------------------------

    def _render_empty(self, y: int, width: int) -> Strip:
        if y != 1:
            return Strip.blank(width, self.rich_style)
        style = self.get_component_rich_style("document-view--empty")
        return full_width([Segment(" " * self._margin + EMPTY, style)], width, self.rich_style)

    def _row_state(self, row: Row) -> Hashable:
        return self._current_on(row)

    def _row_lead(self, row: Row) -> int:
        return self._margin

    def _row_join(self, before: Row, row: Row) -> str:
        item = row[0]
        if item < 0 or item != before[0] or self._items[item].kind in KEPT_KINDS:
            return "\n"
        return gap_join(self._shown_text(item)[before[2] : row[1]])

    def _current_on(self, row: Row) -> tuple[int, int, int] | None:
        """The current match if the row shows part of it."""
        current = self._current
        item, start, end, _ = row
        if current is None or current[0] != item:
            return None
        tabs = self._tabs.get(item)
        if tabs is not None:
            start, end = tabs.to_source(start), tabs.to_source(end, end=True)
        return current if current[1] < end and current[2] > start else None

    def _block_look(self) -> BlockLook:
        """The styles of lists, quotations, code and links (kept until the styles change)."""
        if self._look is None:
            self._look = BlockLook.of(
                lambda name: self.get_component_rich_style(f"document-view--{name}")
            )
        return self._look

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None

    def _render_row(self, row: Row, width: int) -> Strip:
        base = self.rich_style
        item_index, start, end, hang = row
        if item_index < 0:
            return Strip.blank(width, base)
        item = self._items[item_index]
        text = self._shown_text(item_index)
        # Everything laid over the text is in offsets of the model's text; a code row
        # with tabs is looked up in those and its spans moved to where they are drawn.
        tabs = self._tabs.get(item_index)
        first, last = start, end
        if tabs is not None:
            first, last = tabs.to_source(start), tabs.to_source(end, end=True)
        spans: list[StyledSpan] = []
        if item.artifacts:
            artifact = self.get_component_rich_style("document-view--artifact")
            spans.extend((a, b, artifact) for a, b in item.artifacts)
        urls = self._urls.get(item_index)
        if urls is None:
            urls = self._urls[item_index] = url_spans(item.text)
        if urls:
            spans += spans_in(urls, first, last, self._block_look().link)
        links = self._links.get(item_index)
        if links is not None:
            look = self._block_look()
            spans += spans_in(links.texts, first, last, look.link)
            spans += spans_in(links.references, first, last, look.reference)
        marks = self._marks.get(item_index)
        if marks:
            match_style = self.get_component_rich_style("document-view--match")
            spans += spans_in(marks, first, last, match_style)
        current = self._current_on(row)
        if current is not None:
            style_current = self.get_component_rich_style("document-view--current-match")
            spans.append((current[1], current[2], style_current))
        if tabs is not None:
            spans = [(tabs.to_shown(a), tabs.to_shown(b), style) for a, b, style in spans]
        segments = [Segment(" " * self._margin, base)]
        if item.kind in KEPT_KINDS:
            shape = (start, end, hang)
            look = self._block_look()
            segments += block_segments(item.kind, text, shape, self._text_width, base, spans, look)
        else:
            style = base
            if item.kind != "paragraph":
                style = base + self.get_component_rich_style(f"document-view--{item.kind}")
            segments += styled_segments(text, start, end, style, spans)
        return full_width(segments, width, base)

    # --- position -------------------------------------------------------------------

    def section_at(self, row: int) -> int:
        """The section shown at a row (0 before the first section)."""
        lazy = self._lazy
        if lazy is None or not lazy.count:
            return 0
        return max(0, self._items[lazy.item_at(max(0, row))].section)

    @property
    def current_section(self) -> int:
        return self.section_at(self.top_row)

    @property
    def progress(self) -> float:
        """How far the pane has been scrolled through the text, 0..1."""
        total = self._lazy.total if self._lazy is not None else 0
        scrollable = total - self.scrollable_content_region.height
        if scrollable <= 0:
            return 1.0
        return max(0.0, min(1.0, self.top_row / scrollable))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._report_position()

    def _report_position(self) -> None:
        position = (self.current_section, round(self.progress * 100))
        if position != self._reported:
            self._reported = position
            self.post_message(self.PositionChanged(position[0], self.progress))

    def _text_row(self, item: int) -> int:
        """The first row of an item's text (after the blank row that separates items)."""
        assert self._lazy is not None
        return self._lazy.offset(item) + self._gap(item)

    def first_row_of_section(self, section: int) -> int:
        return self._text_row(self._section_first_item[section])

    # --- movement -------------------------------------------------------------------

    def go_to_section(self, section: int) -> None:
        """Put a section's heading (or first paragraph) at the top of the pane."""
        if 0 <= section < len(self._section_first_item) and self._lazy is not None:
            item = self._section_first_item[section]
            self._settle((item, self._gap(item)))
            self.scroll_to_row(self.first_row_of_section(section))

    def action_scroll_lines(self, count: int) -> None:
        self.scroll_to_row(self.top_row + count)

    def action_page(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to_row(self.top_row + direction * page)

    def action_half_page(self, direction: int) -> None:
        half = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to_row(self.top_row + direction * half)

    def action_top(self) -> None:
        self.scroll_to_row(0)

    def action_bottom(self) -> None:
        if self._lazy is not None and self._lazy.count:
            last = self._lazy.count - 1
            self._settle((last, self._lazy.height(last) - 1))
            total = self._lazy.total
            self.scroll_to_row(total - self.scrollable_content_region.height)

    def action_paragraph(self, direction: int) -> None:
        """Put the next (or previous) paragraph or heading at the top."""
        lazy = self._lazy
        if lazy is None or not lazy.count:
            return
        top = self.top_row
        item = lazy.item_at(top)
        # The byline belongs to the title: a step never stops on it.
        if direction > 0:
            target = item if self._text_row(item) > top else item + 1
            while target < lazy.count and self._items[target].kind == "byline":
                target += 1
            if target < lazy.count:
                self.scroll_to_row(self._text_row(target))
        else:
            target = item if self._text_row(item) < top else item - 1
            while target > 0 and self._items[target].kind == "byline":
                target -= 1
            self.scroll_to_row(self._text_row(target) if target >= 0 else 0)

    # --- search highlights ----------------------------------------------------------

    def set_marks(self, marks: Marks) -> None:
        """Paint these matches (keyed by block id); anything else is unpainted."""
        item_by_block = self._item_by_block
        self._marks = {
            item_by_block[block]: spans for block, spans in marks.items() if block in item_by_block
        }
        self._marks_changed()

    def set_current(self, current: Current) -> None:
        """Paint this match as the current one (None: no current match here)."""
        item = self._item_by_block.get(current[0]) if current is not None else None
        self._current = (item, current[1], current[2]) if current and item is not None else None
        self.refresh()  # only the rows it leaves and enters are drawn again (``_row_state``)

    def shows_block(self, block_id: str) -> bool:
        return block_id in self._item_by_block

    def row_of_match(self, block_id: str, offset: int) -> int | None:
        item = self._item_by_block.get(block_id)
        if item is None or self._lazy is None:
            return None
        return self._row_of(item, offset)

    def reading_block(self) -> tuple[str, int]:
        """(block id, offset in its text) shown at the top of the pane."""
        lazy = self._lazy
        if lazy is None or not lazy.count:
            return TITLE_BLOCK, 0
        top = self.top_row
        item = lazy.item_at(top)
        row = lazy.row(top)
        offset = row[1] if row is not None and row[0] == item else 0
        tabs = self._tabs.get(item)
        return self._items[item].block_id, offset if tabs is None else tabs.to_source(offset)

    def reveal_match(self, block_id: str, offset: int) -> None:
        """Scroll just enough to show a match, a third of the way down if it was off screen.

        Scrolling wraps newly shown text, which can move rows, so this checks again.
        """
        height = self.scrollable_content_region.height
        for _ in range(4):
            row = self.row_of_match(block_id, offset)
            top = self.top_row
            if row is None or top <= row < top + height:
                return
            self.scroll_to_row(max(0, row - height // 3))

    # --- the place kept between sessions ----------------------------------------------

    def position(self) -> tuple[str, int]:
        """Where the reader is: the block at the top of the pane and the offset there."""
        return self.reading_block()

    def restore_position(self, block_id: str, offset: int) -> bool:
        """Put the row that shows ``offset`` of a block at the top (False: no such block)."""
        item = self._item_by_block.get(block_id)
        if item is None or (self._lazy is None and not self.size.width):
            return False
        if self._lazy is None:
            self._relayout()
        assert self._lazy is not None
        self._settle((item, self._row_of(item, offset) - self._lazy.offset(item)))
        return True

    # --- links and copying ----------------------------------------------------------

    def action_links(self) -> None:
        # Imported here: the list is only built when asked for (startup stays lean).
        from reader.tui.links import LinksScreen, link_entries

        entries = link_entries(self.post, self.current_section)
        if not entries:
            self.notify("This post has no links", markup=False, timeout=2)
            return
        self.app.push_screen(LinksScreen(entries))

    _WHAT = {
        "title": "the title",
        "byline": "the byline",
        "heading1": "the heading",
        "heading2": "the heading",
        "list": "the list",
        "quote": "the quotation",
        "code": "the code",
    }

    def action_copy_paragraph(self) -> None:
        """Copy the paragraph at the reading position (the top of the pane), or the text
        selected with the mouse when there is some."""
        if self.copy_selection():
            return
        lazy = self._lazy
        if lazy is None or not lazy.count or self.is_empty:
            return
        item = self._items[lazy.item_at(self.top_row)]
        self.app.copy_to_clipboard(item.text)
        what = self._WHAT.get(item.kind, "the paragraph")
        count = len(item.text)
        self.notify(
            f"Copied {what} ({count} character{'s' if count != 1 else ''})",
            markup=False,
            timeout=2,
        )
