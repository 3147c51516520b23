"""A crafted post in a real terminal: the installed reader runs in tmux on its own server
socket, ``pipe-pane`` records every byte the reader writes to the terminal, and the pane
title and tmux's clipboard buffers show whether a sequence from the document acted.

A control run (``cat`` of the same file) proves the recording sees an injection when
there is one.
"""

from __future__ import annotations

import shlex
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile import BIDI_CONTROLS, LEAKS, ZERO_WIDTH, hostile_post
from terminal import Terminal

READER = Path(sys.executable).parent / "reader"

pytestmark = pytest.mark.e2e


class PipedTerminal(Terminal):
    """A terminal whose pane output is recorded from the first byte.

    The command waits for a flag file, so ``pipe-pane`` is in place before it writes.
    """

    def __init__(self, command: str, folder: Path, width: int = 120, height: int = 40) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.capture = folder / "terminal-bytes"
        self.capture.write_bytes(b"")
        go = folder / "go"
        waiting = f"while [ ! -e {shlex.quote(str(go))} ]; do sleep 0.05; done; {command}"
        super().__init__(waiting, folder, width, height)
        # With set-clipboard on, an OSC 52 that reaches tmux becomes a paste buffer.
        self._tmux("set-option", "-g", "set-clipboard", "on")
        self._tmux("pipe-pane", "-o", "-t", "reader", f"cat >> {shlex.quote(str(self.capture))}")
        self.title_before = self.title()
        go.write_text("")

    def title(self) -> str:
        return self._tmux("display-message", "-p", "-t", "reader", "#{pane_title}").rstrip("\n")

    def buffers(self) -> str:
        return self._tmux("list-buffers")

    def recorded(self) -> bytes:
        time.sleep(0.3)  # let the pipe drain
        return self.capture.read_bytes()


@dataclass
class Session:
    """What a terminal went through while the reader showed the hostile post."""

    title_before: str = ""
    titles: list[str] = field(default_factory=list)
    screens: list[str] = field(default_factory=list, repr=False)
    buffers: str = ""
    recorded: bytes = field(default=b"", repr=False)
    exit_status: int | None = None


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    path.write_bytes(hostile_post().text.encode())
    return path


@pytest.fixture(scope="module")
def session(hostile_file: Path) -> Iterator[Session]:
    """Read the hostile post in every pane and overlay, once for the module's tests."""
    command = f"{shlex.quote(str(READER))} {shlex.quote(str(hostile_file))}"
    term = PipedTerminal(command, hostile_file.parent / "reader")
    result = Session(title_before=term.title_before)

    def look(text: str) -> None:
        result.screens.append(term.wait_for(text))
        result.titles.append(term.title())

    try:
        # Each step waits for the screen to show it was handled: keys sent together
        # arrive together, and a key typed before the focus moves goes to the old pane.
        look("· 3 comments")
        term.type("]")
        look("§2/3")
        term.type("/PWNED")
        look("in comments)")
        term.press("Enter")
        look("/ Search")  # the footer of the text pane: the bar has let go of the keys
        term.type("nnn")
        look("in comments)")
        term.press("Tab")
        look("space Toggle")
        term.type("-")
        look("▸ 1")
        term.type("+")
        look("▾ 1")
        term.type("jj")
        term.type("?")
        look("post-reader keys")
        term.press("Escape")
        term.wait_without("post-reader keys")
        term.press("C-p")
        look("Search for commands")
        term.type("Section bold")
        look("🔎 Section bold")
        look("§2 Section [bold]Two[/bold]")
        term.press("Escape")
        term.wait_without("🔎")
        time.sleep(0.5)
        result.titles.append(term.title())
        term.type("q")
        result.exit_status = term.exit_status()
        result.titles.append(term.title())
        result.buffers = term.buffers()
        result.recorded = term.recorded()
        yield result
    finally:
        term.close()


def test_the_reader_shows_the_document_and_exits(session: Session) -> None:
    assert session.exit_status == 0
    first = session.screens[0]
    assert "Hostile [@click=app.quit]Title[/] ␛]0;PWNED-OSC0␇ [b]x[/b] $var" in first
    assert "␛]52;c;cHduZWQ=␇" in "".join(session.screens)


def test_the_pane_title_never_changes(session: Session) -> None:
    assert session.titles
    for title in session.titles:
        assert title == session.title_before
        assert "PWNED" not in title


def test_no_escape_sequence_from_the_document_reaches_the_terminal(session: Session) -> None:
    recorded = session.recorded
    assert "␛]0;PWNED-OSC0␇".encode() in recorded  # the recording has the reader's output
    leaked = [name for name, sequence in LEAKS.items() if sequence in recorded]
    assert not leaked, f"document sequences reached the terminal: {leaked}"


def test_nothing_reaches_the_clipboard(session: Session) -> None:
    assert session.buffers.strip() == ""


def test_bidi_controls_never_reach_the_terminal(session: Session) -> None:
    leaked = sorted(f"U+{ord(c):04X}" for c in BIDI_CONTROLS if c.encode() in session.recorded)
    assert not leaked, f"bidi controls reached the terminal: {leaked}"


def test_zero_width_characters_never_reach_the_terminal_unmarked(session: Session) -> None:
    leaked = sorted(f"U+{ord(c):04X}" for c in ZERO_WIDTH if c.encode() in session.recorded)
    assert not leaked, f"zero-width characters reached the terminal: {leaked}"


def test_the_recording_catches_an_injection(hostile_file: Path) -> None:
    """Control: the same file printed raw does retitle the pane and fill the clipboard,
    so the checks above would see a reader that let it through."""
    term = PipedTerminal(f"cat {shlex.quote(str(hostile_file))}", hostile_file.parent / "control")
    try:
        assert term.exit_status() == 0
        time.sleep(0.3)
        assert term.title().startswith("PWNED"), term.title()
        assert term.title() != term.title_before
        assert term.buffers().strip() != ""
        recorded = term.recorded()
        assert LEAKS["osc0-title"] in recorded and LEAKS["osc52-clipboard"] in recorded
    finally:
        term.close()
