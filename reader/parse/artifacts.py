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


def digit_positions(text: str, limit: int = 20_000) -> list[int] | None:
    """Sorted offsets of every ASCII digit, or None when there are more than ``limit``.

    Ten substring searches run at memory speed, where a regex walks every character;
    on a book with a few hundred digits this finds the paragraphs worth a closer look.
    """
    positions: list[int] = []
    for digit in "0123456789":
        position = text.find(digit)
        while position >= 0:
            positions.append(position)
            if len(positions) > limit:
                return None
            position = text.find(digit, position + 1)
    positions.sort()
    return positions


def may_hold_file_names(text: str) -> bool:
    """Whether any image extension occurs at all (one pass over a whole source)."""
    return _IMAGE_EXTENSION.search(text) is not None


def find_artifacts(text: str, file_names: bool = True) -> tuple[Artifact, ...]:
    """Artifacts in a paragraph's display text, in order, not overlapping.

    Every artifact is one white-space-free token holding a digit or an image extension,
    so only the tokens around those are matched (``file_names=False`` skips the
    extension search, for sources known to hold none).
    """
    hints = digit_positions(text, limit=len(text)) or []
    if file_names:
        hints += [match.start() for match in _IMAGE_EXTENSION.finditer(text)]
        hints.sort()
    found: list[Artifact] = []
    token_end = -1
    for hint in hints:
        if hint < token_end:
            continue  # in the token just looked at
        token_start = hint
        while token_start > 0 and not text[token_start - 1].isspace():
            token_start -= 1
        token_end = hint
        while token_end < len(text) and not text[token_end].isspace():
            token_end += 1
        for pattern, kind in (
            (_AFTER_SENTENCE, "image-caption"),
            (_BEFORE_WORD, "image-caption"),
            (_FILE_NAME, "image-file"),
        ):
            for match in pattern.finditer(text, token_start, token_end):
                found.append(Artifact(kind, match.group(), match.start(), match.end()))
    if len(found) < 2:
        return tuple(found)
    found.sort(key=lambda artifact: artifact.start)
    kept = [found[0]]
    for artifact in found[1:]:
        if artifact.start >= kept[-1].end:
            kept.append(artifact)
    return tuple(kept)
