"""One reader per input format, each giving the same Post.

- ``text``: plain text and scrapes (``reader.parse``), its comment thread staged;
- ``markdown``: Markdown through markdown-it-py (``markdown.py``);
- ``html``: a web page, the article through trafilatura and the comment thread from
  the page's markup (``html.py``, ``html_thread.py``), its comments staged.

Which one a document needs is decided once, in ``detect.py``.
"""

from __future__ import annotations

from reader.formats.detect import FORMATS, detect
from reader.model import Source
from reader.staged import PendingPost, ReadPost

__all__ = ["FORMATS", "detect", "read"]


def read(text: str, source: Source, base_url: str | None = None) -> PendingPost:
    """Parse decoded text in the format ``source.format`` names. Never raises on any str."""
    if source.format == "html":
        from reader.formats.html import stage_html

        return stage_html(text, source, base_url)
    if source.format == "markdown":
        from reader.formats.markdown import parse_markdown

        return ReadPost(parse_markdown(text, source, base_url))
    from reader.parse import parse_in_stages

    return parse_in_stages(text, source)
