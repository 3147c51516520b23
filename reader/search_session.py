"""A search over one post, as the reader steps through it: no Textual here.

The session holds the query, its matches in document order, which one is current, and
says what the views need: the marks per block, the count, the line for the search
bar, and whether a step wrapped. The app only passes keys in and paints what it says.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Literal

from reader.model import Post
from reader.search import Match, Query, QueryError, SearchIndex

Wrapped = Literal["top", "bottom"]


class SearchSession:
    """The search the reader is in (or none)."""

    def __init__(self, post: Post) -> None:
        self._post = post
        self._index: SearchIndex | None = None
        self.query: Query | None = None
        """The query the matches are of (None: no search)."""
        self.matches: list[Match] = []
        self.current: int | None = None
        """Index of the current match in ``matches``."""
        self.error: str | None = None
        """Why the last query could not be run (a bad regular expression)."""

    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            self._index = SearchIndex(self._post)
        return self._index

    def run(self, query: Query, reading: tuple[str, int] | None = None) -> None:
        """Search; the current match is the first at or after ``reading`` (a block id and
        an offset: where the reader is), else the first of all."""
        self.query = query
        self.error = None
        try:
            self.matches = self.index.find(query)
        except QueryError as error:
            self.matches, self.current, self.error = [], None, str(error)
            return
        self.current = self._first_from(reading) if self.matches else None

    def _first_from(self, reading: tuple[str, int] | None) -> int:
        if reading is None:
            return 0
        order = self.index.order
        block, offset = reading
        # A block the search does not hold (a title made from the file name) opens
        # the post: every match is after it.
        where = (order.get(block, -1), offset)
        found = bisect_left(self.matches, where, key=lambda m: (order[m.block_id], m.start))
        return found if found < len(self.matches) else 0

    def step(self, step: int) -> Wrapped | None:
        """Move to the next (+1) or previous (-1) match; say where it wrapped, if it did."""
        if not self.matches:
            return None
        target = (self.current if self.current is not None else -1) + step
        wrapped: Wrapped | None = None
        if target >= len(self.matches):
            target, wrapped = 0, "top"
        elif target < 0:
            target, wrapped = len(self.matches) - 1, "bottom"
        self.current = target
        return wrapped

    def recount(self, post: Post) -> None:
        """The post has grown (its thread was read): count again, keeping the current."""
        current = self.current_match
        self._post, self._index = post, None
        if self.query is None or self.error is not None:
            return
        self.matches = self.index.find(self.query)
        if current is not None and current in self.matches:
            self.current = self.matches.index(current)
        else:
            self.current = 0 if self.matches else None

    def clear(self) -> None:
        self.query, self.matches, self.current, self.error = None, [], None, None

    @property
    def current_match(self) -> Match | None:
        return self.matches[self.current] if self.current is not None else None

    @property
    def in_comments(self) -> int:
        return sum(1 for match in self.matches if match.in_comments)

    def marks(self) -> dict[str, list[tuple[int, int]]]:
        """Every match's span, by block id."""
        by_block: dict[str, list[tuple[int, int]]] = {}
        for match in self.matches:
            spans = by_block.get(match.block_id)
            if spans is None:
                spans = by_block[match.block_id] = []
            spans.append((match.start, match.end))
        return by_block

    def status(self) -> str:
        """The search bar's line: "3/23 (4 in comments)", "no matches", or nothing."""
        if self.error is not None:
            return self.error
        if not self.matches:
            return "no matches" if self.query is not None and self.query.text.strip() else ""
        return f"{(self.current or 0) + 1}/{len(self.matches)} ({self.in_comments} in comments)"
