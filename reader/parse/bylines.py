"""Bylines: the short lines that open (or close) a comment with who wrote it and when.

Real pages use many shapes, and none of them is a site's: a name and a date in either
order with something between them (``Chris Nahr 07.15.12 at 11:59``, ``09. Jul, 2012 /
Courtney says:``, ``by james on January 31, 2011 at 9:59 am.``, ``Posted by: RAM |
June 12, 2012 at 01:44 AM``), a name and a verb (``Amie said...``, ``Paul Howard says:``,
``by Taco Cowboy (5327)``), or a date alone under a name line. :func:`read_byline`
reads one line into its parts and a *template*: the line with the name and the numbers
taken out. A thread is a template that repeats down the page (see ``thread.py``).

The parts are found by hand-written patterns rather than a date library: the dates are
only ever a few shapes, and the name is "whatever sits in the name slot", which no
library knows about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:\d{4}|'\d\d)"
# A time of day; an am/pm and a time zone may follow ("@08:35PM", "6:44:07 AM EDT").
_TIME = (
    r"(?:@\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.m\.|[ap]m\b))?"
    r"(?:\s+(?-i:[A-Z]{2,4})\b(?!\s+[a-z]))?"
)
_DATE = (
    rf"{_WEEKDAY}?(?:"
    rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"  # October 30, 2012 / Monday July 23 / Nov 06 2012
    rf"|{_DAY}\.?\s+{_MONTH},?\s+(?:{_YEAR}|\d\d(?!,?\s*\d))\b"  # 16. Jul, 2012 / 4 Nov 12
    rf"|\d{{4}}-\d{{2}}-\d{{2}}"  # 2012-10-16
    rf"|\d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d\d)(?!\d)"  # 07.15.12, 7/10/2012
    r")"
)
_RELATIVE = (
    r"(?:\d{1,3}|an?|one)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?"
    r"|years?)\s+ago"
)
# A date with its time, a time alone, or "3 hours ago": matched where find_datetime says.
_RELATIVE_AGO = re.compile(_RELATIVE, re.IGNORECASE)
DATETIME = re.compile(
    rf"(?:{_DATE}(?:(?:\s*(?:,|at|@|-|–|—|·|•|\|)\s*|\s+){_TIME})?"
    rf"(?:\s*(?:-|–|\()\s*{_RELATIVE}\)?)?"
    rf"|{_TIME}|{_RELATIVE})",
    re.IGNORECASE,
)

# Words that lead a byline ("Posted by:", "written by", "On") ...
_LEAD = re.compile(
    r"(?:(?:posted|written|submitted|comment(?:ed)?|reply|replied)\s+(?:by|on)\s*:?"
    r"|posted\s*:?|by|on|from"
    # A post's own dateline in the common languages: "Updated:", "Veröffentlicht am".
    r"|(?:last\s+)?(?:published|updated|veröffentlicht|aktualisiert|publié|mis à jour"
    r"|publicado|actualizado|pubblicato|aggiornato)(?:\s+(?:on|am|le|el|il))?\s*:?)\s+",
    re.IGNORECASE,
)
# ... what joins a name to a date ...
_JOIN_BEFORE_DATE = re.compile(
    r"(?:\s*(?:,\s*)?\b(?:on|at|posted(?:\s+on)?|(?:wrote|says|said|added|commented)(?:\s+on)?)"
    r"\b\s*:?"
    r"|\s*[-–—/|·•:,@]+)?\s*$",
    re.IGNORECASE,
)
_JOIN_AFTER_DATE = re.compile(r"^\s*(?:[-–—/|·•:,]+|\bby\b|\bfrom\b)?\s*", re.IGNORECASE)
# ... and the verb that can close one.
_VERB = re.compile(
    r"\s*\b(?P<verb>(?:says|said|wrote|writes|added|replied|commented)"
    r"(?:\s*(?::|\.\.\.|…|,)|\s*$))\s*$",
    re.IGNORECASE,
)
# A comment's number: "1.", "#3", "(2)", or a bare "2 " before a name. A reply's may
# hold its parents' ("1.2 · Name · date", as the Markdown export writes it): the last
# step is its own. A dot or bar may stand between the number and the name.
_LABEL = re.compile(
    r"(?:#\s?(\d{1,5})|\((\d{1,5})\)|(\d{1,5})[.)]?|(?:\d{1,5}\.){1,8}(\d{1,5})(?=\s+[·•|]))"
    r"(?:\s+[·•|])?\s+(?=\S)"
)
_TAIL = re.compile(r"[^\n]{0,48}")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_FUNCTION_WORDS = frozenset(
    "the a an of to and in is are was were for that this with it on at as be by from but "
    "not have has had i you we they he she my your our their so if or what when which "
    "there here just very also can will would".split()
)
_SENTENCE_END = ".!?;,"
_YEAR_WORD = re.compile(r"(?<![\w.])(?:19|20)\d\d(?![\w.])")
MAX_BYLINE = 160


@dataclass(frozen=True, slots=True)
class Byline:
    """One line read as a byline. Spans are offsets into the line as given."""

    template: str
    """The line's shape without its name, numbers and date: bylines of a thread share it."""
    author: tuple[int, int] | None
    date: tuple[int, int] | None
    label: tuple[int, int] | None
    chrome: tuple[tuple[int, int], ...]
    """The joining words and trailing bits ("says:", "Posted by:", "(#40744049) Journal")."""
    has_verb: bool

    @property
    def date_only(self) -> bool:
        return self.author is None


