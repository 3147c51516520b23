"""A web page's comment thread, read from its markup: the interface only.

This module holds just the interface ``html.py`` calls; ``read_thread`` finds no
thread here. The module that reads threads from markup (repeated comment elements,
nesting by containment) replaces it with the same names and signatures.
"""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html

from reader.formats.build import Piece


@dataclass
class HtmlComment:
    author: str | None
    date: str | None
    paragraphs: list[tuple[list[Piece], str]]
    """(pieces, kind), as ``PostBuilder.comment`` takes them."""
    parent: int | None
    """The index of the comment it replies to, in ``HtmlThread.comments``."""


@dataclass
class HtmlThread:
    comments: list[HtmlComment]
    elements: list[lxml.html.HtmlElement]
    """The thread's elements in the tree: removed before the article is extracted."""
    header: str | None
    """The line that opens the thread ("12 Comments"), when the page has one."""


def read_thread(root: lxml.html.HtmlElement, base_url: str | None) -> HtmlThread | None:
    """The page's comment thread, or None when it has none (here: always None)."""
    return None
