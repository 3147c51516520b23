"""Choose the post's title, in the order a reader would look for it.

1. the title the comments header names (``12 thoughts on “TITLE”``), where a line of
   the post says it;
2. an explicit title at the very top: a ``Title:`` field, a Markdown ``#`` heading, a
   setext-underlined line;
3. on a rendered page, the heading just above the article (navigation comes first),
   the more so when a dateline or byline follows it or the page names it again (a
   breadcrumb);
4. at the top of plain text, a line over a meta line (``In Stories at 10:25am``, a
   date, ``by NAME``), the line under a date split over lines (``27`` / ``June`` /
   ``2012``), or else a first line that reads as a title;
5. the title the comments header names, even where no line says it (it is then
   marked inferred: its words belong to the header);
6. the file name, marked inferred.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.model import Boilerplate, CommentsHeader
from reader.parse.blocks import Block, squash
from reader.parse.boilerplate import is_chrome_line, is_form_start
from reader.parse.chrome import ITEM, PROSE, Page, is_page_chrome_text, kind_of
from reader.parse.headings import find_title
from reader.parse.lines import (
    Line,
    block_lines,
    has_words,
    is_bullet,
    is_date_part,
    is_meta_line,
    normal_form,
    regroup,
    weight,
)

# How far above the article a page's title may stand, in lines with words.
PAGE_TITLE_REACH = 12
# The plain-text rules look at this many blocks from the top.
HEAD_BLOCKS = 6
MAX_TITLE_LENGTH = 250

_NAMED = re.compile(
    r"\b(?:on|to|for|about|zu|zum|zur|sur|à|a|en|em|su|op|bei)\s+[\"“”„«»‘’']?(?P<title>.+?)"
    r"[\"“”„«»‘’']?\s*:?$",
    re.IGNORECASE,
)


_NUMBERED_STEP = re.compile(r"\d{1,2}\.\s")
# Picture credits and captions name a source, not the post.
_CAPTION = re.compile(
    r"(?:foto|fotos|photo|photos|bild|bilder|image|imagen|quelle|source|fuente|fonte"
    r"|credit|credits|crédit|crédits|crédito|créditos|©)\b",
    re.IGNORECASE,
)


@dataclass
class TitleChoice:
    """The title, and the body and chrome left once it is taken out."""

    text: str
    inferred: bool
    span: tuple[int, int]
    body: list[Block]
    chrome: list[Boilerplate]


def named_title(header: CommentsHeader | None) -> str | None:
    """The title a comments header names: ``5 Responses to “TITLE”`` → ``TITLE``."""
    if header is None:
        return None
    match = _NAMED.search(header.text)
    if match is None:
        return None
    title = match.group("title").strip()
    return title if has_words(title) else None


def title_from_page(page: Page, named: str | None) -> int | None:
    """Index of the line of a rendered page that is its title, if any."""
    lines = page.lines
    if named is not None:
        wanted = normal_form(named)
        for index in range(page.end):
            if normal_form(lines[index].stripped) == wanted:
                return index
    best: tuple[float, int] | None = None
    seen = 0
    items = 0
    index = page.start - 1
    while index >= 0 and seen < PAGE_TITLE_REACH:
        line = lines[index]
        index -= 1
        if not has_words(line.stripped):
            continue
        # A navigation menu ends the search: the title stands below it.
        items = items + 1 if _is_item(line.stripped) else 0
        if items >= 2:
            break
        seen += 1
        score = _page_title_score(page, index + 1, seen)
        if score is not None and (best is None or score > best[0]):
            best = (score, index + 1)
    return None if best is None else best[1]


def _page_title_score(page: Page, index: int, distance: int) -> float | None:
    lines = page.lines
    text = lines[index].stripped
    kind = kind_of(lines[index])
    if kind == ITEM or _is_item(text) or not _may_be_title(text):
        return None
    score = -0.3 * distance
    words = len(text.split())
    if words >= 2 and 12 <= weight(text) <= 200:
        score += 1.0
    if kind == PROSE and text.endswith((".", "!", "?", "…")) and words > 10:
        score -= 3.0  # a lead paragraph
    following = [line.stripped for line in lines[index + 1 : index + 4] if has_words(line.stripped)]
    if any(is_meta_line(other) for other in following):
        score += 2.0
    if _named_again(page.lines, index):
        score += 3.0
    return score


def _is_item(text: str) -> bool:
    """A list item, or a numbered breadcrumb step (``2. Aktuelles``)."""
    return is_bullet(text) or (_NUMBERED_STEP.match(text) is not None and len(text) < 80)


def _may_be_title(text: str) -> bool:
    return (
        6 <= weight(text) <= MAX_TITLE_LENGTH
        and has_words(text)
        and _CAPTION.match(text) is None
        and not is_meta_line(text)
        and not is_date_part(text)
        and not is_page_chrome_text(text)
        and not is_chrome_line(text)
        and not text.endswith(":")
    )


def _named_again(lines: Sequence[Line], index: int) -> bool:
    """The page says this line again: a breadcrumb ending in it, a repeated heading."""
    wanted = normal_form(lines[index].stripped)
    if len(wanted) < 8:
        return False
    for other, line in enumerate(lines):
        if other == index:
            continue
        text = line.stripped
        if len(text) >= len(wanted) and normal_form(text).endswith(wanted):
            return True
    return False


def title_from_head(lines: Sequence[Line], named: str | None) -> int | None:
    """Index of the title among the first lines of plain text, if any."""
    worded = [index for index, line in enumerate(lines) if has_words(line.stripped)]
    if named is not None:
        wanted = normal_form(named)
        for index in worded:
            if normal_form(lines[index].stripped) == wanted:
                return index
    # A date split over lines, then the title: "27" / "June" / "2012" / TITLE.
    parts = 0
    while parts < len(worded) and is_date_part(lines[worded[parts]].stripped):
        parts += 1
    if 2 <= parts < len(worded) and _may_be_title(lines[worded[parts]].stripped):
        return worded[parts]
    # A title line over a meta line: "Wheels Up…" / "In Stories at 10:25am".
    for position, index in enumerate(worded[:4]):
        text = lines[index].stripped
        if (
            position + 1 < len(worded)
            and is_meta_line(lines[worded[position + 1]].stripped)
            and _may_be_title(text)
            and not is_bullet(text)
            and len(text.split()) <= 25
        ):
            return index
    return None


def choose_title(
    blocks: list[Block],
    page: Page | None,
    header: CommentsHeader | None,
) -> TitleChoice | None:
    """The title found in the text (None: nothing can be), with what is left of it.

    ``blocks`` is the body; on a rendered page ``page`` holds its lines and which of
    them are the article (the body blocks are then made from it).
    """
    named = named_title(header)
    if page is not None:
        index = title_from_page(page, named)
        keep = list(page.keep)
        chrome_lines = [line for line, kept in zip(page.lines, keep, strict=True) if not kept]
        if index is None:
            return None
        title = page.lines[index]
        keep[index] = False
        body = regroup((line for line, kept in zip(page.lines, keep, strict=True) if kept), blocks)
        chrome = regroup((line for line in chrome_lines if line is not title), blocks)
        return TitleChoice(
            squash(title.text),
            False,
            (title.start, title.end),
            body,
            [Boilerplate(block.text.strip(), (block.start, block.end)) for block in chrome],
        )
    head = blocks[:HEAD_BLOCKS]
    if head and not is_form_start(head[0]) and not _is_chrome_block(head[0]):
        explicit = find_title(head[0])
        if explicit is not None and (explicit.field_label or _is_explicit(head[0])):
            return _from_block(blocks, explicit.text, explicit.field_label)
    lines = block_lines(head)
    index = title_from_head(lines, named)
    if index is not None:
        above = [line for line in lines[:index] if has_words(line.stripped)]
        # A date split over the lines above the title is the post's date: chrome.
        split_date = len(above) >= 2 and all(is_date_part(line.stripped) for line in above)
        dated = above if split_date else []
        return _from_line(blocks, lines, index, dated)
    if head and not is_form_start(head[0]) and not _is_chrome_block(head[0]):
        found = find_title(head[0])
        if found is not None:
            return _from_block(blocks, found.text, found.field_label)
    return None


def _is_chrome_block(block: Block) -> bool:
    return all(is_chrome_line(line) for line in block.lines)


def _is_explicit(block: Block) -> bool:
    """A Markdown ``#`` heading or a setext-underlined line."""
    text = block.text.lstrip()
    return text.startswith("#") or "\n" in block.text


def _from_block(blocks: list[Block], text: str, label: str | None) -> TitleChoice:
    first = blocks[0]
    chrome: list[Boilerplate] = []
    if label:
        offset = first.start + first.text.index(label)
        chrome.append(Boilerplate(label, (offset, offset + len(label))))
    return TitleChoice(text, False, (first.start, first.end), blocks[1:], chrome)


def _from_line(
    blocks: list[Block], lines: Sequence[Line], index: int, aside: Sequence[Line]
) -> TitleChoice:
    """The title taken from its line; ``aside`` lines go to the chrome."""
    title = lines[index]
    taken = {id(title), *(id(line) for line in aside)}
    touched = {title.block, *(line.block for line in aside)}
    last = max(touched)
    rest = regroup(
        (line for line in lines if line.block in touched and id(line) not in taken), blocks
    )
    body = [*[b for i, b in enumerate(blocks[: last + 1]) if i not in touched]]
    body = sorted([*body, *rest], key=lambda block: block.start) + blocks[last + 1 :]
    chrome = [
        Boilerplate(block.text.strip(), (block.start, block.end))
        for block in regroup(aside, blocks)
    ]
    return TitleChoice(squash(title.text), False, (title.start, title.end), body, chrome)
