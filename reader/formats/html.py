"""A web page → Post: the article through trafilatura, the thread from the markup.

The page is parsed once, with lxml (libxml2 mends broken markup). The comment thread is
read from that tree first (``html_thread.py``) and cut out of it, with the elements the
page hides; images become their alt text; trafilatura then extracts the article from
what is left, as its XML
(``head``, ``p``, ``list``, ``quote``, ``code``, ``table``, ``ref``, ``graphic``), which
keeps the structure its plain text loses. No library turns that XML into our model, so
the walk from it to the builder is written here. The title is the one the page declares
for itself (``og:title``, its ``h1``, its ``<title>`` less the site's name); author, date
and site are trafilatura's reading of the page's metadata.

When the page has no thread in its markup, trafilatura's comments text (its own reading
of the page's comments) goes through the plain-text thread reader.

Whatever goes wrong (libxml2 stops at 2048 nested elements and drops the rest; the
extraction can fail on odd pages), the page is still read: as its text, paragraph by
paragraph. Never a traceback.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable
from configparser import ConfigParser
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from reader.formats.build import Linked, Piece, PostBuilder, clean_line
from reader.formats.html_thread import FoundThread, HtmlComment, find_thread
from reader.load import control_placeholder
from reader.model import CommentsHeader, Post, Source
from reader.staged import PendingPost, ReadPost

# trafilatura logs every page it gives up on; that is ours to handle, not to print.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_PARSER_OPTIONS = {
    "huge_tree": True,  # text nodes over 10 MB and nesting past 256 (up to 2048)
    "remove_comments": True,
    "remove_pis": True,
    "collect_ids": False,
    "default_doctype": False,
    "encoding": "utf-8",
}

# Control characters, raw or written as character references (``&#27;`` is an ESC):
# lxml refuses to store them and so would trafilatura's copy of the tree, and they must
# not reach a terminal anyway. They become the placeholders the loader uses.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_REFERENCE = re.compile(
    r"&#(?:[xX]0*([0-9a-fA-F]{1,2})(?![0-9a-fA-F])|0*(\d{1,3})(?!\d));?"
)

# What the page does not show. (Scripts and styles trafilatura drops itself, and it reads
# the JSON-LD scripts for the metadata; the fallback reader skips them.)
_UNSEEN = etree.XPath(
    "//template | //body//*[@hidden or @aria-hidden='true'"
    " or contains(translate(@style, 'DISPLAYNOEVSBTH ', 'displaynoevsbth'), 'display:none')"
    " or contains(translate(@style, 'DISPLAYNOEVSBTH ', 'displaynoevsbth'), 'visibility:hidden')]"
)
_META = etree.XPath(
    "//meta[@property=$name or @name=$name]/@content",
)
_H1 = etree.XPath("//body//h1")
_TITLE = etree.XPath("(//title[not(ancestor::svg)])[1]")
# Images in the text; not those of a heading (an icon), nor the decorative ones.
_IMAGES = etree.XPath(
    "//body//img[normalize-space(@alt) != '' and not(@role='presentation')"
    " and not(ancestor::h1 or ancestor::h2 or ancestor::h3 or ancestor::h4 or ancestor::h5"
    " or ancestor::h6)]"
)
_BASE = etree.XPath("(//base/@href)[1]")
_CANONICAL = etree.XPath("(//link[@rel='canonical']/@href)[1]")

# Below this many characters (250 by default) trafilatura distrusts its extraction and
# takes its baseline's, which runs all the text into one paragraph, headline included.
# A post of a few sentences keeps its paragraphs; below a couple of lines the fallback
# extractors are still tried (lower, pages with a short teaser lose their article).
_MIN_EXTRACTED_SIZE = 150

# trafilatura's inline elements; any other element of its XML is a block.
_INLINE = frozenset({"hi", "ref", "graphic", "lb", "del", "span", "sub", "sup"})
_BULLETS = ("•", "◦", "▪")
_CELL = " │ "

# Between a title and its site's name: a bar or a guillemet, or a dash, colon or slash
# with space around it ("Star Trek: Picard" is one title); a run of them is one.
_TITLE_SEPARATOR = re.compile(r"(?:\s*[|·»«›‹]\s*|\s+[\-–—:/~]+\s+)+")
_ALNUM = re.compile(r"[\W_]+")


def parse_html(text: str, source: Source, base_url: str | None = None) -> Post:
    """A web page's decoded text → Post. Never raises on any str."""
    return stage_html(text, source, base_url).finish()


