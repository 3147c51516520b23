"""Find text in a post: plain or regex, smartcase, typographic folding.

Folding makes a typed ``don't`` find ``don’t``: curly and straight quotes match each
other, dashes match hyphens, any run of white space matches any other, and ``...``
matches ``…``. Accents are folded too unless the query has one (as smartcase does
for capitals): ``Natasha`` finds ``Natásha``, ``Natásha`` finds only itself. Folding
keeps every offset: the searched text is translated character for character, and
the length-changing cases (white space runs, ellipses, combining accents) are handled
in the pattern instead.

Every block the reader shows is indexed once, joined with NUL separators (which no
loaded text contains), so one ``finditer`` covers the whole post for a plain query (it
cannot run across a separator). A regular expression is matched block by block: ``.``
never runs from one paragraph into the next, and ``^`` and ``$`` are a block's start
and end (a line's with ``(?m)``), as a person reading the blocks expects.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache, cached_property
from typing import NamedTuple

from reader.model import Post

# One character for one character, so offsets in folded text are offsets in the original.
_FOLD: dict[int, str] = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        **dict.fromkeys("\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000", " "),
    }
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_FOLDED_RUNS = re.compile(r"[^\x00-\x5f\x61-\x7f]+")
"""What ``_FOLD`` can change: non-ASCII characters and the backtick."""
_MARKS = "[\u0300-\u036f]"
"""Combining accents (a decomposed ``á`` is ``a`` and U+0301)."""
_HAS_MARK = re.compile(_MARKS)
_QUERY_TOKENS = re.compile(r"(\s+|\.\.\.|…)")
_ESCAPED = re.compile(r"\\.")
_SEPARATOR = "\x00"

TITLE_BLOCK = "title"
"""The block id of the post's title (in search results and in the text pane)."""
COMMENTS_HEADER_BLOCK = "comments"
"""The block id of the comments header ("12 thoughts on …")."""


@cache
def _accent_table() -> dict[int, str]:
    """Every accented letter to its base letter, one character for one (built on first
    use: a few thousand look-ups that a reader who never searches should not pay)."""
    table: dict[int, str] = {}
    for point in range(0xC0, 0x2000):
        decomposed = unicodedata.normalize("NFD", chr(point))
        base = decomposed[0]
        if (
            len(decomposed) > 1
            and not unicodedata.combining(base)
            and all(unicodedata.combining(mark) for mark in decomposed[1:])
        ):
            table[point] = base
    # Letters with a stroke have no decomposition but are read as accented ones.
    table.update({ord(k): v for k, v in zip("øØłŁđĐħĦ", "oOlLdDhH", strict=True)})
    return table


def _translate_runs(text: str, table: dict[int, str], runs: re.Pattern[str]) -> str:
    """``text.translate(table)`` where ``runs`` finds every character the table maps:
    four times faster on mostly-ASCII text, as only those runs are looked up."""
    return runs.sub(lambda run: run.group().translate(table), text)


def strip_accents(text: str) -> str:
    """Accented letters to their base letter, every offset kept (combining marks stay)."""
    if text.isascii():
        return text
    return _translate_runs(text, _accent_table(), _NON_ASCII)


def has_accents(text: str) -> bool:
    """True when a query holds an accented letter or a combining mark."""
    return strip_accents(text) != text or _HAS_MARK.search(text) is not None


class QueryError(ValueError):
    """The query cannot be used (a bad regular expression); the message says why."""


@dataclass(frozen=True)
class Query:
    """What the reader typed: the text, regex or plain, and the case rule."""

    text: str
    regex: bool = False
    case_sensitive: bool | None = None
    """None means smartcase: sensitive only when the query holds a capital letter."""
    accent_sensitive: bool | None = None
    """None means the same rule for accents: sensitive only when the query has one."""

    @property
    def is_case_sensitive(self) -> bool:
        if self.case_sensitive is not None:
            return self.case_sensitive
        letters = _ESCAPED.sub("", self.text) if self.regex else self.text
        return any(char.isupper() for char in letters)

    @property
    def is_accent_sensitive(self) -> bool:
        if self.accent_sensitive is not None:
            return self.accent_sensitive
        return has_accents(_ESCAPED.sub("", self.text) if self.regex else self.text)

    def compile(self, marks: bool = False) -> re.Pattern[str] | None:
        """The pattern to run over folded text; None for an empty query.

        ``marks``: a plain query also matches letters followed by combining accents
        (for accent-insensitive search over text that has decomposed accents).
        """
        if not self.text.strip():
            return None
        flags = 0 if self.is_case_sensitive else re.IGNORECASE
        if self.regex:
            try:
                # A query is typed, not written: Python's hints about future syntax
                # ("possible nested set") would only reach stderr behind the screen.
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", FutureWarning)
                    return re.compile(self.text.translate(_FOLD), flags)
            except (re.error, RecursionError, OverflowError, ValueError) as error:
                raise QueryError(f"bad regular expression: {error}") from None
        return re.compile(_plain_pattern(self.text, marks), flags)


def fold(text: str) -> str:
    """The text as it is searched: typographic variants folded, every offset kept."""
    return _translate_runs(text, _FOLD, _FOLDED_RUNS)


def _plain_pattern(text: str, marks: bool = False) -> str:
    parts = []
    for token in _QUERY_TOKENS.split(text.strip().translate(_FOLD)):
        if not token:
            continue
        if token.isspace():
            parts.append(r"\s+")
        elif token in ("...", "…"):
            parts.append(r"(?:\.\.\.|…)")
        elif marks:
            parts.append("".join(re.escape(char) + _MARKS + "*" for char in token))
        else:
            parts.append(re.escape(token))
    return "".join(parts)


