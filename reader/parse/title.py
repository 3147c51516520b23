"""Choose the post's title, in the order a reader would look for it.

1. an explicit title: a book header's ``Title:`` field (read with the Gutenberg
   wrapper), a ``Title:`` line, a Markdown ``#`` heading or a setext-underlined line at
   the very top;
2. the title the comments header names (``12 thoughts on “TITLE”``), where a line of
   the post says it;
3. on a rendered page, the heading just above the article (navigation comes first),
   the more so when a dateline or byline follows it or a breadcrumb names it, the less
   when it shares its block with a list's rows, opens in small letters or stands over
   a line of the same heading's shape that is much longer (then that is its subtitle);
   a short menu label over the headline is its kicker, a breadcrumb and a caption with
   its credit are no title, and the dates of a list of teasers lend their entries
   nothing. A kicker drawn on one line with the headline is set aside when a
   breadcrumb step names the headline alone. What stands between the title and the
   article is the article's lead unless it is chrome;
4. at the top of plain text, the line under the post's date (a dateline, or a date
   split over lines: ``27`` / ``June`` / ``2012``; the date is set aside), a line over
   a meta line (``In Stories at 10:25am``, ``by NAME``, ``· 17 Comments``), the line
   under a dated byline (at the top, or under a menu), or else a first line that reads
   as a title; on a page drawn without list marks, the line its breadcrumb names;
5. the title the comments header names, even where no line says it (it is then
   marked inferred: its words belong to the header);
6. the file name, marked inferred.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.model import Boilerplate, CommentsHeader
from reader.parse.blocks import Block, squash
from reader.parse.boilerplate import FORM_START, is_chrome_line, is_form_start
from reader.parse.chrome import (
    PROSE,
    Page,
    is_ad_label,
    is_call,
    is_credit,
    is_lead_line,
    is_page_chrome_text,
    kind_of,
)
from reader.parse.headings import find_title
from reader.parse.lines import (
    Line,
    block_lines,
    date_removed,
    has_date,
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
# Lines with words within which a page's first line, drawn again, is its heading.
TOP_TITLE_REACH = 6
# Consecutive list items that make a navigation menu.
MENU_RUN = 6
# What each line between a candidate and the article costs it.
DISTANCE_COST = 0.1
# A breadcrumb stands this many lines above the title at most.
BREADCRUMB_REACH = 12
# Lines of the article's top that may still be its title.
INSIDE_LINES = 5
# A line inside the article longer than this is its text, not its title.
MAX_INSIDE_TITLE = 160
# A menu entry or a repeated label is at most this long.
LABEL_LENGTH = 40
# A headline named apart from its kicker has this many words at least.
HEADLINE_WORDS = 3
# What sharing its block with other lines costs a line (up to two of them).
BLOCK_COST = 1.5
# How far (in lines) a block's neighbours are looked for.
MATE_REACH = 2
# A subtitle is this much longer than the title over it, and SUBTITLE_LENGTH at least.
SUBTITLE_RATIO = 1.25
SUBTITLE_LENGTH = 80
# Meta lines alike within this many lines make a list's dates.
SERIES_REACH = 15
# Bullet items that make a menu at the top of plain text.
MENU_ITEMS = 3
# A breadcrumb naming the title is looked for in this many lines from the top.
TOP_LINES = 200
# The plain-text rules look at this many blocks from the top.
HEAD_BLOCKS = 6
MAX_TITLE_LENGTH = 250
MAX_TITLE_WORDS = 25
# A dateline is a date and a few words more (a weekday, a time).
DATELINE_WORDS = 8

_NAMED = re.compile(
    r"\b(?:on|to|for|about|zu|zum|zur|sur|à|a|en|em|su|op|bei)\s+[\"“”„«»‘’']?(?P<title>.+?)"
    r"[\"“”„«»‘’']?\s*:?$",
    re.IGNORECASE,
)


# "12 thoughts on “TITLE”", "5 Kommentare zu „TITLE“": a comments header naming the post.
_THREAD_HEADER = re.compile(
    r"\d{1,6}\s+\w+(?:\s+\w+)?\s+(?:on|to|for|about|zu|zum|zur|auf|sur|à|a|en|em|su|op|bei)"
    r"\s+[\"“”„«»‘’'](?P<title>[^\"“”„«»]{2,}?)[\"“”„«»‘’']\s*:?",
    re.IGNORECASE,
)
# Two or three capitalised words and nothing else: a person's name (or a few of them).
_NAME = re.compile(
    r"[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){1,2}(?:(?:,| and| und| y| et) [A-ZÀ-Þ][\w'’.-]+"
    r"(?: [A-ZÀ-Þ][\w'’.-]+){1,2})*"
)
# A breadcrumb: two steps or more before the page's own ("home / InfoStream / TITLE").
_BREADCRUMB = re.compile(r"(?:[^/»›>|]{1,30}?\s[/»›>]\s+){2,}\S")
# A caption ending in its agency's name: "Presidente de EEUU, Joe Biden / AFP".
_AGENCY_CREDIT = re.compile(r"\s/\s*[A-Z]{2,10}$")
# An account name: a byline or a social media link, not a title.
_HANDLE = re.compile(r"(?:^|\s)@\w{2,}")
_WORDS = re.compile(r"[^\W_]+")
# A colon that opens a quotation running to the end of the line.
_QUOTED_AFTER_COLON = re.compile(r":\s*[\"“”„«»‘‚']+[^\"“”„«»]+[\"“”„«»’']+$")
# A first word all in small letters (a name like "iPhone" has a capital).
_LOWER_START = re.compile(r"[^\W\d_A-ZÀ-Þ][^\W\d_A-ZÀ-Þ]*[\s,.;:]")
_TOKEN = re.compile(r"\S+")
# Between the steps of a breadcrumb, or a headline and its kicker.
_STEP_SEPARATOR = re.compile(r"\s+[/»›>|–—-]\s+")
_DIGITS = re.compile(r"\d+")
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
    """Index of the line of a rendered page that is its title, if any.

    The candidates are the lines above the article up to the navigation menu (and the
    article's own first lines, when they are short); each is scored for the shape of
    a heading, for a dateline or byline under it, for the page naming it again (a
    breadcrumb), and for its nearness to the article.
    """
    lines = page.lines
    named = named or _named_by_thread(lines, page.end)
    if named is not None:
        wanted = normal_form(named)
        for index in range(page.end):
            if normal_form(lines[index].stripped) == wanted:
                return index
    top = _top_title(lines)
    if top is not None:
        return top
    best: tuple[float, int] | None = None
    labels = _labels(lines)
    for index, distance in _title_candidates(page):
        score = _page_title_score(page, index, distance, labels)
        if score is not None and (best is None or score > best[0]):
            best = (score, index)
    return None if best is None else best[1]


def _top_title(lines: Sequence[Line]) -> int | None:
    """The page's first line when the page shows it again right under it as a line of
    its own: the document's title drawn at the top, then as its heading."""
    worded = [index for index, line in enumerate(lines) if has_words(line.stripped)]
    if not worded:
        return None
    first = worded[0]
    text = lines[first].stripped
    # Shown twice, a title may be one short word (a wiki's "Penny").
    if _is_item(text) or not _may_be_title(text, shortest=3) or is_chrome_line(text):
        return None
    wanted = normal_form(text)
    for index in worded[1 : 1 + TOP_TITLE_REACH]:
        if normal_form(lines[index].stripped) == wanted:
            return first
    return None


def _title_candidates(page: Page) -> list[tuple[int, int]]:
    """(index, distance) of the lines the title may be: above the article, nearest first.

    The article's first lines come in too while they are short (a title the page
    layout put inside the article's box).
    """
    lines = page.lines
    found: list[tuple[int, int]] = []
    inside = 0
    for index in range(page.start, page.end):
        text = lines[index].stripped
        if not has_words(text):
            continue
        if kind_of(lines[index]) == PROSE and weight(text) > MAX_INSIDE_TITLE:
            break
        if _is_item(text) or not _may_be_title(text):
            continue  # a list item, a dateline, a credit, a button: not counted
        inside += 1
        if inside > INSIDE_LINES:
            break
        found.append((index, 0))
    seen = 0
    items = 0
    for index in range(page.start - 1, -1, -1):
        text = lines[index].stripped
        if not has_words(text):
            continue
        if _is_item(text) and not is_meta_line(text) and not is_chrome_line(text):
            items += 1
            if items >= MENU_RUN:
                break  # a navigation menu: the title stands below it
            continue  # a short list (tags, a breadcrumb) is passed over
        items = 0
        seen += 1
        if seen > PAGE_TITLE_REACH:
            break
        found.append((index, seen))
    return found


def _labels(lines: Sequence[Line]) -> set[str]:
    """Short texts the page uses as labels: menu entries, and lines it shows thrice."""
    seen: Counter[str] = Counter()
    labels: set[str] = set()
    for line in lines:
        text = line.stripped
        if not text or len(text) > LABEL_LENGTH:
            continue
        if is_bullet(text):
            labels.add(normal_form(text[1:]))
        else:
            seen[normal_form(text)] += 1
    labels.update(text for text, count in seen.items() if count >= 3)
    return labels


def _is_kicker(lines: Sequence[Line], index: int, labels: set[str]) -> bool:
    """A section's name over the headline: a short label of the page's own menus."""
    text = lines[index].stripped
    if len(_WORDS.findall(text)) > 2 or normal_form(text) not in labels:
        return False
    for line in lines[index + 1 : index + 6]:
        other = line.stripped
        if not has_words(other) or is_chrome_line(other) or is_meta_line(other):
            continue
        # The headline under it: a heading's shape, not the article's first sentence.
        return (
            len(_WORDS.findall(other)) >= 3
            and kind_of(line) != PROSE
            and _may_be_title(other)
            and not _is_item(other)
        )
    return False


def _page_title_score(page: Page, index: int, distance: int, labels: set[str]) -> float | None:
    """How much a line looks like the page's title (None: it cannot be)."""
    lines = page.lines
    text = lines[index].stripped
    if _is_item(text) or not _may_be_title(text) or _is_kicker(lines, index, labels):
        return None
    words = text.split()
    score = -DISTANCE_COST * distance
    if distance == 0:
        # Inside the article's box: more often a subtitle than the title, unless the
        # box opens with it and it does not end like a sentence.
        opens = not any(has_words(line.stripped) for line in lines[page.start : index])
        score -= 1.0 if opens and not text.endswith((".", "!", "…")) else 2.0
    if len(words) >= 3:
        score += 1.5
    elif len(words) == 2:
        score += 0.5
    if _NAME.fullmatch(text):
        score -= 1.5  # an author's name
    if _LOWER_START.match(text):
        score -= 1.5  # "im Innenhof des Palais": a line run on from the one above
    if kind_of(lines[index]) == PROSE and text.endswith((".", "!", "…")) and len(words) > 12:
        score -= 3.0  # a lead paragraph
    if ":" in text[:-1] and _QUOTED_AFTER_COLON.search(text) is None:
        # "Topic: what happened", the shape of many headlines ("Er sagt: „…“" quotes).
        score += 0.5
    metas = [
        position
        for position, other in enumerate(_worded_after(lines, index, 3))
        if is_meta_line(lines[other].stripped) and not _in_series(lines, other)
    ]
    if metas:
        # A dateline or byline under it (one of a list's row of dates is not its own).
        score += 3.0 if metas[0] == 0 else 2.0
    if _named_again(lines, index):
        score += 2.5
    if _is_subtitle(lines, index):
        score -= 1.5
    mates = _block_mates(lines, index)
    if mates:
        score -= BLOCK_COST * min(mates, 2)  # a heading stands apart; a list's rows do not
    return score


def _block_mates(lines: Sequence[Line], index: int) -> int:
    """Lines of text next to line ``index`` in its block and column (not datelines)."""
    block = lines[index].block
    mates = 0
    for other in range(max(0, index - MATE_REACH), min(len(lines), index + MATE_REACH + 1)):
        text = lines[other].stripped
        if (
            other != index
            and lines[other].block == block
            and lines[other].indent == lines[index].indent
            and len(_WORDS.findall(text)) >= 2
            and not is_meta_line(text)
        ):
            mates += 1
    return mates


def _is_subtitle(lines: Sequence[Line], index: int) -> bool:
    """A long line right under a heading of four words or more, and much longer than it:
    the standfirst under the headline."""
    text = lines[index].stripped
    for line in lines[index - 1 :: -1] if index else ():
        above = line.stripped
        if not has_words(above) or is_chrome_line(above):
            continue
        return (
            len(_WORDS.findall(above)) >= 4
            and len(text) >= SUBTITLE_LENGTH
            and _may_be_title(above)
            and not _is_item(above)
            and len(text) >= SUBTITLE_RATIO * len(above)
        )
    return False


def _worded_after(lines: Sequence[Line], index: int, count: int) -> list[int]:
    """Indices of the next ``count`` lines with words after ``index`` (share buttons
    skipped)."""
    found: list[int] = []
    for after in range(index + 1, len(lines)):
        text = lines[after].stripped
        if has_words(text) and not is_chrome_line(text):
            found.append(after)
            if len(found) >= count:
                break
    return found


def _lead_token(text: str) -> str:
    """A line's first word, its digits made alike: ``Release:``, ``0.`` for ``12.``."""
    first = text.split(maxsplit=1)[0] if text else ""
    return _DIGITS.sub("0", first.casefold())


def _in_series(lines: Sequence[Line], index: int) -> bool:
    """A meta line one of several alike nearby: the dates of a list of teasers."""
    token = _lead_token(lines[index].stripped)
    alike = 0
    for other in range(max(0, index - SERIES_REACH), min(len(lines), index + SERIES_REACH + 1)):
        text = lines[other].stripped
        if other != index and _lead_token(text) == token and is_meta_line(text):
            alike += 1
            if alike >= 2:
                return True
    return False


def _named_by_thread(lines: Sequence[Line], start: int) -> str | None:
    """The title a comments header below the article names: ``5 Kommentare zu “…”``."""
    for line in lines[start:]:
        text = line.stripped
        if text[:1].isdigit() and len(text) <= MAX_TITLE_LENGTH:
            match = _THREAD_HEADER.fullmatch(text)
            if match is not None:
                return match.group("title")
    return None


def _is_item(text: str) -> bool:
    """A list item, or a numbered breadcrumb step (``2. Aktuelles``)."""
    return is_bullet(text) or (_NUMBERED_STEP.match(text) is not None and len(text) < 80)


def _may_be_title(text: str, shortest: int = 6) -> bool:
    return (
        shortest <= weight(text) <= MAX_TITLE_LENGTH
        and has_words(text)
        and "__" not in text
        and _CAPTION.match(text) is None
        and _AGENCY_CREDIT.search(text) is None
        and _BREADCRUMB.match(text) is None
        and not is_credit(text)
        and not is_call(text)
        and not is_ad_label(text)
        and _HANDLE.search(text) is None
        and not is_meta_line(text)
        and not is_date_part(text)
        and not is_page_chrome_text(text)
        and not is_chrome_line(text)
        and FORM_START.match(squash(text)) is None
        and not text.endswith(":")
    )


def _headline_start(lines: Sequence[Line], index: int) -> int | None:
    """Where the headline begins in a title line that a kicker opens, if it does.

    ``Forderungsausfälle vermeiden Eigentumsvorbehalt: Das sollten Käufer wissen``: the
    kicker and the headline were drawn as one line; a breadcrumb step above names the
    headline alone (``home / InfoStream / Eigentumsvorbehalt: Das sollten Käufer
    wissen``, ``* Daten gehackt - Interne Unterlagen im Netz``).
    """
    text = lines[index].text
    words = [match.start() for match in _TOKEN.finditer(text)]
    wanted = normal_form(text)
    for other in range(max(0, index - BREADCRUMB_REACH), index):
        above = lines[other].stripped
        if is_bullet(above):
            above = above[1:]
        for piece in _STEP_SEPARATOR.split(above):
            step = normal_form(piece)
            size = len(step.split())
            if (
                HEADLINE_WORDS <= size < len(words)
                and wanted.endswith(" " + step)
                # Glued on, not set off: "Firefox – Weniger Werbung" is one headline.
                and wanted[: -len(step)].rstrip()[-1:].isalnum()
            ):
                return words[len(words) - size]
    return None


def _named_again(lines: Sequence[Line], index: int) -> bool:
    """A breadcrumb just above ends in this line (``Home » News » TITLE``, ``3. TITLE``)."""
    wanted = normal_form(lines[index].stripped)
    if len(wanted) < 8:
        return False
    for other in range(max(0, index - BREADCRUMB_REACH), index):
        text = normal_form(lines[other].stripped)
        if len(text) > len(wanted) and text.endswith(wanted):
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
    # A date split over lines, then the title: "27" / "June" / "2012" / TITLE; or a
    # dateline over it ("Monday, October 22, 2012" / TITLE).
    parts = _date_lines(lines, worded)
    if parts and parts < len(worded):
        text = lines[worded[parts]].stripped
        # Under the date the title may name a date itself ("The Week: July 20, 2012").
        if (
            not _is_dateline(text)
            and (_may_be_title(text) or (has_date(text) and not text.endswith(".")))
            and not is_bullet(text)
            and len(text.split()) <= MAX_TITLE_WORDS
        ):
            return worded[parts]
    # A title line over a meta line: "Wheels Up…" / "In Stories at 10:25am".
    for position, index in enumerate(worded[:4]):
        text = lines[index].stripped
        if (
            position + 1 < len(worded)
            and is_meta_line(lines[worded[position + 1]].stripped)
            and _may_be_title(text)
            and not is_bullet(text)
            and len(text.split()) <= MAX_TITLE_WORDS
        ):
            return index
    # The post's dated byline first, then its title: "November 2, 2012 7:39 pm AEST — By
    # NAME" / TITLE (the byline stays the post's text).
    if len(worded) >= 2:
        first, second = lines[worded[0]].stripped, lines[worded[1]].stripped
        if (
            is_meta_line(first)
            and has_date(first)
            and _may_be_title(second)
            and not is_bullet(second)
            and len(second.split()) <= MAX_TITLE_WORDS
        ):
            return worded[1]
    # Under a menu, the post's dated byline, then its title: "* Wir" / "Verfasst von:
    # NAME | 31. Dezember 2008" / TITLE.
    items = 0
    for position, index in enumerate(worded[:-1]):
        text = lines[index].stripped
        if is_bullet(text):
            items += 1
        elif items >= MENU_ITEMS and is_meta_line(text) and has_date(text):
            title = lines[worded[position + 1]].stripped
            if (
                _may_be_title(title)
                and not is_bullet(title)
                and len(title.split()) <= MAX_TITLE_WORDS
            ):
                return worded[position + 1]
    return None


def _named_by_breadcrumb(lines: Sequence[Line]) -> int | None:
    """The first line a breadcrumb above names (``Accueil Pétitions TITLE`` / TITLE)."""
    forms = [normal_form(line.stripped) for line in lines]
    for index, wanted in enumerate(forms):
        # The cheap test first: a longer line just above ends in this one.
        if len(wanted) < 8 or not any(
            len(form) > len(wanted) and form.endswith(wanted)
            for form in forms[max(0, index - BREADCRUMB_REACH) : index]
        ):
            continue
        text = lines[index].stripped
        if len(_WORDS.findall(text)) >= HEADLINE_WORDS and not _is_item(text):
            if _may_be_title(text):
                return index
    return None


def _date_lines(lines: Sequence[Line], worded: Sequence[int]) -> int:
    """How many of the first lines with words are the post's date (0: none)."""
    parts = 0
    while parts < len(worded) and is_date_part(lines[worded[parts]].stripped):
        parts += 1
    if parts >= 2:
        return parts
    if worded and _is_dateline(lines[worded[0]].stripped):
        return 1
    return 0


def _is_dateline(text: str) -> bool:
    """A line that is a date and little else: ``Monday, October 22, 2012``, ``09/21/2012``."""
    if len(text.split()) > DATELINE_WORDS or not has_date(text):
        return False
    # Besides the date, a weekday or a word like "Posted" at most.
    return len([word for word in date_removed(text).split() if has_words(word)]) <= 1


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
        if index is None:
            return None
        keep = list(page.keep)
        if index < page.start and index != _top_title(page.lines):
            # What stands between the title and the article is its lead, unless chrome
            # (not under a title drawn at the very top: menus and boxes stand there).
            for between in range(index + 1, page.start):
                keep[between] = is_lead_line(page, between)
        title = page.lines[index]
        keep[index] = False
        chrome_lines = [line for line, kept in zip(page.lines, keep, strict=True) if not kept]
        body = regroup((line for line, kept in zip(page.lines, keep, strict=True) if kept), blocks)
        chrome = [
            Boilerplate(block.text.strip(), (block.start, block.end))
            for block in regroup((line for line in chrome_lines if line is not title), blocks)
        ]
        start = title.start + title.indent
        cut = _headline_start(page.lines, index)
        if cut is not None:
            # A kicker glued to the headline is set aside; the headline is the title.
            kicker = title.text[title.indent : cut].strip()
            chrome.append(Boilerplate(kicker, (start, title.start + cut)))
            chrome.sort(key=lambda piece: piece.span[0])
            start = title.start + cut
        return TitleChoice(
            squash(title.text[start - title.start :]),
            False,
            (start, title.end),
            body,
            chrome,
        )
    head = blocks[:HEAD_BLOCKS]
    if head and not is_form_start(head[0]) and not _is_chrome_block(head[0]):
        explicit = find_title(head[0])
        if explicit is not None and (explicit.field_label or _is_explicit(head[0])):
            return _from_block(blocks, explicit.text, explicit.field_label)
    lines = block_lines(head)
    index = title_from_head(lines, named)
    if index is not None:
        worded = [i for i in range(index) if has_words(lines[i].stripped)]
        # The post's date above its title (split over lines, or a dateline) is chrome.
        dated = bool(worded) and _date_lines(lines, worded) == len(worded)
        aside = [lines[i] for i in worded] if dated else []
        return _from_line(blocks, lines, index, aside)
    if head and not is_form_start(head[0]) and not _is_chrome_block(head[0]):
        found = find_title(head[0])
        if found is not None:
            return _from_block(blocks, found.text, found.field_label)
    # A page drawn without list marks: its title is the line its breadcrumb names.
    top = _top_blocks(blocks)
    lines = block_lines(top)
    index = _named_by_breadcrumb(lines)
    if index is not None:
        return _from_line(blocks, lines, index, [])
    return None


def _top_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks that hold the first TOP_LINES lines."""
    count = 0
    for index, block in enumerate(blocks):
        count += block.text.count("\n") + 1
        if count >= TOP_LINES:
            return blocks[: index + 1]
    return blocks


def _is_chrome_block(block: Block) -> bool:
    return all(is_chrome_line(line) or is_page_chrome_text(line.strip()) for line in block.lines)


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
    untouched = [block for i, block in enumerate(blocks[: last + 1]) if i not in touched]
    body = sorted([*untouched, *rest], key=lambda block: block.start) + blocks[last + 1 :]
    chrome = [
        Boilerplate(block.text.strip(), (block.start, block.end))
        for block in regroup(aside, blocks)
    ]
    return TitleChoice(squash(title.text), False, (title.start, title.end), body, chrome)
