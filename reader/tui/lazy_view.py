"""What the text pane and the comments panel share: a lazily wrapped Line-API view.

A view shows items (paragraphs, comments) of variable height as rows. It wraps only
what is on screen and finishes the rest in timed slices after the frame (``LazyRows``
and ``BackgroundWrap`` in ``layout.py``), keeps the item at the top in place when the
layout changes (the anchor), and draws each row once: a strip is cached under its row
and all the drawing depends on (the width, the version of the search marks, the row's
own state such as the cursor), so a change repaints only the rows it touches.

Text is selected with the mouse as in Textual's ``Log``: each drawn row carries the
offsets Textual's selection reads, the selected span is painted over the cached row,
and ``get_selection`` gives the words as shown (without the margin on the left).

A subclass says what its items are and how a row is drawn; see the hooks below.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.tui.layout import SLICE_SECONDS, BackgroundWrap, LazyRows

RowT = TypeVar("RowT", bound=Hashable)

Span = tuple[int, int]
"""The selected cells of a row (the end -1: to the end of its text)."""

Anchor = tuple[int, int]
"""An item (as the subclass names it, see ``_anchor_item``) and how many of its rows are
above the top of the view."""

CACHED_STRIPS = 1024
"""Drawn rows kept: many screens, so scrolling back is free."""


def full_width(segments: list[Segment], width: int, style: Style) -> Strip:
    """A row of exactly ``width`` cells (the padding is drawn in ``style``)."""
    return Strip(segments).extend_cell_length(width, style).crop(0, width)


def gap_join(gap: str) -> str:
    """How a selection joins two rows of running text, given what wrapping left out
    between them: a space, a new line where the text has one, nothing in a cut word."""
    if not gap:
        return ""
    return "\n" if "\n" in gap else " "


class LazyView(ScrollView, Generic[RowT]):
    """A scrolling view over rows of items that are wrapped when first needed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lazy: LazyRows[RowT] | None = None
        self._layout_width = 0
        self._background = BackgroundWrap(self, self._wrap_slice)
        self._strips: LRUCache[tuple[RowT, int, int, Hashable, Span | None], Strip] = LRUCache(
            CACHED_STRIPS
        )
        self._marks_version = 0

    # --- what a subclass provides -----------------------------------------------------

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to show but a message (see ``_render_empty``)."""
        raise NotImplementedError

    def _plan(self, width: int, width_changed: bool) -> list[int]:
        """Prepare the items for a layout at ``width``; return a guess at each height."""
        raise NotImplementedError

    def _item_rows(self, item: int) -> list[RowT]:
        """The exact rows of an item at the layout width."""
        raise NotImplementedError

    def _render_row(self, row: RowT, width: int) -> Strip:
        raise NotImplementedError

    def _render_empty(self, y: int, width: int) -> Strip:
        raise NotImplementedError

    def _row_state(self, row: RowT) -> Hashable:
        """What a row's drawing depends on besides the row, the width and the marks (the
        cursor, the current match): a row is drawn again when this changes."""
        return None

    def _row_lead(self, row: RowT) -> int:
        """Cells at the start of a row that are not its text (a margin, guides): they are
        neither selected nor copied."""
        return 0

    def _row_join(self, before: RowT, row: RowT) -> str:
        """What stands between two rows in a selection: a new line, but a space (or
        nothing, in a word cut at the edge) where ``row`` goes on with the running text
        of ``before``, a wrapped paragraph."""
        return "\n"

    def _anchor_item(self, item: int) -> int:
        """A name for an item that survives a new layout (items can come and go)."""
        return item

    def _item_named(self, name: int) -> tuple[int, bool]:
        """The item a name stands for now, and False when that item is gone (the nearest
        one before it stands in)."""
        return name, True

    def _content_height(self, rows: int) -> int:
        """The height to scroll through, given the rows of every item."""
        return rows

    def _wrap_finished(self) -> None:
        """Every item is wrapped to the layout width."""

    def _resized(self, relaid: bool) -> None:
        """The view's size changed (``relaid``: and so did its width)."""

    # --- layout ---------------------------------------------------------------------

    @property
    def has_layout(self) -> bool:
        """True once the items have been laid out to the view's width."""
        return self._lazy is not None

    def _relayout(self) -> None:
        """Lay out at the view's width: wrap what is on screen now, the rest a slice at a
        time after the frame, keeping the item at the top where it is."""
        anchor = self._anchor()
        width = self.size.width
        width_changed = width != self._layout_width
        self._layout_width = width
        self._lazy = LazyRows(self._item_rows, self._plan(width, width_changed))
        self._settle(anchor)
        self.refresh()
        if not self._lazy.is_complete:
            self.call_after_refresh(self._background.start)  # after the frame, not before

    def _forget_layout(self) -> None:
        """Drop the layout and every drawn row: the items are new."""
        self._lazy = None
        self._layout_width = 0
        self._strips.clear()
        self.refresh()

    def _anchor(self) -> Anchor | None:
        lazy = self._lazy
        if lazy is None or not lazy.count:
            return None
        top = self.top_row
        item = lazy.item_at(top)
        return self._anchor_item(item), top - lazy.offset(item)

    def _settle(self, anchor: Anchor | None = None) -> None:
        """Wrap what the view shows and keep ``anchor`` (by default the item now at the
        top) at the top."""
        lazy = self._lazy
        if lazy is None:
            return
        if anchor is None:
            anchor = self._anchor()
        item, line = 0, 0
        if anchor is not None and lazy.count:
            item, same = self._item_named(anchor[0])
            line = anchor[1] if same else 0
        height = max(1, self.scrollable_content_region.height)
        top = lazy.settle(item, line, height) if lazy.count else 0
        self._update_virtual_size()
        if top != self.top_row:
            self.scroll_to(y=top, animate=False, immediate=True)

    def _update_virtual_size(self) -> None:
        """Scroll over every row (wrapping an item can change how many there are)."""
        if self._lazy is not None:
            height = self._content_height(self._lazy.total)
            self.virtual_size = Size(self._layout_width, height)

    def _wrap_slice(self) -> bool:
        """Wrap the next slice of items, keeping the top in place; True when all are."""
        lazy = self._lazy
        if lazy is None or lazy.is_complete:
            return True
        anchor = self._anchor()
        lazy.wrap_some(SLICE_SECONDS)
        self._settle(anchor)
        if lazy.is_complete:
            self._wrap_finished()
        return lazy.is_complete

    def on_resize(self) -> None:
        relaid = self.size.width != self._layout_width
        if relaid:
            self._relayout()
        else:
            self._settle()
        self._resized(relaid)

    # --- scrolling ------------------------------------------------------------------

    @property
    def top_row(self) -> int:
        return round(self.scroll_y)

    def scroll_to_row(self, row: int) -> None:
        self.scroll_to(y=max(0, row), animate=False, immediate=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._background.defer()
            self._settle()  # wrap what scrolled into view before it is drawn

    # --- drawing --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if self.is_empty:
            return self._render_empty(y, width)
        if width > 0 and (self._lazy is None or width != self._layout_width):
            # The first frame is drawn before the first Resize arrives: lay out now so
            # that it already shows the items.
            self._relayout()
        number = self.top_row + y
        row = self._lazy.row(number) if self._lazy is not None else None
        if row is None:
            return Strip.blank(width, self.rich_style)
        selection = self.text_selection
        span = None if selection is None else self._selected_span(row, number, selection)
        key = (row, width, self._marks_version, self._row_state(row), span)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._row_strip(row, width)
            if span is not None:
                strip = self._paint_selection(strip, span)
            self._strips[key] = strip
        if not self.mouse_hover and selection is None:
            return strip  # read by keys: no pointer, nothing to select
        # Where each cell is in the content, which Textual's selection reads (the
        # strip keeps the result, so a row drawn again costs a lookup). Only under the
        # pointer: marking a fresh row costs a third of drawing it.
        return strip.apply_offsets(0, number)

    def watch_mouse_hover(self, hover: bool) -> None:
        if hover:
            self.refresh()  # the rows on screen get their offsets before a click

    def _row_strip(self, row: RowT, width: int) -> Strip:
        """A row as drawn without a selection (cached like every other drawn row)."""
        key = (row, width, self._marks_version, self._row_state(row), None)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_row(row, width)
        return strip

    # --- selection ------------------------------------------------------------------

    def _selected_span(self, row: RowT, number: int, selection: Selection) -> Span | None:
        """The cells of a row a selection covers, from its text's start at the least."""
        span = selection.get_span(number)
        if span is None:
            return None
        lead = self._row_lead(row)
        start, end = max(lead, span[0]), span[1]
        if end != -1 and end <= start:
            return None
        return start, end

    def _paint_selection(self, strip: Strip, span: Span) -> Strip:
        start, end = span
        if end == -1:
            end = len(strip.text.rstrip())  # the text, not the padding after it
        if end <= start:
            return strip
        before, selected, after = strip.divide([start, end, strip.cell_length])
        # The selection's background as the screen blends it; its colour only where the
        # theme gives one (by default it is transparent: the text keeps its own).
        screen = self.screen
        blended = screen.get_component_rich_style("screen--selection")
        style = screen.get_component_rich_style("screen--selection", partial=True)
        style += Style(bgcolor=blended.bgcolor)
        painted = Strip(Segment.apply_style(list(selected), post_style=style))
        return Strip.join([before, painted, after])

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected text as shown: a wrapped paragraph's rows joined by spaces, other
        rows by new lines, without the margin or the padding."""
        lazy = self._lazy
        if lazy is None or self.is_empty:
            return None
        first = 0 if selection.start is None else selection.start.y
        last = lazy.total - 1 if selection.end is None else min(selection.end.y, lazy.total - 1)
        width = self._layout_width
        parts: list[str] = []
        before: RowT | None = None
        for number in range(first, last + 1):
            row = lazy.row(number)
            if row is None:
                break
            span = self._selected_span(row, number, selection)
            text = ""
            if span is not None:
                strip = self._row_strip(row, width)
                end = None if span[1] == -1 else span[1]
                text = strip.crop(span[0], end).text.rstrip()
            if before is not None:
                parts.append(self._row_join(before, row))
            parts.append(text)
            before = row
        return "".join(parts).strip("\n"), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()  # the selected span is part of each row's key: only those change

    def copy_selection(self) -> bool:
        """Copy the selected text, if any is selected on the screen (True: copied)."""
        text = self.screen.get_selected_text()
        if not text:
            return False
        self.app.copy_to_clipboard(text)
        count = len(text)
        self.notify(
            f"Copied the selection ({count} character{'s' if count != 1 else ''})",
            markup=False,
            timeout=2,
        )
        return True

    def refresh_rows(self, *rows: int) -> None:
        """Repaint these rows where they are on screen, and nothing else."""
        top, height = self.top_row, self.size.height
        for row in rows:
            if top <= row < top + height:
                self.refresh_line(row)

    def _marks_changed(self) -> None:
        """The search marks are new: every row is drawn again (once, then cached)."""
        self._marks_version += 1
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a theme or focus change restyles every row