def plausible_name(name: str, exclaims: bool = False, announced: bool = False) -> bool:
    """A person's or a handle's name, not a fragment of prose.

    ``exclaims``: the name may end in "!" (a blog's name before "said:" often does).
    ``announced``: "Posted by:" stands before it, so it may be a blog's name that reads
    like a phrase ("Curtains in my Tree").
    """
    if not name or len(name) > 60 or not any(char.isalpha() for char in name):
        return False
    words = name.split()
    if len(words) > 7:
        return False
    if name[-1] == "!" and exclaims and len(words) <= 4:
        pass
    elif name[-1] in _SENTENCE_END and not (name[-1] == "." and len(words[-1]) <= 3):
        return False  # "Amy D." and "J.J." end in a dot; sentences end in one too
    if '"' in name or "“" in name or "”" in name:
        return False
    # Prose has lower-case function words; a "Title Case Blog Name" does not.
    small = sum(word.strip(",.:;!?()") in _FUNCTION_WORDS for word in words)
    if len(words) >= 3 and small >= 2 and not announced:
        return False
    if words[0] in _FUNCTION_WORDS and len(words) > 1 and words[0] not in ("by", "a"):
        return False
    if _YEAR_WORD.search(name):
        return False  # "24. März 2004": a date in a language the patterns do not read
    return find_datetime(name) is None


@lru_cache(maxsize=1024)
def _shape(text: str) -> str:
    """Lower-case, numbers as 9 and runs of space as one: the template of a fixed part."""
    return _SPACES.sub(" ", _DIGITS.sub("9", text.lower())).strip()


_DIGIT_RUN = re.compile(r"\d+")
_DATE_DAY = re.compile(rf"{_DATE}|{_RELATIVE}", re.IGNORECASE)
# A date begins at most this far before its first digit ("Wednesday, September 12").
_DATE_REACH = 24


def find_datetime(line: str, start: int = 0) -> re.Match[str] | None:
    """The first date or time in ``line[start:]``.

    Every date holds a digit (but "an hour ago"), so the pattern is only tried at the
    few word starts just before each run of digits: a search over the whole line
    costs ten times as much, and most lines read here are not bylines.
    """
    for run in _DIGIT_RUN.finditer(line, start):
        digit = run.start()
        low = max(start, digit - _DATE_REACH)
        for position in range(low, digit + 1):
            if (
                position == digit
                or (
                    position == low
                    or line[position - 1] in " \t,(|/—–-"
                    or (
                        line[position].isupper() and line[position - 1].islower()
                    )  # "Make-upOctober"
                )
                and line[position] != " "
            ):
                found = DATETIME.match(line, position)
                if found is not None and found.end() > digit:
                    return found
    if "ago" in line:
        return _RELATIVE_AGO.search(line, start)
    return None