class Match(NamedTuple):
    """One hit: the block it is in, offsets within that block's text, and a label.

    A named tuple: a common word in a book makes tens of thousands of these per keystroke.
    """

    block_id: str
    start: int
    end: int
    label: str
    in_comments: bool


@dataclass(frozen=True)
class SearchBlock:
    """A searchable piece of the post: its id, human label and text."""

    id: str
    label: str
    text: str
    in_comments: bool


def searchable_blocks(post: Post) -> list[SearchBlock]:
    """Everything the reader shows, in document order."""
    blocks: list[SearchBlock] = []
    if post.title and not post.title_inferred:
        blocks.append(SearchBlock(TITLE_BLOCK, "title", post.title, False))
    for position, section in enumerate(post.sections, start=1):
        if not section.title_inferred:
            blocks.append(SearchBlock(section.id, f"§{position} heading", section.title, False))
        for index, paragraph in enumerate(section.paragraphs, start=1):
            label = f"§{position} ¶{index}"
            blocks.append(SearchBlock(paragraph.id, label, paragraph.text, False))
    if post.comments_header is not None:
        header = post.comments_header.text
        blocks.append(SearchBlock(COMMENTS_HEADER_BLOCK, "comments", header, True))
    for comment in post.comments:
        number = post.comment_number(comment.id)
        if comment.author:
            blocks.append(SearchBlock(comment.id, f"comment {number}", comment.author, True))
        for index, paragraph in enumerate(comment.paragraphs, start=1):
            label = f"comment {number}" if index == 1 else f"comment {number} ¶{index}"
            blocks.append(SearchBlock(paragraph.id, label, paragraph.text, True))
    return blocks


class SearchIndex:
    """A post's searchable text, folded and joined once, searched many times."""

    def __init__(self, post: Post) -> None:
        self.blocks = searchable_blocks(post)
        self.starts: list[int] = []
        position = 0
        for block in self.blocks:
            self.starts.append(position)
            position += len(block.text) + len(_SEPARATOR)
        self.folded = fold(_SEPARATOR.join(block.text for block in self.blocks))
        self.order = {block.id: number for number, block in enumerate(self.blocks)}
        """Each block's place in document order (the order matches come in)."""

    def find(self, query: Query) -> list[Match]:
        """Every match in document order. Raises QueryError for a bad regex."""
        # Accent-free text (most English) needs no accent folding at all.
        folding = not query.is_accent_sensitive and not self.folded.isascii()
        if query.regex:
            return self._find_per_block(query, folding)
        text = self.stripped if folding else self.folded
        lowered = self.stripped_lowered if folding else self.lowered
        if not query.is_case_sensitive and lowered is not None:
            # A lowered query over lowered text finds what IGNORECASE would, about
            # four times faster over a book (a plain query has no escapes to break).
            query = replace(query, text=query.text.lower(), case_sensitive=True)
            text = lowered
        pattern = query.compile(marks=folding and self.has_marks)
        if pattern is None:
            return []
        matches: list[Match] = []
        append = matches.append
        make = tuple.__new__  # a common word in a book: tens of thousands of matches
        blocks, starts = self.blocks, self.starts
        index = 0
        last = len(blocks) - 1
        block = blocks[0] if blocks else None
        offset = 0
        for found in pattern.finditer(text):
            start, end = found.span()
            if start == end:
                continue
            if index < last and starts[index + 1] <= start:
                index = bisect_right(starts, start, index) - 1
                block, offset = blocks[index], starts[index]
            assert block is not None
            if end - offset > len(block.text):
                continue  # ran across a separator into the next block
            append(
                make(
                    Match, (block.id, start - offset, end - offset, block.label, block.in_comments)
                )
            )
        return matches

    def _find_per_block(self, query: Query, folding: bool) -> list[Match]:
        pattern = query.compile()
        if pattern is None:
            return []
        matches: list[Match] = []
        append = matches.append
        make = tuple.__new__
        texts = self.stripped_blocks if folding else self.folded_blocks
        for block, text in zip(self.blocks, texts, strict=True):
            for found in pattern.finditer(text):
                start, end = found.span()
                if start != end:
                    append(make(Match, (block.id, start, end, block.label, block.in_comments)))
        return matches

    def _split(self, joined: str) -> list[str]:
        return [
            joined[start : start + len(block.text)]
            for block, start in zip(self.blocks, self.starts, strict=True)
        ]

    @cached_property
    def folded_blocks(self) -> list[str]:
        """Each block's folded text on its own (a regex is matched block by block)."""
        return self._split(self.folded)

    @cached_property
    def stripped_blocks(self) -> list[str]:
        """Each block's text with accents folded too."""
        return self._split(self.stripped)

    @cached_property
    def lowered(self) -> str | None:
        """The folded text in lower case, when that keeps every offset (almost always)."""
        lowered = self.folded.lower()
        return lowered if len(lowered) == len(self.folded) else None

    @cached_property
    def stripped(self) -> str:
        """The folded text with accents folded too: built on the first accent-free
        query, once (about 60 ms for a 3 MB book, its non-ASCII runs only)."""
        return strip_accents(self.folded)

    @cached_property
    def stripped_lowered(self) -> str | None:
        lowered = self.stripped.lower()
        return lowered if len(lowered) == len(self.stripped) else None

    @cached_property
    def has_marks(self) -> bool:
        """Whether any accent is written as a combining mark (decomposed text)."""
        return _HAS_MARK.search(self.folded) is not None


def find_matches(post: Post, query: Query) -> list[Match]:
    """Every match of a query in a post (builds a throwaway index)."""
    return SearchIndex(post).find(query)
