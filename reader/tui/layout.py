"""Rows of many variable-height items, wrapped only when needed.

Wrapping a whole book takes longer than a frame, so a view starts from estimated
heights, wraps exactly what it is about to show, and finishes the rest in small
slices after the first paint. Offsets (the first row of each item) are prefix sums
over the heights, rebuilt only when a height has changed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate
from time import perf_counter
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from textual.timer import Timer
    from textual.widget import Widget

RowT = TypeVar("RowT")

FILL = 0.92
"""About how full greedy wrapping leaves a line: used to estimate unwrapped heights."""
SLICE_SECONDS = 0.004
SLICE_PAUSE = 0.01
"""Time spent wrapping per slice after a frame, and the pause between slices (s)."""


class LazyRows(Generic[RowT]):
    """The rows of items: ``rows_of(i)`` wraps item i, ``estimates[i]`` guesses its height."""

    def __init__(self, rows_of: Callable[[int], list[RowT]], estimates: list[int]) -> None:
        self.count = len(estimates)
        self._rows_of = rows_of
        self._rows: list[list[RowT] | None] = [None] * self.count
        # Every item takes a row at least (checked once: a book has tens of thousands).
        low = min(estimates, default=1) < 1
        self._heights = [max(1, e) for e in estimates] if low else estimates
        self._offsets: list[int] = []
        self._dirty = True
        self._next_unwrapped = 0

    # --- positions ------------------------------------------------------------------

    def _refresh_offsets(self) -> None:
        if self._dirty:
            self._offsets = [0, *accumulate(self._heights)]
            self._dirty = False

    @property
    def total(self) -> int:
        """All rows, with estimates where items are not wrapped yet."""
        self._refresh_offsets()
        return self._offsets[-1] if self.count else 0

    def offset(self, item: int) -> int:
        """The first row of an item."""
        self._refresh_offsets()
        return self._offsets[item]

    def item_at(self, row: int) -> int:
        """The item that holds a row (clamped to the first and last item)."""
        self._refresh_offsets()
        return max(0, min(self.count - 1, bisect_right(self._offsets, row) - 1))

    @property
    def is_complete(self) -> bool:
        return self._next_unwrapped >= self.count

    # --- wrapping -------------------------------------------------------------------

    def rows(self, item: int) -> list[RowT]:
        """The exact rows of an item, wrapping it now if needed."""
        rows = self._rows[item]
        if rows is None:
            rows = self._rows_of(item)
            self._rows[item] = rows
            if len(rows) != self._heights[item]:
                self._heights[item] = len(rows)
                self._dirty = True
        return rows

    def row(self, row: int) -> RowT | None:
        """One row by its number, or None past the end."""
        if not self.count or row < 0 or row >= self.total:
            return None
        item = self.item_at(row)
        rows = self.rows(item)
        index = row - self.offset(item)
        return rows[index] if index < len(rows) else None

    def height(self, item: int) -> int:
        return self._heights[item]

    def settle(self, top_item: int, top_line: int, height: int) -> int:
        """Wrap every item on screen when ``top_line`` of ``top_item`` is the top row.

        Wrapping changes heights and so what fits on screen; this repeats until the
        screen holds only wrapped items, and returns the top row as it now stands.
        """
        top = 0
        for _ in range(16):
            line = min(top_line, self._heights[top_item] - 1)
            top = self.offset(top_item) + line
            last = self.item_at(top + max(0, height - 1))
            pending = [i for i in range(top_item, last + 1) if self._rows[i] is None]
            if not pending:
                break
            for item in pending:
                self.rows(item)
        return top

    def wrap_some(self, seconds: float) -> bool:
        """Wrap more items in document order for about ``seconds``; True when all are."""
        deadline = perf_counter() + seconds
        item = self._next_unwrapped
        while item < self.count:
            self.rows(item)
            item += 1
            if item % 32 == 0 and perf_counter() >= deadline:
                break
        self._next_unwrapped = item
        return self.is_complete


class BackgroundWrap:
    """Runs a pane's wrap slices on its timer until ``step`` says all is wrapped.

    One chain of slices at a time: a new layout started while a chain runs reuses it.
    """

    def __init__(self, widget: Widget, step: Callable[[], bool]) -> None:
        self._widget = widget
        self._step = step
        self._timer: Timer | None = None

    def start(self) -> None:
        if self._timer is None:
            self._timer = self._widget.set_timer(SLICE_PAUSE, self._run, name="wrap")

    def defer(self) -> None:
        """The reader just moved: the next slice waits a pause from now, so it runs
        between keys rather than in the frame that answers this one."""
        if self._timer is not None:
            self._timer.reset()

    def _run(self) -> None:
        self._timer = None
        if not self._step():
            self.start()
