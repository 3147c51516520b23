"""Split text into blocks: maximal runs of non-blank lines, with their offsets."""

from __future__ import annotations

import re

# A block is one or more lines that each hold something other than white space.
# `[^\S\n]*\S` anchors every line at its start so a long blank line costs one pass.
_BLOCK = re.compile(r"^[^\S\n]*\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*", re.MULTILINE)
_SPACE_RUN = re.compile(r"\s+")


class Block:
    """A run of non-blank lines: ``text`` is exactly ``source[start:end]``.

    A slotted class rather than a dataclass: a book makes tens of thousands of these.
    """

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Block({self.text!r}, {self.start}, {self.end})"

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def first_line(self) -> str:
        newline = self.text.find("\n")
        return self.text if newline < 0 else self.text[:newline]

    @property
    def is_single_line(self) -> bool:
        return "\n" not in self.text


def indent_of(line: str) -> int:
    stripped = line.lstrip()
    lead = line[: len(line) - len(stripped)]
    return len(lead) + 3 * lead.count("\t")


def split_blocks(text: str) -> list[Block]:
    """Every block of the text in order; blank lines separate blocks."""
    return [Block(match.group(), *match.span()) for match in _BLOCK.finditer(text)]


def squash(text: str) -> str:
    """Collapse every run of white space to one space and trim the ends."""
    return " ".join(text.split())


# A line that ends in a letter and a hyphen continues the word or dash on the next line.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)\n[^\S\n]*")


def reflow(lines: list[str]) -> str:
    """Display text for a block of lines.

    Hard-wrapped prose is joined into one line; short lines that were broken on
    purpose (verse, addresses, lists) keep their line breaks.
    """
    if len(lines) == 1:
        return squash(lines[0])
    lengths = [len(line) for line in lines]
    longest = max(lengths)
    if longest < 40 or min(lengths[:-1]) < 0.5 * longest:
        return "\n".join(squash(line) for line in lines)
    text = "\n".join(lines)
    if "-\n" in text:
        text = _HYPHEN_BREAK.sub("", text)
    return squash(text)
