"""Find a comment thread by its shape: a byline template that repeats down the page.

Most pages have no "12 thoughts on …" header, and every site writes its bylines its own
way, so the thread is learnt from the page: every line that reads as a byline
(``bylines.read_byline``) is grouped by its template, and the template that repeats is
the thread's. Where the bylines stand says the rest: a byline opens its comment, or
closes it when nothing but chrome follows the last one (``by NAME on DATE.`` under each
comment); a name line over a date line is one byline in two lines.

Only lines that can be bylines are read: those holding a digit or a byline verb near
their end, found with substring searches, so a book with no thread costs little.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reader.parse.blocks import Block
from reader.parse.boilerplate import FORM_START, is_chrome_line
from reader.parse.bylines import MAX_BYLINE, Byline, plausible_name, read_byline
from reader.parse.chrome import is_box_heading

# A byline verb ends its line ("Amie said...", "Paul Howard says:"): searched for as text,
# in the last part of a long text only (a thread sits at the end; a book need not pay).
_VERB_HINTS = ("says", "Says", "said", "wrote", "writes", "added")
_VERB_NEAR_END = 8
_VERB_WINDOW = 200_000
_LONGEST_LINE = MAX_BYLINE + 40
_BARE_NAME_MAX = 40
_SENTENCE_LINE = 40
_DIGIT = re.compile(r"[0-9]")
# Hard-wrapped prose fills its lines to about this width or more.
_WRAP_WIDTH = 60
# A list item is a byline only with a verb ("+ C98976 on … said:"): lists of dated
# teasers ("* 20:15 im TV") are not threads.
_BULLETS = ("* ", "• ", "+ ", "o ", "- ")
# A thread names different people; a caption repeated over every date is no thread.
_MIN_DISTINCT_NAMES = 0.4
_ENOUGH_NAMES = 5  # a long thread has its regulars: five names are people enough
_MEDIAN_NAME_WORDS = 3
# A lone comment is short, and shorter than the post above it.
_LONE_COMMENT_WORDS = 300
_LONE_CANDIDATES = 3
# A template must repeat this often to be a thread, unless it is unmistakable.
MIN_REPEATS = 2
# Lines whose previous line may hold the name of a date-only byline.
_NAME_LINE_MAX = 60


@dataclass(slots=True)
class NameLine:
    """The name half of a two-line byline."""

    line_start: int
    """Start of its line in the source (indentation included)."""
    start: int
    """Start of its text (indentation left out)."""
    text: str
    """The line, stripped."""


@dataclass(slots=True)
class Mark:
    """A byline found in the text: offsets are absolute."""

    line_start: int
    """Start of the line the byline was read from (indentation included)."""
    line: str
    """That line, stripped; the byline's spans point into it."""
    lead: int
    """Offset of the stripped line in the source."""
    byline: Byline
    name_line: NameLine | None = None
    """The name line of a two-line byline (above or below the date line)."""
    start: int = field(init=False)
    """Where the byline's text begins (its name line's, when that comes first)."""

    def __post_init__(self) -> None:
        # Asked for again and again while a long thread is planned: worked out once.
        name = self.name_line
        self.start = self.lead if name is None else min(name.start, self.lead)

    @property
    def template(self) -> str:
        if self.name_line is not None:
            return "2|" + self.byline.template
        return self.byline.template

    @property
    def start_line(self) -> int:
        """Start of the byline's first line."""
        if self.name_line is not None:
            return min(self.name_line.line_start, self.line_start)
        return self.line_start

    @property
    def line_starts(self) -> tuple[int, ...]:
        if self.name_line is not None:
            return (self.line_start, self.name_line.line_start)
        return (self.line_start,)

    @property
    def end(self) -> int:
        end = self.lead + len(self.line)
        if self.name_line is not None:
            end = max(end, self.name_line.start + len(self.name_line.text))
        return end


