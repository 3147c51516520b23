"""Find the article in a page rendered to text, and set the page chrome aside.

A web page saved as text by a terminal browser keeps its layout: navigation menus as
runs of short ``* Home`` / ``+ sub`` items, then the title, the article as a run of
long prose lines, then related links, share bars, comment forms and footers, again
short lines. The article is found by its shape, with a small vocabulary where the
shape is not enough:

1. every line is scored: a long line punctuated like prose counts for the article by
   its length, a short line or a list item against it, more so the longer the run of
   them (one heading between paragraphs is cheap, a menu is not); excerpts hanging
   under the items of a link list, and teasers (one line of excerpt each under a
   headline, with a date or a picture credit, three or more in a row) count as short
   lines;
2. the best-scoring run of lines (a maximum-sum segment, one linear pass) is the
   article, unless it stands right under a "Related posts" heading; when its prose
   comes back after a long list, the list and the prose are the article's too, and so
   is a list its last sentence introduces (``Read about:``);
3. the article ends at the heading of the first box that follows most of its prose
   (related posts, tags, comments, newsletter), unless its prose resumes right after a
   small box set into it;
4. inside it, islands of chrome are set aside too: bare link items, lines the page
   repeats, share bars, datelines, picture credits, prompts, advertisement labels and
   legal lines.

Text without a menu (a book, a clean scrape, the sample post) is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.parse.blocks import Block, squash
from reader.parse.boilerplate import is_chrome_line
from reader.parse.lines import (
    MONTH,
    Line,
    block_lines,
    has_date,
    has_words,
    is_bullet,
    is_meta_line,
    normal_form,
    regroup,
    weight,
)

# A line this long (letters, an ideograph counting three) with a sentence mark is prose.
PROSE_WEIGHT = 80
# What a prose line must pay for its place: short prose barely counts.
PROSE_THRESHOLD = 40
# The cost of a short line, and of a list item, for each line of the run they stand in
# (up to RUN_CAP lines): one heading between paragraphs is cheap, a menu is not.
SHORT_COST = 1
ITEM_COST = 10
RUN_CAP = 3
# A list item shorter than this is a link (a menu entry, a related post's title).
LIST_ITEM_LENGTH = 100
# A list of long items counts for this much: an article is mostly paragraphs.
LISTED_PROSE = 0.5
# A box heading ends the article once this share of its prose stands above it.
END_SHARE = 0.3
# Teasers in a row that make a list of other posts, and how far (in lines with words)
# their dateline and headline stand from the excerpt.
TEASER_RUN = 3
TEASER_REACH = 3
# Lines of lists (and their short headings) the article's prose may come back after.
LIST_REACH = 40
# A page layout shows at least this many short list items (its menus).
MIN_MENU_ITEMS = 3
# Bigger bodies are books or long documents, not pages, and are left alone.
MAX_PAGE_LINES = 5000
MAX_PAGE_BLOCKS = 2000

_SENTENCE_MARKS = frozenset(".!?;:,…。！？；：，、؟،")
# Prose has a sentence mark at least every so many letters.
MARK_SPACING = 250

# Chrome that structure alone does not show: legal lines and cookie prompts.
_LEGAL = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|alle rechte vorbehalten"
    r"|todos los derechos reservados|tous droits réservés|tutti i diritti riservati",
    re.IGNORECASE,
)
_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
# A notice that the reader's browser is too old or runs no scripts.
_BROWSER_NOTICE = re.compile(
    r"\b(?:browser|navegador|navigateur|javascript)\b.*\b(?:veraltet|outdated|out of date"
    r"|unsupported|not supported|nicht unterstützt|deaktiviert|ausgeschaltet|aktivieren"
    r"|disabled|enable|obsolète|désactivé|activer|desactualizado|desactivado|activar)",
    re.IGNORECASE,
)
# A month and its year: "Januar 2022", "Nov. 2019" (a teaser's date, day left out).
_MONTH_YEAR = re.compile(rf"\b{MONTH.pattern}\s+\d{{4}}\b", re.IGNORECASE)
# Headings of the boxes that follow an article, in the common languages.
_BOX_HEADING = re.compile(
    r"(?:"
    # English
    r"related(?:\s+\w+)?|read (?:more|also|next)|more (?:from|on|about|in|stories|news)\b.*"
    r"|you (?:may|might) (?:also )?like|recommended(?: for you)?|(?:most )?popular(?: \w+)?"
    r"|most (?:read|viewed|shared)|latest(?: \w+)?|recent (?:posts|articles|comments)"
    r"|trending(?: \w+)?|tags?|tagged(?: with)?|categor(?:y|ies)|filed under.*"
    r"|share(?: this)?(?: \w+)?|leave a (?:reply|comment)|(?:\d+ )?comments?"
    r"|subscribe\b.*|sign up\b.*|follow us\b.*|about the author|see also|you may have missed"
    # German
    r"|(?:ähnliche|verwandte|passende) (?:beiträge|artikel|themen)"
    r"|das könnte (?:sie|dich) auch interessieren"
    r"|(?:auch|ebenfalls) interessant|mehr (?:zum thema|aus|von|zu|über)\b.*"
    r"|weitere (?:artikel|beiträge|meldungen|nachrichten|themen|informationen)\b.*"
    r"|lesen sie (?:auch|mehr|weiter)\b.*|(?:schon|auch) gelesen|meist ?gelesen(?:e \w+)?"
    r"|beliebte (?:artikel|beiträge)|neueste (?:artikel|beiträge|nachrichten|meldungen)"
    r"|schlagw(?:o|ö)rte(?:r)?|themen(?: im artikel)?|kategorien?|markiert mit"
    r"|(?:diesen )?(?:artikel |beitrag )?teilen|teilen sie (?:dies|diesen \w+)\b.*"
    r"|schreibe(?:n sie)? einen kommentar|kommentar(?:e| schreiben)?|kommentieren\b.*"
    r"|newsletter\b.*|zurück\b.*|nach oben"
    # Spanish, Portuguese
    r"|(?:noticias|artículos|notas) relacionad(?:as|os)|(?:también )?te puede interesar"
    r"|lo más (?:leído|visto)|más (?:leídas?|vistas?)|etiquetas|temas|compartir(?: \w+)?"
    r"|comentarios?|deja(?:r)? (?:tu|un) comentario|dejá tu comentario|otras noticias"
    r"|suscr[ií]bete\b.*|s[ií]guenos\b.*|leia (?:também|mais)|veja também|mais lidas"
    # French, Italian
    r"|(?:à )?lire aussi|sur le (?:même )?sujet|articles? similaires|les plus lus"
    r"|partager(?: \w+)?|commentaires?|laisser un commentaire|mots[- ]clés|(?:à )?voir aussi"
    r"|à écouter aussi|dans la même rubrique|leggi anche|articoli correlati|condividi"
    r")\s*[:?!.…]?\s*$",
    re.IGNORECASE,
)
# Picture credits name their source after a label.
_CREDIT = re.compile(
    r"[(\[]?(?:foto|fotos|photo|photos|bild|bilder|image|images|imagen|quelle|source|fuente"
    r"|fonte|credit|credits|crédit|crédits|crédito|créditos|picture|pictures|titelbild)"
    r"\s*(?:[:©]|\(c\))",
    re.IGNORECASE,
)
CREDIT_LENGTH = 120
# A caption that ends in its credit: "Birgit Kelle (Bild: Facebook)", "… Text & Fotos: NAME".
_CREDIT_AFTER = re.compile(
    r"(?:\(|\s)(?:foto|fotos|photo|photos|bild|bilder|image|imagen|quelle|source|fuente"
    r"|credit|crédit|crédito)\s*:"
    r"|\((?:foto|fotos|photo|photos|picture|pictures|bild|image|imagen)\s+(?:by|von|de|par|di)\s",
    re.IGNORECASE,
)
# Labels over advertisements.
_AD_LABEL = re.compile(
    r"(?:anzeige|werbung|advertisement|advertising|sponsored|publicidad|espacio publicitario"
    r"|publicité|pubblicità)\s*:?",
    re.IGNORECASE,
)
AD_LABEL_LENGTH = 30
# Calls to share, follow, subscribe, rate, comment or search, in the common languages.
_PROMPT = re.compile(
    r"\b(?:share|shares|sharing|teilen|compartir|comparte|compartilhe|partager|partagez"
    r"|condividi|newsletter|subscribe|abonnieren|suscr[ií]bete|abonnez|follow us|folgen sie"
    r"|folge uns|s[ií]guenos|suivez|bewerten|bewertungen|rate this|kommentar\w*"
    r"|comentar\w*|commentaire\w*|leave a comment|add a comment"
    r"|search|suche|suchen|suchbegriff\w*|buscar|búsqueda|rechercher)\b",
    re.IGNORECASE,
)
PROMPT_LENGTH = 120
# A prompt this short is a button whatever its word order.
CALL_WORDS = 4
# Prose shorter than this can still be a legal line or a prompt.
PROSE_CHROME_LENGTH = 200
# A line this long shown twice on a page is a teaser or a menu entry.
REPEATED_LENGTH = 15
# A box set into an article holds at most this many lines.
BOX_LINES = 8
# A run this close under a box heading (in lines with words) is the box's content.
BOX_REACH = 3
# Box headings that label a line of tags or buttons rather than open a box.
_LABELS = re.compile(
    r"[*+o]?\s*(?:tag|tags|tagged|categor|schlagw|themen|kategorie|etiquetas|temas|mots"
    r"|markiert|share|teilen|compartir|partager|condividi)",
    re.IGNORECASE,
)
# A line of this many words ending in a colon introduces a list of the article's.
INTRO_WORDS = 4
# A lead line has at least this many words (fewer: a kicker, a name, a label).
LEAD_WORDS = 3
# A box heading is short.
BOX_HEADING_LENGTH = 60

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
    if _is_prose(text):
        return PROSE
    return ITEM if is_bullet(text) else SHORT


def _is_prose(text: str) -> bool:
    """Long, and punctuated like sentences (a tag cloud or a flattened menu is not)."""
    if "  " in text:
        text = squash(text)  # columns padded with spaces are not length
    size = weight(text)
    if size < PROSE_WEIGHT:
        return False
    marks = sum(1 for char in text if char in _SENTENCE_MARKS)
    return marks >= 1 and marks * MARK_SPACING >= size


def read_page(blocks: Sequence[Block]) -> Page | None:
    """The article of a rendered page; None when the text has no page layout."""
    if not blocks or len(blocks) > MAX_PAGE_BLOCKS:
        return None
    lines = block_lines(blocks)
    if len(lines) > MAX_PAGE_LINES:
        return None
    kinds = [kind_of(line) for line in lines]
    _demote_listed_prose(lines, kinds)
    _demote_dated_teasers(lines, kinds)
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
    end = _article_end(lines, kinds, start, _lists_within(lines, kinds, start, end))
    keep = [False] * len(lines)
    repeated = _repeated(lines)
    for index in range(start, end):
        keep[index] = not _is_island(lines, kinds, index, repeated)
    return Page(lines, start, end, keep)


def _lists_within(lines: Sequence[Line], kinds: Sequence[int], start: int, end: int) -> int:
    """The end of the article once the lists its prose goes on after are taken in.

    A notes page sets its paragraphs between lists; the scan that finds the article
    stops at the first long list. When the article's prose comes back after it (no less
    indented than its paragraphs, before any box heading, prompt or legal line), the
    list and the prose are the article's.
    """
    column = min((lines[i].indent for i in range(start, end) if kinds[i] == PROSE), default=0)
    index = end
    while index < len(lines):
        kind = kinds[index]
        text = lines[index].stripped
        if kind == PROSE and lines[index].indent >= column:
            end = index = index + 1
            continue
        if kind != BLANK and (
            is_box_heading(text)
            or is_prompt(text)
            or is_chrome_line(text)
            or _LEGAL.search(text) is not None
        ):
            break
        if index - end >= LIST_REACH:
            break
        index += 1
    return _introduced_list(lines, kinds, end)


def _introduced_list(lines: Sequence[Line], kinds: Sequence[int], end: int) -> int:
    """The end of the article once the list its last sentence introduces is taken in
    (``Read about:`` / ``* NAME, …``)."""
    last = next((i for i in range(end - 1, -1, -1) if kinds[i] != BLANK), None)
    if last is None or not _introduces(lines[last].stripped):
        return end
    index = end
    while index < len(lines) and kinds[index] in (ITEM, BLANK):
        if kinds[index] == ITEM:
            end = index + 1
        index += 1
    return end


def _article_end(lines: Sequence[Line], kinds: Sequence[int], start: int, end: int) -> int:
    """Where the article stops: at the heading of the first box that follows it.

    Related posts, tags, share prompts, comment forms and newsletters come after the
    article under headings of their own; one standing after most of the article's
    prose ends it (one after the first paragraph is an island: a share bar).
    """
    masses = [
        weight(line.stripped) if kind == PROSE else 0
        for line, kind in zip(lines[start:end], kinds[start:end], strict=True)
    ]
    total = sum(masses)
    before = 0
    paragraphs = 0
    for index in range(start, end):
        if kinds[index] == PROSE:
            before += masses[index - start]
            paragraphs += 1
        elif (
            paragraphs >= 2
            and before >= END_SHARE * total
            and is_box_heading(lines[index].stripped)
            and not _article_resumes(lines, kinds, index, end)
        ):
            return index
    return end


def _article_resumes(lines: Sequence[Line], kinds: Sequence[int], index: int, end: int) -> bool:
    """A box set into the article: a short list under the heading, then its prose again.

    The prose must come back at the indentation of the prose above the box, within
    BOX_LINES lines.
    """
    above = next((lines[i].indent for i in range(index - 1, -1, -1) if kinds[i] == PROSE), None)
    seen = 0
    for after in range(index + 1, end):
        kind = kinds[after]
        if kind == BLANK:
            continue
        if kind == PROSE:
            return lines[after].indent == above and not is_bullet(lines[after].stripped)
        seen += 1
        if seen > BOX_LINES or is_box_heading(lines[after].stripped):
            return False
    return False


def is_box_heading(text: str) -> bool:
    """The heading of a box of page chrome: related posts, tags, sharing, comments."""
    if is_bullet(text):
        text = text[1:].strip()
    return len(text) <= BOX_HEADING_LENGTH and _BOX_HEADING.match(text) is not None


def _demote_listed_prose(lines: Sequence[Line], kinds: list[int]) -> None:
    """Prose that hangs under the short items of a link list is a teaser, not the article.

    A related-posts list draws each entry as a linked title with an excerpt under it in
    one block; an article's paragraphs stand apart.
    """
    items: Counter[int] = Counter(
        line.block
        for line, kind in zip(lines, kinds, strict=True)
        if kind == ITEM and len(line.stripped) < LIST_ITEM_LENGTH
    )
    for index, line in enumerate(lines):
        if kinds[index] == PROSE and items[line.block] >= 2 and not is_bullet(line.stripped):
            kinds[index] = SHORT


def _demote_dated_teasers(lines: Sequence[Line], kinds: list[int]) -> None:
    """Single prose lines that each come with a date and a headline are teasers.

    A list of other posts draws each as a headline, a dateline and one line of excerpt;
    TEASER_RUN or more such excerpts in a row, with no other prose between, are the
    list's, not the article's.
    """
    run: list[int] = []
    for index, kind in enumerate(kinds):
        if kind != PROSE:
            continue
        if _is_dated_excerpt(lines, kinds, index):
            run.append(index)
            continue
        if len(run) >= TEASER_RUN:
            for teaser in run:
                kinds[teaser] = SHORT
        run = []
    if len(run) >= TEASER_RUN:
        for teaser in run:
            kinds[teaser] = SHORT


def _is_dated_excerpt(lines: Sequence[Line], kinds: Sequence[int], index: int) -> bool:
    """A prose line with a dateline (or a credit) near it and a headline right above."""
    dated = headline = False
    for step in (-1, 1):
        seen = 0
        other = index + step
        while 0 <= other < len(lines) and seen < TEASER_REACH:
            kind = kinds[other]
            if kind == PROSE:
                break
            if kind != BLANK:
                seen += 1
                text = lines[other].stripped
                if (
                    _MONTH_YEAR.search(text)
                    or (is_meta_line(text) and has_date(text))
                    or (step == -1 and is_credit(text))
                ):
                    dated = True
                elif step == -1 and seen == 1 and not text.endswith(":"):
                    headline = True  # right above it (a comment has its byline there)
            other += step
    return dated and headline


def _best_run(lines: Sequence[Line], kinds: Sequence[int]) -> tuple[int, int]:
    """The best run of line scores that can be an article: (first index, index past last).

    Runs are the segments of a maximum-sum scan (Kadane), each cut to its best prefix;
    the best-scoring one wins unless it stands right under the heading of a box (the
    excerpts under "Related posts" score like an article).
    """
    runs = sorted(_runs(lines, kinds), reverse=True)
    for _, start, end in runs:
        if not _under_box_heading(lines, kinds, start):
            return start, end
    return (runs[0][1], runs[0][2]) if runs else (0, 0)


def _runs(lines: Sequence[Line], kinds: Sequence[int]) -> list[tuple[float, int, int]]:
    """(score, first index, index past the last) of each positive segment of the scan."""
    runs: list[tuple[float, int, int]] = []
    best, best_start, best_end = 0.0, 0, 0
    total, start, run = 0.0, 0, 0
    introduced = False
    for index, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        text = line.stripped
        if kind != ITEM and kind != BLANK:
            # "The tutorial has these parts:" introduces a list that is the article's own.
            introduced = _introduces(text)
        if kind == PROSE:
            run = 0
            score = float(weight(line.stripped) - PROSE_THRESHOLD)
            if is_bullet(line.stripped):
                score *= LISTED_PROSE
        elif kind == BLANK:
            score = 0.0
        else:
            run += 1
            cost = ITEM_COST if kind == ITEM and not introduced else SHORT_COST
            score = -float(cost * min(run, RUN_CAP))
        if total <= 0:
            if best > 0:
                runs.append((best, best_start, best_end))
            best, total, start = 0.0, 0.0, index
        total += score
        if total > best:
            best, best_start, best_end = total, start, index + 1
    if best > 0:
        runs.append((best, best_start, best_end))
    return runs


def _under_box_heading(lines: Sequence[Line], kinds: Sequence[int], start: int) -> bool:
    """A box heading stands within BOX_REACH lines with words above ``start``."""
    seen = 0
    for index in range(start - 1, -1, -1):
        if kinds[index] == BLANK:
            continue
        text = lines[index].stripped
        if is_box_heading(text):
            # Tags and share buttons label what is above them, not what follows.
            return _LABELS.match(text) is None
        seen += 1
        if seen >= BOX_REACH:
            return False
    return False


def _is_island(lines: Sequence[Line], kinds: Sequence[int], index: int, repeated: set[str]) -> bool:
    """Chrome standing inside the article: link lists, share bars, datelines, credits."""
    kind = kinds[index]
    text = lines[index].stripped
    if kind == BLANK:
        return True
    if kind != PROSE and len(text) >= REPEATED_LENGTH and normal_form(text) in repeated:
        return True  # a teaser title or menu entry the page shows more than once
    if kind == PROSE:
        return len(text) < PROSE_CHROME_LENGTH and (
            _LEGAL.search(text) is not None or is_prompt(text)
        )
    if kind == ITEM:
        # A list item that ends like a sentence is the article's list, and so is a list
        # the article introduces ("Read about:"); a bare link is not.
        return not text.endswith((".", ";", "!", "?", "…")) and not _introduced(lines, kinds, index)
    return (
        is_meta_line(text)
        or is_chrome_line(text)
        or _LEGAL.search(text) is not None
        or is_box_heading(text)
        or is_credit(text)
        or is_prompt(text)
        or is_ad_label(text)
    )


def is_lead_line(page: Page, index: int) -> bool:
    """A line between the title and the article that belongs to it (a standfirst, the
    opening lines of hard-wrapped text), not a dateline, a credit or a button."""
    line = page.lines[index]
    text = line.stripped
    kind = kind_of(line)
    if kind == BLANK or (kind == ITEM and not text.endswith((".", ";", "!", "?", "…"))):
        return False
    return (
        not (
            is_meta_line(text)
            or is_chrome_line(text)
            or _LEGAL.search(text) is not None
            or is_box_heading(text)
            or is_credit(text)
            or is_prompt(text)
        )
        and len(text.split()) >= LEAD_WORDS
    )


def _introduced(lines: Sequence[Line], kinds: Sequence[int], index: int) -> bool:
    """The list this item belongs to follows a sentence ending in a colon."""
    for before in range(index - 1, -1, -1):
        if kinds[before] in (ITEM, BLANK):
            continue
        return _introduces(lines[before].stripped)
    return False


def _introduces(text: str) -> bool:
    """A sentence that ends in a colon: ``The tutorial has these parts:``."""
    return text.endswith(":") and len(text.split()) >= INTRO_WORDS


def _repeated(lines: Sequence[Line]) -> set[str]:
    """Texts of the lines the page shows more than once."""
    seen: set[str] = set()
    twice: set[str] = set()
    for line in lines:
        if len(line.stripped) >= REPEATED_LENGTH:
            text = normal_form(line.stripped)
            if text in seen:
                twice.add(text)
            seen.add(text)
    return twice


def is_ad_label(text: str) -> bool:
    """The label over an advertisement: ``Anzeige``, ``Advertisement``."""
    return len(text) <= AD_LABEL_LENGTH and _AD_LABEL.fullmatch(text) is not None


def is_prompt(text: str) -> bool:
    """A call to share, follow, subscribe, rate, comment or search."""
    return len(text) <= PROMPT_LENGTH and _PROMPT.search(text) is not None


def is_call(text: str) -> bool:
    """A prompt that reads as a button or a call, not a headline that uses the word.

    ``Teilen Sie dies mit:``, ``Jetzt bewerten!``, ``Share this`` are calls;
    ``Shareaholic Shares Traffic Sources Data`` is a headline.
    """
    if len(text) > PROMPT_LENGTH:
        return False
    match = _PROMPT.search(text)
    return match is not None and (
        match.start() == 0 or len(text.split()) <= CALL_WORDS or text.rstrip()[-1:] in ":!?"
    )


def is_credit(text: str) -> bool:
    """A picture credit: ``Foto: NAME``, ``(Quelle: …)``, ``NAME (Bild: AGENCY)``."""
    if len(text) > CREDIT_LENGTH:
        return False
    return _CREDIT.match(text) is not None or _CREDIT_AFTER.search(text) is not None


def article_and_chrome(page: Page, blocks: Sequence[Block]) -> tuple[list[Block], list[Block]]:
    """The page's article and its chrome, as blocks."""
    article = [line for line, keep in zip(page.lines, page.keep, strict=True) if keep]
    chrome = [line for line, keep in zip(page.lines, page.keep, strict=True) if not keep]
    return regroup(article, blocks), regroup(chrome, blocks)


def is_page_chrome_text(text: str) -> bool:
    """A legal line, a cookie prompt or a browser notice: chrome wherever it stands."""
    return _LEGAL.search(text) is not None or (
        len(text) < 200
        and (_COOKIES.search(text) is not None or _BROWSER_NOTICE.search(text) is not None)
    )
