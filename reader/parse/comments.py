"""Comment threads recovered from plain text.

``thread.py`` finds where the thread is and which lines are its bylines (a template
that repeats down the page); this module reads the thread's lines into comments:
author, date, label and text, with the bylines' connecting words and the lines of
chrome between comments ("Reply", "Like", vote counts) set aside. A thread with a
header but no bylines is read as a numbered list (``  1. text``), as WordPress pages
saved as text give it.

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
from reader.parse.bylines import read_byline
from reader.parse.thread import Mark, ThreadPlan

_NUMBER = re.compile(r"(\d{1,6})[.)](?:[ \t]+|$)")
_DIGIT = re.compile(r"[0-9]")
_CHROME_MAX = 60
# Buttons and tallies that stand between comments on their own line.
_THREAD_CHROME = re.compile(
    r"(?:quote|flag|report(?: abuse| comment)?|vote(?: up| down)?|upvote|downvote|recommend"
    r"|like\s*\(\d{1,6}\)|[+-]?\d{1,6}|[+-]?\d{1,6}\s+(?:likes?|points?|pts|votes?|recs?)"
    r"|parent|hide|show|collapse|expand|permalink|link)",
    re.IGNORECASE,
)

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
# "Comments", "Comments (12)", "Comments:408", "Comments: 12".
_BARE_HEADER = re.compile(
    r"(?:Comments|Responses|Discussion|Replies)\s*"
    r"(?:\((?P<count>\d{1,7})\)\s*:?|:\s*(?P<after>\d{1,7})|:)?",
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
        if match is None:
            return None
        counted = match.group("count") or match.group("after")
        # A bare "Comments" could head anything; with its count it is the thread's.
        if not counted and (next_block is None or not starts_comment(next_block)):
            return None
    count_text = match.groupdict().get("count") or match.groupdict().get("after")
    declared: int | None = None
    if count_text:
        declared = int(count_text) if count_text.isdigit() else _COUNT_WORDS[count_text.lower()]
    return CommentsHeader(text, declared, (block.start, block.end))


def starts_comment(block: Block) -> bool:
    """True when a block opens with a byline or a comment number (confirms a bare header)."""
    line = block.first_line.strip()
    if _NUMBER.match(line):
        return True
    byline = read_byline(line)
    return byline is not None and (byline.author is not None or block.is_single_line)


# A line of the thread: its text, where it starts, whether it opens a block. Plain
# tuples: a long thread has hundreds of thousands of lines.
_Line = tuple[str, int, bool]


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
    id: str = ""

    def __post_init__(self) -> None:
        self.id = f"c{self.number}"


@dataclass
class CommentsResult:
    comments: tuple[Comment, ...]
    chrome: list[Boilerplate]


@dataclass
class _Pending:
    """Text read before the byline that will close it (threads with trailing bylines)."""

    start: int
    indent: int
    paragraphs: list[list[tuple[str, int, int]]] = field(default_factory=list)


class _ThreadReader:
    """One pass over the lines of the comments region."""

    def __init__(
        self, lines: list[_Line], plan: ThreadPlan | None, file_names: bool = True
    ) -> None:
        self.lines = lines
        self.plan = plan
        self.file_names = file_names
        self.drafts: list[_Draft] = []
        self.stack: list[_Draft] = []
        self.chrome: list[Boilerplate] = []
        self.new_paragraph = True
        # Every line a byline covers (a two-line byline covers two), by line start.
        self.byline_lines: dict[int, Mark] = {}
        if plan is not None:
            for mark in plan.heads.values():
                for start in mark.line_starts:
                    self.byline_lines[start] = mark
        self.pending: _Pending | None = None

    @property
    def current(self) -> _Draft | None:
        return self.drafts[-1] if self.drafts else None

    @property
    def trailing(self) -> bool:
        return self.plan is not None and self.plan.trailing

    def read(self) -> CommentsResult:
        read_line = self.read_line
        for text, start, block_start in self.lines:
            read_line(text, start, block_start)
        if self.pending is not None and self.pending.paragraphs:
            # Text after the last closing byline: a comment nobody signed.
            self.close_pending(None, self.pending.indent, self.pending.start)
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
        if text.strip():
            self.chrome.append(Boilerplate(text, (start, start + len(text))))

    def add_text(self, text: str, start: int, indent: int) -> None:
        if self.trailing:
            pending = self.pending
            if pending is None:
                pending = self.pending = _Pending(start, indent)
            paragraphs = pending.paragraphs
        else:
            draft = self.current
            if draft is None:  # text before any byline: keep it as an anonymous comment
                draft = self.open_comment(indent, start)
            paragraphs = draft.paragraphs
            draft.end = start + len(text)
        if self.new_paragraph or not paragraphs:
            paragraphs.append([])
            self.new_paragraph = False
        paragraphs[-1].append((text, start, start + len(text)))

    def read_line(self, text: str, line_start: int, block_start: bool) -> None:
        stripped = text.strip()
        if block_start:
            self.new_paragraph = True
        if not stripped:
            return
        lead = len(text) - len(text.lstrip())
        start = line_start + lead
        mark = self.byline_lines.get(line_start)
        if mark is not None:
            if line_start == mark.start_line:
                self.take_byline(mark, indent_of(text))
            self.new_paragraph = True
            return
        # Chrome between comments is a word or two ("Reply", "Like", "Liked by 3 people",
        # "Quote", a vote count).
        if len(stripped) <= _CHROME_MAX and (
            is_chrome_line(stripped) or _THREAD_CHROME.fullmatch(stripped) is not None
        ):
            self.add_chrome(stripped, start)
            self.new_paragraph = True
            return
        if self.plan is not None and line_start in self.plan.dates and self.take_date(line_start):
            return
        if self.plan is None and self.new_paragraph and self.try_number(text, line_start, lead):
            return
        self.add_text(stripped, start, indent_of(text))

    def take_byline(self, mark: Mark, indent: int) -> None:
        """Open the comment a byline heads, or close the one it signs."""
        if self.trailing:
            pending = self.pending or _Pending(mark.start, indent)
            self.pending = None
            draft = self.close_pending(mark, indent, pending.start)
            draft.paragraphs = pending.paragraphs
        else:
            draft = self.open_comment(indent, mark.start)
            self.describe(draft, mark)
        draft.end = max(draft.end, mark.end)
        self.new_paragraph = True

    def close_pending(self, mark: Mark | None, indent: int, start: int) -> _Draft:
        pending = self.pending
        draft = self.open_comment(indent, start)
        if pending is not None and mark is None:
            draft.paragraphs = pending.paragraphs
            draft.end = pending.paragraphs[-1][-1][2] if pending.paragraphs else start
            self.pending = None
        if mark is not None:
            self.describe(draft, mark)
        return draft

    def describe(self, draft: _Draft, mark: Mark, with_name: bool = True) -> None:
        """Author, date, label and chrome of a comment from its byline."""
        byline = mark.byline
        line = mark.line
        if byline.author is not None:
            draft.author = line[byline.author[0] : byline.author[1]]
        if byline.date is not None:
            draft.date = line[byline.date[0] : byline.date[1]]
        if byline.label is not None:
            draft.label = line[byline.label[0] : byline.label[1]]
        for start, end in byline.chrome:
            self.add_chrome(line[start:end].strip(), mark.lead + start + _lead_space(line, start))
        if mark.name_line is not None and with_name:
            self.describe_name_line(draft, mark)

    def describe_name_line(self, draft: _Draft, mark: Mark) -> None:
        """The name half of a two-line byline ("Lauren K says:", "Deidre :", "Matt")."""
        assert mark.name_line is not None
        name = mark.name_line.text
        start = mark.name_line.start
        end = start + len(name)
        byline = read_byline(name)
        if byline is not None and byline.author is not None:
            draft.author = name[byline.author[0] : byline.author[1]]
            if byline.label is not None:  # "1. Mensah James says:"
                draft.label = name[byline.label[0] : byline.label[1]]
            for chrome_start, chrome_end in byline.chrome:
                piece = name[chrome_start:chrome_end]
                self.add_chrome(piece.strip(), start + chrome_start + _lead_space(piece, 0))
            return
        if name.endswith(":"):
            self.add_chrome(":", end - 1)
            name = name[:-1].rstrip()
        draft.author = name

    def take_date(self, line_start: int) -> bool:
        """A date alone on its line is the date of a comment that has none yet."""
        draft = self.current
        if self.trailing or draft is None or draft.date is not None:
            return False
        mark = self.plan.dates[line_start] if self.plan is not None else None
        if mark is None or mark.byline.date is None:
            return False
        # Only the date line: a name line next to it is the comment's own text here.
        self.describe(draft, mark, with_name=False)
        draft.end = max(draft.end, mark.lead + len(mark.line))
        self.new_paragraph = True
        return True

    def try_number(self, text: str, line_start: int, lead: int) -> bool:
        """A numbered comment ("  1. text") where the thread has no bylines."""
        text = text.rstrip()
        number = _NUMBER.match(text, lead)
        if number is None:
            return False
        draft = self.open_comment(indent_of(text), line_start + lead)
        draft.label = number.group(1)
        draft.end = line_start + number.end()
        after = number.end()
        if after < len(text):
            self.add_text(text[after:], line_start + after, indent_of(text))
        return True

    def finish(self) -> tuple[Comment, ...]:
        comments: list[Comment] = []
        for draft in self.drafts:
            paragraphs = []
            for index, segments in enumerate(draft.paragraphs, start=1):
                text = reflow([segment[0] for segment in segments])
                # Every artifact holds a digit or a file extension: most comments neither.
                maybe = self.file_names or _DIGIT.search(text) is not None
                paragraphs.append(
                    Paragraph(
                        id=f"{draft.id}.p{index}",
                        text=text,
                        span=(segments[0][1], segments[-1][2]),
                        artifacts=find_artifacts(text, self.file_names) if maybe else (),
                    )
                )
            end = max([draft.end, *(p.span[1] for p in paragraphs)])
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
                    span=(min(draft.start, *(p.span[0] for p in paragraphs)), end)
                    if paragraphs
                    else (draft.start, max(end, draft.start)),
                )
            )
        return tuple(comments)


def _lead_space(text: str, start: int) -> int:
    """How much white space opens ``text[start:]`` (chrome spans are stored stripped)."""
    piece = text[start:]
    return len(piece) - len(piece.lstrip())


def parse_comments(
    blocks: Sequence[Block], plan: ThreadPlan | None = None, file_names: bool = True
) -> CommentsResult:
    """Comments from the blocks of the thread, read by the plan's bylines.

    ``file_names=False`` promises the source holds no image file extension at all.
    """
    lines: list[_Line] = []
    append = lines.append
    for block in blocks:
        offset = block.start
        first = True
        for text in block.text.split("\n"):
            append((text, offset, first))
            offset += len(text) + 1
            first = False
    return _ThreadReader(lines, plan, file_names).read()