@dataclass(frozen=True)
class ThreadPlan:
    """Where the thread is and which lines are its bylines."""

    start: int
    """Offset where the thread begins (the first comment's first line)."""
    heads: dict[int, Mark]
    """Bylines of the thread by the start of their first line."""
    dates: dict[int, Mark]
    """Date-only lines that are not heads, by line start: a comment's trailing date."""
    trailing: bool
    """True when each byline closes its comment instead of opening it."""
    end: int
    """Offset just past the last byline (a trailing thread ends there)."""
    complete: bool = True
    """False for a sketch of a long thread: ``heads`` and ``dates`` hold its first part
    only, and :func:`plan_thread` over the thread's blocks gives them all."""


# A thread this long under its header is sketched in the first stage (where it starts,
# how it is written, where its last byline is) and planned whole when it is read, so
# that the post is on screen before the thread's ten thousand bylines are looked at.
SKETCH_CHARS = 200_000
_SKETCH_BLOCKS = 400
_SKETCH_TAIL_LINES = 5_000


def sketch_thread(text: str, blocks: Sequence[Block], first: int) -> ThreadPlan | None:
    """A sketch of the long thread under a comments header (see ``complete``), or None.

    The first blocks say where it starts and which family of bylines it has; its last
    byline is looked for from the end of the text up.
    """
    window = blocks[: first + _SKETCH_BLOCKS]
    if len(window) == len(blocks):
        return plan_thread(text, blocks, first, None, after_header=True)
    sample = plan_thread(text, window, first, None, after_header=True, text_end=blocks[-1].end)
    if sample is None:
        return None
    families = {_family(mark.template) for mark in sample.heads.values()}
    end = blocks[-1].end
    last = _last_byline(text, first_offset=window[-1].end, end=end, families=families)
    if last is None:
        return None  # no byline of its kind further down: it needs planning whole
    trailing = sample.trailing or not _text_follows(text, last, end)
    return ThreadPlan(sample.start, sample.heads, sample.dates, trailing, last, complete=False)


def _last_byline(text: str, first_offset: int, end: int, families: set[str]) -> int | None:
    """End of the last line from ``first_offset`` on that is a byline of these families."""
    position = end
    for _ in range(_SKETCH_TAIL_LINES):
        if position <= first_offset:
            return None
        start = text.rfind("\n", first_offset, position - 1) + 1
        if start == 0:
            start = first_offset
        stripped = text[start:position].strip()
        byline = read_byline(stripped) if stripped else None
        if byline is not None:
            family = _family(byline.template)
            if family in families or _family("2|" + byline.template) in families:
                return start + len(text[start:position].rstrip())
        position = start
    return None


