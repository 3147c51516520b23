"""Recognise page chrome: comment forms, share and login lines, Project Gutenberg wrappers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.model import Boilerplate
from reader.parse.blocks import Block, squash

# A comment form starts with one of these; the form runs on while blocks look like form parts.
FORM_START = re.compile(
    r"^(?:Leave a (?:Reply|Comment)\b.*|Leave a reply\b.*|Post a Comment|Add (?:a|your) comment\b.*"
    r"|Join the discussion\b.*|(?:The )?comments (?:to this \w+ )?are (?:now )?closed\b.{0,40}"
    r"|Fill in your details below or click an icon\b.*"
    r"|You must be logged in to post a comment\.?.*|Your email address will not be published"
    r"\b.*|Cancel reply|Connecting to %s)$",
    re.IGNORECASE,
)

FORM_PART = re.compile(
    r"^(?:(?:Google|Twitter|Facebook|WordPress\.com|Gravatar|Tumblr|LinkedIn)\s+"
    r"(?:photo|picture|avatar|logo|icon)|You are commenting using your\b.*|Connecting to %s"
    r"|Notify me of (?:new|follow-up)\b.*|Required fields are marked\b.*"
    r"|(?:Name|Email|E-mail|Website|Comment|Mail)\s*"
    r"(?:\((?:required|will not be published)\))?\s*\*?"
    r"|Post Comment|Submit Comment|Save my name, email, and website\b.*|Cancel|Log (?:Out|In)\b.*"
    r"|Change|Comment as:?.*|Publish|Preview|Sign out|Notify me)$",
    re.IGNORECASE,
)

# Chrome that can stand anywhere: share bars, like buttons, blog footers.
CHROME_LINE = re.compile(
    r"^(?:Share this:?|Like this:?|Like Loading\.\.\.|Loading\.\.\.|Related|Reply|Reply ↓|Like"
    r"|Liked by \d+ (?:person|people)|Delete|Replies|Report|Permalink|Edit|Log in to Reply"
    r"|Reply to this comment|\[Reply\]|Click to share on \w+.*|Share on \w+|Tweet|Print|Email"
    r"|Twitter|Facebook|LinkedIn|Reddit|Pinterest|Tumblr|WhatsApp|Pocket|Telegram|More"
    r"|Subscribe to: Post Comments \(Atom\)|Newer Post Older Post Home|Newer Post|Older Post"
    r"|Bookmark the permalink\.?|Blog at WordPress\.com\.?|Create a free website or blog at "
    r"WordPress\.com\.?|Follow|Subscribe|Share|Rate this:?|Posted in .{1,120}|Tagged .{1,200}"
    r"|This entry was posted in .{1,200}|Labels: .{1,200}|Posted by .{1,60} at .{1,40})$",
    re.IGNORECASE,
)

GUTENBERG_START = re.compile(r"^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG", re.IGNORECASE)
GUTENBERG_END = re.compile(
    r"^(?:\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG|End of (?:the )?Project Gutenberg)",
    re.IGNORECASE,
)


_GUTENBERG_NAMES = ("Gutenberg", "GUTENBERG", "gutenberg")
# First four letters of every FORM_START phrase: a cheap test before the regex (a long
# thread has a block to test for each comment).
_FORM_OPENINGS = frozenset(
    ["leav", "post", "add ", "join", "the ", "comm", "fill", "you ", "your", "canc", "conn"]
)


def is_chrome_line(line: str) -> bool:
    """A line that is page chrome wherever it stands (Reply, Like, Share this: …)."""
    line = line.strip()
    return len(line) <= 240 and CHROME_LINE.match(line) is not None


def is_form_start(block: Block) -> bool:
    if len(block.text) > 300:
        return False
    opening = block.text.lstrip()[:4].lower()
    return (
        opening in _FORM_OPENINGS
        and FORM_START.match(squash(block.first_line.lstrip())) is not None
    )


def is_form_part(block: Block) -> bool:
    if len(block.text) > 300:
        return False
    text = squash(block.text)
    return FORM_START.match(text) is not None or FORM_PART.match(text) is not None


def gutenberg_wrapper(blocks: Sequence[Block], source: str | None = None) -> set[int]:
    """Indices of the Project Gutenberg header (up to START) and licence (from END on).

    ``source``, the text the blocks are from: three substring searches over it rule
    out most texts at once, where looking at every block costs a pass in Python.
    """
    chrome: set[int] = set()
    if source is not None and not any(name in source for name in _GUTENBERG_NAMES):
        return chrome
    start = next(
        (
            i
            for i, block in enumerate(blocks)
            if block.text.lstrip().startswith("*") and GUTENBERG_START.match(block.text.lstrip())
        ),
        None,
    )
    if start is not None:
        chrome.update(range(start + 1))
    end = next(
        (
            i
            for i in range(len(blocks) - 1, -1 if start is None else start, -1)
            if blocks[i].text.lstrip()[:1] in ("*", "E", "e")
            and GUTENBERG_END.match(blocks[i].text.lstrip())
        ),
        None,
    )
    if end is not None:
        chrome.update(range(end, len(blocks)))
    return chrome


@dataclass(frozen=True)
class FieldTitle:
    """The value of a ``Title:`` field in a book's header (its label stays chrome)."""

    text: str
    span: tuple[int, int]


_TITLE_FIELD = re.compile(r"^[ \t]*Title:[ \t]*(\S[^\n]*)$", re.IGNORECASE | re.MULTILINE)
# A header field that wraps goes on in lines indented under its value.
_CONTINUATION = re.compile(r"\n[ \t]+(?![\w-]+:)\S[^\n]*")


def wrapper_pieces(
    blocks: Sequence[Block], wrapper: set[int]
) -> tuple[list[Boilerplate], FieldTitle | None]:
    """The wrapper blocks as chrome, with the header's ``Title:`` value taken out.

    The value is the book's title; the label and the rest of the header stay chrome,
    so every letter is still in exactly one place.
    """
    pieces: list[Boilerplate] = []
    title: FieldTitle | None = None
    for index in sorted(wrapper):
        block = blocks[index]
        match = _TITLE_FIELD.search(block.text) if title is None and "itle:" in block.text else None
        if match is None:
            pieces.append(_piece(block.text, block.start))
            continue
        end = match.end(1)
        while (more := _CONTINUATION.match(block.text, end)) is not None:
            end = more.end()
        value = block.text[match.start(1) : end]
        title = FieldTitle(squash(value), (block.start + match.start(1), block.start + end))
        before, after = block.text[: match.start(1)], block.text[end:]
        pieces.extend(
            _piece(part, block.start + offset)
            for part, offset in ((before, 0), (after, end))
            if part.strip()
        )
    return pieces, title


def _piece(text: str, start: int) -> Boilerplate:
    return Boilerplate(text.strip(), (start, start + len(text)))


def form_end(blocks: Sequence[Block], start: int) -> int:
    """Index just past the comment form that begins at ``start``."""
    end = start + 1
    while end < len(blocks) and (is_form_part(blocks[end]) or is_chrome_block(blocks[end])):
        end += 1
    return end


def is_chrome_block(block: Block) -> bool:
    text = block.text
    if len(text) > 2000:
        return False
    if "\n" not in text:
        return is_chrome_line(text)
    return all(is_chrome_line(line) for line in block.lines)
