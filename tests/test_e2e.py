"""The installed reader in a real terminal: tmux types, capture-pane reads the screen."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from terminal import Terminal
from tests_support import SAMPLE

BOOK = Path(__file__).resolve().parent / "data" / "war-and-peace.txt"
READER = Path(sys.executable).parent / "reader"

pytestmark = pytest.mark.e2e


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[callable]:  # type: ignore[valid-type]
    opened: list[Terminal] = []

    def start(command: str, **size: int) -> Terminal:
        opened.append(Terminal(command, tmp_path, **size))
        return opened[-1]

    yield start
    for term in opened:
        term.close()


def test_a_person_reads_the_sample(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(f"{shlex.quote(str(READER))} {shlex.quote(str(SAMPLE))}")
    term.wait_for("§1/5 · 0% · 3 of 12 comments")
    screen = term.wait_for("▾ 1")
    assert "Social Media and The Police 3yrs On" in screen.splitlines()[0]
    assert "Comments 3/12" in screen
    assert "▾ 1" in screen

    term.type("]]")
    screen = term.wait_for("§3/5")
    assert "Not so fast. Before we start patting ourselves on the back" in screen

    term.type("/unthinkable")
    term.press("Enter")
    screen = term.wait_for("1/1 (0 in comments)")
    assert "Then the unthinkable happened." in screen

    term.press("Tab")
    term.type("h")
    screen = term.wait_for("(+1 reply)")
    assert "▸ 1" in screen
    assert "Thanks for the reply" not in screen

    term.type("q")
    assert term.exit_status() == 0


def test_the_document_can_come_from_stdin(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(f"cat {shlex.quote(str(SAMPLE))} | {shlex.quote(str(READER))} -")
    term.wait_for("▾ 1")
    term.type("]")
    screen = term.wait_for("§2/5")
    assert "So here we are three years on." in screen
    term.type("c")
    screen = term.wait_without("▾ 1")
    assert "§2/5" in screen
    term.type("q")
    assert term.exit_status() == 0


def test_the_book_opens_and_walks_chapters(terminal) -> None:  # type: ignore[no-untyped-def]
    term = terminal(f"{shlex.quote(str(READER))} {shlex.quote(str(BOOK))}")
    term.wait_for("§1/382")
    # No comments: no panel, the header says so; 382 sections: the sidebar folds them
    # under the 17 parts.
    screen = term.wait_for("no comments")
    assert "▸ BOOK ONE: 1805" in screen and "CHAPTER I" in screen
    term.type("]]")
    screen = term.wait_for("§3/382")
    term.type("/Natásha")
    term.press("Enter")
    screen = term.wait_for("(0 in comments)")
    assert "Natásha" in screen
    term.type("q")
    assert term.exit_status() == 0


def test_the_place_is_remembered_after_quit_and_reopen(terminal, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    homes = (
        f"XDG_STATE_HOME={shlex.quote(str(tmp_path / 'state'))} "
        f"XDG_CONFIG_HOME={shlex.quote(str(tmp_path / 'config'))} "
    )
    # Moved and renamed before it is opened again: the place belongs to the text.
    first = tmp_path / "book.txt"
    first.write_bytes(BOOK.read_bytes())
    command = f"{homes}{shlex.quote(str(READER))} "
    term = terminal(command + shlex.quote(str(first)))
    term.wait_for("§1/382")
    term.type("]]]]")
    term.wait_for("§5/382")
    term.type("jjj")
    term.type("s")
    screen = term.wait_without("BOOK TWO: 1805")  # the sidebar's (the header names BOOK ONE)
    lines = screen.splitlines()[1:6]
    term.type("q")
    assert term.exit_status() == 0
    term.exit_file.unlink()  # the next reader writes its own status there
    assert len(list((tmp_path / "state").rglob("*.json"))) == 1

    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    first.rename(moved)
    term = terminal(command + shlex.quote(str(moved)))
    screen = term.wait_for("Back where you were: §5/382")
    assert "§5/382" in screen.splitlines()[0]
    assert screen.splitlines()[1:6] == lines  # the same rows at the top, sidebar hidden
    term.type("q")
    assert term.exit_status() == 0
    term.exit_file.unlink()

    term = terminal(command + "--fresh " + shlex.quote(str(moved)))
    screen = term.wait_for("§1/382")
    assert "Back where you were" not in screen
    assert "BOOK TWO: 1805" in screen  # the sidebar is back
    term.type("q")
    assert term.exit_status() == 0
