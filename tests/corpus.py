"""The development sets of real pages, for the tests that read a few of them.

They live beside the project (``../shared/corpus``, or where ``POST_READER_CORPUS``
says) and are unpacked to a temporary folder; nothing of them is kept in the project.
Without them those tests are skipped, and say why.
"""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def corpus_folder() -> Path:
    named = os.environ.get("POST_READER_CORPUS")
    return Path(named) if named else ROOT.parent / "shared" / "corpus"


def unpack(set_name: str, members: list[str], into: Path) -> Path:
    """Unpack the named files of ``set_name.tar.xz`` into ``into``; the set's folder."""
    archive_path = corpus_folder() / f"{set_name}.tar.xz"
    if not archive_path.exists():
        pytest.skip(f"the development set {set_name} is not at {archive_path.parent}")
    wanted = {f"{set_name}/{member}" for member in members}
    with tarfile.open(archive_path) as archive:
        chosen = [info for info in archive.getmembers() if info.name in wanted]
        if hasattr(tarfile, "data_filter"):
            archive.extractall(into, members=chosen, filter="data")
        else:  # Python before 3.10.12 has no extraction filters
            archive.extractall(into, members=chosen)
    missing = wanted - {info.name for info in chosen}
    assert not missing, f"not in {archive_path.name}: {sorted(missing)}"
    return into / set_name
