"""Lists, quotations and code: how they are laid out in rows and drawn.

Running text is re-flowed by ``wrap``; these kinds keep their lines (see
``reader.model.PARAGRAPH_KINDS``). The text pane and the comments panel both lay them
out and draw them here, so a code block reads the same in a comment as in the post.

A laid-out row is ``(start, end, hang)``: ``text[start:end]`` of the text as drawn, and
``hang``, which is 0 on a row that begins a line of the text and on a row that continues
a wrapped line is the cells drawn before its text: a list item's hanging indent (so the
rest of the item lines up after its "• "), a code line's indent and ``CODE_MARK``. A list
item whose marker is wider than 1/HANG_SHARE of the width continues unhung (hang 0).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from typing import NamedTuple

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style

from reader.model import Link
from reader.tui.spans import StyledSpan, styled_segments
from reader.tui.wrap import is_single_cell, wrap

Piece = tuple[int, int, int]
"""One row of a block: start, end (offsets in the text as drawn) and its hang."""

KEPT_KINDS = frozenset({"list", "quote", "code"})
"""Kinds whose lines are kept (laid out here); any other kind is running text."""

TAB_SIZE = 8
"""Code's tabs are expanded to stops every eight columns: the width a browser gives a
tab in ``<pre>`` (CSS ``tab-size`` is 8 unless the page says otherwise) and a terminal's
own, so columns a page aligned with tabs line up as it showed them. Elsewhere a tab is
one space (``reader.visible``): running text is re-flowed anyway."""

CODE_MARK = "↪"
"""Drawn before the text of a code row that continues the line above.

Long code lines are soft-wrapped at the pane's edge, not cropped: the panes do not
scroll sideways, so a cropped line would hide its end (and any search match in it) for
good. They are cut at the exact column rather than between words, since a code line's
spaces are part of it; the rest hangs at the line's own indent behind the mark (as vim's
``breakindent`` and ``showbreak`` draw it), so it stays inside the statement it belongs to
and does not read as a line of its own.
"""
QUOTE_BAR = "▌ "

FRAME = {"code": 2, "quote": 2}
"""Columns a kind's decoration takes from the text width: code's margin and the cell
kept free at its right edge; the quotation's bar."""

HANG_SHARE = 2
"""A wrapped list item or code line hangs by at most 1/HANG_SHARE of the width: deep
nesting in a narrow pane keeps room for the words (the extra indent is dropped)."""

_ITEM = re.compile(r"([^\S\n]*)(?:([•◦▪‣∙*+–-]|\d{1,9}[.)]|[a-zA-Z][.)])[^\S\n]+)?")
"""A list line's indent and marker ("• ", "1. ", "- "): what a wrapped item hangs after."""


# --- tabs in code ------------------------------------------------------------------------


