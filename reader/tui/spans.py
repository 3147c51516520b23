"""Turn a slice of text plus styled spans into segments (no markup is ever parsed)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from rich.segment import Segment
from rich.style import Style

StyledSpan = tuple[int, int, Style]
"""Start and end offsets in the whole text, and the style laid over that range."""

Marks = dict[str, list[tuple[int, int]]]
"""Search matches to paint: block id → (start, end) offsets in that block's text."""
Current = tuple[str, int, int] | None
"""The current search match: block id, start, end."""


def styled_segments(
    text: str, start: int, end: int, base: Style, spans: Iterable[StyledSpan] = ()
) -> list[Segment]:
    """Segments for ``text[start:end]``; later spans are laid over earlier ones."""
    inside = [(max(a, start), min(b, end), style) for a, b, style in spans if a < end and b > start]
    if not inside:
        return [Segment(text[start:end], base)] if end > start else []
    cuts = sorted({start, end, *(a for a, _, _ in inside), *(b for _, b, _ in inside)})
    segments = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        style = base
        for a, b, span_style in inside:
            if a <= left and right <= b:
                style = style + span_style
        segments.append(Segment(text[left:right], style))
    return segments


def spans_in(
    marks: Sequence[tuple[int, int]], start: int, end: int, style: Style
) -> list[StyledSpan]:
    """The marks that reach into ``text[start:end]``, with a style.

    Search marks come in text order and never overlap, so both their starts and their
    ends are sorted: a row of a paragraph with thousands of matches finds its own by
    bisection instead of looking at them all.
    """
    first = bisect_right(marks, start, key=lambda mark: mark[1])
    last = bisect_left(marks, end, lo=first, key=lambda mark: mark[0])
    return [(a, b, style) for a, b in marks[first:last]]