@lru_cache(maxsize=4096)
def read_byline(line: str) -> Byline | None:
    """The byline this line is, or None. ``line`` has no surrounding white space.

    Cached: a thread repeats many of its lines ("Reply", "Anonymous said...").
    """
    if not line or len(line) > MAX_BYLINE:
        return None
    if _DIGIT_RUN.search(line) is None and "ago" not in line:
        # No date can be here (most lines of a thread): a verb's or a vote's byline at most.
        return _undated_byline(line, 0, None)
    whole = DATETIME.match(line)
    if whole is not None and whole.end() == len(line):  # most common of all: a date line
        return Byline("D|", None, whole.span(), None, (), False)
    label = None
    start = 0
    numbered = _LABEL.match(line)
    if (
        numbered is not None
        and numbered.end() < len(line)
        and DATETIME.match(line) is None  # "09. Jul, 2012" is a date, not a "9."
    ):
        label = next(numbered.span(group) for group in (1, 2, 3, 4) if numbered.group(group))
        start = numbered.end()
    dated = find_datetime(line, start)
    if dated is None:
        byline = _undated_byline(line, start, label)
    else:
        byline = _dated_byline(line, start, label, dated)
    if byline is not None and label is not None and line[label[0] - 1 : label[0]] == ".":
        byline = replace(byline, chrome=((0, label[0]), *byline.chrome))  # "1.2": "1." is chrome
    return byline


def _undated_byline(line: str, start: int, label: tuple[int, int] | None) -> Byline | None:
    byline = _verb_byline(line, start, label)
    if byline is None and (
        line[-6:].lower().endswith(_SCORE_ENDINGS) or "back" in line[start : start + 12]
    ):
        byline = _scored_byline(line, start, label)
    return byline


# "xdwyer 5 pts", "Montemalone 44 points": a name and the votes its comment got.
_SCORE = re.compile(r"\s+[+-]?\d{1,6}\s+(?:pts?|points?|votes?|likes?)\s*$", re.IGNORECASE)
_SCORE_ENDINGS = ("pts", "pt", "points", "point", "votes", "vote", "likes", "like")
# "Pingback: …", "Trackback by …": another page's link to the post, listed as a comment.
_LINKBACK = re.compile(r"(?:ping|track)back\b\s*(?:by\b|from\b|:)?\s*", re.IGNORECASE)


def _scored_byline(line: str, start: int, label: tuple[int, int] | None) -> Byline | None:
    linkback = _LINKBACK.match(line, start)
    if linkback is not None:
        rest = line[linkback.end() :].strip(" |:-")
        author = (line.index(rest), line.index(rest) + len(rest)) if rest else None
        chrome = ((start, linkback.end()),) if author else ((start, len(line)),)
        return Byline("P|", author, None, label, chrome, True)
    score = _SCORE.search(line, start)
    if score is None or not plausible_name(line[start : score.start()].strip()):
        return None
    return Byline(
        "S|", _trimmed(line, start, score.start()), None, label, ((score.start(), len(line)),), True
    )


def _lead(line: str, start: int, end: int) -> int:
    """Where the part after any leading "Posted by:", "by", "On" begins."""
    lead = _LEAD.match(line, start, end)
    return lead.end() if lead is not None else start


def _verb_byline(line: str, start: int, label: tuple[int, int] | None) -> Byline | None:
    """ "NAME says:", "NAME said...", "by NAME (5327)", "(1) Mike says:"."""
    verb = _VERB.search(line, max(start, len(line) - 16))
    if verb is None and line[start : start + 3].lower() != "by ":
        return None  # most lines: no verb at the end, no "by" at the start
    name_start = _lead(line, start, len(line))
    lead = line[start:name_start]
    if verb is not None:
        name_end = _without_karma(line, name_start, verb.start())
    elif lead.strip().lower() == "by":
        # Slashdot's "by NAME (5327)" and "by Anonymous Coward": the name is the line.
        name_end = _without_karma(line, name_start, len(line))
    else:
        return None
    name = line[name_start:name_end]
    if not plausible_name(name.strip(), exclaims=verb is not None):
        return None
    chrome = []
    if name_start > start:
        chrome.append((start, name_start))
    if name_end < len(line):
        chrome.append((name_end, len(line)))
    verb_shape = _shape(verb.group("verb")) if verb is not None else ""
    template = f"V|{_shape(lead)}|{verb_shape}"
    return Byline(
        template=template,
        author=_trimmed(line, name_start, name_end),
        date=None,
        label=label,
        chrome=tuple(chrome),
        has_verb=verb is not None,
    )


