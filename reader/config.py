"""The reader's settings: ``config.toml`` in the platform's config folder
(``$XDG_CONFIG_HOME/post-reader/config.toml`` on Linux).

Every setting is optional. A setting that is wrong costs that setting only: it is
reported in one line naming the file, the key and what is wrong, and the reader starts
with the default for it. No Textual here: the file is read while the interface loads;
the theme and binding names are checked against the app's once it is built.
"""

from __future__ import annotations

import sys
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

APP_NAME = "post-reader"
FILE_NAME = "config.toml"
DEFAULT_LINE_LENGTH = 80
"""Columns of text in the text pane on a wider terminal (0: the pane's full width)."""
SETTINGS = ("theme", "line_length", "remember", "keys")


@dataclass(frozen=True)
class Config:
    """The settings in force: the file's where they are right, the defaults elsewhere."""

    theme: str | None = None
    """A Textual theme name (None: Textual's default)."""
    line_length: int = DEFAULT_LINE_LENGTH
    remember: bool = True
    """Keep each document's place between sessions."""
    keys: tuple[tuple[str, str], ...] = field(default=())
    """Binding id → keys (``"j,down"``), as Textual's keymap takes them."""

    @property
    def keymap(self) -> dict[str, str]:
        return dict(self.keys)

    def checked(
        self, path: Path, themes: Collection[str], binding_ids: Collection[str]
    ) -> tuple[Config, list[str]]:
        """This config without a theme or binding the app does not have, and a line for
        each that was dropped."""
        problems = []
        config = self
        if self.theme is not None and self.theme not in themes:
            known = ", ".join(sorted(themes))
            problems.append(_problem(path, "theme", f"no theme named {self.theme!r} ({known})"))
            config = replace(config, theme=None)
        keys = []
        for binding_id, keys_text in self.keys:
            if binding_id in binding_ids:
                keys.append((binding_id, keys_text))
            else:
                what = "no binding has this id (the help screen, ?, lists them); ignored"
                problems.append(f"reader: {path}: keys.{binding_id}: {what}")
        return replace(config, keys=tuple(keys)), problems


def config_path() -> Path:
    from platformdirs import user_config_dir  # honours XDG_CONFIG_HOME on Linux

    return Path(user_config_dir(APP_NAME)) / FILE_NAME


def _problem(path: Path, key: str, what: str) -> str:
    return f"reader: {path}: {key}: {what}; using the default"


def load_config(path: Path | None = None) -> tuple[Config, list[str]]:
    """The settings in ``path`` (default: the user's file), and a line per problem.

    A missing file is no problem: it is the defaults.
    """
    path = path or config_path()
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except FileNotFoundError:
        return Config(), []
    except OSError as error:
        why = (error.strerror or str(error)).lower()
        return Config(), [f"reader: {path}: cannot read it ({why}); using the defaults"]
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - the same parser, before it joined the standard library
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        why = " ".join(str(error).split())
        return Config(), [f"reader: {path}: not a valid TOML file ({why}); using the defaults"]
    return _from_table(path, data)


def _from_table(path: Path, data: dict[str, Any]) -> tuple[Config, list[str]]:
    problems: list[str] = []
    settings: dict[str, Any] = {}
    for key, value in data.items():
        if key == "theme":
            if isinstance(value, str) and value.strip():
                settings["theme"] = value.strip()
            else:
                problems.append(_problem(path, key, f"expected a theme name, got {_shown(value)}"))
        elif key == "line_length":
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                settings["line_length"] = value
            else:
                what = f"expected a number of columns (0: full width), got {_shown(value)}"
                problems.append(_problem(path, key, what))
        elif key == "remember":
            if isinstance(value, bool):
                settings["remember"] = value
            else:
                problems.append(_problem(path, key, f"expected true or false, got {_shown(value)}"))
        elif key == "keys":
            if isinstance(value, dict):
                settings["keys"] = _keys(path, value, problems)
            else:
                what = f'expected a table of binding id = "keys", got {_shown(value)}'
                problems.append(_problem(path, key, what))
        else:
            known = ", ".join(SETTINGS)
            problems.append(f"reader: {path}: {key}: no such setting ({known}); ignored")
    return Config(**settings), problems


def _keys(path: Path, table: dict[str, Any], problems: list[str]) -> tuple[tuple[str, str], ...]:
    keys = []
    for binding_id, value in table.items():
        names = [name.strip() for name in value.split(",")] if isinstance(value, str) else []
        if names and all(names):
            keys.append((binding_id, ",".join(names)))
        else:
            what = f'expected keys such as "j,down", got {_shown(value)}'
            problems.append(_problem(path, f"keys.{binding_id}", what))
    return tuple(keys)


def _shown(value: object) -> str:
    """A value as the file wrote it, shortened to keep the line one line."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dict):
        text = "a table"
    else:
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"