def stage_html(text: str, source: Source, base_url: str | None = None) -> PendingPost:
    """A web page read up to its comments: the article, its metadata and where the
    thread is; ``finish()`` reads the comments. Never raises on any str."""
    text = _sanitise(text)
    try:
        root = _parse_tree(text)
        if root is None:
            return ReadPost(_plain_page(text, source, base_url))
        return _read_page(root, source, base_url)
    # The page is hostile input and trafilatura a large library: whatever the tree or
    # the extraction raises (a RecursionError included), the page is read as its text.
    except Exception:
        return ReadPost(_plain_page(text, source, base_url))


class _StagedPage:
    """The article built, the thread found; its comments read by ``finish()``."""

    def __init__(self, builder: PostBuilder, thread: FoundThread) -> None:
        self._builder = builder
        self._thread = thread
        self._body = builder.build()
        self._whole: Post | None = None

    @property
    def body(self) -> Post:
        return self._body

    @property
    def comments_pending(self) -> int:
        return 0 if self._whole is not None else max(1, self._thread.expected)

    def finish(self) -> Post:
        if self._whole is None:
            try:
                comments = self._thread.read()
            except Exception:  # hostile markup: the thread's words are kept as chrome
                comments = []
                for element in self._thread.elements:
                    self._builder.chrome(_squash(element.text_content()))
            _add_comments(self._builder, comments)
            self._whole = self._builder.build()
        return self._whole


def _sanitise(text: str) -> str:
    text = _CONTROL.sub(lambda match: control_placeholder(match.group()), text)
    if "&#" in text:
        text = _CONTROL_REFERENCE.sub(_control_reference, text)
    return text


def _control_reference(match: re.Match[str]) -> str:
    value = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if value > 0x9F or value in (0x09, 0x0A, 0x0D) or 0x20 <= value < 0x7F:
        return match.group()
    if value >= 0x80:
        try:  # what browsers show for &#150; and its kind: the Windows-1252 character
            return bytes([value]).decode("cp1252")
        except UnicodeDecodeError:
            pass
    return control_placeholder(chr(value))


def _parse_tree(text: str) -> lxml.html.HtmlElement | None:
    """The page's tree; None when there is nothing to parse or libxml2 stopped early."""
    if not text.strip():
        return None
    parser = lxml.html.HTMLParser(**_PARSER_OPTIONS)
    root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return None  # nested too deep: everything after that point is lost
    return root


# --- the page as a tree -----------------------------------------------------------------


def _read_page(root: lxml.html.HtmlElement, source: Source, base_url: str | None) -> PendingPost:
    from trafilatura import bare_extraction
    from trafilatura.settings import Document, set_date_params

    base = _base(root, base_url)
    thread = find_thread(root, base)
    if thread is not None:
        _drop(thread.elements)
    _drop(_UNSEEN(root))
    title = _page_title(root, _site_names(root, base))
    _images_as_text(root)

    document = bare_extraction(
        root,
        url=base,
        output_format="xml",
        include_comments=thread is None,
        include_formatting=True,
        include_links=True,
        # Images are read as their alt text (above): trafilatura's own image mode keeps
        # whole figures and their captions, which are seldom the article's text.
        include_images=False,
        include_tables=True,
        with_metadata=True,
        # The date from the markup only (meta tags, <time>, the address): htmldate's
        # extensive search guesses from years written in the text ("2023" becomes
        # 2023-01-01), and a wrong date shown under a title is worse than none.
        date_extraction_params=set_date_params(False),
        config=_extraction_config(),
    )
    if not isinstance(document, Document) or not isinstance(document.body, etree._Element):
        return _plain_tree(root, source, base, title, thread)
    builder = PostBuilder(source, base)
    builder.title = title or document.title
    builder.author, builder.date, builder.site = document.author, document.date, document.sitename
    _ArticleWalker(builder, builder.title).walk(document.body)
    if thread is not None:
        _add_header(builder, thread.header)
        return _StagedPage(builder, thread)
    if isinstance(document.commentsbody, etree._Element) and len(document.commentsbody):
        _add_text_thread(builder, _blocks_text(document.commentsbody))
    return ReadPost(builder.build())


