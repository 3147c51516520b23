"""Markdown → Post, through markdown-it-py's tokens.

The token stream is flat (``*_open`` … ``*_close``), so it is read in one loop with a
small stack: no recursion, however deep the nesting. What comes out is a list of
headings and paragraphs-to-be (``_Leaf``), each paragraph as *segments*: the pieces of
one source line, with what joins it to the line before (a space for a soft break, a
newline where the lines are kept). Segments keep the way back to the source (every
paragraph's ``span``) and let a comment thread be cut out line by line
(``markdown_thread.py``).

What a reader reads, not what the author typed: emphasis and code marks are dropped,
links become numbered references (``PostBuilder``), an image is its alt text, raw HTML
is its text without scripts or styles. Lists are one paragraph per list, items one per
line (``• `` or ``1. ``, nested items two spaces deeper); block quotes are ``quote``
paragraphs; fenced and indented code keep their lines; a table's rows are lines of
cells joined by `` │ ``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from html import unescape

import mdurl
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.formats.build import Linked, Piece, PostBuilder
from reader.formats.front_matter import read_front_matter
from reader.model import Post, Source, Span
from reader.parse.post import title_from_name


class _Markdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
        # Every target is judged by the builder's ``safe_target``: a link refused here
        # would stay in the text as written, ``[text](javascript:…)`` and all.
        return True

    def normalizeLink(self, url: str) -> str:  # noqa: N802
        # Percent-encoded as markdown-it does, without its parse and punycode pass over
        # the host name (nearly half the time of a page full of links): the target is
        # only shown and handed to a browser, which reads a Unicode host name itself.
        return mdurl.encode(url)


_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    global _PARSER
    if _PARSER is None:
        # CommonMark and its tables. ``maxNesting`` (20) bounds how deep markdown-it
        # recurses; what lies deeper is read back from the source (``recovered``).
        # Inline text is parsed here, token by token (``_inline``), so that text
        # without a mark in it need not be: most of a post's paragraphs.
        _PARSER = _Markdown("commonmark").enable("table").disable(["inline", "text_join"])
    return _PARSER


# The characters an inline rule of CommonMark starts at (or, "]", ends a link's text
# at); text without any is plain text, its lines broken by soft or hard breaks.
_INLINE_MARKS = re.compile(r"[\\`*_\[\]!<&]")


@dataclass
class _Segment:
    """The pieces of one source line of a paragraph."""

    pieces: list[Piece]
    line: int
    joiner: str = ""
    """What joins it to the segment before: " " (a soft break) or "\\n" (lines kept)."""


@dataclass
class _Leaf:
    """A paragraph to be: its kind, its segments and the source lines it takes."""

    kind: str
    segments: list[_Segment]
    lines: tuple[int, int]
    """First line and the line after the last, as markdown-it's ``map``."""
    quote: int = 0
    """How many block quotes it sits in."""
    base: str = "text"
    """Its kind were it not quoted (a thread's replies are often quoted one level deeper
    than what they answer, without being quotations)."""


@dataclass
class _Head:
    """A heading outside any list or quote: a section, the title or a comments header."""

    level: int
    text: str
    lines: tuple[int, int]
    pieces: list[Piece] = field(default_factory=list)


Item = _Leaf | _Head


@dataclass
class _List:
    ordered: bool
    number: int
    depth: int
    pending: str | None = None
    """The marker of the item just opened, until its first line takes it."""


def plain(pieces: Sequence[Piece]) -> str:
    """The text of pieces, links as their text."""
    return "".join(piece if isinstance(piece, str) else piece.text for piece in pieces)


def joined(segments: Sequence[_Segment]) -> list[Piece]:
    """The pieces of consecutive segments, joined as they are joined in the text."""
    pieces: list[Piece] = []
    for index, segment in enumerate(segments):
        if index and segment.joiner:
            pieces.append(segment.joiner)
        pieces.extend(segment.pieces)
    return pieces


class Lines:
    """Line numbers (markdown-it's ``map``) to offsets of the source text."""

    # markdown-it reads "\r\n", "\r" and "\n" as line ends, and nothing else.
    _END = re.compile(r"\r\n?|\n")

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.ends: list[int] = []
        for match in self._END.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))
        self.text = text

    def span(self, first: int, end: int) -> Span:
        """The offsets of lines ``first`` up to ``end`` (excluded), white space trimmed."""
        last = len(self.starts) - 1
        first = min(max(first, 0), last)
        end = min(max(end, first + 1), last + 1)
        start, stop = self.starts[first], self.ends[end - 1]
        while start < stop and self.text[start] in " \t":
            start += 1
        while stop > start and self.text[stop - 1] in " \t":
            stop -= 1
        return start, stop


