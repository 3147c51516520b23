"""A Post from pieces: what the HTML and Markdown readers find, put into the model.

Those readers walk a tree (a page's elements, Markdown tokens) and meet headings,
paragraphs with links in them, and comments; this builder numbers them (``s3``, ``p7``,
``c2.p1``, links ``[1]``…), gathers paragraphs under headings (or splits a headingless
body at topic shifts, as the text parser does) and makes the frozen model at the end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from reader.load import control_placeholder
from reader.model import (
    Boilerplate,
    Comment,
    CommentsHeader,
    Link,
    Paragraph,
    Post,
    Section,
    Source,
    Span,
)
from reader.parse.infer import inferred_sections

_SPACE = re.compile(r"\s+")

LINK_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "gopher", "gemini"})
"""Targets kept as links; anything else (``javascript:``, ``data:``…) keeps its text only."""


@dataclass(frozen=True)
class Linked:
    """A piece of paragraph text that links to ``target``."""

    text: str
    target: str


Piece = str | Linked
"""Paragraph text is given as pieces: plain text, and text that links somewhere."""


@dataclass
class _Block:
    pieces: Sequence[Piece]
    kind: str
    span: Span


@dataclass
class _Heading:
    text: str
    rank: int
    span: Span
    blocks: list[_Block] = field(default_factory=list)


@dataclass
class _CommentDraft:
    parent: int | None
    author: str | None
    date: str | None
    blocks: list[_Block]
    label: str | None
    span: Span


def clean_line(text: str) -> str:
    """A line of page text (a title, a name, a date): safe, its white space single."""
    return _SPACE.sub(" ", safe_text(text)).strip()


def safe_target(target: str, base: str | None = None) -> str | None:
    """The link's address made absolute, or None when it is not one to keep."""
    target = "".join(target.split())  # addresses hold no white space; pages do
    if not target or target.startswith("#"):
        return None
    if base:
        try:
            target = urljoin(base, target)
        except ValueError:
            return None
    try:
        scheme = urlsplit(target).scheme.lower()
    except ValueError:
        return None
    return target if scheme in LINK_SCHEMES else None


