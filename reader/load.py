"""bytes → text: decode, normalise newlines, neutralise control characters.

The result is safe to show in a terminal: no ESC, no C0 or C1 control reaches the
screen, because Textual passes them straight through.
"""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


class LoadError(Exception):
    """The input cannot be read as text. The message is one line for the user."""


@dataclass(frozen=True)
class LoadedText:
    """Decoded, normalised text and what it took to get there."""

    text: str
    name: str
    encoding: str
    byte_size: int
    replaced_bytes: int = 0
    replaced_controls: int = 0


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls except \t and \n (\r is gone by then), DEL, and C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES = re.compile("\r\n|\r|\x85|\u2028|\u2029")
_NON_ASCII = re.compile("[^\x00-\x7f]")

# Share of undecodable bytes above which "mostly UTF-8" is really something else.
_MAX_BAD_UTF8_SHARE = 0.01
# Share of control characters above which the input is treated as binary.
_MAX_CONTROL_SHARE = 0.05


def control_placeholder(char: str) -> str:
    """A visible stand-in: the Unicode control picture (␛ for ESC), or ⍰ for C1."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\u2370"


def _looks_like_utf16(data: bytes) -> str | None:
    """Spot BOM-less UTF-16 by its NUL bytes on one side of each pair."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _utf8_damage(data: bytes) -> tuple[str, int, int]:
    """Read as UTF-8 with replacement: (text, broken sequences, valid non-ASCII chars)."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(_NON_ASCII.findall(text)) - text.count("\ufffd")
    return text, broken, non_ascii


# Languages written in the Latin alphabet that cp1252 covers: for text detected as one
# of these, a clean cp1252 reading beats a DOS or Mac code page that scores a little
# better on letter statistics (charset-normalizer judges on few non-ASCII letters).
_WESTERN_LANGUAGES = frozenset(
    "English German French Spanish Portuguese Italian Dutch Danish Swedish Norwegian "
    "Finnish Indonesian Catalan".split()
)


# A Latin-1 symbol (¹ ³ ¿ ¼ ª …) between two letters: what Central European or other
# single-byte text looks like when it is misread as cp1252 ("Za¿ó³æ").
_MISREAD_AS_CP1252 = re.compile(
    "(?<=[A-Za-z\u00c0-\u00ff])[\u00a1-\u00bf](?=[A-Za-z\u00c0-\u00ff])"
)


def _cp1252_reading(data: bytes) -> str | None:
    """The text as cp1252, when every byte is defined there and no symbol sits in a word."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return None if _MISREAD_AS_CP1252.search(text) else text


def _guess_legacy(data: bytes) -> str | None:
    """Detect a legacy encoding, preferring cp1252 (the web's default) for Western text."""
    from charset_normalizer import from_bytes  # only needed off the UTF-8 path

    best = from_bytes(data).best()
    reading = _cp1252_reading(data)
    if best is None:
        return "cp1252" if reading is not None else None
    if best.encoding == "cp1252" or best.multi_byte_usage or reading is None:
        return best.encoding
    western = best.language in _WESTERN_LANGUAGES or best.language == "Unknown"
    # Curly quotes, dashes and the like but no accented letter: nothing to tell the
    # code pages apart by, and cp1252 is what such a page was written in.
    punctuation_only = not any(char.isalpha() for char in _NON_ASCII.findall(reading))
    return "cp1252" if western or punctuation_only else best.encoding


# Labels that mean windows-1252 on the web (as browsers read them): the C1 range of
# ISO-8859-1 is control characters, and pages labelled so mean cp1252's quotes there.
_MEANS_CP1252 = frozenset({"ascii", "latin_1", "iso8859-1"})
_ASCII_PRINTABLE = bytes(range(0x20, 0x7F))
# Python codecs that turn ASCII into something else (escapes, domain names): no page's
# charset, whatever its label says.
_NOT_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "charmap"})