# --- tokens → items ------------------------------------------------------------------


_SKIPPED_TAGS = ("script", "style")
_OPENING_SKIPPED = re.compile(r"<(script|style)\b[^>]*(?<!/)>", re.IGNORECASE)
_BREAK_TAG = re.compile(r"<br\b", re.IGNORECASE)
# Markers of lists and quotes at a line's start (for text read back from the source).
_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*[ \t]*")
_CELL = " │ "


def _plain_segments(content: str, line: int, last: int) -> list[_Segment]:
    """Text without marks as segments, as markdown-it's ``newline`` rule breaks it: two
    spaces or more at a line's end make a hard break, and a line's lead is dropped."""
    segments = []
    joiner = ""
    lines = content.split("\n")
    for number, text in enumerate(lines):
        if number:
            text = text.lstrip(" \t")
        following = ""
        if number < len(lines) - 1:
            kept = text.rstrip(" ")
            following = "\n" if len(text) - len(kept) >= 2 else " "
            text = kept
        segments.append(_Segment([text] if text else [], min(line + number, last), joiner))
        joiner = following
    return segments


InlineParse = Callable[[str], list[Token]]


def _inline(token: Token, line: int, parse: InlineParse) -> list[_Segment]:
    """An inline token's text as segments: one per source line."""
    last = (token.map[1] - 1) if token.map else line
    children = token.children
    if not children:
        if _INLINE_MARKS.search(token.content) is None:
            return _plain_segments(token.content, line, last)
        children = parse(token.content)
    segments = [_Segment([], line)]
    link: tuple[str, list[str]] | None = None
    skipping: str | None = None

    def out(text: str) -> None:
        if link is not None:
            link[1].append(text)
        else:
            segments[-1].pieces.append(text)

    def new_line(joiner: str) -> None:
        nonlocal line
        line = min(line + 1, last)
        if link is not None:
            link[1].append(" ")  # a link's text stays in one piece
        else:
            segments.append(_Segment([], line, joiner))

    for child in children:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            if skipping is None:
                new_line(" " if kind == "softbreak" else "\n")
            else:
                line = min(line + 1, last)
            continue
        if skipping is not None:
            if kind == "html_inline" and child.content.lower().startswith(f"</{skipping}"):
                skipping = None
            continue
        if kind in ("text", "text_special", "code_inline"):
            out(child.content)
        elif kind == "link_open":
            link = (str(child.attrs.get("href", "")), [])
        elif kind == "link_close":
            if link is not None:
                target, parts = link
                link = None
                text = "".join(parts)
                if text.strip():
                    segments[-1].pieces.append(Linked(text, target))
        elif kind == "image":
            out(_image(child, parse))
        elif kind == "html_inline":
            tag = child.content
            opening = _OPENING_SKIPPED.match(tag)
            if opening is not None:
                skipping = opening.group(1).lower()
            elif _BREAK_TAG.match(tag):
                new_line("\n")
            line = min(line + tag.count("\n"), last)
    return segments


def _image(token: Token, parse: InlineParse) -> str:
    alt = " ".join(plain(segment.pieces) for segment in _inline(token, 0, parse)).strip()
    return f"[image: {alt}]" if alt else ""


def _code_lines(token: Token) -> list[str]:
    lines = token.content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_HTML_SKIPPED = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<[^>]*>")


def _html_text(source: str) -> list[str]:
    """The text of a raw HTML block, line by line: tags, scripts and styles left out."""
    parser = lxml_html.HTMLParser()
    try:
        root = lxml_html.fromstring(f"<div>{source}</div>", parser=parser)
    except (etree.LxmlError, ValueError):
        root = None
    if root is None or any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        # lxml refused it or stopped reading (elements nested hundreds deep): the text
        # without its tags is read by hand, so none of it is lost.
        text = _HTML_TAG.sub(" ", _HTML_SKIPPED.sub(" ", _HTML_COMMENT.sub(" ", source)))
        return unescape(text).split("\n")
    for element in root.iter(*_SKIPPED_TAGS):
        element.drop_tree()
    for element in root.iter(etree.Element):
        if element.tag in _HTML_BLOCKS:
            element.tail = "\n" + (element.tail or "")
        elif element.tag in ("td", "th"):
            element.tail = _CELL + (element.tail or "")
    return str(root.text_content()).split("\n")