def _base(root: lxml.html.HtmlElement, base_url: str | None) -> str | None:
    """What the page's links are relative to: its own ``<base>`` against where it was
    read from; for a saved page, where it says it lives (canonical link, og:url)."""
    declared = _first(_BASE(root))
    if base_url is None:
        base_url = _first(_CANONICAL(root)) or _first(_META(root, name="og:url"))
        if base_url and urlsplit(base_url).scheme not in ("http", "https"):
            base_url = None
    if declared:
        try:
            return urljoin(base_url or "", declared) or base_url
        except ValueError:
            return base_url
    return base_url


def _first(found: object) -> str | None:
    if isinstance(found, list):
        for value in found:
            text = clean_line(str(value))
            if text:
                return text
    return None


def _drop(elements: Iterable[lxml.html.HtmlElement]) -> None:
    """Take elements out of the tree, keeping the text that follows each."""
    for element in elements:
        if element.getparent() is not None:
            element.drop_tree()


def _images_as_text(root: lxml.html.HtmlElement) -> None:
    """Each image with alt text becomes that text, ``[image: alt]``, where it stood (as a
    terminal browser shows it), so it stays wherever the text around it is kept."""
    for image in list(_IMAGES(root)):
        alt = clean_line(str(image.get("alt") or ""))
        parent = image.getparent()
        if alt and parent is not None:
            text = f" [image: {alt}] "
            before = image.getprevious()
            if before is not None:
                before.tail = (before.tail or "") + text
            else:
                parent.text = (parent.text or "") + text
        image.drop_tree()


def _plain_tree(
    root: lxml.html.HtmlElement,
    source: Source,
    base: str | None,
    title: str | None,
    thread: FoundThread | None,
) -> PendingPost:
    """The extraction found no article: the (cleaned) page read as its text."""
    from trafilatura.metadata import extract_metadata

    builder = PostBuilder(source, base)
    metadata = extract_metadata(root, base)
    builder.author, builder.date, builder.site = metadata.author, metadata.date, metadata.sitename
    builder.title = title or metadata.title
    page = _PageText()
    page.feed(lxml.html.tostring(root, encoding="unicode"))
    page.close()
    for paragraph in page.paragraphs():
        builder.paragraph(paragraph)
    if thread is not None:
        _add_header(builder, thread.header)
        return _StagedPage(builder, thread)
    return ReadPost(builder.build())


# --- the title --------------------------------------------------------------------------


def _page_title(root: lxml.html.HtmlElement, sites: Iterable[str | None]) -> str | None:
    """The title the page declares (see ``_declared_title``), read from its tree."""
    heading = next(
        (text for text in (clean_line(h1.text_content()) for h1 in _H1(root)) if text), None
    )
    titles = _TITLE(root)
    return _declared_title(
        _first(_META(root, name="og:title")),
        heading,
        _first(_META(root, name="twitter:title")),
        clean_line(titles[0].text_content()) if titles else None,
        sites,
    )


def _declared_title(
    og_title: str | None,
    heading: str | None,
    twitter_title: str | None,
    title: str | None,
    sites: Iterable[str | None],
) -> str | None:
    """The title the page declares: its ``og:title``, else its first ``h1``, else its
    ``twitter:title``, else its ``<title>`` less the part that names the site."""
    return og_title or heading or twitter_title or (_without_site(title, sites) if title else None)


def _site_names(root: lxml.html.HtmlElement, base: str | None) -> list[str | None]:
    names: list[str | None] = [
        _first(_META(root, name="og:site_name")),
        _first(_META(root, name="application-name")),
    ]
    if base:
        try:
            host = urlsplit(base).hostname or ""
        except ValueError:
            host = ""
        names.append(host.removeprefix("www.") or None)
    return names


def _without_site(title: str, sites: Iterable[str | None]) -> str:
    """``TITLE | Site`` → ``TITLE`` (and ``Site - TITLE``), when the end part names the
    site; a title whose parts do not name it is kept whole."""
    names: set[str] = set()
    for site in sites:
        if site:  # "example.com" names the site "example" too
            names.update({_squash(site), _squash(site.rsplit(".", 1)[0])})
    names.discard("")
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators or not names:
        return title
    last, first = separators[-1], separators[0]
    if _names_site(title[last.end() :], names):
        return title[: last.start()].strip() or title
    if _names_site(title[: first.start()], names):
        return title[first.end() :].strip() or title
    return title


