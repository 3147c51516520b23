"""Shared fixtures: the bundled sample and the book, read and parsed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_support import SAMPLE

from reader.model import Post
from reader.pipeline import open_post

ROOT = Path(__file__).resolve().parent.parent
BOOK = Path(__file__).resolve().parent / "data" / "war-and-peace.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def sample_post() -> Post:
    return open_post(str(SAMPLE))


@pytest.fixture(scope="session")
def book_post() -> Post:
    return open_post(str(BOOK))


@pytest.fixture(autouse=True)
def own_state_and_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads the settings or the remembered places of whoever runs it, nor
    leaves a place there (the readers started in a terminal inherit these too)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