_HTML_BLOCKS = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table thead tbody pre blockquote "
    "section article header footer aside nav figure figcaption hr address details "
    "summary form fieldset".split()
)


class _Walker:
    """One pass over the tokens, making the items."""

    def __init__(self, tokens: list[Token], lines: Lines, parse: InlineParse, nesting: int) -> None:
        self.tokens = tokens
        self.parse = parse
        self.source_lines = lines
        self.nesting = nesting
        self.items: list[Item] = []
        self.quote = 0
        self.lists: list[_List] = []
        self.group: _Leaf | None = None  # the outermost list: one paragraph

    def walk(self) -> list[Item]:
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            index = self.step(tokens[index], index)
        return self.items

    def step(self, token: Token, index: int) -> int:
        """Read the token at ``index``; the index of the next token to read."""
        kind = token.type
        lines = tuple(token.map) if token.map else (0, 1)
        if kind == "inline":  # a paragraph's text (its open and close carry nothing)
            self.leaf(_inline(token, lines[0], self.parse), "text", (lines[0], lines[1]))
        elif kind == "heading_open":
            inline = self.tokens[index + 1]
            segments = _inline(inline, lines[0], self.parse)
            if self.group is None and not self.quote:
                pieces = joined([replace(segment, joiner=" ") for segment in segments])
                level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
                self.items.append(_Head(level, plain(pieces), (lines[0], lines[1]), pieces))
            else:
                self.leaf(segments, "text", (lines[0], lines[1]))
            return index + 3
        elif kind in ("fence", "code_block"):
            first = lines[0] + (1 if kind == "fence" else 0)
            code = [
                _Segment([text], first + number, "\n")
                for number, text in enumerate(_code_lines(token))
            ]
            self.leaf(code, "code", (lines[0], lines[1]))
        elif kind == "html_block":
            text = [
                _Segment([line.strip()], lines[0] + number, "\n")
                for number, line in enumerate(_html_text(token.content))
                if line.strip()
            ]
            self.leaf(text, "text", (lines[0], lines[1]))
        elif kind == "table_open":
            return self.table(index)
        elif kind == "blockquote_open":
            self.quote += 1
            return self.recovered(token, index)
        elif kind == "blockquote_close":
            self.quote -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self.open_list(token, lines)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.close_list()
        elif kind == "list_item_open":
            current = self.lists[-1] if self.lists else None
            if current is not None:
                marker = f"{current.number}. " if current.ordered else "• "
                current.number += 1
                current.pending = "  " * (current.depth - 1) + marker
            return self.recovered(token, index)
        return index + 1

    # --- containers -------------------------------------------------------------------

    def open_list(self, token: Token, lines: tuple[int, ...]) -> None:
        if self.lists and self.lists[-1].pending is not None:
            # An item that opens with a list of its own ("- - x"): its marker on a line.
            self.leaf([_Segment([], lines[0])], "text", (lines[0], lines[0] + 1))
        start = token.attrs.get("start", 1)
        number = start if isinstance(start, int) else 1
        self.lists.append(_List(token.type == "ordered_list_open", number, len(self.lists) + 1))
        if self.group is None:
            kind = "quote" if self.quote else "list"
            self.group = _Leaf(kind, [], (lines[0], lines[1]), self.quote, "list")

    def close_list(self) -> None:
        if self.lists:
            self.lists.pop()
        if not self.lists and self.group is not None:
            if self.group.segments:
                self.items.append(self.group)
            self.group = None

    def recovered(self, token: Token, index: int) -> int:
        """A container markdown-it left empty because it is nested too deep: its text is
        read back from the source lines, their list and quote markers taken off."""
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        closes = token.type.replace("_open", "_close")
        if (
            token.level < self.nesting - 1
            or following is None
            or following.type != closes
            or not token.map
        ):
            return index + 1
        first, end = token.map
        source = self.source_lines
        segments = []
        for number in range(first, min(end, len(source.starts))):
            text = source.text[source.starts[number] : source.ends[number]]
            text = _MARKERS.sub("", text, count=1)
            if text.strip():
                segments.append(_Segment([text.strip()], number, "\n"))
        self.leaf(segments, "text", (first, end))
        return index + 1

    def table(self, index: int) -> int:
        """A table's rows, each a line of cells; the index after ``table_open``'s close."""
        tokens = self.tokens
        rows: list[_Segment] = []
        first, end = tokens[index].map or (0, 1)
        cells: list[Piece] = []
        row_line = first
        index += 1
        while index < len(tokens) and tokens[index].type != "table_close":
            token = tokens[index]
            if token.type == "tr_open":
                cells = []
                row_line = token.map[0] if token.map else row_line
            elif token.type == "inline":
                if cells:
                    cells.append(_CELL)
                cells.extend(joined(_inline(token, row_line, self.parse)))
            elif token.type == "tr_close":
                rows.append(_Segment(cells, row_line, "\n"))
            index += 1
        self.leaf(rows, "table", (first, max(end, row_line + 1)))
        return index + 1

    # --- paragraphs -------------------------------------------------------------------

    def leaf(self, segments: list[_Segment], kind: str, lines: tuple[int, int]) -> None:
        """A paragraph's segments: one more paragraph, or lines of the list being read."""
        if not segments:
            return
        group = self.group
        if group is None:
            base = {"code": "code", "table": "list"}.get(kind, "text")
            final = "quote" if self.quote and base != "code" else base
            self.items.append(_Leaf(final, segments, lines, self.quote, base))
            return
        current = self.lists[-1] if self.lists else None
        indent = "  " * (current.depth if current is not None else 0)
        for number, segment in enumerate(segments):
            opening = number == 0
            if opening and current is not None and current.pending is not None:
                lead, current.pending = current.pending, None
            elif opening or segment.joiner == "\n" or kind in ("code", "table"):
                lead = indent
            else:
                group.segments.append(segment)  # a soft break: the same line goes on
                continue
            joiner = "\n" if group.segments else ""
            group.segments.append(_Segment([lead, *segment.pieces], segment.line, joiner))