def _squash(text: str) -> str:
    return _ALNUM.sub("", text.casefold())


def _names_site(part: str, names: set[str]) -> bool:
    squashed = _squash(part)
    if len(squashed) < 3:
        return False
    return any(
        squashed == name or (len(name) >= 3 and (name in squashed or squashed in name))
        for name in names
    )


# --- the article: trafilatura's XML to the builder --------------------------------------


class _ArticleWalker:
    """One pass over trafilatura's XML (``iterwalk``: no recursion however deep)."""

    def __init__(self, builder: PostBuilder, title: str | None) -> None:
        self.builder = builder
        self.title = _squash(title or "")
        self.pieces: list[Piece] = []
        self.in_paragraph = 0
        self.in_quote = 0
        self.started = False  # something of the article has been added

    def walk(self, body: etree._Element) -> None:
        walker = etree.iterwalk(body, events=("start", "end"))
        for event, element in walker:
            tag = element.tag
            if not isinstance(tag, str):
                if event == "end":
                    self.text(element.tail)
                continue
            if event == "start":
                if element is body:
                    self.text(element.text)
                elif self.start(element, tag):
                    walker.skip_subtree()
            elif element is not body:
                self.end(tag)
                self.text(element.tail)
        self.flush()

    def text(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)

    def flush(self) -> None:
        pieces, self.pieces = self.pieces, []
        if any(piece.strip() if isinstance(piece, str) else piece.text.strip() for piece in pieces):
            self.builder.paragraph(pieces, "quote" if self.in_quote else "text")
            self.started = True

    def start(self, element: etree._Element, tag: str) -> bool:
        """Handle an element's start; True when its subtree has been read whole."""
        if tag == "ref":
            self.pieces.append(_link(element))
            return True
        if tag == "graphic":
            alt = _alt(element)
            if alt and self.in_paragraph:
                self.pieces.append(f" {alt} ")
            elif alt:
                self.flush()
                self.builder.paragraph(alt)
            return True
        if tag == "lb":
            self.text("\n")
            return True
        if tag in _INLINE or (tag == "code" and self.in_paragraph):
            self.text(element.text)
            return False
        self.flush()
        if tag == "head":
            self.heading(element)
            return True
        if tag == "list":
            self.add(_list_pieces(element), "list")
            return True
        if tag == "table":
            self.add(_table_pieces(element), "list")
            return True
        if tag == "code":
            self.add([_code_text(element)], "code")
            return True
        if tag == "p":
            self.in_paragraph += 1
        elif tag == "quote":
            self.in_quote += 1
        self.text(element.text)
        return False

    def end(self, tag: str) -> None:
        if tag in _INLINE or (tag == "code" and self.in_paragraph):
            return
        self.flush()
        if tag == "p":
            self.in_paragraph -= 1
        elif tag == "quote":
            self.in_quote -= 1

    def add(self, pieces: list[Piece], kind: str) -> None:
        self.builder.paragraph(pieces, kind)
        self.started = True

    def heading(self, element: etree._Element) -> None:
        text = clean_line("".join(element.itertext()))
        if not self.started and self.title and _squash(text) == self.title:
            return  # the post's own title, which the post already has
        rend = str(element.get("rend") or "")
        rank = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
        self.builder.heading(text, rank)
        self.started = True


def _link(element: etree._Element) -> Piece:
    text = "".join(element.itertext())
    if not text.strip():
        text = " ".join(_alt(image) for image in element.iter("graphic")).strip()
    target = element.get("target")
    return Linked(text, str(target)) if target else text


def _alt(element: etree._Element) -> str:
    alt = clean_line(str(element.get("alt") or ""))
    return f"[image: {alt}]" if alt else ""


