"""Comment threads of the common blog platforms, recovered from plain text.

Families understood:

- numbered lists (WordPress scraped as text): ``  1. text`` where the indentation of
  the number gives the reply depth and continuation paragraphs sit under it;
- ``Name says:`` with a date line (WordPress), also ``11. Jul, 2012 / Name says:`` and
  ``Name on July 11, 2011 at 12:25 pm said:``;
- ``Name said...`` and ``On <date>, Name said...`` (Blogger), whose date may follow
  the body;
- a name line directly over a date line (threaded Blogger and many themes).

Nesting comes from indentation: a comment is a reply to the nearest comment above it
that starts further left. The walk is one pass over the lines with a stack, so a
10,000-deep chain costs no recursion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model import Boilerplate, Comment, CommentsHeader, Paragraph
from reader.parse.artifacts import find_artifacts
from reader.parse.blocks import Block, indent_of, reflow, squash
from reader.parse.boilerplate import is_chrome_line

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)"
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
DATE = (
    rf"{_WEEKDAY}?(?:{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\.?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
    rf"(?:(?:\s*(?:at|@|,|-|–|T)\s*|\s+){_TIME})?"
)
_DATE_LINE = re.compile(rf"{DATE}", re.IGNORECASE)

_AUTHOR = r"(?P<author>\S.{0,78}?)"
_BYLINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # 11. Jul, 2012 / Name says:
        rf"(?P<date>{DATE})\s*[/|·•–-]\s*{_AUTHOR}\s+(?P<verb>says:)",
        # Name says:   (optionally followed by its date on the same line)
        rf"{_AUTHOR}\s+(?P<verb>says:)(?:\s+(?P<date>{DATE}))?",
        # Name on July 11, 2011 at 12:25 pm said:
        rf"{_AUTHOR}\s+(?P<on>on)\s+(?P<date>{DATE})\s+(?P<verb>said:)",
        # On March 3, 2012, Name said...   /   Name said...
        rf"(?:(?P<on>On)\s+(?P<date>{DATE}),?\s+)?{_AUTHOR}\s+(?P<verb>said(?:\.\.\.|…|:))",
    )
)
_NUMBER = re.compile(r"(\d{1,6})[.)](?:[ \t]+|$)")

_COUNT_WORDS = {
    word: value
    for value, word in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_COUNT_WORDS["zero"] = 0
_HEADER = re.compile(
    r"(?P<count>\d{1,7}|" + "|".join(_COUNT_WORDS) + r")\s+"
    r"(?:thoughts?|responses?|comments?|replies|reply|reactions?|opinions?)"
    r"(?:\s+(?:on|to|for|about)\b.{0,300})?\s*:?",
    re.IGNORECASE,
)
_BARE_HEADER = re.compile(
    r"(?:Comments|Responses|Discussion|Replies)\s*(?:\((?P<count>\d{1,7})\))?\s*:?",
    re.IGNORECASE,
)


def match_header(block: Block, next_block: Block | None) -> CommentsHeader | None:
    """The comments header, when this block is one."""
    if len(block.text) > 400 or not block.is_single_line:
        return None
    text = squash(block.text)
    match = _HEADER.fullmatch(text)
    if match is None:
        match = _BARE_HEADER.fullmatch(text)
        if match is None or next_block is None or not starts_comment(next_block):
            return None
    count_text = match.group("count")
    declared: int | None = None
    if count_text:
        declared = int(count_text) if count_text.isdigit() else _COUNT_WORDS[count_text.lower()]
    return CommentsHeader(text, declared, (block.start, block.end))


def is_date_line(text: str) -> bool:
    return len(text) <= 80 and _DATE_LINE.fullmatch(text.strip()) is not None


def _plausible_author(author: str) -> bool:
    words = author.split()
    return (
        1 <= len(words) <= 8
        and author[-1] not in ".!?,;:"
        and "/" not in author
        and "|" not in author
        and _DATE_LINE.search(author) is None
    )


def starts_comment(block: Block) -> bool:
    """True when a block opens with a byline (used to confirm a bare header)."""
    line = block.first_line.strip()
    number = _NUMBER.match(line)
    if number:
        return True
    return _match_byline(line) is not None


_BYLINE_ENDINGS = ("said...", "said…", "said:")


def starts_byline(block: Block) -> bool:
    """A byline strong enough to open a thread that has no header line above it.

    "Name says:" needs its date beside or under it, "Name said..." its ellipsis:
    novels are full of lines that end in "said:".
    """
    line = block.first_line.strip()
    if len(line) > 200 or ("says:" not in line and not line.endswith(_BYLINE_ENDINGS)):
        return False
    byline = _match_byline(line)
    if byline is None:
        return False
    if byline.date is not None or line.endswith(("said...", "said…")):
        return True
    lines = block.lines
    return len(lines) > 1 and line.endswith("says:") and is_date_line(lines[1])


@dataclass(frozen=True)
class _Byline:
    author: str
    author_span: tuple[int, int]
    date: str | None
    date_span: tuple[int, int]
    chrome: tuple[tuple[int, int], ...]
    """Spans of the connecting words ("says:", "On", "said...") within the text."""


def _match_byline(text: str, offset: int = 0) -> _Byline | None:
    """A byline filling ``text[offset:]`` exactly; spans are relative to ``text``."""
    # Every byline ends in "said:", "said..." or "says:", or holds "says:" before its
    # date: most lines of a thread are ruled out by this instead of four failed matches
    # (casefold, as the patterns ignore case).
    folded = text.casefold()
    if "says:" not in folded and not folded.endswith(_BYLINE_ENDINGS):
        return None
    for pattern in _BYLINES:
        match = pattern.fullmatch(text, offset)
        if match is None:
            continue
        author = match.group("author")
        if not _plausible_author(author):
            continue
        chrome = tuple(
            match.span(group)
            for group in ("on", "verb")
            if group in pattern.groupindex and match.group(group) is not None
        )
        date = match.group("date")
        return _Byline(
            author=author,
            author_span=match.span("author"),
            date=date,
            date_span=match.span("date") if date else (0, 0),
            chrome=chrome,
        )
    return None


@dataclass
class _Line:
    text: str
    start: int
    block_start: bool


@dataclass
class _Draft:
    """A comment while it is being read."""

    number: int
    indent: int
    start: int
    parent: _Draft | None = None
    depth: int = 0
    label: str | None = None
    author: str | None = None
    date: str | None = None
    paragraphs: list[list[tuple[str, int, int]]] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    end: int = 0

    @property
    def id(self) -> str:
        return f"c{self.number}"


@dataclass
class CommentsResult:
    comments: tuple[Comment, ...]
    chrome: list[Boilerplate]


class _ThreadReader:
    """One pass over the lines of the comments region."""

    def __init__(self, lines: list[_Line], file_names: bool = True) -> None:
        self.lines = lines
        self.file_names = file_names
        self.drafts: list[_Draft] = []
        self.stack: list[_Draft] = []
        self.chrome: list[Boilerplate] = []
        self.style: str | None = None
        """"numbered", "byline" or "name-date": set by the first comment."""
        self.awaiting_date = False
        self.new_paragraph = True

    @property
    def current(self) -> _Draft | None:
        return self.drafts[-1] if self.drafts else None

    def read(self) -> CommentsResult:
        for index, line in enumerate(self.lines):
            self.read_line(index, line)
        return CommentsResult(self.finish(), self.chrome)

    def open_comment(self, indent: int, start: int) -> _Draft:
        while self.stack and self.stack[-1].indent >= indent:
            self.stack.pop()
        parent = self.stack[-1] if self.stack else None
        draft = _Draft(number=len(self.drafts) + 1, indent=indent, start=start, parent=parent)
        if parent is not None:
            draft.depth = parent.depth + 1
            parent.replies.append(draft.id)
        self.drafts.append(draft)
        self.stack.append(draft)
        self.new_paragraph = True
        return draft

    def add_chrome(self, text: str, start: int) -> None:
        self.chrome.append(Boilerplate(text, (start, start + len(text))))

    def add_text(self, text: str, start: int, indent: int) -> None:
        draft = self.current
        if draft is None:  # text before any byline: keep it as an anonymous comment
            draft = self.open_comment(indent, start)
        if self.new_paragraph or not draft.paragraphs:
            draft.paragraphs.append([])
            self.new_paragraph = False
        draft.paragraphs[-1].append((text, start, start + len(text)))
        draft.end = start + len(text)

    def read_line(self, index: int, line: _Line) -> None:
        text = line.text
        stripped = text.strip()
        lead = len(text) - len(text.lstrip())
        start = line.start + lead
        if line.block_start:
            self.new_paragraph = True
        if is_chrome_line(stripped):
            self.add_chrome(stripped, start)
            self.new_paragraph = True
            return
        draft = self.current
        if draft is not None and draft.date is None and is_date_line(stripped):
            if self.awaiting_date or line.block_start or not draft.paragraphs:
                draft.date = stripped
                draft.end = start + len(stripped)
                self.awaiting_date = False
                self.new_paragraph = True
                return
        self.awaiting_date = False
        if self.new_paragraph and self.try_start(index, line, lead):
            return
        self.add_text(stripped, start, indent_of(text))

    def try_start(self, index: int, line: _Line, lead: int) -> bool:
        """Open a comment when the line is a byline; return whether it was one."""
        text = line.text.rstrip()
        label, byline, rest = self.read_byline(text, lead)
        if label is None and byline is None:
            if not self.name_over_date(index, text[lead:]):
                return False
            draft = self.open_comment(indent_of(text), line.start + lead)
            draft.author = text[lead:]
            draft.end = line.start + len(text)
            self.style = self.style or "name-date"
            self.awaiting_date = True
            return True
        draft = self.open_comment(indent_of(text), line.start + lead)
        draft.label = label
        draft.end = line.start + len(text)
        self.style = self.style or ("numbered" if label is not None else "byline")
        if byline is not None:
            draft.author = byline.author
            draft.date = byline.date
            for start, end in byline.chrome:
                self.add_chrome(text[start:end], line.start + start)
            self.awaiting_date = byline.date is None
        elif rest < len(text):
            self.add_text(text[rest:], line.start + rest, indent_of(text))
        return True

    def read_byline(self, text: str, lead: int) -> tuple[str | None, _Byline | None, int]:
        """(number label, byline, where the comment text starts) for a line.

        "11. Jul, 2012 / Name says:" opens with a date, not a number, so a byline
        over the whole line wins over a number followed by a byline, which wins
        over a bare number.
        """
        whole = _match_byline(text, lead)
        if whole is not None and whole.date_span[0] == lead:
            return None, whole, len(text)
        number = _NUMBER.match(text, lead)
        if number and self.style in (None, "numbered"):
            after = number.end()
            numbered = _match_byline(text, after) if after < len(text) else None
            if numbered is not None:
                return number.group(1), numbered, len(text)
            if whole is None:
                return number.group(1), None, after
        if whole is not None:
            return None, whole, len(text)
        return None, None, lead

    def name_over_date(self, index: int, name: str) -> bool:
        """A short name line with a date line right under it starts a comment."""
        if self.style not in (None, "name-date"):
            draft = self.current
            if draft is None or draft.date is None or self.style == "numbered":
                return False
        if len(name) > 50 or len(name.split()) > 5 or not _plausible_author(name):
            return False
        following = index + 1
        return following < len(self.lines) and is_date_line(self.lines[following].text)

    def finish(self) -> tuple[Comment, ...]:
        comments: list[Comment] = []
        for draft in self.drafts:
            paragraphs = []
            for index, segments in enumerate(draft.paragraphs, start=1):
                text = reflow([segment[0] for segment in segments])
                paragraphs.append(
                    Paragraph(
                        id=f"{draft.id}.p{index}",
                        text=text,
                        span=(segments[0][1], segments[-1][2]),
                        artifacts=find_artifacts(text, self.file_names),
                    )
                )
            comments.append(
                Comment(
                    id=draft.id,
                    parent=draft.parent.id if draft.parent else None,
                    depth=draft.depth,
                    label=draft.label,
                    author=draft.author,
                    date=draft.date,
                    paragraphs=tuple(paragraphs),
                    replies=tuple(draft.replies),
                    span=(draft.start, max(draft.end, draft.start)),
                )
            )
        return tuple(comments)


def parse_comments(blocks: Sequence[Block], file_names: bool = True) -> CommentsResult:
    """Comments from the blocks between the comments header and the comment form.

    ``file_names=False`` promises the source holds no image file extension at all.
    """
    lines: list[_Line] = []
    for block in blocks:
        offset = block.start
        for index, text in enumerate(block.lines):
            lines.append(_Line(text, offset, block_start=index == 0))
            offset += len(text) + 1
    return _ThreadReader(lines, file_names).read()
