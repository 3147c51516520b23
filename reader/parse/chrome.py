"""Find the article in a page rendered to text, and set the page chrome aside.

A web page saved as text by a terminal browser keeps its layout: navigation menus as
runs of short ``* Home`` / ``+ sub`` items, then the title, the article as a dense
run of long prose lines, then related links, share bars, comment forms and footers,
again short lines. The article is found by its shape:

1. every line is scored: a long line of prose counts for the article by its length,
   a short line or a list item against it, more so the longer the run of them;
2. the best-scoring run of lines (a maximum-sum segment, one linear pass) is the
   article; prose at the indentation most of the page's prose has counts in full,
   prose elsewhere (sidebars, teasers) for less;
3. inside it, islands of chrome are set aside too: link lists, share bars, lines that
   are only a date, picture credits.

Text without the marks of a page layout (a book, a clean scrape) is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.parse.blocks import Block
from reader.parse.lines import (
    Line,
    block_lines,
    has_words,
    is_bullet,
    is_meta_line,
    regroup,
    weight,
)

# A line this long (letters, an ideograph counting three) with a sentence mark is prose.
PROSE_WEIGHT = 80
# What a prose line must pay for its place: short prose barely counts.
PROSE_THRESHOLD = 40
# The cost of a short line, and of a list item, for each line of the run they stand in
# (up to RUN_CAP lines): one heading between paragraphs is cheap, a menu is not.
SHORT_COST = 10
ITEM_COST = 15
RUN_CAP = 3
# Prose away from the page's main indentation counts for this much.
OFF_INDENT = 0.6
# A page layout shows at least this many short list items (its menus).
MIN_MENU_ITEMS = 3
# Bigger bodies are books or long documents, not pages: their ends are looked at only.
MAX_PAGE_LINES = 5000
MAX_PAGE_BLOCKS = 2000

_SENTENCE_MARKS = frozenset(".!?;:,。！？；：，、؟،")

# Chrome that structure alone does not show: legal lines and cookie prompts.
_LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|alle rechte vorbehalten"
    r"|todos los derechos reservados|tous droits réservés|tutti i diritti riservati",
    re.IGNORECASE,
)
_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)

PROSE = 0
SHORT = 1
ITEM = 2
BLANK = 3
"""Line kinds: prose, a short line, a list item, a line with no word in it."""


@dataclass
class Page:
    """A page's lines and which of them are the article."""

    lines: list[Line]
    start: int
    """Index of the article's first line."""
    end: int
    """Index just past the article's last line."""
    keep: list[bool]
    """Per line: reading text (True) or page chrome (False)."""


def kind_of(line: Line) -> int:
    text = line.stripped
    if not has_words(text):
        return BLANK
    if weight(text) >= PROSE_WEIGHT and any(char in _SENTENCE_MARKS for char in text):
        return PROSE
    return ITEM if is_bullet(text) else SHORT


def read_page(blocks: Sequence[Block]) -> Page | None:
    """The article of a rendered page; None when the text has no page layout."""
    if not blocks or len(blocks) > MAX_PAGE_BLOCKS:
        return None
    lines = block_lines(blocks)
    if len(lines) > MAX_PAGE_LINES:
        return None
    kinds = [kind_of(line) for line in lines]
    menu_items = sum(
        1
        for line, kind in zip(lines, kinds, strict=True)
        if kind == ITEM and len(line.stripped) < 60
    )
    if menu_items < MIN_MENU_ITEMS:
        return None
    start, end = _best_run(lines, kinds)
    if start >= end:
        return None
    keep = [False] * len(lines)
    for index in range(start, end):
        keep[index] = not _is_island(lines, kinds, index)
    return Page(lines, start, end, keep)


def _main_indent(lines: Sequence[Line], kinds: Sequence[int]) -> int:
    mass: Counter[int] = Counter()
    for line, kind in zip(lines, kinds, strict=True):
        if kind == PROSE:
            mass[line.indent] += weight(line.stripped)
    return mass.most_common(1)[0][0] if mass else -1


def _best_run(lines: Sequence[Line], kinds: Sequence[int]) -> tuple[int, int]:
    """The maximum-sum run of line scores (Kadane): (first index, index past the last)."""
    indent = _main_indent(lines, kinds)
    best, best_start, best_end = 0.0, 0, 0
    total, start, run = 0.0, 0, 0
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind == PROSE:
            run = 0
            score = float(weight(line.stripped) - PROSE_THRESHOLD)
            if line.indent != indent:
                score *= OFF_INDENT
        elif kind == BLANK:
            score = 0.0
        else:
            run += 1
            score = -float((ITEM_COST if kind == ITEM else SHORT_COST) * min(run, RUN_CAP))
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_start, best_end = total, start, index + 1
    return best_start, best_end


def _is_island(lines: Sequence[Line], kinds: Sequence[int], index: int) -> bool:
    """Chrome standing inside the article: link lists, share bars, datelines, credits."""
    kind = kinds[index]
    text = lines[index].stripped
    if kind == BLANK:
        return True
    if kind == PROSE:
        return _COOKIES.search(text) is not None and _LEGAL.search(text) is not None
    if kind == ITEM:
        return True
    return is_meta_line(text) or _LEGAL.search(text) is not None


def article_and_chrome(page: Page, blocks: Sequence[Block]) -> tuple[list[Block], list[Block]]:
    """The page's article and its chrome, as blocks."""
    article = [line for line, keep in zip(page.lines, page.keep, strict=True) if keep]
    chrome = [line for line, keep in zip(page.lines, page.keep, strict=True) if not keep]
    return regroup(article, blocks), regroup(chrome, blocks)


def is_page_chrome_text(text: str) -> bool:
    """A legal line or a cookie prompt: chrome wherever it stands."""
    return _LEGAL.search(text) is not None or (
        _COOKIES.search(text) is not None and len(text) < 200
    )