def _list_pieces(root: etree._Element) -> list[Piece]:
    """A list, one item a line: ``• item``, ``1. item``; a nested list's items follow
    their item with the next bullet (``◦``); a definition's term stands unmarked."""
    pieces: list[Piece] = []
    numbers: list[int | None] = []  # per open list: the next number, None for bullets
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "end":
            if tag == "list" and numbers:
                numbers.pop()
            if element is not root and element.tail:
                pieces.append(element.tail)
            continue
        if tag == "list":
            numbers.append(1 if element.get("rend") == "ol" else None)
        elif tag == "item":
            rend = str(element.get("rend") or "")
            number = numbers[-1] if numbers else None
            if rend.startswith("dt"):
                marker = ""
            elif number is not None:
                marker = f"{number}. "
                numbers[-1] = number + 1
            else:
                marker = _BULLETS[min(max(len(numbers) - 1, 0), len(_BULLETS) - 1)] + " "
            pieces.append("\n" + marker)
        elif tag in ("ref", "graphic", "lb"):
            pieces.append(_inline_leaf(element, tag))
            walker.skip_subtree()
            continue
        elif tag in ("p", "head", "quote", "code", "row") and len(pieces) > 0:
            pieces.append(" ")
        if element.text:
            pieces.append(element.text)
    return pieces


def _table_pieces(root: etree._Element) -> list[Piece]:
    """A table, one row a line, its cells joined by ``│``; rows with no text left out."""
    pieces: list[Piece] = []
    rows: list[list[list[Piece]]] = []  # the open rows (a cell may hold a table)
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "start":
            if tag == "row":
                rows.append([])
            elif tag == "cell" and rows:
                rows[-1].append([])
            if tag in ("ref", "graphic", "lb"):
                _cell_add(rows, _inline_leaf(element, tag))
                walker.skip_subtree()
            elif element.text:
                _cell_add(rows, element.text)
            continue
        if tag == "row" and rows:
            cells = rows.pop()
            if any(_has_text(cell) for cell in cells):
                pieces.append("\n")
                for index, cell in enumerate(cells):
                    if index:
                        pieces.append(_CELL)
                    pieces.extend(cell)
        if element is not root and element.tail:
            _cell_add(rows, element.tail)
    return pieces


def _cell_add(rows: list[list[list[Piece]]], piece: Piece) -> None:
    if rows and rows[-1]:
        rows[-1][-1].append(piece)
    elif rows:
        rows[-1].append([piece])


def _has_text(pieces: list[Piece]) -> bool:
    return any((piece if isinstance(piece, str) else piece.text).strip() for piece in pieces)


def _inline_leaf(element: etree._Element, tag: str) -> Piece:
    if tag == "ref":
        return _link(element)
    if tag == "graphic":
        return f" {_alt(element)} "
    return " "


def _code_text(root: etree._Element) -> str:
    """Code as written: its text, line breaks kept."""
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if element.tag == "lb":
                parts.append("\n")
            elif element.text:
                parts.append(element.text)
        elif element is not root and element.tail:
            parts.append(element.tail)
    return "".join(parts)


# --- the comment thread -----------------------------------------------------------------


def _add_header(builder: PostBuilder, header: str | None) -> None:
    if header:
        header = clean_line(header)
        builder.comments_header = CommentsHeader(header, declared_count(header), (0, 0))


def _add_comments(builder: PostBuilder, comments: list[HtmlComment]) -> None:
    for comment in comments:
        builder.comment(
            [(pieces, kind) for pieces, kind in comment.paragraphs],
            author=comment.author,
            date=comment.date,
            parent=comment.parent,
        )


_COUNT = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f]\d{3})+(?!\d)|\d+")
_COUNT_WORDS = {
    word: value
    for value, word in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve".split()
    )
}


def declared_count(header: str) -> int | None:
    """The number of comments a header states ("1,204 Comments", "One Reply"), if any."""
    found = _COUNT.search(header)
    if found:
        return int(re.sub(r"\D", "", found.group()))
    for word in re.findall(r"[a-z]+", header.casefold()):
        if word in _COUNT_WORDS:
            return _COUNT_WORDS[word]
    return None


def _blocks_text(body: etree._Element) -> str:
    """trafilatura's comments as text, a blank line between its blocks, as the text
    parser reads paragraphs."""
    blocks = (" ".join("".join(block.itertext()).split()) for block in body)
    return "\n\n".join(block for block in blocks if block)


