"""Time a program from launch to its first frame showing some text, in a pseudo-terminal.

The program runs as a person runs it (the real driver, a 120x40 terminal nobody looks
at); the frame counts as painted when the bytes it writes hold a marker, text its first
screen shows. Imports, loading, parsing, layout and the first write all count.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from pathlib import Path
from typing import NamedTuple


class Paint(NamedTuple):
    seconds: float
    peak_rss_mib: float


def first_paint(
    argv: list[str], marker: str, size: tuple[int, int] = (120, 40), timeout: float = 60.0
) -> Paint:
    """Seconds from fork to the marker on screen, and the program's peak RSS."""
    wanted = marker.encode("utf-8")
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the program
        os.execvp(argv[0], argv)
    width, height = size
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    seen = b""
    painted: float | None = None
    try:
        while painted is None:
            left = timeout - (time.perf_counter() - started)
            if left <= 0:
                raise TimeoutError(f"{marker!r} never appeared: {' '.join(argv)}")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the program ended
                raise RuntimeError(f"ended before painting: {' '.join(argv)}") from None
            seen = seen[-len(wanted) :] + chunk
            if wanted in seen:
                painted = time.perf_counter() - started
        peak = _peak_rss_kib(pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    # ru_maxrss would count the forked copy of this process before the exec.
    return Paint(painted, (peak or usage.ru_maxrss) / 1024)


def _peak_rss_kib(pid: int) -> int | None:
    """The program's own peak resident set so far (Linux), or None."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None
