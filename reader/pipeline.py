"""One call from a path to a parsed Post: load, then parse."""

from __future__ import annotations

from typing import BinaryIO

from reader.load import LoadedText, read_source
from reader.model import Post, Source
from reader.parse import parse_post


def post_from_text(loaded: LoadedText) -> Post:
    source = Source(
        name=loaded.name,
        format="text",
        encoding=loaded.encoding,
        bytes=loaded.byte_size,
        replaced_bytes=loaded.replaced_bytes,
        replaced_controls=loaded.replaced_controls,
    )
    return parse_post(loaded.text, source)


def open_post(path: str, stdin: BinaryIO | None = None) -> Post:
    """Read and parse a post ("-" reads standard input). Raises LoadError."""
    return post_from_text(read_source(path, stdin))
