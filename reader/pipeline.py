"""One call from a path to a parsed Post: load (a file, standard input or a URL), find the
format, then parse with that format's reader."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from reader.load import LoadedText, load_bytes, read_source
from reader.model import Post, Source
from reader.staged import PendingPost


@dataclass(frozen=True)
class Document:
    """Loaded text and what is known of where it came from."""

    loaded: LoadedText
    content_type: str | None = None
    """What the server said it sent (for a URL)."""
    url: str | None = None
    """The address it was fetched from, after redirects (for a URL)."""


def is_url(path: str) -> bool:
    return path[:8].lower().startswith(("http://", "https://"))


def read_document(path: str, stdin: BinaryIO | None = None) -> Document:
    """Read a file, standard input ("-") or a URL. Raises LoadError (FetchError for URLs)."""
    if is_url(path):
        from reader.fetch import fetch  # the network stack only when a URL is named

        fetched = fetch(path)
        loaded = load_bytes(fetched.data, fetched.name, fetched.charset)
        return Document(loaded, fetched.content_type, fetched.url)
    return Document(read_source(path, stdin))


def _source(document: Document, as_format: str) -> Source:
    loaded = document.loaded
    return Source(
        name=loaded.name,
        format=as_format,
        encoding=loaded.encoding,
        bytes=loaded.byte_size,
        replaced_bytes=loaded.replaced_bytes,
        replaced_controls=loaded.replaced_controls,
        url=document.url,
        digest=text_digest(loaded.text),
    )


def text_digest(text: str) -> str:
    """The key of a document's remembered place: its text, wherever the file lives."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stage(document: Document, as_format: str | None = None) -> PendingPost:
    """Parse a loaded document (``as_format`` None: detected) up to what can wait."""
    from reader import formats

    loaded = document.loaded
    chosen = as_format or _detected(document)
    return formats.read(loaded.text, _source(document, chosen), base_url=document.url)


def _detected(document: Document) -> str:
    from reader import formats
    from reader.formats.detect import format_by_content_type

    loaded = document.loaded
    if document.url is not None:
        # From the web, a content type that names a format outranks the address's
        # suffix: a code host's page for README.md is HTML, and a route such as
        # /post.php can serve anything.
        by_type = format_by_content_type(document.content_type)
        if by_type is not None:
            return by_type
    return formats.detect(loaded.name, loaded.text, document.content_type)


def post_from_text(loaded: LoadedText, as_format: str | None = None) -> Post:
    return stage(Document(loaded), as_format).finish()


def open_post(path: str, stdin: BinaryIO | None = None, as_format: str | None = None) -> Post:
    """Read and parse a post ("-" reads standard input). Raises LoadError."""
    return stage(read_document(path, stdin), as_format).finish()


def open_in_stages(
    path: str, stdin: BinaryIO | None = None, as_format: str | None = None
) -> PendingPost:
    """Read and parse a post up to its comment thread, which ``finish()`` reads."""
    return stage(read_document(path, stdin), as_format)
