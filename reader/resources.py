"""Files that ship with the package: the stylesheet and the bundled sample.

In the wheel they sit inside the package (``reader/styles``, ``reader/sample``); in a
source checkout they sit at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

SAMPLE_NAME = "social-media-and-the-police-3yrs-on.txt"


def resource_dir(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from this installation")


def sample_path() -> Path:
    return resource_dir("sample") / SAMPLE_NAME


def stylesheet_path() -> Path:
    return resource_dir("styles") / "reader.tcss"
