"""Word wrapping that returns offsets, fast enough to lay out a whole book.

Rich and Textual wrap by building styled text objects, which costs seconds on a
3 MB book. The views only need where each line starts and ends, so this wraps with
one regular expression per line when every character is one cell wide (almost all
text), and falls back to measuring cells only for wide or zero-width characters.

Web addresses are kept whole: one that fits on a line goes to the next line whole, and
one longer than the line is cut where an address reads well cut (after a ``/``, before
a ``.`` or ``-``), not at the column it happens to reach.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

# Characters known to take exactly one cell: Latin, Greek, Cyrillic, common punctuation,
# currency, letterlike symbols, arrows, box drawing, control pictures and U+FFFD.
_SINGLE_CELL = re.compile(
    "[\x20-\x7e\u00a0-\u02ff\u0370-\u0482\u048a-\u052f\u1e00-\u1fff\u2010-\u2027"
    "\u2030-\u205e\u20a0-\u20bf\u2100-\u214f\u2190-\u21ff\u2370\u2400-\u2426"
    "\u2500-\u257f\ufffd]*"
)

Line = tuple[int, int]
"""Start and end offsets of one wrapped line in the text."""


@lru_cache(maxsize=64)
def _line_pattern(width: int) -> re.Pattern[str]:
    # The longest run that ends before white space, or a whole word cut at the width.
    return re.compile(rf"\S(?:[^\n]{{0,{width - 1}}}(?=\s|$))|\S{{1,{width}}}")


URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+", re.IGNORECASE)
"""A web address written in the text (``http://…``, ``https://…``, ``www.…``)."""
_URL_TAIL = re.compile(r"(?:\[\d+\]|[.,;:!?'\"»”’])+$")
"""What follows an address without belonging to it: the sentence's punctuation, a
link's ``[n]`` reference."""
_CLOSING = {")": "(", "]": "[", "}": "{", ">": "<"}


def is_single_cell(text: str) -> bool:
    return text.isascii() or _SINGLE_CELL.fullmatch(text) is not None


def has_url(text: str) -> bool:
    """True when the text may hold a web address (a cheap test before the regex)."""
    return ("://" in text or "www." in text) and URL.search(text) is not None


def url_spans(text: str) -> list[Line]:
    """Where the text's web addresses are (only http, https and www), in text order.

    An address ends before the punctuation that closes its sentence and before a
    bracket it did not open: "(see https://a.org/x)." holds ``https://a.org/x``.
    """
    if not has_url(text):
        return []
    spans: list[Line] = []
    for found in URL.finditer(text):
        address = found.group()
        lower = address[:8].lower()
        if not lower.startswith(("http://", "https://", "www.")):
            continue
        end = len(address)
        while end:
            tail = _URL_TAIL.search(address, 0, end)
            if tail is not None and tail.start() < end:
                end = tail.start()
                continue
            closing = _CLOSING.get(address[end - 1])
            if closing is not None and address.count(closing, 0, end) < address.count(
                address[end - 1], 0, end
            ):
                end -= 1
                continue
            break
        if end > len("www."):
            spans.append((found.start(), found.start() + end))
    return spans


def wrap(text: str, width: int) -> list[Line]:
    """Greedy word wrap; a newline in the text always breaks. Never returns no lines."""
    width = max(1, width)
    lines: list[Line] = []
    offset = 0
    for hard_line in text.split("\n"):
        single = is_single_cell(hard_line)
        # Almost every line: one regex. An address that fits is kept whole by it too;
        # one longer than the line is cut where it reads well only if it has a "/" (a
        # one-character scan, far cheaper than looking for "www.").
        if single and ("/" not in hard_line or not has_url(hard_line)):
            found = [m.span() for m in _line_pattern(width).finditer(hard_line)]
        else:
            found = _wrap_cells(hard_line, width, single)
        lines.extend((start + offset, end + offset) for start, end in found)
        if not found:
            lines.append((offset, offset))
        offset += len(hard_line) + 1
    return lines


_TOKEN = re.compile(r"\S+|\s+")


def _wrap_cells(text: str, width: int, single: bool = False) -> list[Line]:
    """Greedy wrap measuring each word in terminal cells (in characters when ``single``);
    a word longer than the line is cut, an address where it reads well cut."""
    lines: list[Line] = []
    start: int | None = None
    end = 0
    used = 0
    for token in _TOKEN.finditer(text):
        word = token.group()
        if word.isspace():
            continue
        size = len(word) if single else cell_len(word)
        # The white space before the word as it is: a list's or quotation's line can
        # hold more than one space, and a row must not run past the width.
        gap = token.start() - end if single else cell_len(text[end : token.start()])
        if start is not None and used + gap + size <= width:
            used += gap + size
            end = token.end()
            continue
        if start is not None:
            lines.append((start, end))
        if size <= width:
            start, end, used = token.start(), token.end(), size
            continue
        # A word wider than the line: cut it.
        pieces = _cut_word(word, width, URL.search(word) is not None)
        lines.extend((token.start() + a, token.start() + b) for a, b in pieces[:-1])
        start, end = token.start() + pieces[-1][0], token.end()
        used = cell_len(word[pieces[-1][0] :])
    if start is not None:
        lines.append((start, end))
    return lines


_AFTER = frozenset("/")
_BEFORE = frozenset(".-_?#&=~+,;:%@")


def _cut_word(word: str, width: int, address: bool) -> list[Line]:
    """A word longer than the line in pieces of at most ``width`` cells (a wide character
    is never split). An address is cut after a ``/`` or before punctuation, as long as
    that keeps at least half the line; any other word (or a run with no such place) at
    the width."""
    pieces: list[Line] = []
    start = used = 0
    cut = -1  # the best place to cut seen in this piece, and the cells before it
    cut_used = 0
    for index, char in enumerate(word):
        size = get_character_cell_size(char)
        if used + size > width and used > 0:
            if cut > start and cut_used * 2 >= width:
                pieces.append((start, cut))
                start, used = cut, used - cut_used
            else:
                pieces.append((start, index))
                start, used = index, 0
            cut = -1
        if address and index > start:
            before = word[index - 1]
            if (before in _AFTER and char not in _AFTER) or (
                char in _BEFORE and before not in _BEFORE and before not in _AFTER
            ):
                cut, cut_used = index, used
        used += size
    pieces.append((start, len(word)))
    return pieces
