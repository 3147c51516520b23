"""Lines of the body with their offsets, and the shapes page chrome and titles come in.

A rendered web page is read line by line (its navigation, sidebars and footers share
blocks with nothing), so the page and title rules work on :class:`Line` objects; they
go back to blocks with :func:`regroup`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.parse.blocks import Block, squash


class Line:
    """One line of a block: ``text`` is ``source[start:end]`` (no newline)."""

    __slots__ = ("text", "start", "end", "block", "stripped", "indent")

    def __init__(self, text: str, start: int, block: int) -> None:
        self.text = text
        self.start = start
        self.end = start + len(text)
        self.block = block
        """Index of the block the line came from."""
        self.stripped = text.strip()
        self.indent = len(text) - len(text.lstrip())

    def __repr__(self) -> str:
        return f"Line({self.text!r}, {self.start})"


def block_lines(blocks: Sequence[Block]) -> list[Line]:
    """Every line of the blocks, in order."""
    lines: list[Line] = []
    for index, block in enumerate(blocks):
        start = block.start
        for text in block.text.split("\n"):
            lines.append(Line(text, start, index))
            start += len(text) + 1
    return lines


def regroup(lines: Iterable[Line], blocks: Sequence[Block]) -> list[Block]:
    """Blocks again: runs of the lines that are neighbours in one block are joined."""
    out: list[Block] = []
    run: list[Line] = []

    def close() -> None:
        if run:
            block = blocks[run[0].block]
            begin, end = run[0].start, run[-1].end
            offset = begin - block.start
            out.append(Block(block.text[offset : offset + end - begin], begin, end))
            run.clear()

    for line in lines:
        if run and (line.block != run[-1].block or line.start != run[-1].end + 1):
            close()
        run.append(line)
    close()
    return out


# --- shapes ---------------------------------------------------------------------------

# A terminal browser draws list items with these marks (nested lists take the next one).
_BULLET_MARKS = frozenset("*+o#@•·▪►")


def is_bullet(stripped: str) -> bool:
    """A list item as a terminal browser draws it: ``* Home``, ``+ sub``, ``o deeper``."""
    return stripped[:1] in _BULLET_MARKS and (len(stripped) == 1 or stripped[1] in " \t")


def has_words(stripped: str) -> bool:
    return any(char.isalnum() for char in stripped)


def weight(stripped: str) -> int:
    """Length with an ideograph counted as three letters (one holds about a word)."""
    wide = sum(1 for char in stripped if char >= "\u2e80")
    return len(stripped) + 2 * wide


_MONTHS = (
    # English, German, French, Spanish, Italian, Portuguese, Dutch: full and short names.
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    "|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|okt|dez|mrz"
    "|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre|ene|abr|ago|dic"
    "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    "|januari|februari|maart|mei|augustus"
)
MONTH = re.compile(rf"(?:{_MONTHS})\.?", re.IGNORECASE)
_NUMERIC_DATE = re.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    r"|\d{1,2} [|/] \d{1,2} [|/] \d{4})\b"
)
_WORD_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?(?:{_MONTHS})\.?,?\s*(?:de\s+)?\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs"
    "|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
    "|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi"
    "|vendredi|samedi|dimanche"
)
# A date without its year is a date when a weekday names it: "Sunday, September 9".
_WEEKDAY_DATE = re.compile(
    rf"\b(?:{_WEEKDAYS})\.?,?\s+(?:(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"|\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTHS}))\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|uhr|h))?\b", re.IGNORECASE)
_CJK_DATE = re.compile(r"\d{4}\s*[年/-]\s*\d{1,2}\s*[月/-]\s*\d{1,2}")


def has_date(text: str) -> bool:
    """A calendar date in any common spelling (``27 June 2012``, ``27.06.2012``, …)."""
    if not any(char.isdigit() for char in text):
        return False
    return (
        _NUMERIC_DATE.search(text) is not None
        or _WORD_DATE.search(text) is not None
        or _CJK_DATE.search(text) is not None
        or _WEEKDAY_DATE.search(text) is not None
    )


def has_time(text: str) -> bool:
    return any(char.isdigit() for char in text) and _TIME.search(text) is not None


# Words that open a byline or dateline: "by NAME", "Von NAME", "Posted on …".
_BYLINE = re.compile(
    r"^(?:by|von|par|por|di|door|af|av|posted|published|updated|written|veröffentlicht"
    r"|aktualisiert|erstellt|geschrieben|publié|publicado|publicada|pubblicato|stand|datum"
    r"|date|autor|author|auteur|redaktion)\b[\s:]",
    re.IGNORECASE,
)


_READING_TIME = re.compile(
    r"\b(?:reading time|min(?:ute)?s? read|lesezeit|lesedauer|tiempo de lectura|temps de lecture"
    r"|tempo di lettura)\b",
    re.IGNORECASE,
)
# "Posted by NAME in CATEGORY", "Written By: NAME - Nov 06 12": a byline whatever follows.
_POSTED = re.compile(
    r"^(?:posted|written|submitted|published|filed|veröffentlicht|geschrieben|erstellt"
    r"|eingestellt|publié|écrit|publicado|escrito|pubblicato|scritto)\s+(?:by|von|par|por|da"
    r"|on|am|le|el|il|in|under)\b",
    re.IGNORECASE,
)
POSTED_WORDS = 16
# A dateline is a date and a few words more.
DATELINE_WORDS = 12
# A byline without a date is short: "Von Anna Muster", "By the editors".
BYLINE_WORDS = 6


# A date, a dash, then a headline of four words or more (or the headline, then its date).
_DATED_HEADLINE = re.compile(
    rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}\.?\s*(?:{_MONTHS})\.?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})"
    rf"\s+[-–—|]\s+(?=[^\W\d_])",
    re.IGNORECASE,
)
DATED_HEADLINE_WORDS = 4


# The same date closing the headline: "I have not gone into hiding 29 August, 2011".
_DATE_LAST = re.compile(
    rf"\s(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}\.?\s*(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})\s*$",
    re.IGNORECASE,
)


def _is_dated_headline(text: str) -> bool:
    match = _DATED_HEADLINE.match(text)
    if match is not None:
        rest = text[match.end() :]
    else:
        match = _DATE_LAST.search(text)
        if match is None:
            return False
        rest = text[: match.start()]
        if not rest.rstrip()[-1:].isalnum() and rest.rstrip()[-1:] not in ".!?":
            return False  # "Verfasst von: NAME | 31. Dezember 2008" is a byline
    return (
        len(rest.split()) >= DATED_HEADLINE_WORDS
        and not has_date(rest)
        and not has_time(rest)
        and _BYLINE.match(rest) is None
        and _POSTED.match(rest) is None
    )


# "Article by", "Ein Beitrag von": a byline whose name is on the next line.
_BY_ALONE = re.compile(r"(?:[^\W\d_]+\s+){0,2}(?:by|von|par|por|door)\s*:?", re.IGNORECASE)
BY_ALONE_LENGTH = 30
# "· 17 Comments", "3 Kommentare": the count of the post's comments, under its title.
_COMMENT_COUNT = re.compile(
    r"[^\w]*(?:\d+\s+(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?"
    r"|commenti|reacties)|(?:comments?|kommentare?)\s*\(\d+\))\W*",
    re.IGNORECASE,
)


def is_meta_line(stripped: str) -> bool:
    """A dateline or byline: a date, a time, ``by NAME``, ``In Stories at 10:25am``."""
    if len(stripped) > 160:
        return False
    if len(stripped) <= BY_ALONE_LENGTH and (
        _BY_ALONE.fullmatch(stripped) or _COMMENT_COUNT.fullmatch(stripped)
    ):
        return True
    if _READING_TIME.search(stripped):
        return True
    words = len(stripped.split())
    if _BYLINE.match(stripped) and (words <= BYLINE_WORDS or has_date(stripped)):
        return True
    if _POSTED.match(stripped) and words <= POSTED_WORDS:
        return True
    if has_date(stripped) or has_time(stripped):
        if _is_dated_headline(stripped):
            return False  # "23.01.2022 - Wierer darf noch jubeln": a headline with its date
        # A sentence that mentions a date is not a dateline; a dateline is mostly date.
        return words <= DATELINE_WORDS and not stripped.endswith((".", "!", "?")) or words <= 4
    return False


def date_removed(text: str) -> str:
    """The text with its dates taken out (what a dateline says besides the date)."""
    for pattern in (_WORD_DATE, _WEEKDAY_DATE, _NUMERIC_DATE, _CJK_DATE, _TIME):
        text = pattern.sub(" ", text)
    return text


def is_date_part(stripped: str) -> bool:
    """One piece of a date split over lines: ``27``, ``June``, ``2012``, ``Jun 27``."""
    if len(stripped) > 20:
        return False
    words = stripped.replace(",", " ").replace(".", " ").split()
    if not 1 <= len(words) <= 3:
        return False
    return all(
        (word.isdigit() and len(word) in (1, 2, 4)) or MONTH.fullmatch(word) is not None
        for word in words
    )


def normal_form(text: str) -> str:
    """Case, quotes and white space out of the way, for comparing titles."""
    return squash(text.translate(_QUOTES)).casefold()


_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "\u00a0": " "}
)