# What a site writes after a name: a karma count "(5327)", an address "<a@b.c>".
_KARMA = re.compile(r"(?:\s*\(\d+\)|\s*<[^>]*>)+\s*$")


def _without_karma(line: str, start: int, end: int) -> int:
    """Where the name in ``line[start:end]`` ends, before any karma count or address."""
    karma = _KARMA.search(line, start, end)
    return karma.start() if karma is not None and karma.start() > start else end


def _trimmed(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def _dated_byline(
    line: str, start: int, label: tuple[int, int] | None, dated: re.Match[str]
) -> Byline | None:
    date_start, date_end = dated.span()
    name_start = _lead(line, start, date_start)
    lead = line[start:name_start]
    before = line[name_start:date_start]
    after = line[date_end:]
    if not any(char.isalnum() for char in before):
        before = ""  # "#1 - Mon Oct 29, 2012": only punctuation before the date
    chrome: list[tuple[int, int]] = []
    if name_start > start:
        chrome.append((start, name_start))
    if before.strip():
        # NAME [join] DATE [tail]: "Chris Nahr 07.15.12 at 11:59", "X on DATE said:".
        join = _JOIN_BEFORE_DATE.search(before)
        join_start = name_start + (join.start() if join is not None else len(before))
        name_end = _without_karma(line, name_start, join_start)
        name = line[name_start:name_end].strip()
        if not plausible_name(name, announced="by" in lead.lower()):
            return None
        if name_end < date_start:
            chrome.append((name_end, date_start))
        tail = after.strip()
        if len(tail) > 48 or len(tail.split()) > 5:
            return None
        if tail:
            chrome.append((date_end, len(line)))
        template = f"ND|{_shape(lead)}|{_shape(line[join_start:date_start])}"
        return Byline(
            template,
            _trimmed(line, name_start, name_end),
            (date_start, date_end),
            label,
            tuple(chrome),
            _VERB.search(after) is not None,
        )
    if not after.strip():
        # A date alone: "October 29, 2012 at 12:41 pm", "Posted October 28, 2012 at …".
        return Byline(
            f"D|{_shape(lead)}",
            None,
            (date_start, date_end),
            label,
            tuple(chrome),
            False,
        )
    # DATE [join] NAME [verb]: "09. Jul, 2012 / Courtney says:", "On DATE, X said...".
    join = _JOIN_AFTER_DATE.match(after)
    name_start_after = date_end + (join.end() if join is not None else 0)
    verb = _VERB.search(line, name_start_after)
    name_end = verb.start() if verb is not None else len(line)
    name = line[name_start_after:name_end].strip()
    if not plausible_name(name) or (verb is None and _time_only(dated.group())):
        return _date_with_tail(line, start, label, dated, lead, chrome)
    if name_start_after > date_end:
        chrome.append((date_end, name_start_after))
    if name_end < len(line):
        chrome.append((name_end, len(line)))
    verb_shape = _shape(verb.group("verb")) if verb is not None else ""
    template = f"DN|{_shape(lead)}|{_shape(line[date_end:name_start_after])}|{verb_shape}"
    return Byline(
        template,
        _trimmed(line, name_start_after, name_end),
        (date_start, date_end),
        label,
        tuple(chrome),
        verb is not None,
    )


def _time_only(date: str) -> bool:
    """ "10:00 PM" without a day: before a name it is a schedule ("10:00 PM Goes to bed")."""
    return _DATE_DAY.search(date) is None


def _date_with_tail(
    line: str,
    start: int,
    label: tuple[int, int] | None,
    dated: re.Match[str],
    lead: str,
    chrome: list[tuple[int, int]],
) -> Byline | None:
    """A date line with a little chrome after it ("- 1 hour ago", "#4337", "| reply")."""
    tail = line[dated.end() :].strip()
    if len(tail) > 24 or len(tail.split()) > 3 or any(char.isalpha() for char in tail[:1]):
        return None
    chrome.append((dated.end(), len(line)))
    return Byline(
        f"D|{_shape(lead)}",
        None,
        dated.span(),
        label,
        tuple(chrome),
        False,
    )
