"""Front matter: the ``title``, ``author`` and ``date`` a Markdown file declares at its top.

YAML between ``---`` lines (Jekyll, Hugo, most static site generators) or TOML between
``+++`` lines (Hugo). Both are read by a small hand parser of ``key: value`` (``key =
value``) lines rather than a YAML or TOML library: three keys do not justify a
dependency, and a file's front matter must never make the reader fail, which a strict
parser would on the odd hand-written file. Nested keys, anchors and the like are not
read; the lines that are not read are kept as the post's chrome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FIELDS = ("title", "author", "date")
_ALIASES = {"authors": "author"}

_YAML_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+|$)(.*)")
_TOML_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*)")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?\d?")
_LINE = re.compile(r"[^\n]*(?:\n|$)")
# The front matter is looked for this far into the file and no further.
_MAX_LINES = 500


@dataclass
class FrontMatter:
    """What the front matter says, and where it is."""

    end: int
    """Offset just past its closing line."""
    lines: int
    """How many lines it takes (the closing line's newline included)."""
    fields: dict[str, str] = field(default_factory=dict)
    """``title``, ``author``, ``date`` as written, where it gives them."""
    field_lines: dict[str, int] = field(default_factory=dict)
    """The line of the file each field is on."""
    rest: str = ""
    """Its other lines (tags, layout…), as written."""


def read_front_matter(text: str) -> FrontMatter | None:
    """The front matter at the very top of ``text``, or None when it has none."""
    start = 1 if text.startswith("\ufeff") else 0
    opener = text[start : start + 3]
    newline = text.find("\n", start)
    if opener not in ("---", "+++") or newline < 0 or text[start + 3 : newline].strip():
        return None  # "----" or "--- x" is a rule or text, not a fence
    closers = ("---", "...") if opener == "---" else ("+++",)
    lines: list[str] = []
    position = newline + 1
    for _ in range(_MAX_LINES):
        match = _LINE.match(text, position)
        if match is None or match.end() == position:
            return None  # no closing line
        line = match.group().rstrip("\n")
        position = match.end()
        if line.rstrip() in closers:
            break
        lines.append(line)
    else:
        return None
    reader = _yaml if opener == "---" else _toml
    found = reader(lines)
    if found is None:
        return None
    fields, field_lines, rest = found
    return FrontMatter(position, len(lines) + 2, fields, field_lines, "\n".join(rest).strip())


_Found = tuple[dict[str, str], dict[str, int], list[str]]


def _yaml(lines: list[str]) -> _Found | None:
    """``key: value`` lines; None when a line is none of what front matter holds."""
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    rest: list[str] = []
    index = 0
    seen_key = False
    while index < len(lines):
        line = lines[index]
        index += 1
        number = index  # its line in the file: the opening "---" is line 0
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[:1] in (" ", "\t", "-"):
            if not seen_key:
                return None  # front matter opens with a key
            rest.append(line)  # a nested key or a list item under some key
            continue
        match = _YAML_KEY.fullmatch(line.rstrip())
        if match is None:
            return None  # prose after a rule: not front matter
        seen_key = True
        key = _ALIASES.get(match.group(1).lower(), match.group(1).lower())
        value = match.group(2).strip()
        if key not in FIELDS or key in fields:
            rest.append(line)
            continue
        if not value or _BLOCK_SCALAR.fullmatch(value):
            # The value is on the lines under the key: a block scalar or a list.
            under: list[str] = []
            while index < len(lines) and (
                not lines[index].strip() or lines[index][:1] in (" ", "\t", "-")
            ):
                under.append(lines[index].strip())
                index += 1
            items = [item[1:].strip() for item in under if item.startswith("-")]
            value = ", ".join(_unquote(item) for item in items if item) or " ".join(under)
        else:
            value = _scalar(value)
        if value:
            fields[key] = value
            field_lines[key] = number
    return fields, field_lines, rest


def _toml(lines: list[str]) -> _Found | None:
    """``key = value`` lines before the first ``[table]``; the rest is kept as is."""
    fields: dict[str, str] = {}
    field_lines: dict[str, int] = {}
    rest: list[str] = []
    in_table = False
    for index, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            in_table = True
        match = None if in_table else _TOML_KEY.fullmatch(stripped)
        if match is None:
            rest.append(line)
            continue
        key = _ALIASES.get(match.group(1).lower(), match.group(1).lower())
        value = _scalar(match.group(2).strip())
        if key in FIELDS and key not in fields and value:
            fields[key] = value
            field_lines[key] = index
        else:
            rest.append(line)
    return fields, field_lines, rest


def _scalar(value: str) -> str:
    """A value as it reads: quotes taken off, a trailing comment dropped, a list joined."""
    if value.startswith("[") and value.endswith("]"):
        items = [_unquote(item.strip()) for item in value[1:-1].split(",")]
        return ", ".join(item for item in items if item)
    if value[:1] in ("'", '"'):
        return _unquote(value)
    return value.split(" #", 1)[0].strip()


def _unquote(value: str) -> str:
    quote = value[:1]
    if quote not in ("'", '"'):
        return value
    end = len(value) - 1
    if quote == '"':
        # The closing quote is the first one no backslash escapes.
        index = 1
        while index < len(value):
            if value[index] == "\\":
                index += 2
                continue
            if value[index] == '"':
                end = index
                break
            index += 1
        inner = value[1:end] if end > 0 else value[1:]
        return re.sub(r"\\(.)", r"\1", inner)
    closing = value.find("'", 1)
    while closing >= 0 and value[closing + 1 : closing + 2] == "'":
        closing = value.find("'", closing + 2)
    inner = value[1:closing] if closing > 0 else value[1:]
    return inner.replace("''", "'")