def _line_at(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _hinted_lines(
    text: str, start: int, end: int, digits: Sequence[int]
) -> list[tuple[int, int, str]]:
    """(start, end) of the lines that may be bylines: those holding a digit, and in the
    last part of the text those ending in a byline verb or opening with "by"."""
    lines: set[tuple[int, int]] = set()
    last_end = -1
    for digit in digits:
        if digit < start or digit >= end or digit < last_end:
            continue
        line = _line_at(text, digit)
        last_end = line[1]
        if _short(text, line):
            lines.add(line)
    window = max(start, end - _VERB_WINDOW)
    for hint in _VERB_HINTS:
        position = text.find(hint, window, end)
        while position >= 0:
            line_end = text.find("\n", position, end)
            line_end = end if line_end < 0 else line_end
            if line_end - position <= len(hint) + _VERB_NEAR_END:
                line = _line_at(text, position)
                if _short(text, line):
                    lines.add(line)
            position = text.find(hint, position + 1, end)
    # Lines that open with "by NAME" (Slashdot's hold no digit when anonymous), and with
    # "Pingback" or "Trackback".
    for hint in ("\nby ", "  by ", "ingback", "rackback"):
        position = text.find(hint, window, end)
        while position >= 0:
            line = _line_at(text, position + 1)
            opening = text[line[0] : position].strip()
            if _short(text, line) and opening in ("", "P", "p", "T", "t"):
                lines.add(line)
            position = text.find(hint, position + 1, end)
    return [(a, b, text[a:b]) for a, b in sorted(lines)]


def _short(text: str, line: tuple[int, int]) -> bool:
    """Whether a line's text, its indentation left out, is short enough to be a byline."""
    start, end = line
    if end - start <= _LONGEST_LINE:
        return True
    return len(text[start:end].lstrip()) <= _LONGEST_LINE


def _all_lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of every line in ``text[start:end]`` short enough to be a byline."""
    lines = []
    offset = start
    for raw in text[start:end].split("\n"):
        length = len(raw)
        # Indentation does not count: a reply thousands deep is indented that far.
        if 0 < length and (length <= _LONGEST_LINE or len(raw.lstrip()) <= _LONGEST_LINE):
            lines.append((offset, offset + length, raw))
        offset += length + 1
    return lines


def _near_line(text: str, line: tuple[int, int], step: int) -> tuple[int, int] | None:
    """The non-blank line above (step -1) or below (+1), across at most one blank line."""
    start, end = line
    for _ in range(2):
        if step < 0:
            if start == 0:
                return None
            end = start - 1
            start = text.rfind("\n", 0, end) + 1
        else:
            if end >= len(text):
                return None
            start = end + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
        if text[start:end].strip():
            return start, end
    return None


def _name_line(line: tuple[int, int, str] | None, below: bool) -> NameLine | None:
    """The stripped span of a line that can be the name half of a two-line byline."""
    if line is None:
        return None
    raw = line[2]
    name = raw.strip()
    if not _can_name(name, below):
        return None
    return NameLine(line[0], line[0] + len(raw) - len(raw.lstrip()), name)


@lru_cache(maxsize=4096)
def _can_name(name: str, below: bool) -> bool:
    """Whether a line's text can be the name half of a two-line byline (names repeat)."""
    if not name or len(name) > _NAME_LINE_MAX:
        return False
    core = name[:-1].rstrip() if name.endswith(":") else name  # "Deidre :"
    if (
        is_chrome_line(name)
        or name.startswith(_BULLETS)
        or FORM_START.match(name)
        or is_box_heading(name)
    ):
        # "Facebook" under a date is a share button, "* Home" a menu, "Related posts"
        # over a date the heading of a box of teasers.
        return False
    byline = read_byline(name)
    if byline is not None:
        # "Lauren K says:" over its date pairs with it; under a date it opens the next
        # comment (Blogger's "NAME said..." after the previous comment's date).
        return not below and byline.date is None
    # A name alone on its line is short: longer ones are headlines.
    return plausible_name(core) and len(core) <= _BARE_NAME_MAX and len(core.split()) <= 5


def _continues_sentence(text: str, line_start: int) -> bool:
    """Whether the line goes on with the sentence of a hard-wrapped line above it.

    "tenderly sad voice, she said:" in a novel is the end of a sentence, not a byline.
    """
    if line_start < 2 or text[line_start - 1] != "\n":
        return False
    previous_start = text.rfind("\n", 0, line_start - 1) + 1
    previous = text[previous_start : line_start - 1].strip()
    return len(previous) >= _WRAP_WIDTH and (previous[-1].isalpha() or previous[-1] in ",;-")


def find_marks(
    text: str, start: int, end: int, digits: Sequence[int] | None, after_header: bool = False
) -> list[Mark]:
    """Every line between ``start`` and ``end`` that reads as a byline, in order.

    ``digits`` are the offsets of every digit in the text, or None when there are too
    many to go by (then every short line is read). With digits, the lines holding one
    (and the verb lines near the end) show whether a thread is there at all; if it is,
    every line from a little above its first byline on is read.
    """
    if digits is None:
        return _marks_on(text, _all_lines(text, start, end))
    marks = _marks_on(text, _hinted_lines(text, start, end, digits))
    family = _thread_family(text, marks, start, end, after_header)
    if family is None:
        return marks
    first = min(
        mark.start for mark in marks if _family(mark.template) == family or mark.byline.date_only
    )
    region = text.rfind("\n\n", start, first)
    region = start if region < 0 else region + 2
    before = [mark for mark in marks if mark.start < region]
    return before + _marks_on(text, _all_lines(text, region, end))


class _Lines:
    """The lines read for bylines, with their neighbours in the text.

    A neighbour is found in the list when it is there (every line is, where the whole
    text is read) and in the text otherwise: a long thread asks this twenty thousand
    times, and the list answers without searching.
    """

    def __init__(self, text: str, lines: Sequence[tuple[int, int, str]]) -> None:
        self.text = text
        self.lines = lines

    def continues_sentence(self, index: int) -> bool:
        start = self.lines[index][0]
        if index and self.lines[index - 1][1] + 2 == start:
            return False  # an empty line above: the line starts something
        if index and self.lines[index - 1][1] + 1 == start:
            previous = self.lines[index - 1][2]
            if len(previous) < _WRAP_WIDTH:
                return False  # most lines above a byline are short
            previous = previous.strip()
            return len(previous) >= _WRAP_WIDTH and (
                previous[-1].isalpha() or previous[-1] in ",;-"
            )
        return _continues_sentence(self.text, start)

    def near(self, index: int, step: int) -> tuple[int, int, str] | None:
        """The non-blank line above (-1) or below (+1), across at most one blank line."""
        lines = self.lines
        start, end, _ = lines[index]
        for gap in range(2):
            other = index + step * (gap + 1)
            if not 0 <= other < len(lines):
                break
            o_start, o_end, o_raw = lines[other]
            touching = o_end + 1 == start if step < 0 else end + 1 == o_start
            skipping = o_end + 2 == start if step < 0 else end + 2 == o_start
            if gap == 0 and touching and o_raw.strip():
                return o_start, o_end, o_raw
            if gap == 0 and skipping and o_raw.strip():
                return o_start, o_end, o_raw  # one empty line between
            if not (gap == 0 and touching):
                break  # not in the list: ask the text
            start, end = o_start, o_end  # a blank line of spaces: look one further
        found = _near_line(self.text, (lines[index][0], lines[index][1]), step)
        return None if found is None else (*found, self.text[found[0] : found[1]])


def _marks_on(text: str, lines: Sequence[tuple[int, int, str]]) -> list[Mark]:
    """The bylines among these lines.

    A date alone on its line takes the name line next to it when the page writes its
    bylines in two lines: above the date or below it, whichever the page does more.
    """
    around = _Lines(text, lines)
    found: list[tuple[int, str, int, Byline]] = []
    for index, (line_start, _, raw) in enumerate(lines):
        stripped = raw.strip()
        if not stripped or (
            # A sentence that ends in a full stop is no byline, unless it has a date in it
            # ("… at 9:59 am.") or trails off ("said...").
            len(stripped) > _SENTENCE_LINE
            and stripped[-1] in ".!?"
            and stripped[-2] != "."
            and _DIGIT.search(stripped) is None
        ):
            continue
        byline = read_byline(stripped)
        if byline is None or (stripped.startswith(_BULLETS) and not byline.has_verb):
            continue
        if not around.continues_sentence(index):
            lead = line_start + len(raw) - len(raw.lstrip())
            found.append((index, stripped, lead, byline))
    dated = [index for index, _, _, byline in found if byline.date_only]
    above: dict[int, NameLine] = {}
    below: dict[int, NameLine] = {}
    for index in dated:
        name = _name_line(around.near(index, -1), below=False)
        if name is not None:
            above[index] = name
    if len(above) < len(dated) / 2:  # names mostly not above the dates: look below
        for index in dated:
            name = _name_line(around.near(index, +1), below=True)
            if name is not None:
                below[index] = name
    # Below only where the page does it for most dates (a form's "Post a Comment"
    # under the last date is not a name).
    names = below if len(below) > len(above) and len(below) >= len(dated) / 2 else above
    # A two-line byline's name line may itself read as a byline ("Lauren K says:"):
    # it is part of the pair, not a mark of its own.
    paired = {name.start for name in names.values()}
    return [
        Mark(lines[index][0], stripped, lead, byline, names.get(index))
        for index, stripped, lead, byline in found
        if index in names or lead not in paired
    ]


@lru_cache(maxsize=256)
def _family(template: str) -> str:
    """Templates of one thread: the same verb ("said..."), else the same leading words
    ("by", "Posted by:"), else the same shape.

    Blogger writes "NAME said..." and "On DATE, NAME said..." in one thread, Slashdot
    "by NAME (5327)" and "by NAME (5327) on DATE (#40744049)".
    """
    parts = template.split("|")
    if parts[0] == "2":
        parts = parts[1:]
    form = parts[0]
    verb = parts[2] if form == "V" else parts[3] if form == "DN" else ""
    if verb:
        return f"verb:{verb}"
    lead = parts[1]
    return f"lead:{lead}" if lead else template


def _names_people(mark: Mark) -> bool:
    return not mark.byline.date_only or mark.name_line is not None


def _thread_family(
    text: str, marks: Sequence[Mark], start: int, end: int, after_header: bool = False
) -> str | None:
    """The family of templates that makes the thread: the most repeated one that reads
    as a thread (different people; see :func:`_reads_as_thread`).

    A byline that does not repeat makes a thread of one comment only when it cannot be
    anything else (see :func:`_lone_comment`) and what follows it is short, shorter than
    what stands above it: a post's own "by NAME on DATE" stands over the whole post.
    Under a comments header that question is answered already.
    """
    counts = Counter(_family(mark.template) for mark in marks if _names_people(mark))
    for family, count in counts.most_common():
        if count < MIN_REPEATS:
            break
        heads = [m for m in marks if _names_people(m) and _family(m.template) == family]
        if _reads_as_thread(heads):
            return family
    people = [mark for mark in marks if _names_people(mark)]
    if len(people) > _LONE_CANDIDATES:
        return None
    for mark in people:
        after = _words_between(text, mark.end, end, _LONE_COMMENT_WORDS)
        # Under a comments header, a name with a date is enough; so is a date followed
        # by a name that closes the text ("October 19, 2012 Fazal Majid" under a comment).
        signed = mark.byline.template.startswith("DN") and not _text_follows(text, mark.end, end)
        if _lone_comment(mark, marks) or signed or (after_header and mark.byline.date is not None):
            if after_header or (
                after <= _LONE_COMMENT_WORDS and _more_words_than(text, 0, mark.start, after)
            ):
                return _family(mark.template)
    return None


def _author(mark: Mark) -> str:
    if mark.name_line is not None:
        return mark.name_line.text.lower()
    author = mark.byline.author
    return mark.line[author[0] : author[1]].lower() if author else ""


def _reads_as_thread(heads: Sequence[Mark]) -> bool:
    """Bylines of a thread name different people, by names of a few words.

    A list of dated headlines ("Spende aus dem VR-Gewinnsparen in Schwaben 23.12.2019")
    has the shape of a thread but its "names" are sentences.
    """
    authors = [_author(mark) for mark in heads]
    lengths = sorted(len(author.split()) for author in authors)
    if lengths[len(lengths) // 2] > _MEDIAN_NAME_WORDS:
        return False
    distinct = min(_MIN_DISTINCT_NAMES * len(heads), _ENOUGH_NAMES)
    return len(heads) < 3 or len(set(authors)) >= distinct


def _words_between(text: str, start: int, end: int, limit: int) -> int:
    """Words in ``text[start:end]``, counted up to ``limit + 1``: the span may be a book,
    and only whether it holds more than ``limit`` words is asked."""
    span = (limit + 1) * 16
    while True:
        stop = min(end, start + span)
        count = len(text[start:stop].split())
        if count > limit or stop >= end:
            return min(count, limit + 1)
        span *= 4


def _more_words_than(text: str, start: int, end: int, count: int) -> bool:
    """Whether ``text[start:end]`` holds more than ``count`` words (read from its end)."""
    span = (count + 1) * 16
    while True:
        begin = max(start, end - span)
        if len(text[begin:end].split()) > count:
            return True
        if begin <= start:
            return False
        span *= 4


# Verbs that make a byline on their own; "said:" also opens quotes in prose.
_SELF_EVIDENT = ("S|", "P|")  # a vote count, a pingback
_STRONG_VERBS = ("said...", "said…", "says:", "says", "wrote:", "writes", "writes:")


def _lone_comment(mark: Mark, marks: Sequence[Mark]) -> bool:
    """A byline unmistakable on its own: "says:", "wrote:", "said..." or "said:" with a
    date beside, under or after it; a name with a date and a time of day ("Lisa November
    7, 2012 at 4:42 PM", "thecrus8r • 15 minutes ago"); a vote count; a pingback."""
    byline = mark.byline
    if byline.template in _SELF_EVIDENT:
        return True
    if mark.name_line is not None:  # "Mei Wood says:" over its date
        named = read_byline(mark.name_line.text)
        if named is not None and mark.name_line.text.lower().endswith(_STRONG_VERBS):
            return True
    if byline.has_verb:
        if byline.date is not None or mark.line.lower().endswith(_STRONG_VERBS):
            return True
        return any(
            other.byline.date_only and 0 < other.start - mark.start < 3000 for other in marks
        )
    if byline.date is None:
        return False
    date = mark.line[byline.date[0] : byline.date[1]]
    timed = ":" in date or "ago" in date.lower()
    return timed and (mark.name_line is not None or not byline.date_only)


def plan_thread(
    text: str,
    blocks: Sequence[Block],
    first: int,
    digits: Sequence[int] | None,
    after_header: bool = False,
    text_end: int | None = None,
) -> ThreadPlan | None:
    """The thread among ``blocks[first:]``, or None when no byline template repeats.

    ``text_end``: where the text goes on to when the blocks are only its first part
    (what follows the last byline seen is judged up to there).

    ``digits``: offsets of the digits of ``text`` (``artifacts.digit_positions``).
    """
    if first >= len(blocks):
        return None
    start, end = blocks[first].start, blocks[-1].end
    marks = find_marks(text, start, end, digits, after_header)
    family = _thread_family(text, marks, start, end, after_header)
    if family is not None:
        heads = [m for m in marks if _names_people(m) and _family(m.template) == family]
        heads = _drop_outliers(heads)
    else:
        heads = name_only_heads(text, start, end)
    # Bylines close their comments when nothing but chrome follows the last one and some
    # comment text stands between them (a thread of empty comments is read the usual way).
    trailing = (
        bool(heads)
        and not _text_follows(text, heads[-1].end, text_end or end)
        and (
            len(heads) == 1
            or any(
                _text_follows(text, a.end, b.start) for a, b in zip(heads, heads[1:], strict=False)
            )
        )
    )
    if trailing and _words_between(text, start, heads[0].start, 0) == 0:
        # A closing byline with nothing above it but the title is the post's own
        # ("by randfish on January 31, 2011" under the title), not a comment's.
        heads = heads[1:]
    if not heads:
        return None
    first_head = heads[0].start_line
    head_starts = {mark.start for mark in heads}
    dates = {
        mark.line_start: mark
        for mark in marks
        if mark.byline.date_only and mark.start > first_head and mark.start not in head_starts
    }
    last_end = heads[-1].end
    thread_start = _trailing_start(text, blocks, heads, first) if trailing else first_head
    return ThreadPlan(
        start=thread_start,
        heads={mark.start: mark for mark in heads},
        dates=dates,
        trailing=trailing,
        end=last_end,
    )


# Threads whose bylines are a bare name ("NFreak007" over the comment) are looked for
# in the end of the text only: with nothing but a name to go by, they must be the tail.
_NAME_ONLY_WINDOW = 60_000
_TRAILING_REACH = 6  # blocks above a thread's first closing byline to look through
_NAME_ONLY_GAP = 30  # lines between two such comments at most
_NAME_ONLY_TAIL = 30  # lines after the last one at most
_NAME_ONLY_MIN_WORDS = 4
_NAME_ONLY_MEDIAN_WORDS = 8
_NAME_ONLY_POST_SHARE = 0.25
_SENTENCE = re.compile(r"[a-z)][.!?](?:\s|$)")
_HANDLE = re.compile(r"\S*(?:\d|[a-z][A-Z])\S*|[a-z][a-z0-9_.-]{3,}")
_URL_LEAD = re.compile(r"(?:https?://|www\.)\S+\s+")
_PROSE_END = '.!?…:;,"”)'


def _bare_name(line: str) -> bool:
    """A name alone on its line: one to three words, no punctuation to end a sentence."""
    if not 2 <= len(line) <= 30 or line[-1] in _PROSE_END or line.startswith(_BULLETS):
        return False
    words = line.split()
    if not 1 <= len(words) <= 3 or (len(words) > 1 and line.isupper()):
        return False
    return plausible_name(line) and not is_chrome_line(line) and not FORM_START.match(line)


def _is_prose(line: str) -> bool:
    return len(line) >= 30 or (len(line) >= 8 and line[-1] in ".!?…)")


def name_only_heads(text: str, start: int, end: int) -> list[Mark]:
    """Comments headed by a bare name line, at the end of the text, or [].

    A name line is followed by prose; the run of them must reach the end of the text,
    name different people, and show it is a thread: a name that comes back (someone
    answers) or a handle ("NFreak007", "johnbattelle") that no heading looks like.
    """
    window = max(start, end - _NAME_ONLY_WINDOW)
    window = text.find("\n", window - 1) + 1 if window > start else start
    lines: list[tuple[int, str]] = []
    offset = window
    for raw in text[window:end].split("\n"):
        lines.append((offset, raw))
        offset += len(raw) + 1
    solid = [index for index, (_, raw) in enumerate(lines) if raw.strip()]
    heads: list[tuple[int, Mark]] = []
    for position, index in enumerate(solid):
        line_start, raw = lines[index]
        stripped = raw.strip()
        url = _URL_LEAD.match(stripped)
        name = stripped[url.end() :] if url else stripped
        if not name or not _bare_name(name) or position + 1 >= len(solid):
            continue
        if not _is_prose(lines[solid[position + 1]][1].strip()):
            continue
        lead = line_start + len(raw) - len(raw.lstrip())
        chrome = ((0, url.end() - 1),) if url else ()
        author = (url.end() if url else 0, len(stripped))
        byline = Byline("N|", author, None, None, chrome, False)
        heads.append((index, Mark(line_start, stripped, lead, byline)))
    # The run that reaches the end: from the last name line back while they stay close.
    if not heads or len(lines) - heads[-1][0] > _NAME_ONLY_TAIL:
        return []
    run = [heads[-1]]
    for head in reversed(heads[:-1]):
        if run[-1][0] - head[0] > _NAME_ONLY_GAP:
            break
        run.append(head)
    run.reverse()
    # Each comment says something; menus of teasers ("Beauty" over a headline) do not.
    bounds = [index for index, _ in run] + [len(lines)]
    bodies = [
        " ".join(lines[i][1].strip() for i in range(a + 1, b))
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]
    sizes = sorted(len(body.split()) for body in bodies)
    sentences = sum(1 for body in bodies if _SENTENCE.search(body))
    if sizes[0] < _NAME_ONLY_MIN_WORDS or sizes[len(sizes) // 2] < _NAME_ONLY_MEDIAN_WORDS:
        return []
    if sentences < len(bodies) / 2:  # headlines under labels, not people talking
        return []
    # The thread follows the post: a page that is all "name over text" is a page of
    # teasers, not a post with its comments.
    thread_words = sum(sizes)
    if not _more_words_than(
        text, start, run[0][1].line_start, int(_NAME_ONLY_POST_SHARE * thread_words)
    ):
        return []
    marks = [mark for _, mark in run]
    authors = [_author(mark) for mark in marks]
    returning = len(set(authors)) < len(authors)
    handles = any(_HANDLE.fullmatch(author_text(mark)) for mark in marks)
    if len(marks) < 2 or not (returning or handles) or not _reads_as_thread(marks):
        return []
    return marks


def author_text(mark: Mark) -> str:
    author = mark.byline.author
    return mark.line[author[0] : author[1]] if author else ""


def _drop_outliers(heads: list[Mark]) -> list[Mark]:
    """Leave out leading bylines far above the rest (the post's own "by NAME on DATE")."""
    if len(heads) < 3:
        return heads
    gaps = sorted(b.start - a.start for a, b in zip(heads, heads[1:], strict=False))
    far = max(8 * gaps[len(gaps) // 2], 3000)
    first = 0
    while first < len(heads) - 2 and heads[first + 1].start - heads[first].start > far:
        first += 1
    return heads[first:]


def _text_follows(text: str, start: int, end: int) -> bool:
    """Whether a comment's text follows ``start`` (not only chrome or a comment form).

    Line by line from ``start``: the answer is near it, and the rest may be a book.
    """
    position = start
    while position < end:
        line_end = text.find("\n", position, end)
        if line_end < 0:
            line_end = end
        stripped = text[position:line_end].strip()
        position = line_end + 1
        if not stripped or is_chrome_line(stripped):
            continue
        return FORM_START.match(stripped) is None and _CLOSED.match(stripped) is None
    return False


# "The comments to this entry are closed.", "Comments are closed for this post."
_CLOSED = re.compile(r"(?:the )?comments?\b.{0,40}\bclosed\b.{0,30}$", re.IGNORECASE)


def _trailing_start(text: str, blocks: Sequence[Block], heads: Sequence[Mark], region: int) -> int:
    """Where the first comment of a thread whose bylines close their comments begins.

    The first comment is the text right above the first byline. It reaches back a few
    blocks (more when the thread has longer comments), and begins after the widest
    run of blank lines there (a page sets its parts apart by more space than its
    paragraphs); with no wider gap, it is the block above the byline.
    """
    starts = [block.start for block in blocks]
    first = bisect_right(starts, heads[0].start) - 1  # the block holding the first byline
    if first < 0:
        return heads[0].start
    longest = 1
    for a, b in zip(heads, heads[1:], strict=False):
        longest = max(longest, bisect_left(starts, b.start) - bisect_right(starts, a.start))
    # The byline's own block counts when the comment's last lines share it.
    top = first if blocks[first].start < heads[0].start else first - 1
    low = max(region, first - min(max(longest, _TRAILING_REACH), 2 * _TRAILING_REACH), 1)
    if top < low:
        return heads[0].start if top < region else blocks[max(top, region)].start
    gaps = {
        index: text.count("\n", blocks[index - 1].end, blocks[index].start)
        for index in range(top, low - 1, -1)
    }
    widest = max(gaps.values())
    if widest == min(gaps.values()):
        return blocks[top].start  # no wider gap to go by
    best = max(index for index, gap in gaps.items() if gap == widest)
    return blocks[best].start
