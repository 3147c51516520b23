"""What the text pane and the comments panel share: a lazily wrapped Line-API view.

A view shows items (paragraphs, comments) of variable height as rows. It wraps only
what is on screen and finishes the rest in timed slices after the frame (``LazyRows``
and ``BackgroundWrap`` in ``layout.py``), keeps the item at the top in place when the
layout changes (the anchor), and draws each row once: a strip is cached under its row
and all the drawing depends on (the width, the version of the search marks, the row's
own state such as the cursor), so a change repaints only the rows it touches.

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
from textual.strip import Strip

from reader.tui.layout import SLICE_SECONDS, BackgroundWrap, LazyRows

RowT = TypeVar("RowT", bound=Hashable)

Anchor = tuple[int, int]
"""An item (as the subclass names it, see ``_anchor_item``) and how many of its rows are
above the top of the view."""

CACHED_STRIPS = 1024
"""Drawn rows kept: many screens, so scrolling back is free."""


def full_width(segments: list[Segment], width: int, style: Style) -> Strip:
    """A row of exactly ``width`` cells (the padding is drawn in ``style``)."""
    return Strip(segments).extend_cell_length(width, style).crop(0, width)


class LazyView(ScrollView, Generic[RowT]):
    """A scrolling view over rows of items that are wrapped when first needed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._lazy: LazyRows[RowT] | None = None
        self._layout_width = 0
        self._background = BackgroundWrap(self, self._wrap_slice)
        self._strips: LRUCache[tuple[RowT, int, int, Hashable], Strip] = LRUCache(CACHED_STRIPS)
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
        row = self._lazy.row(self.top_row + y) if self._lazy is not None else None
        if row is None:
            return Strip.blank(width, self.rich_style)
        key = (row, width, self._marks_version, self._row_state(row))
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._render_row(row, width)
        return strip

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