class TabStops:
    """Where code's tabs were expanded: offsets in the text ↔ offsets in the text as drawn.

    Search marks, links and artifacts are offsets into the model's text; rows are offsets
    into what is drawn. Only a code block with a tab has one of these.
    """

    def __init__(self, tabs: list[int], widths: list[int]) -> None:
        self._tabs = tabs  # each tab's offset in the text
        self._widths = widths  # how many spaces it became
        self._extra: list[int] = []  # spaces added by this tab and the ones before it
        self._starts: list[int] = []  # each tab's first space in the text as drawn
        added = 0
        for tab, width in zip(tabs, widths, strict=True):
            self._starts.append(tab + added)
            added += width - 1
            self._extra.append(added)

    def to_shown(self, offset: int) -> int:
        """Where an offset of the text is drawn (a tab's offset: its first space)."""
        before = bisect_left(self._tabs, offset)
        return offset + (self._extra[before - 1] if before else 0)

    def to_source(self, offset: int, end: bool = False) -> int:
        """The offset of the text drawn at ``offset``; inside a tab's spaces, the tab (or,
        for the ``end`` of a range, just after it, so the range holds the tab)."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return offset
        inside = offset - self._starts[index]
        if inside < self._widths[index]:
            return self._tabs[index] + (1 if end and inside else 0)
        return offset - self._extra[index]


_TAB_OR_NEWLINE = re.compile("[\t\n]")


def expand_tabs(text: str) -> tuple[str, TabStops | None]:
    """Code with its tabs as spaces to the next stop (columns counted from each line's
    start, a character a column, as ``str.expandtabs`` does), and where they were."""
    if "\t" not in text:
        return text, None
    out: list[str] = []
    tabs: list[int] = []
    widths: list[int] = []
    column = last = 0
    for found in _TAB_OR_NEWLINE.finditer(text):
        at = found.start()
        out.append(text[last:at])
        column += at - last
        if text[at] == "\n":
            out.append("\n")
            column = 0
        else:
            width = TAB_SIZE - column % TAB_SIZE
            out.append(" " * width)
            tabs.append(at)
            widths.append(width)
            column += width
        last = at + 1
    out.append(text[last:])
    return "".join(out), TabStops(tabs, widths)


# --- layout ------------------------------------------------------------------------------


def block_rows(kind: str, text: str, width: int) -> list[Piece]:
    """The rows of a list, quotation or code block drawn ``width`` cells wide (its
    decoration included)."""
    inner = max(1, width - FRAME.get(kind, 0))
    if kind == "code":
        return _code_rows(text, inner)
    if kind == "list":
        return _list_rows(text, inner)
    return [(start, end, 0) for start, end in wrap(text, inner)]


def _code_rows(text: str, width: int) -> list[Piece]:
    """Every line kept as it is, cut at the width (no words looked at)."""
    rows: list[Piece] = []
    append = rows.append  # a generated block can have tens of thousands of lines
    offset = 0
    for line in text.split("\n"):
        length = len(line)
        if length <= width and line.isascii():
            append((offset, offset + length, 0))
        else:
            indent = min(length - len(line.lstrip(" ")), width // HANG_SHARE)
            hang = indent + len(CODE_MARK)
            rows.extend(
                (offset + start, offset + end, hang if start else 0)
                for start, end in _cut(line, width, max(1, width - hang))
            )
        offset += length + 1
    return rows


def _cut(line: str, first: int, rest: int) -> list[tuple[int, int]]:
    """A line cut into a piece of at most ``first`` cells, then pieces of at most ``rest``
    (a wide character is never split)."""
    length = len(line)
    if is_single_cell(line):
        pieces = [(0, min(first, length))]
        pieces.extend((cut, min(cut + rest, length)) for cut in range(first, length, rest))
        return pieces
    pieces = []
    start = used = 0
    limit = first
    for index, char in enumerate(line):
        size = get_character_cell_size(char)
        if used + size > limit and used:
            pieces.append((start, index))
            start, used, limit = index, 0, rest
        used += size
    pieces.append((start, length))
    return pieces


def _list_rows(text: str, width: int) -> list[Piece]:
    """One item a line; a long item wrapped with its later rows hanging after its marker."""
    rows: list[Piece] = []
    offset = 0
    for line in text.split("\n"):
        if len(line) <= width and is_single_cell(line):  # most items: one row as it is
            rows.append((offset, offset + len(line), 0))
            offset += len(line) + 1
            continue
        hang = _ITEM.match(line).end()  # type: ignore[union-attr]  # it matches anywhere
        # Deep nesting in a narrow pane: give up indent, not the item's words.
        skip = min(len(line) - len(line.lstrip()), max(0, hang - width // HANG_SHARE))
        hang -= skip
        if hang > width // HANG_SHARE:  # a marker wider than that: wrapped as it comes
            rows.extend(
                (offset + skip + a, offset + skip + b, 0) for a, b in wrap(line[skip:], width)
            )
            offset += len(line) + 1
            continue
        body = offset + skip + hang
        pieces = wrap(line[skip + hang :], max(1, width - hang))
        rows.append((offset + skip, body + pieces[0][1], 0))
        rows.extend((body + start, body + end, hang) for start, end in pieces[1:])
        offset += len(line) + 1
    return rows


# --- links -------------------------------------------------------------------------------


class LinkSpans(NamedTuple):
    """A block's links: where each link's text is, and where its ``[n]`` reference is.

    Both in text order and never overlapping, so ``spans.spans_in`` finds a row's own.
    """

    texts: list[tuple[int, int]]
    references: list[tuple[int, int]]


def link_spans(links: Iterable[Link], text_of: Callable[[str], str | None]) -> dict[str, LinkSpans]:
    """The links of each block, by block id.

    The model puts ``[n]`` right after a link's text; a link whose offsets do not fit its
    block's text is left undrawn rather than styling the wrong characters.
    """
    by_block: dict[str, LinkSpans] = {}
    reached: dict[str, int] = {}  # where the block's last link (and reference) ended
    for link in sorted(links, key=lambda link: (link.block, link.start)):
        text = text_of(link.block)
        if text is None or not reached.get(link.block, 0) <= link.start <= link.end <= len(text):
            continue  # outside its text, or overlapping the one before: not to be trusted
        spans = by_block.setdefault(link.block, LinkSpans([], []))
        reference = f"[{link.number}]"
        if link.end > link.start:
            spans.texts.append((link.start, link.end))
        reached[link.block] = link.end
        if text.startswith(reference, link.end):
            spans.references.append((link.end, link.end + len(reference)))
            reached[link.block] = link.end + len(reference)
    return by_block


# --- drawing -----------------------------------------------------------------------------


class BlockLook(NamedTuple):
    """The styles a view draws blocks and links in (from its component classes)."""

    code: Style
    code_mark: Style
    quote: Style
    quote_bar: Style
    list_marker: Style
    link: Style
    reference: Style

    @classmethod
    def of(cls, style: Callable[[str], Style]) -> BlockLook:
        """The look from a view's component styles (``style("code")`` and so on).

        What is laid over text keeps only its colour and attributes, not a background:
        over a code block, a link or the mark keeps the block's background.
        """
        return cls(
            code=style("code"),
            code_mark=foreground(style("code-mark")),
            quote=foreground(style("quote")),
            quote_bar=foreground(style("quote-bar")),
            list_marker=foreground(style("list-marker")),
            link=foreground(style("link")),
            reference=foreground(style("link-reference")),
        )


def foreground(style: Style) -> Style:
    """A style's colour and attributes without its background."""
    return style.without_color + Style(color=style.color)


