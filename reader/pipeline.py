"""One call from a path to a parsed Post: load, then parse."""

from __future__ import annotations

from typing import BinaryIO

from reader.load import LoadedText, read_source
from reader.model import Post, Source
from reader.parse import StagedPost, parse_in_stages, parse_post


def _source(loaded: LoadedText) -> Source:
    return Source(
        name=loaded.name,
        format="text",
        encoding=loaded.encoding,
        bytes=loaded.byte_size,
        replaced_bytes=loaded.replaced_bytes,
        replaced_controls=loaded.replaced_controls,
    )


def post_from_text(loaded: LoadedText) -> Post:
    return parse_post(loaded.text, _source(loaded))


def open_post(path: str, stdin: BinaryIO | None = None) -> Post:
    """Read and parse a post ("-" reads standard input). Raises LoadError."""
    return post_from_text(read_source(path, stdin))


def open_in_stages(path: str, stdin: BinaryIO | None = None) -> StagedPost:
    """Read and parse a post up to its comment thread, which ``finish()`` reads."""
    loaded = read_source(path, stdin)
    return parse_in_stages(loaded.text, _source(loaded))
