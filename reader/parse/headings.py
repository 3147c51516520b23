"""Recognise the post title and headings.

Headings come in strengths. Strong ones (Markdown ``#``, setext underlines, ``BOOK``,
``PART``, ``CHAPTER``, ``EPILOGUE``) are unmistakable. Weak ones (a short Title-Case or
ALL-CAPS line, a numbered line such as ``2. Results``) only count when the text has no
strong ones, because novels and posts are full of short capitalised lines that are
not headings ("NAPOLEON" signing a letter).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.parse.blocks import Block, squash

_MARKDOWN = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RULE = re.compile(r"^[ \t]*(={3,}|-{3,})[ \t]*$")
_MAJOR = re.compile(
    r"^(?:(?:FIRST|SECOND|THIRD|FOURTH|FINAL|First|Second|Third|Fourth|Final)\s+)?"
    r"(?:BOOK|PART|VOLUME|EPILOGUE|PROLOGUE|Book|Part|Volume|Epilogue|Prologue)\b"
    r"(?:[\s:.,-]+[\w'’., :-]{0,80})?$"
)
_CHAPTER = re.compile(
    r"^(?:CHAPTER|Chapter)\s+(?:[IVXLCDM]+|\d+|[A-Z][a-z]+(?:-[a-z]+)?|[A-Z]+)\b[.:]?(?:\s+.{0,80})?$"
)
_NUMBERED = re.compile(r"^((?:\d{1,3}\.)+\d{0,3}|[IVXLC]{1,6}\.)\s+(\S.{0,70})$")
_TITLE_FIELD = re.compile(r"^(Title:)\s*(\S.*)$", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Ranks order heading kinds from the top of the hierarchy down; levels come from ranks.
RANK_MAJOR = 1
RANK_CHAPTER = 2
RANK_NUMBERED = 10
RANK_WEAK = 20
MAX_HEADING_LENGTH = 200
# Headings of one rank in a row, with no text between, that make a table of contents.
CONTENTS_RUN = 3
# The second line of a wrapped heading is at most this long; the first at least
# WRAPPED_MIN_LENGTH, and with the next word it would pass the narrowest common wrap.
WRAPPED_TAIL_LENGTH = 60
WRAPPED_MIN_LENGTH = 50
WRAP_WIDTH = 70


@dataclass(frozen=True)
class Heading:
    """A heading candidate: the title as shown, its rank, and whether it is strong."""

    title: str
    rank: int
    strong: bool


def classify_heading(block: Block) -> Heading | None:
    """The heading this block would be, or None when it reads as text."""
    if len(block.text) > MAX_HEADING_LENGTH:
        return None
    lines = block.lines
    if len(lines) == 2:
        if _SETEXT_RULE.match(lines[1]) and lines[0].strip():
            rank = 1 if lines[1].strip().startswith("=") else 2
            return Heading(squash(lines[0]), rank, strong=True)
        return _wrapped_heading(lines[0].strip(), lines[1].strip())
    if len(lines) != 1:
        return None
    line = lines[0].strip()
    markdown = _MARKDOWN.match(line)
    if markdown:
        title = squash(markdown.group(2))
        return Heading(title, len(markdown.group(1)), strong=True) if title else None
    if _MAJOR.match(line):
        return Heading(squash(line), RANK_MAJOR, strong=True)
    if _CHAPTER.match(line):
        return Heading(squash(line), RANK_CHAPTER, strong=True)
    numbered = _NUMBERED.match(line)
    if numbered and _reads_as_title(numbered.group(2)):
        depth = numbered.group(1).rstrip(".").count(".") + 1
        return Heading(squash(line), RANK_NUMBERED + depth, strong=False)
    if _reads_as_title(line):
        return Heading(squash(line), RANK_WEAK, strong=False)
    return None


def in_contents(candidates: Sequence[Heading | None]) -> set[int]:
    """Indices of headings that are entries of a table of contents.

    A contents list is a run of CONTENTS_RUN or more headings of one rank with no text
    between them (``CHAPTER 1. Loomings.`` / ``CHAPTER 2. The Carpet-Bag.`` / …): its
    entries are read as text, so each chapter is a section once, where its text is.
    """
    entries: set[int] = set()
    run: list[int] = []
    for index, candidate in enumerate([*candidates, None]):
        if (
            candidate is not None
            and candidate.strong
            and (
                not run or candidates[run[-1]].rank == candidate.rank  # type: ignore[union-attr]
            )
        ):
            run.append(index)
            continue
        if len(run) >= CONTENTS_RUN:
            # The first chapter may follow the list at once: it repeats an entry.
            titles = [candidates[i].title for i in run[:-1]]  # type: ignore[union-attr]
            last = candidates[run[-1]].title  # type: ignore[union-attr]
            entries.update(run if last not in titles else run[:-1])
        run = [index] if candidate is not None and candidate.strong else []
    return entries


def _wrapped_heading(first: str, second: str) -> Heading | None:
    """A strong heading whose sentence runs on to a short second line.

    ``CHAPTER 56. Of the Less Erroneous Pictures of Whales, and the True`` /
    ``Pictures of Whaling Scenes.``: a book wrapped at a fixed width cut the chapter's
    title in two. The first line must not end a sentence, the second must be short and
    end one (or end without any mark, like the heading it finishes).
    """
    if not first or not second or len(second) > WRAPPED_TAIL_LENGTH:
        return None
    # Wrapped: the first line is long, and the next word would not have fit on it.
    if len(first) < WRAPPED_MIN_LENGTH or len(first) + 1 + len(second.split()[0]) <= WRAP_WIDTH:
        return None
    if first[-1] in ".!?:" or not (_MAJOR.match(first) or _CHAPTER.match(first)):
        return None
    if second[0] in "*#>-" or (second[-1] not in ".!?" and second[-1] in ",;:"):
        return None
    rank = RANK_MAJOR if _MAJOR.match(first) else RANK_CHAPTER
    return Heading(squash(f"{first} {second}"), rank, strong=True)


def _reads_as_title(line: str) -> bool:
    """Short, unpunctuated at the end, and Title-Case or ALL-CAPS."""
    if len(line) > 70 or line[-1] in ".,;:\"'”’)]}-–—" or not line[0].isupper():
        return False
    words = _WORD.findall(line)
    if not 1 <= len(words) <= 10:
        return False
    letters = [char for char in line if char.isalpha()]
    if len(letters) >= 3 and all(char.isupper() for char in letters):
        return True
    long_words = [word for word in words if len(word) >= 4 and word[0].isalpha()]
    if not long_words:
        return len(words) <= 3
    capitalised = sum(1 for word in long_words if word[0].isupper())
    return capitalised >= 0.75 * len(long_words)


@dataclass(frozen=True)
class Title:
    """The post title found at the top of the text."""

    text: str
    field_label: str | None = None
    """The literal "Title:" of a ``Title: …`` line; it is kept as chrome."""


def find_title(block: Block) -> Title | None:
    """The title, when the first block of the body is one."""
    lines = block.lines
    if len(lines) == 2 and _SETEXT_RULE.match(lines[1]) and lines[1].strip().startswith("="):
        return Title(squash(lines[0]))
    if len(lines) != 1 or len(block.text) > 200:
        return None
    line = lines[0].strip()
    field = _TITLE_FIELD.match(line)
    if field:
        return Title(squash(field.group(2)), field_label=field.group(1))
    markdown = _MARKDOWN.match(line)
    if markdown:
        return Title(squash(markdown.group(2))) if len(markdown.group(1)) == 1 else None
    if _MAJOR.match(line) or _CHAPTER.match(line):
        return None
    words = line.split()
    if len(words) > 25 or (line.endswith(".") and len(words) > 12):
        return None
    return Title(squash(line))