def _add_text_thread(builder: PostBuilder, text: str) -> None:
    """trafilatura's comments text, read by the plain-text thread reader. Text it does
    not read as comments (a lone "Leave a comment", comments with no byline to tell
    them apart) is set aside as chrome rather than lost."""
    from reader.parse import parse_post

    if not text.strip():
        return
    post = parse_post(text)
    numbers: dict[str, int] = {}
    for comment in post.comments:
        numbers[comment.id] = builder.comment(
            [(paragraph.text, paragraph.kind) for paragraph in comment.paragraphs],
            author=comment.author,
            date=comment.date,
            parent=numbers.get(comment.parent) if comment.parent else None,
            label=comment.label,
        )
    if post.comments_header is not None:
        header = post.comments_header
        builder.comments_header = CommentsHeader(header.text, header.declared_count, (0, 0))
    leftover = [post.title] if not post.title_inferred else []
    for section in post.sections:
        if not section.title_inferred:
            leftover.append(section.title)
        leftover.extend(paragraph.text for paragraph in section.paragraphs)
    leftover.extend(item.text for item in post.boilerplate)
    for part in leftover:
        builder.chrome(part)


# --- the page as text: when there is no tree to read ------------------------------------


def _plain_page(text: str, source: Source, base_url: str | None) -> Post:
    """The page's text, paragraph by paragraph, its ``<title>`` the title."""
    builder = PostBuilder(source, base_url)
    page = _PageText()
    try:
        page.feed(text)
        page.close()
    except Exception:  # html.parser is lenient; this is the last line of defence
        pass
    builder.title = page.title(base_url)
    for paragraph in page.paragraphs():
        builder.paragraph(paragraph)
    return builder.build()


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_SKIPPED = frozenset({"script", "style", "template", "noscript", "svg", "head"})
_BREAKS = frozenset(
    (
        "address article aside blockquote body br dd details div dl dt fieldset figcaption"
        " figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table"
        " td th tr ul"
    ).split()
)
_TITLE_META = frozenset({"og:title", "twitter:title", "og:site_name", "application-name"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class _PageText(HTMLParser):
    """The text a page shows, without a tree: the standard library's tokenizer holds
    no nesting, so any depth is read. Open elements are kept on a list (a hidden or
    script element hides what is inside it until it closes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}  # og:title and the like: the first of each
        self.heading: str | None = None  # the first h1 with text
        self.heading_parts: list[str] | None = None  # while in an h1
        self.open: list[str] = []
        self.counts: dict[str, int] = {}  # how many of each tag are open, to close fast
        self.hidden_from: int | None = None  # the depth at which hiding began
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n\n")
        if tag == "title":
            self.in_title = True
        elif tag == "meta":
            values = dict(attrs)
            name = values.get("property") or values.get("name")
            if name in _TITLE_META and values.get("content"):
                self.meta.setdefault(name, str(values["content"]))
        elif tag == "h1" and self.heading is None and self.hidden_from is None:
            self.heading_parts = []
        if tag in _VOID:
            return
        self.open.append(tag)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if self.hidden_from is None and (tag in _SKIPPED or _hides(attrs)):
            self.hidden_from = len(self.open)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag == "h1" and self.heading_parts is not None:
            self.heading = clean_line("".join(self.heading_parts)) or None
            self.heading_parts = None
        if tag in _BREAKS:
            self.parts.append("\n\n")
        if not self.counts.get(tag):
            return  # a stray end tag
        while self.open:
            closed = self.open.pop()
            self.counts[closed] -= 1
            if closed == tag:
                break
        if self.hidden_from is not None and len(self.open) < self.hidden_from:
            self.hidden_from = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        elif self.hidden_from is None:
            self.parts.append(data)
            if self.heading_parts is not None:
                self.heading_parts.append(data)

    def title(self, base: str | None) -> str | None:
        """The title the page declares, as ``_page_title`` reads it from a tree."""
        meta = {name: clean_line(value) for name, value in self.meta.items()}
        sites = [meta.get("og:site_name"), meta.get("application-name")]
        if base:
            sites.append(urlsplit(base).hostname)
        return _declared_title(
            meta.get("og:title"),
            self.heading,
            meta.get("twitter:title"),
            clean_line("".join(self.title_parts)) or None,
            sites,
        )

    def paragraphs(self) -> list[str]:
        return [part for part in re.split(r"\n\s*\n", "".join(self.parts)) if part.strip()]


def _hides(attrs: list[tuple[str, str | None]]) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "aria-hidden" and value == "true"):
            return True
        if name == "style" and value and _HIDDEN_STYLE.search(value):
            return True
    return False


@functools.cache
def _extraction_config() -> ConfigParser:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(_MIN_EXTRACTED_SIZE))
    return config
