"""A comment thread in a Markdown file, read by the plain-text thread reader.

A Markdown export of a post often holds its discussion: a ``## Comments`` (``12
thoughts on “…”``) heading and under it one comment after another, each opened by a
byline — a heading of its own (``### Alice — March 3, 2020``), a line (``**Alice**
says:``), or a quotation that starts with one; replies as deeper headings or deeper
quotations. Bylines come in as many shapes here as on any page, so they are not read
again here: the part under the header is rendered as plain text, the Markdown marks
left out, each heading level and each quotation level indented two spaces (the text
parser reads indentation as reply depth), and ``reader.parse.parse_post`` reads it.
Its comments are then rebuilt from the Markdown itself, line by line, so that their
links, lists and code survive, with spans in the source.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from reader.formats.build import Piece, PostBuilder
from reader.formats.markdown import Item, Lines, _Head, _Leaf, _Segment, joined, plain
from reader.model import CommentsHeader, Source, Span
from reader.parse import parse_post
from reader.parse.blocks import Block
from reader.parse.comments import match_header

# The text parser takes a document's first block for its title and looks for the
# comments header after it: the rendered thread is given one to take.
_PREFIX = "Post\n\n"


@dataclass
class _Comment:
    author: str | None
    date: str | None
    label: str | None
    parent: str | None
    paragraphs: list[tuple[list[Piece], str, Span]]
    span: Span
    id: str


@dataclass
class Thread:
    """The comments found under a header, and which items they took."""

    first: int
    """The item of the header: the thread is added to the post where it stands."""
    taken: set[int]
    """Items read into the thread (the header, bylines, comments, chrome between)."""
    header: CommentsHeader
    comments: list[_Comment] = field(default_factory=list)
    chrome: list[tuple[str, Span]] = field(default_factory=list)

    def add_to(self, builder: PostBuilder, lines: Lines) -> None:
        builder.comments_header = self.header
        numbers: dict[str, int] = {}
        for comment in self.comments:
            parent = numbers.get(comment.parent) if comment.parent is not None else None
            numbers[comment.id] = builder.comment(
                comment.paragraphs,
                author=comment.author,
                date=comment.date,
                parent=parent,
                label=comment.label,
                span=comment.span,
            )
        for text, span in self.chrome:
            builder.chrome(text, span)


def _segments(item: Item) -> list[_Segment]:
    if isinstance(item, _Head):
        return [_Segment(item.pieces, item.lines[0])]
    return item.segments


def _first_line(item: Item) -> str:
    segments = _segments(item)
    return plain(segments[0].pieces).strip() if segments else ""


def find_thread(items: list[Item], lines: Lines, name: str) -> Thread | None:
    """The first heading named like a comments header with comments under it."""
    for index, item in enumerate(items):
        if not isinstance(item, _Head) or index + 1 >= len(items):
            continue
        following = _first_line(items[index + 1])
        header = match_header(
            Block(item.text, 0, len(item.text)), Block(following, 0, len(following))
        )
        if header is None:
            continue
        end = index + 1
        while end < len(items):
            later = items[end]
            if isinstance(later, _Head) and later.level <= item.level:
                break  # the thread runs to the next heading as high as its own
            end += 1
        thread = _read(items, index, end, lines, name, header)
        if thread is not None:
            return thread
    return None


def _read(
    items: list[Item], first: int, end: int, lines: Lines, name: str, header: CommentsHeader
) -> Thread | None:
    """Render items ``first`` (the header) to ``end`` as text and read their thread."""
    out = [_PREFIX]
    position = len(_PREFIX)
    starts: list[int] = []  # where each rendered line starts
    owners: list[tuple[int, int]] = []  # (item, segment) of each rendered line
    levels = [item.level for item in items[first + 1 : end] if isinstance(item, _Head)]
    base = min(levels, default=0)
    indent = 0
    for number in range(first, end):
        item = items[number]
        if isinstance(item, _Head):
            indent = 2 * (item.level - base) if number > first else 0
            lead = indent
        else:
            lead = indent + 2 * item.quote
        for segment_number, segment in enumerate(_segments(item)):
            rendered = " " * lead + plain(segment.pieces).replace("\n", " ").rstrip()
            starts.append(position)
            owners.append((number, segment_number))
            out.append(rendered + "\n")
            position += len(rendered) + 1
        out.append("\n")
        position += 1
    post = parse_post("".join(out), Source(name=name))
    if not any(comment.author or comment.date for comment in post.comments):
        # No byline: a numbered list or plain text under a "Discussion" heading is the
        # post's own, however the text parser would read a page of it.
        return None

    def owner_lines(span: Span) -> range:
        """The rendered lines a span of the rendering covers."""
        low = max(bisect_right(starts, span[0]) - 1, 0)
        high = max(bisect_right(starts, max(span[1] - 1, span[0])) - 1, low)
        return range(low, high + 1)

    def source_span(rendered: range) -> Span:
        source = [_segments(items[owners[o][0]])[owners[o][1]].line for o in rendered]
        return lines.span(min(source), max(source) + 1)

    found = post.comments_header or header
    header_item = items[first]
    thread = Thread(
        first,
        {first},
        CommentsHeader(found.text, found.declared_count, lines.span(*header_item.lines)),
    )
    for comment in post.comments:
        covered = owner_lines(comment.span)
        # Quoted as deep as its byline, a paragraph is the comment's own text.
        opening = items[owners[covered[0]][0]]
        depth = opening.quote if isinstance(opening, _Leaf) else 0
        chosen: dict[int, list[int]] = {}  # item → its segments, in order of first use
        for paragraph in comment.paragraphs:
            for line in owner_lines(paragraph.span):
                item_number, segment_number = owners[line]
                if item_number != first:
                    chosen.setdefault(item_number, []).append(segment_number)
        paragraphs: list[tuple[list[Piece], str, Span]] = []
        for item_number, segment_numbers in chosen.items():
            item = items[item_number]
            segments = _segments(item)[min(segment_numbers) : max(segment_numbers) + 1]
            kind = "text"
            if isinstance(item, _Leaf):
                kind = item.kind if item.quote > depth else item.base
            spread = lines.span(segments[0].line, segments[-1].line + 1)
            paragraphs.append((joined(segments), kind, spread))
        thread.taken.update(owners[line][0] for line in covered)
        thread.comments.append(
            _Comment(
                comment.author,
                comment.date,
                comment.label,
                comment.parent,
                paragraphs,
                source_span(covered),
                comment.id,
            )
        )
    for chrome in post.boilerplate:
        if chrome.span[0] >= len(_PREFIX):
            covered = owner_lines(chrome.span)
            thread.taken.update(owners[line][0] for line in covered)
            thread.chrome.append((chrome.text, source_span(covered)))
    return thread
