"""Word wrapping that returns offsets, fast enough to lay out a whole book.

Rich and Textual wrap by building styled text objects, which costs seconds on a
3 MB book. The views only need where each line starts and ends, so this wraps with
one regular expression per line when every character is one cell wide (almost all
text), and falls back to measuring cells only for wide or zero-width characters.
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


def is_single_cell(text: str) -> bool:
    return text.isascii() or _SINGLE_CELL.fullmatch(text) is not None


def wrap(text: str, width: int) -> list[Line]:
    """Greedy word wrap; a newline in the text always breaks. Never returns no lines."""
    width = max(1, width)
    lines: list[Line] = []
    offset = 0
    for hard_line in text.split("\n"):
        if is_single_cell(hard_line):
            found = [m.span() for m in _line_pattern(width).finditer(hard_line)]
        else:
            found = _wrap_cells(hard_line, width)
        lines.extend((start + offset, end + offset) for start, end in found)
        if not found:
            lines.append((offset, offset))
        offset += len(hard_line) + 1
    return lines


_TOKEN = re.compile(r"\S+|\s+")


def _wrap_cells(text: str, width: int) -> list[Line]:
    """Greedy wrap measuring each word in terminal cells."""
    lines: list[Line] = []
    start: int | None = None
    end = 0
    used = 0
    for token in _TOKEN.finditer(text):
        word = token.group()
        if word.isspace():
            continue
        size = cell_len(word)
        # The white space before the word as it is: a list's or quotation's line can
        # hold more than one space, and a row must not run past the width.
        gap = cell_len(text[end : token.start()])
        if start is not None and used + gap + size <= width:
            used += gap + size
            end = token.end()
            continue
        if start is not None:
            lines.append((start, end))
        if size <= width:
            start, end, used = token.start(), token.end(), size
            continue
        # A word wider than the line: cut it by cells.
        start, used = token.start(), 0
        for index, char in enumerate(word, start=token.start()):
            char_size = get_character_cell_size(char)
            if used + char_size > width and used > 0:
                lines.append((start, index))
                start, used = index, 0
            used += char_size
        end = token.end()
    if start is not None:
        lines.append((start, end))
    return lines