class PostBuilder:
    """Collects a post's pieces in document order; ``build()`` makes the Post."""

    def __init__(self, source: Source, base_url: str | None = None) -> None:
        self.source = source
        self.base_url = base_url
        self.title: str | None = None
        self.title_span: Span = (0, 0)
        self.author: str | None = None
        self.date: str | None = None
        self.site: str | None = None
        self.comments_header: CommentsHeader | None = None
        self._lead: list[_Block] = []  # paragraphs before the first heading
        self._headings: list[_Heading] = []
        self._comments: list[_CommentDraft] = []
        self._chrome: list[Boilerplate] = []

    # --- what the readers add ---------------------------------------------------------

    def heading(self, text: str, rank: int, span: Span = (0, 0)) -> None:
        """A heading (rank 1 for ``h1``/``#``, 2 for ``h2``…) opens a section."""
        text = clean_line(text)
        if text:
            self._headings.append(_Heading(text, rank, span))

    def paragraph(
        self, pieces: Sequence[Piece] | str, kind: str = "text", span: Span = (0, 0)
    ) -> None:
        """A paragraph of the body, in the current section."""
        block = _Block([pieces] if isinstance(pieces, str) else list(pieces), kind, span)
        (self._headings[-1].blocks if self._headings else self._lead).append(block)

    def comment(
        self,
        paragraphs: Sequence[
            tuple[Sequence[Piece] | str, str] | tuple[Sequence[Piece] | str, str, Span]
        ],
        *,
        author: str | None = None,
        date: str | None = None,
        parent: int | None = None,
        label: str | None = None,
        span: Span = (0, 0),
    ) -> int:
        """A comment: its paragraphs as (pieces, kind) or (pieces, kind, span) (without
        one a paragraph has the comment's span), and ``parent`` the number this call
        returned for the comment it replies to. Returns the comment's number."""
        blocks = [
            _Block(
                [paragraph[0]] if isinstance(paragraph[0], str) else list(paragraph[0]),
                paragraph[1],
                paragraph[2] if len(paragraph) == 3 else span,
            )
            for paragraph in paragraphs
        ]
        if parent is not None and not 0 <= parent < len(self._comments):
            parent = None
        author = clean_line(author) if author else None
        date = clean_line(date) if date else None
        self._comments.append(
            _CommentDraft(parent, author or None, date or None, blocks, label, span)
        )
        return len(self._comments) - 1

    def chrome(self, text: str, span: Span = (0, 0)) -> None:
        """Page text set aside from reading (navigation, forms, footers)."""
        text = safe_text(text).strip()
        if text:
            self._chrome.append(Boilerplate(text, span))

    # --- the model --------------------------------------------------------------------

    def build(self) -> Post:
        links: list[Link] = []
        count = [0]

        def paragraph(block: _Block, paragraph_id: str) -> Paragraph | None:
            text = self._compose(block, paragraph_id, links)
            if not text:
                return None
            return Paragraph(id=paragraph_id, text=text, span=block.span, kind=block.kind)

        def body(blocks: list[_Block]) -> list[Paragraph]:
            made = []
            for block in blocks:
                made_one = paragraph(block, f"p{count[0] + 1}")
                if made_one is not None:
                    count[0] += 1
                    made.append(made_one)
            return made

        sections: list[Section] = []
        lead = body(self._lead)
        if lead:
            sections.extend(self._inferred(lead, len(sections)))
        ranks = sorted({heading.rank for heading in self._headings})
        for heading in self._headings:
            level = 1 if heading.rank == ranks[0] else 2
            sections.append(
                Section(
                    id=f"s{len(sections) + 1}",
                    title=heading.text,
                    title_inferred=False,
                    level=level,
                    paragraphs=tuple(body(heading.blocks)),
                    span=heading.span,
                )
            )
        comments = self._build_comments(links)
        title = clean_line(self.title or "")
        return Post(
            title=title or (sections[0].title if sections else self.source.name),
            title_inferred=not title,
            title_span=self.title_span if title else (0, 0),
            sections=tuple(sections),
            comments=comments,
            comments_header=self.comments_header,
            boilerplate=tuple(self._chrome),
            source=self.source,
            author=clean_line(self.author or "") or None,
            date=clean_line(self.date or "") or None,
            site=clean_line(self.site or "") or None,
            links=tuple(links),
        )

    @staticmethod
    def _inferred(paragraphs: list[Paragraph], before: int) -> list[Section]:
        """Text before any heading: split at topic shifts, as for headingless text. A
        section opens with running text: a list, quotation or code is named badly by its
        first words ("3.", "def f():") and belongs with the text that leads to it."""
        return inferred_sections(paragraphs, before, lambda paragraph: paragraph.kind == "text")

    def _build_comments(self, links: list[Link]) -> tuple[Comment, ...]:
        drafts = self._comments
        depths: list[int] = []
        replies: list[list[str]] = [[] for _ in drafts]
        for index, draft in enumerate(drafts):
            parent = draft.parent if draft.parent is not None and draft.parent < index else None
            draft.parent = parent
            depths.append(0 if parent is None else depths[parent] + 1)
            if parent is not None:
                replies[parent].append(f"c{index + 1}")
        comments = []
        for index, draft in enumerate(drafts):
            comment_id = f"c{index + 1}"
            paragraphs: list[Paragraph] = []
            for block in draft.blocks:
                paragraph_id = f"{comment_id}.p{len(paragraphs) + 1}"
                text = self._compose(block, paragraph_id, links)
                if text:
                    paragraphs.append(
                        Paragraph(id=paragraph_id, text=text, span=block.span, kind=block.kind)
                    )
            comments.append(
                Comment(
                    id=comment_id,
                    parent=None if draft.parent is None else f"c{draft.parent + 1}",
                    depth=depths[index],
                    label=draft.label,
                    author=draft.author,
                    date=draft.date,
                    paragraphs=tuple(paragraphs),
                    replies=tuple(replies[index]),
                    span=draft.span,
                )
            )
        return tuple(comments)

    def _compose(self, block: _Block, block_id: str, links: list[Link]) -> str:
        """The paragraph's text from its pieces, each link followed by its number.

        Running text has its white space made single spaces; code keeps its lines and
        spaces; a list or a quotation keeps its lines, each one cleaned. A link's text is
        marked with two sentinels (control characters, which no loaded text holds) while
        the white space is cleaned, so its offsets come out right.
        """
        raw: list[str] = []
        targets: list[str] = []
        for piece in block.pieces:
            if isinstance(piece, str):
                raw.append(safe_text(piece))
                continue
            target = safe_target(piece.target, self.base_url)
            text = safe_text(piece.text)
            if target is None:
                raw.append(text)
                continue
            shown = text.strip()
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
            targets.append(target)
            raw.append(f"{lead}{_OPEN}{shown}{_CLOSE}{trail}")
        text = _clean(block.kind, "".join(raw))
        if not text.replace(_OPEN, "").replace(_CLOSE, "").strip():
            return ""
        out: list[str] = []
        length = 0
        start = 0
        found = 0
        for part in _MARKS.split(text):
            if part == _OPEN:
                start = length
            elif part == _CLOSE:
                number = len(links) + 1
                links.append(
                    Link(
                        number, "".join(out)[start:length], targets[found], block_id, start, length
                    )
                )
                found += 1
                reference = f"[{number}]"
                out.append(reference)
                length += len(reference)
            else:
                out.append(part)
                length += len(part)
        return "".join(out)


_OPEN, _CLOSE = "\x01", "\x02"
_MARKS = re.compile("([\x01\x02])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_text(text: str) -> str:
    """Text from a page made safe to show: control characters (an ``&#27;`` in HTML
    is an ESC) become visible placeholders, as they do when a file is loaded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(lambda match: control_placeholder(match.group()), text)


def _clean(kind: str, text: str) -> str:
    if kind == "code":
        lines = [line.rstrip() for line in text.split("\n")]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(lines)
    if kind == "text":
        return _SPACE.sub(" ", text).strip()
    # A list's items keep their indentation: it is how a nested item shows its depth.
    keep = kind == "list"
    lines = [
        (" " * (len(line) - len(line.lstrip(" "))) if keep else "") + _SPACE.sub(" ", line).strip()
        for line in text.split("\n")
    ]
    return "\n".join(line for line in lines if line.replace(_OPEN, "").replace(_CLOSE, "").strip())
