"""Recognise the post title and headings.

Headings come in strengths. Strong ones (Markdown ``#``, setext underlines, ``BOOK``,
``PART``, ``CHAPTER``, ``EPILOGUE``) are unmistakable. Weak ones (a short Title-Case or
ALL-CAPS line, a numbered line such as ``2. Results``) only count when the text has no
strong ones, because novels and posts are full of short capitalised lines that are
not headings ("NAPOLEON" signing a letter).
"""

from __future__ import annotations

import re
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
    if len(lines) == 2 and _SETEXT_RULE.match(lines[1]) and lines[0].strip():
        rank = 1 if lines[1].strip().startswith("=") else 2
        return Heading(squash(lines[0]), rank, strong=True)
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
