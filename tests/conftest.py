"""Shared fixtures: the bundled sample and the book, read and parsed once per session."""

from __future__ import annotations

from collections.abc import Iterator
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


@pytest.fixture(autouse=True, scope="session")
def no_state_or_config_of_the_user(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """Fixtures wider than a test (a module's reader in a terminal) start before the
    per-test folders below: they get folders of the run's own."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_STATE_HOME", str(home / "state"))
        patch.setenv("XDG_CONFIG_HOME", str(home / "config"))
        yield


@pytest.fixture(autouse=True)
def own_state_and_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads the settings or the remembered places of whoever runs it, nor
    leaves a place there (the readers started in a terminal inherit these too), nor
    finds one another test left."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