# --- the post --------------------------------------------------------------------------


def parse_markdown(text: str, source: Source, base_url: str | None = None) -> Post:
    """A Post from Markdown text. Never raises on any str."""
    builder = PostBuilder(source, base_url)
    front = read_front_matter(text)
    markdown = text
    if front is not None:
        # The front matter's lines are blanked, not cut, so markdown-it counts lines
        # as the source does.
        markdown = "\n" * front.lines + text[front.end :]
        builder.title = front.fields.get("title")
        builder.author = front.fields.get("author")
        builder.date = front.fields.get("date")
    lines = Lines(text)
    if front is not None:
        if "title" in front.field_lines:
            builder.title_span = lines.span(
                front.field_lines["title"], front.field_lines["title"] + 1
            )
        if front.rest:
            builder.chrome(front.rest, lines.span(0, front.lines))
    parser = _parser()
    env: dict[str, object] = {}
    tokens = parser.parse(markdown, env)

    def parse(content: str) -> list[Token]:
        return parser.inline.parse(content, parser, env, [])

    items = _Walker(tokens, lines, parse, int(parser.options["maxNesting"])).walk()

    heads = [item for item in items if isinstance(item, _Head)]
    title: _Head | None = None
    if (
        builder.title is None
        and items
        and isinstance(items[0], _Head)
        and items[0].level == 1
        and sum(head.level == 1 for head in heads) == 1
    ):
        title = items[0]  # a single top "#" heading at the start is the title
        builder.title = title.text
        builder.title_span = lines.span(*title.lines)

    from reader.formats.markdown_thread import find_thread

    thread = find_thread(items, lines, source.name)
    for number, item in enumerate(items):
        if item is title:
            continue
        if thread is not None and number in thread.taken:
            if number == thread.first:
                thread.add_to(builder, lines)
            continue
        add_item(builder, item, lines)
    post = builder.build()
    if post.title_inferred:
        # No title given: the first heading, else the file's name (not an opening sentence).
        heading = next((s.title for s in post.sections if not s.title_inferred), None)
        post = replace(post, title=heading or title_from_name(source.name))
    return post


def add_item(builder: PostBuilder, item: Item, lines: Lines) -> None:
    """A heading or a paragraph of the body, to the builder."""
    if isinstance(item, _Head):
        builder.heading(item.text, item.level, lines.span(*item.lines))
    else:
        builder.paragraph(joined(item.segments), item.kind, lines.span(*item.lines))
