"""Split text into blocks: maximal runs of non-blank lines, with their offsets."""

from __future__ import annotations

import re

# A block is one or more lines that each hold something other than white space.
# `[^\S\n]*\S` anchors every line at its start so a long blank line costs one pass.
_BLOCK = re.compile(r"^[^\S\n]*\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*", re.MULTILINE)
# Only ASCII white space is collapsed: a no-break space or an ideographic space in the
# source is a choice of the author's and stays.
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")


class Block:
    """A run of non-blank lines: ``text`` is exactly ``source[start:end]``.

    A slotted class rather than a dataclass or named tuple: a book makes tens of
    thousands of these, and this is the cheapest to create.
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
    """Collapse every run of ASCII white space to one space and trim the ends."""
    # Most lines hold single spaces only; testing for the rest is far cheaper than a regex.
    if (
        "  " in text
        or "\t" in text
        or "\r" in text
        or "\f" in text
        or "\v" in text
        or ("\n" in text and (" \n" in text or "\n " in text or "\n\n" in text))
    ):
        return _SPACE_RUN.sub(" ", text).strip(_ASCII_SPACE)
    return text.replace("\n", " ").strip(_ASCII_SPACE)


_ASCII_SPACE = " \t\n\r\f\v"
# A line that ends in a letter and a hyphen continues the word or dash on the next line.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_]-)\n[^\S\n]*")


def has_odd_spaces(text: str) -> bool:
    """Tabs, carriage returns, form or line feeds anywhere (one pass over a source)."""
    return "\t" in text or "\r" in text or "\f" in text or "\v" in text


def reflow(lines: list[str], text: str | None = None, odd_spaces: bool = True) -> str:
    """Display text for a block of lines (``text`` is the lines joined, when at hand).

    Hard-wrapped prose is joined into one line; short lines that were broken on
    purpose (verse, addresses, lists) keep their line breaks. ``odd_spaces=False``
    promises there is no tab, CR, FF or VT in the text, which saves a few scans.
    """
    if len(lines) == 1:
        return squash(lines[0])
    lengths = list(map(len, lines))
    longest = max(lengths)
    if longest < 40 or min(lengths[:-1]) < 0.5 * longest:
        return "\n".join(squash(line) for line in lines)
    if text is None:
        text = "\n".join(lines)
    if "-\n" in text:
        text = _HYPHEN_BREAK.sub("", text)
    if odd_spaces:
        return squash(text)
    joined = text.replace("\n", " ")
    if "  " in joined:
        joined = _SPACE_RUN.sub(" ", joined)
    return joined.strip(" ")


def reflow_block(text: str, odd_spaces: bool = True) -> str:
    """``reflow`` for the raw text of a block."""
    if "\n" not in text:
        return squash(text)
    return reflow(text.split("\n"), text, odd_spaces)
