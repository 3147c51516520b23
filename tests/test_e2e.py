"""The installed reader in a real terminal: tmux types, capture-pane reads the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

SAMPLE = (
    Path(__file__).resolve().parent.parent / "sample" / "social-media-and-the-police-3yrs-on.txt"
)
BOOK = Path(__file__).resolve().parent / "data" / "war-and-peace.txt"
READER = Path(sys.executable).parent / "reader"

pytestmark = pytest.mark.e2e


class Terminal:
    """A tmux session of its own (own server socket) running one command."""

    def __init__(self, command: str, tmp_path: Path, width: int = 120, height: int = 40) -> None:
        assert shutil.which("tmux"), "tmux is needed for the end-to-end tests (.ci/run installs it)"
        self.socket = f"post-reader-{uuid.uuid4().hex[:8]}"
        self.exit_file = tmp_path / "exit-status"
        script = f"{command}; echo $? > {shlex.quote(str(self.exit_file))}; sleep 60"
        env = {**os.environ, "TERM": "xterm-256color"}
        self._tmux(
            "new-session",
            "-d",
            "-s",
            "reader",
            "-x",
            str(width),
            "-y",
            str(height),
            "sh",
            "-c",
            script,
            env=env,
        )

    def _tmux(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=env, timeout=20
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "reader")

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def wait_without(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while time.monotonic() < deadline and text in screen:
            time.sleep(0.1)
            screen = self.screen()
        assert text not in screen, f"{text!r} stayed on the screen:\n{screen}"
        return screen

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "reader", "-l", text)

    def press(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "reader", *keys)

    def exit_status(self, timeout: float = 10.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exit_file.exists() and self.exit_file.read_text().strip():
                return int(self.exit_file.read_text())
            time.sleep(0.1)
        raise AssertionError(f"the reader did not exit; the screen was:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


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
    screen = term.wait_for("No comments")
    assert "BOOK ONE: 1805" in screen and "  CHAPTER I" in screen
    term.type("]]")
    screen = term.wait_for("§3/382")
    term.type("/Natásha")
    term.press("Enter")
    screen = term.wait_for("(0 in comments)")
    assert "Natásha" in screen
    term.type("q")
    assert term.exit_status() == 0
