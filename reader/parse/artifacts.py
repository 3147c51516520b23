"""Scrape debris glued into text: image captions and file names.

They are marked, never removed, so the reader can dim or hide them.
"""

from __future__ import annotations

import re

from reader.model import Artifact

# "…a complete minefield.falklands-minefield1": a file-name stem glued after a sentence.
_AFTER_SENTENCE = re.compile(r"(?<=[a-z][.!?])[A-Za-z][A-Za-z_-]*[0-9]+[A-Za-z0-9_-]*(?=\s|$)")
# "image013We are…": a camera or CMS file stem glued to the next word.
_BEFORE_WORD = re.compile(
    r"(?<![\w@#/.])(?i:image|img|dsc|dscn|pic|photo|screenshot|screen-shot|untitled|capture)"
    r"[-_]?[0-9]+[A-Za-z0-9_-]*?(?=[A-Z][a-z])"
)
# "falklands-minefield1.jpg": a bare image file name.
_FILE_NAME = re.compile(r"(?<![\w/@.-])[\w-]+\.(?:jpe?g|png|gif|webp|bmp|tiff?)\b", re.IGNORECASE)


# Every artifact holds a digit or an image extension; most paragraphs hold neither.
_IMAGE_EXTENSION = re.compile(r"(?i)\.(?:jpe?g|png|gif|webp|bmp|tif)")


def _has_digit(text: str) -> bool:
    # Spelled out: ten substring tests beat a regex or any() by several times here.
    return (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    )


def find_artifacts(text: str) -> tuple[Artifact, ...]:
    """Artifacts in a paragraph's display text, in order, not overlapping."""
    if not _has_digit(text) and not _IMAGE_EXTENSION.search(text):
        return ()
    found: list[Artifact] = []
    for pattern, kind in (
        (_AFTER_SENTENCE, "image-caption"),
        (_BEFORE_WORD, "image-caption"),
        (_FILE_NAME, "image-file"),
    ):
        for match in pattern.finditer(text):
            found.append(Artifact(kind, match.group(), match.start(), match.end()))
    if len(found) < 2:
        return tuple(found)
    found.sort(key=lambda artifact: artifact.start)
    kept = [found[0]]
    for artifact in found[1:]:
        if artifact.start >= kept[-1].end:
            kept.append(artifact)
    return tuple(kept)
