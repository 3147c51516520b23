"""The parsed post: frozen dataclasses shared by export, search and the reader.

Nothing here imports Textual. Every addressable piece of text has a stable id:
``p7`` (7th body paragraph), ``s3`` (3rd section), ``c2`` (2nd comment in document
order) and ``c2.p1`` (its first paragraph).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

Span = tuple[int, int]
"""Start and end offsets into the decoded source text."""
_FULL_NUMBER_DEPTH = 4

MAX_INDENT_DEPTH = 8
"""Replies deeper than this are indented as much as a reply this deep, wherever a thread
is shown (the comments panel, the outline, the Markdown quotes), so the text keeps its
width. Eight: in an 80-column terminal eight levels of two columns still leave the text
three quarters of the line (twelve left it two thirds), and threads are seldom deeper
(WordPress offers ten levels at most, five by default).
"""


@dataclass(frozen=True)
class Source:
    """Where the post came from."""

    name: str
    format: str = "text"
    encoding: str = "utf-8"
    bytes: int = 0
    replaced_bytes: int = 0
    """Undecodable bytes that were replaced by U+FFFD while loading."""
    replaced_controls: int = 0
    """Control characters that were replaced by a visible placeholder while loading."""
    url: str | None = None
    """The address it was fetched from (after redirects), for a post read from the web."""
    digest: str = ""
    """SHA-256 of the loaded text: the key of the place remembered for it (a moved or
    renamed file is still the same document)."""


@dataclass(frozen=True)
class Artifact:
    """Scrape debris glued into a paragraph, such as an image file name.

    Offsets are relative to the paragraph's text.
    """

    kind: str
    text: str
    start: int
    end: int


PARAGRAPH_KINDS = ("text", "list", "quote", "code")
"""What a paragraph is: running text (re-flowed), a list (one item per line, each marked),
a quotation, or code and preformatted text (its lines and spaces kept as written)."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of display text (hard-wrapped lines re-flowed)."""

    id: str
    text: str
    span: Span
    artifacts: tuple[Artifact, ...] = ()
    kind: str = "text"
    """One of ``PARAGRAPH_KINDS``: a list's or code's lines are kept (``\\n`` in ``text``)."""


@dataclass(frozen=True)
class Link:
    """A link of a web page or Markdown text, shown as a numbered reference.

    The reference (``[3]``) follows the link's text in the paragraph's text, so search,
    wrapping and copying see what the reader sees; ``start`` and ``end`` are the link
    text's offsets in that paragraph (or comment paragraph), named by ``block``.
    """

    number: int
    text: str
    target: str
    block: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Section:
    """A run of body paragraphs under one heading (or an inferred topic shift)."""

    id: str
    title: str
    title_inferred: bool
    level: int
    paragraphs: tuple[Paragraph, ...]
    span: Span = (0, 0)
    """Span of the heading in the source; (start, start) when the title is inferred."""


@dataclass(frozen=True)
class Comment:
    """One comment. The tree is kept flat: ``parent`` and ``replies`` are ids.

    Keeping ids instead of nested objects lets a 10,000-deep reply chain be built,
    compared, printed and dumped without recursion.
    """

    id: str
    parent: str | None
    depth: int
    label: str | None
    """The number as written in the source ("1"), or None when it had none."""
    author: str | None
    date: str | None
    paragraphs: tuple[Paragraph, ...]
    replies: tuple[str, ...] = ()
    span: Span = (0, 0)


@dataclass(frozen=True)
class CommentsHeader:
    """The line that opens the discussion, e.g. "12 thoughts on “…”"."""

    text: str
    declared_count: int | None
    span: Span = (0, 0)


@dataclass(frozen=True)
class Boilerplate:
    """Page chrome removed from reading (comment forms, share lines, licences)."""

    text: str
    span: Span


@dataclass(frozen=True)
class Post:
    """A parsed post: title, sections, the comment thread and what was set aside."""

    title: str
    sections: tuple[Section, ...]
    comments: tuple[Comment, ...] = ()
    """Every comment, flat, in document order."""
    comments_header: CommentsHeader | None = None
    boilerplate: tuple[Boilerplate, ...] = ()
    source: Source = field(default_factory=lambda: Source(name="<text>"))
    title_inferred: bool = False
    """True when the source had no title and one was made up (from its name)."""
    title_span: Span = (0, 0)
    author: str | None = None
    """The post's author, where the page says it (web and Markdown inputs)."""
    date: str | None = None
    """The post's date as the page gives it."""
    site: str | None = None
    """The site's name, where the page says it."""
    links: tuple[Link, ...] = ()
    """Every link of the post and its thread, by number (web and Markdown inputs)."""

    # --- derived views (computed once; the dataclass itself stays immutable) ---

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All body paragraphs in document order."""
        return tuple(p for section in self.sections for p in section.paragraphs)

    @cached_property
    def comment_by_id(self) -> dict[str, Comment]:
        return {comment.id: comment for comment in self.comments}

    @cached_property
    def top_level_comments(self) -> tuple[Comment, ...]:
        return tuple(comment for comment in self.comments if comment.parent is None)

    @cached_property
    def comment_numbers(self) -> dict[str, str]:
        """Display numbers such as "1.1", from written labels or sibling positions.

        Deep replies keep the first two and last two steps ("3.1.….2.1") so that a
        thousand-deep chain does not make thousand-step numbers.
        """
        numbers: dict[str, str] = {}
        heads: dict[str, str] = {}  # the first steps, at most SHOWN_HEAD of them
        owns: dict[str, str] = {}
        sibling_count: dict[str | None, int] = {}
        for comment in self.comments:
            position = sibling_count.get(comment.parent, 0) + 1
            sibling_count[comment.parent] = position
            own = comment.label if comment.label else str(position)
            owns[comment.id] = own
            if comment.parent is None:
                numbers[comment.id] = heads[comment.id] = own
            elif comment.depth <= _FULL_NUMBER_DEPTH:
                numbers[comment.id] = f"{numbers[comment.parent]}.{own}"
                heads[comment.id] = (
                    numbers[comment.id] if comment.depth < 2 else heads[comment.parent]
                )
            else:
                heads[comment.id] = heads[comment.parent]
                numbers[comment.id] = f"{heads[comment.id]}.….{owns[comment.parent]}.{own}"
        return numbers

    def comment_number(self, comment_id: str) -> str:
        return self.comment_numbers[comment_id]

    def descendants(self, comment_id: str) -> Iterator[Comment]:
        """The replies under a comment, depth first, without recursion."""
        stack = list(reversed(self.comment_by_id[comment_id].replies))
        while stack:
            comment = self.comment_by_id[stack.pop()]
            yield comment
            stack.extend(reversed(comment.replies))

    def text_pieces(self) -> Iterator[str]:
        """Every piece of source text the model holds, each exactly once.

        Inferred titles are made up, so they are left out: what this yields is what
        the "nothing is lost" promise is checked against.
        """
        if not self.title_inferred:
            yield self.title
        for section in self.sections:
            if not section.title_inferred:
                yield section.title
            for paragraph in section.paragraphs:
                yield paragraph.text
        if self.comments_header is not None:
            yield self.comments_header.text
        for comment in self.comments:
            for part in (comment.label, comment.author, comment.date):
                if part:
                    yield part
            for paragraph in comment.paragraphs:
                yield paragraph.text
        for chrome in self.boilerplate:
            yield chrome.text
