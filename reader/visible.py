"""Characters that change how text looks without being seen, shown as visible marks.

Bidi embeddings, overrides and isolates reorder what follows them on screen (the
"Trojan Source" trick); zero-width spaces, word joiners and stray byte-order marks hide
a difference between two words that look alike. The model keeps them as written (the
JSON dump has the source's text); the reader draws each as one visible character, so
every offset into the text (wrapping, search matches) stays the same. The outline and
``--search`` output, read in a terminal too, are marked the same way.

Zero-width joiners and non-joiners are left alone: emoji sequences and several scripts
need them, and they cannot reorder or hide anything.
"""

from __future__ import annotations

import re

BIDI_MARK = "⇄"
"""Drawn for an embedding, override or isolate (U+202A–U+202E, U+2066–U+2069)."""
ZERO_WIDTH_MARK = "⦙"
"""Drawn for a zero-width space, word joiner or byte-order mark inside the text."""

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u2060\ufeff"
_MARKS = str.maketrans(
    {
        **dict.fromkeys(_BIDI, BIDI_MARK),
        **dict.fromkeys(_ZERO_WIDTH, ZERO_WIDTH_MARK),
        # A tab would move the terminal's cursor to its own tab stop and shift the row.
        "\t": " ",
    }
)
_HIDDEN = re.compile(f"[\t{_BIDI}{_ZERO_WIDTH}]")


def visible(text: str) -> str:
    """The text as the reader draws it: same length, hidden characters marked, tabs as
    spaces."""
    # Almost no text holds one: a scan is far cheaper than a translate.
    if _HIDDEN.search(text) is None:
        return text
    return text.translate(_MARKS)