def block_segments(
    kind: str,
    text: str,
    row: Piece,
    width: int,
    base: Style,
    spans: list[StyledSpan],
    look: BlockLook,
) -> list[Segment]:
    """One row of a list, quotation or code block, ``width`` cells at most (code fills
    them: its background is a block, not a ragged edge)."""
    start, end, hang = row
    if kind == "code":
        style = base + look.code
        segments = [Segment(" ", style)]  # the block's margin
        if hang:
            indent = " " * (hang - len(CODE_MARK))
            segments += [Segment(indent, style), Segment(CODE_MARK, style + look.code_mark)]
        segments += styled_segments(text, start, end, style, spans)
        used = 1 + hang + cell_len(text[start:end])
        if used < width:
            segments.append(Segment(" " * (width - used), style))
        return segments
    if kind == "quote":
        bar = Segment(QUOTE_BAR, base + look.quote_bar)
        return [bar, *styled_segments(text, start, end, base + look.quote, spans)]
    if hang:
        return [Segment(" " * hang, base), *styled_segments(text, start, end, base, spans)]
    # A marker only where the item's line begins (an unhung row may continue one).
    if not text[text.rfind("\n", 0, start) + 1 : start].strip():
        item = _ITEM.match(text, start, end)
        if item is not None and item.group(2):
            spans = [(*item.span(2), look.list_marker), *spans]
    return styled_segments(text, start, end, base, spans)
