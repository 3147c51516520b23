"""The place the reader was at in each document, kept between sessions.

One small JSON file per document, named by the SHA-256 of its text (a moved or renamed
file is still found), under the platform's state folder, never next to the document.
A file is written whole to a temporary file in the same folder and renamed over the
old one, so two readers open at once never leave a half-written file: the last to
quit wins. A state file that cannot be read or written costs the remembered place,
never the reading: every failure is a one-line :class:`StateError`.

No Textual here: the command line reads the place while the interface loads.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

APP_NAME = "post-reader"
MAX_DOCUMENTS = 500
"""Places kept; the least recently saved are forgotten first."""
MAX_HISTORY = 50
"""Search queries kept per document."""
_VERSION = 1
_SUFFIX = ".json"


class StateError(Exception):
    """The saved place could not be read or written (the message is one line)."""


@dataclass(frozen=True)
class Place:
    """Where the reader was in one document."""

    block: str = ""
    """The block at the top of the text pane ("" for the top of the document)."""
    offset: int = 0
    """Where in that block's text the top row starts."""
    comment: str | None = None
    """The comment under the cursor."""
    folded: tuple[str, ...] = ()
    """Folded comments."""
    query: str = ""
    """The last search."""
    history: tuple[str, ...] = ()
    """Searches, newest last."""
    sidebar: bool = True
    comments: bool = True
    """Whether the section sidebar and the comments panel were shown."""

    def with_search(self, query: str) -> Place:
        """This place with ``query`` as the last search, at the end of the history."""
        if not query.strip():
            return self
        history = [q for q in self.history if q != query] + [query]
        return replace(self, query=query, history=tuple(history[-MAX_HISTORY:]))

    def to_json(self) -> dict[str, Any]:
        return {
            "version": _VERSION,
            "block": self.block,
            "offset": self.offset,
            "comment": self.comment,
            "folded": list(self.folded),
            "query": self.query,
            "history": list(self.history[-MAX_HISTORY:]),
            "sidebar": self.sidebar,
            "comments": self.comments,
        }

    @classmethod
    def from_json(cls, data: object) -> Place:
        """Raises ValueError naming what is wrong when ``data`` is not a saved place."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        if data.get("version") != _VERSION:
            raise ValueError(f"unknown version {data.get('version')!r}")
        block = _typed(data, "block", str, "")
        offset = _typed(data, "offset", int, 0)
        comment = data.get("comment")
        if comment is not None and not isinstance(comment, str):
            raise ValueError("comment is not a string")
        return cls(
            block=block,
            offset=max(0, offset),
            comment=comment,
            folded=_strings(data, "folded"),
            query=_typed(data, "query", str, ""),
            history=_strings(data, "history")[-MAX_HISTORY:],
            sidebar=_typed(data, "sidebar", bool, True),
            comments=_typed(data, "comments", bool, True),
        )


def _typed(data: dict[str, Any], key: str, kind: type, default: Any) -> Any:
    value = data.get(key, default)
    # bool is an int to Python, not to a reader of this file.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"{key} is not {kind.__name__}")
    return value


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{key} is not a list of strings")
    return tuple(value)


def state_folder() -> Path:
    """Where places are kept (``$XDG_STATE_HOME/post-reader/places`` on Linux)."""
    from platformdirs import user_state_dir  # light, and only when a place is wanted

    return Path(user_state_dir(APP_NAME)) / "places"


def _is_key(key: str) -> bool:
    return len(key) == 64 and all(c in "0123456789abcdef" for c in key)


def load(key: str, folder: Path | None = None) -> Place | None:
    """The place saved for a document (None: never read before). Raises StateError."""
    if not _is_key(key):
        return None
    path = (folder or state_folder()) / (key + _SUFFIX)
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
        return Place.from_json(data)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise StateError(f"cannot read the saved place {path}: {_why(error)}") from error
    except ValueError as error:  # JSONDecodeError is one
        raise StateError(f"the saved place {path} is damaged ({error}); ignored") from error


def save(key: str, place: Place, folder: Path | None = None) -> None:
    """Write a document's place (atomically), then forget the oldest beyond
    ``MAX_DOCUMENTS``. Raises StateError."""
    if not _is_key(key):
        return
    folder = folder or state_folder()
    text = json.dumps(place.to_json(), ensure_ascii=False, indent=1)
    temporary: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # In the same folder, so that the rename is atomic (same file system).
        handle, temporary = tempfile.mkstemp(prefix=f".{key[:12]}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, folder / (key + _SUFFIX))
        temporary = None
    except OSError as error:
        raise StateError(f"cannot save the place in {folder}: {_why(error)}") from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    _forget_oldest(folder)


def _forget_oldest(folder: Path) -> None:
    keep = MAX_DOCUMENTS
    try:
        with os.scandir(folder) as entries:
            places = [
                (entry.stat().st_mtime, entry.path)
                for entry in entries
                if entry.name.endswith(_SUFFIX) and _is_key(entry.name[: -len(_SUFFIX)])
            ]
    except OSError:
        return  # the place is saved; tidying can wait for the next time
    if len(places) <= keep:
        return
    places.sort()
    for _, path in places[: len(places) - keep]:
        with contextlib.suppress(OSError):  # another reader may have removed it already
            os.unlink(path)


def _why(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__


@dataclass
class Memory:
    """One document's remembered place: what was found on opening, and saving it."""

    key: str
    place: Place | None = None
    """The place found (None: none, or ``--fresh``)."""
    folder: Path | None = None
    warning: str | None = None
    """What went wrong reading the place (one line, to show the reader)."""

    @classmethod
    def open(cls, key: str, *, fresh: bool = False, folder: Path | None = None) -> Memory:
        """Read the place saved for ``key`` (not with ``fresh``: start at the top)."""
        memory = cls(key, folder=folder)
        if not fresh:
            try:
                memory.place = load(key, folder)
            except StateError as error:
                memory.warning = str(error)
        return memory

    def save(self, place: Place) -> str | None:
        """Save; the one-line warning when that failed."""
        try:
            save(self.key, place, self.folder)
        except StateError as error:
            return str(error)
        return None
