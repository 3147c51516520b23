"""A real terminal for end-to-end tests: a tmux server of its own running one command."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path


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
        self._tmux("send-keys", "-t", "reader", "-l", "--", text)

    def press(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "reader", *keys)

    def exit_status(self, timeout: float = 10.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.exit_file.exists() and self.exit_file.read_text().strip():
                return int(self.exit_file.read_text())
            time.sleep(0.1)
        raise AssertionError(f"the command did not exit; the screen was:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
