"""Which reader a document needs: text, Markdown or HTML. Decided once, here.

The file's extension when it names a format, then what the server said it sent, then
the text itself: an HTML document opens with a doctype or an ``<html>``/``<head>`` tag
(after comments and white space); Markdown opens with front matter (YAML or TOML, as
``front_matter.py`` reads it) or shows its own marks (``#`` headings, fenced code,
``[links](…)``, ``[1]: https://…`` definitions), at least two different ones, so that a
scrape with one line starting with "#" stays text.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

FORMATS = ("text", "markdown", "html")

_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".mkdn": "markdown",
    ".txt": "text",
    ".text": "text",
}

_CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}

_HEAD = 4096
_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:p|div|br|a\s+href|h[1-6]|article|span)[\s>/]", re.IGNORECASE)

_SAMPLE = 65_536
_MARKDOWN_MARKS = {
    "atx heading": re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE),
    "setext heading": re.compile(r"^\S.*\n(?:={3,}|-{3,})[ \t]*$", re.MULTILINE),
    "fence": re.compile(r"^(?:```|~~~)", re.MULTILINE),
    "link": re.compile(r"\[[^\]\n]+\]\((?:https?://|/|\.|#)[^)\s]*\)"),
    "emphasis": re.compile(r"(?<![\w*])\*\*[^*\n]+\*\*(?![\w*])|(?<![\w_])__[^_\n]+__(?![\w_])"),
    "list": re.compile(r"^[ \t]{0,3}[-*+][ \t]+\S", re.MULTILINE),
    "code span": re.compile(r"(?<!`)`[^`\n]+`(?!`)"),
    "link definition": re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]+\S", re.MULTILINE),
    # Raw HTML a Markdown author wrote: a block element opening a line.
    "html block": re.compile(
        r"^[ ]{0,3}<(?:div|p|table|details|figure|section|aside|pre|ul|ol)\b[^>\n]*>",
        re.MULTILINE | re.IGNORECASE,
    ),
}


def format_by_name(name: str) -> str | None:
    """The format a file name's extension names, if it names one."""
    return _EXTENSIONS.get(PurePosixPath(name.lower()).suffix)


def format_by_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return _CONTENT_TYPES.get(content_type.split(";")[0].strip().lower())


def format_by_content(text: str) -> str:
    head = text[:_HEAD]
    if _HTML_START.match(head):
        return "html"
    if head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 3:
        return "html"  # a fragment of a page: tags and no head
    if looks_like_markdown(text[:_SAMPLE]):
        return "markdown"
    return "text"


def looks_like_markdown(text: str) -> bool:
    if text.lstrip("\ufeff")[:3] in ("---", "+++"):
        # Loaded only here: a text post, the usual case, opens without paying for it.
        from reader.formats.front_matter import read_front_matter

        if read_front_matter(text) is not None:
            return True
    marks = [name for name, pattern in _MARKDOWN_MARKS.items() if pattern.search(text)]
    headings = "atx heading" in marks or "setext heading" in marks
    return len(marks) >= 3 or (headings and len(marks) >= 2)


def detect(name: str, text: str, content_type: str | None = None) -> str:
    """The format of a document: by its name, then by its content type, then its text."""
    return format_by_name(name) or format_by_content_type(content_type) or format_by_content(text)