def declared_codec(label: str | None) -> str | None:
    """The codec a declared charset names, if it is one worth trusting over detection:
    known to Python and ASCII-compatible (UTF-16 and UTF-32 are read by their byte-order
    mark or their NUL bytes instead, and UTF-7 or EBCDIC labels on a page are mistakes)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
        if name in _NOT_CHARSETS or _ASCII_PRINTABLE.decode(name) != _ASCII_PRINTABLE.decode():
            return None
    except (LookupError, UnicodeDecodeError, ValueError):
        return None
    if name == "utf-8-sig":
        return "utf-8"
    return "cp1252" if name in _MEANS_CP1252 else name


def decode(data: bytes, declared: str | None = None) -> tuple[str, str, int]:
    """Decode bytes to text: (text, encoding name, replaced byte count).

    ``declared``, a charset the bytes are said to be in (a server's Content-Type), is
    used when they decode with it without an error, except that valid UTF-8 with
    non-ASCII characters stays UTF-8: a server's default ISO-8859-1 label on a UTF-8
    page is common, and other text is almost never valid UTF-8 by chance.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding + "-sig", 0
            except UnicodeDecodeError as error:
                raise LoadError(f"not valid {encoding} despite its byte-order mark") from error
    utf16 = _looks_like_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16, 0
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise LoadError("binary file (it contains NUL bytes)")
    codec = declared_codec(declared)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if codec is None or codec == "utf-8" or not text.isascii():
            return text, "utf-8", 0
    if codec is not None and codec != "utf-8":
        try:
            return data.decode(codec), codec, 0
        except UnicodeDecodeError:
            pass  # the label is wrong: find the encoding as if there were none
    text, broken, non_ascii = _utf8_damage(data)
    if non_ascii > 0 and broken <= max(1, _MAX_BAD_UTF8_SHARE * len(data)):
        # UTF-8 with a few broken bytes: keep it, replace them, count them.
        return text, "utf-8", broken
    legacy = _guess_legacy(data)
    if legacy is None:
        raise LoadError("binary or undecodable file (no text encoding fits it)")
    return data.decode(legacy, errors="replace"), legacy, 0


# Bytes that are not control characters in UTF-8 (C0 but \t \n \r, and DEL are).
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b >= 0x20 and b != 0x7F or b in b"\t\n\r")
_C1_IN_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def _utf8_has_controls(data: bytes) -> bool:
    """Control characters in UTF-8 bytes, found at memory speed (a str regex is ~10x slower)."""
    return bool(data.translate(None, _NOT_CONTROL_BYTES)) or _C1_IN_UTF8.search(data) is not None


def normalise(text: str, utf8: bytes | None = None) -> tuple[str, int]:
    """Newlines to LF, control characters to visible placeholders: (text, replaced).

    ``utf8``, the bytes the text was decoded from when they were UTF-8, lets the
    control-character check run over bytes.
    """
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        text = _NEWLINES.sub("\n", text)
    replaced = 0
    if (_utf8_has_controls(utf8) if utf8 is not None else True) and _CONTROL.search(text):
        replaced = len(_CONTROL.findall(text))
        text = _CONTROL.sub(lambda match: control_placeholder(match.group()), text)
    return text, replaced


def load_bytes(data: bytes, name: str, declared_encoding: str | None = None) -> LoadedText:
    """Turn raw bytes into display-safe text, or raise LoadError.

    ``declared_encoding``: a charset the bytes are said to be in (see ``decode``).
    """
    text, encoding, replaced_bytes = decode(data, declared_encoding)
    text, replaced_controls = normalise(text, data if encoding == "utf-8" else None)
    if text and replaced_controls > _MAX_CONTROL_SHARE * len(text) and replaced_controls > 8:
        raise LoadError("binary file (mostly control characters)")
    return LoadedText(
        text=text,
        name=name,
        encoding=encoding,
        byte_size=len(data),
        replaced_bytes=replaced_bytes,
        replaced_controls=replaced_controls,
    )


def read_source(path: str, stdin: BinaryIO | None = None) -> LoadedText:
    """Read a path ("-" for standard input) and load it. Errors become LoadError."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return load_bytes(stream.read(), "<stdin>")
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise LoadError(f"is a directory, not a file: {path}") from None
    except PermissionError:
        raise LoadError(f"permission denied: {path}") from None
    except OSError as error:
        raise LoadError(f"cannot read {path}: {error.strerror or error}") from None
    return load_bytes(data, file.name)
