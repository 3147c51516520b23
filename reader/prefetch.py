"""Parse the post in a second process while the interactive reader starts.

Starting the interface (importing Textual, building the panes) and parsing a book each
take about a fifth of a second, and neither needs the other. So, on a machine with two
or more cores, a forked child reads and parses while this process imports the
interface; the parsed post comes back pickled through a pipe (unpickling a book takes
under 20 ms). Without fork, on one core, or if anything goes wrong with the child, the
post is read here, in line, exactly as it would have been.

The fork happens before Textual is imported: the process then holds no threads and no
terminal state a child could disturb.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from abc import ABC, abstractmethod
from typing import BinaryIO

from reader.load import LoadError
from reader.model import Post
from reader.staged import PendingPost, ReadPost


class Collect(ABC):
    """Gives the post (``collect()``), or gives up on it (``cancel()``)."""

    @abstractmethod
    def __call__(self) -> PendingPost: ...

    @abstractmethod
    def cancel(self) -> None:
        """Stop reading (nothing left running) when the post will not be wanted."""


class _Ready(Collect):
    def __init__(self, staged: PendingPost) -> None:
        self._staged = staged

    def __call__(self) -> PendingPost:
        return self._staged

    def cancel(self) -> None:
        pass  # read in line already: nothing runs


class _FromChild(Collect):
    def __init__(self, path: str, child: int, read_end: int, as_format: str | None) -> None:
        self._path = path
        self._child = child
        self._read_end = read_end
        self._format = as_format
        self._taken = False

    def __call__(self) -> PendingPost:
        self._taken = True  # from here on _collect owns the pipe and the child
        return _collect(self._path, self._child, self._read_end, self._format)

    def cancel(self) -> None:
        if not self._taken:
            self._taken = True
            _close(os.fdopen(self._read_end, "rb"), self._child, stop=True)


def start(path: str, as_format: str | None = None) -> Collect:
    """Begin reading ``path`` (a file or a URL) as ``as_format`` (None: detected); the
    returned call gives the post or raises LoadError."""
    if path == "-" or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        return _in_line(path, as_format)
    read_end, write_end = os.pipe()
    # ctrl+c is held off across the fork: one that came just before it would be raised
    # here after it, with a child (a download, say) left running that nobody waits for.
    held = _hold_interrupts()
    try:
        child = os.fork()
    except OSError:
        _release_interrupts(held)
        os.close(read_end)
        os.close(write_end)
        return _in_line(path, as_format)
    if child == 0:
        _child(path, as_format, read_end, write_end, held)
    os.close(write_end)
    try:
        _release_interrupts(held)  # a ctrl+c held off is raised now
    except BaseException:
        _close(os.fdopen(read_end, "rb"), child, stop=True)
        raise
    return _FromChild(path, child, read_end, as_format)


def _hold_interrupts() -> set[int | signal.Signals] | None:
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _release_interrupts(held: set[int | signal.Signals] | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def open_in_stages(path: str, as_format: str | None = None) -> PendingPost:
    """Read and parse here. The parser is loaded only where it is used: in the child,
    or here when there is none, so that the interface starts without waiting for it."""
    from reader.pipeline import open_in_stages as read

    return read(path, as_format=as_format)


def _in_line(path: str, as_format: str | None) -> Collect:
    return _Ready(open_in_stages(path, as_format))


def _child(
    path: str,
    as_format: str | None,
    read_end: int,
    write_end: int,
    held: set[int | signal.Signals] | None = None,
) -> None:
    """In the child: send the post up to its thread (or the load error), then the thread.

    The thread, the slow part of a long discussion, is read here too, in parallel with
    the reader that already shows the post.
    """
    status = 1
    try:
        _release_interrupts(held)  # ctrl+c ends the child too (through the finally below)
        os.close(read_end)
        with os.fdopen(write_end, "wb") as pipe:
            try:
                staged = open_in_stages(path, as_format)
            except LoadError as error:
                pickle.dump(("error", str(error)), pipe)
            else:
                pickle.dump(("post", staged.body, staged.comments_pending), pipe, _PROTOCOL)
                pipe.flush()
                if staged.comments_pending:
                    pickle.dump(("thread", staged.finish()), pipe, _PROTOCOL)
        status = 0
    finally:
        # Never return into the parent's code, its buffers or its exit handlers.
        os._exit(status)


_PROTOCOL = pickle.HIGHEST_PROTOCOL


def _collect(path: str, child: int, read_end: int, as_format: str | None = None) -> PendingPost:
    pipe = os.fdopen(read_end, "rb")
    try:
        first = pickle.load(pipe)
    except Exception:  # the child died or sent garbage: read the post here instead
        _close(pipe, child, stop=True)
        return open_in_stages(path, as_format)
    except BaseException:  # ctrl+c while waiting: the child must not go on downloading
        _close(pipe, child, stop=True)
        raise
    if isinstance(first, tuple) and len(first) == 2 and first[0] == "error":
        _close(pipe, child)
        raise LoadError(str(first[1]))
    if not (
        isinstance(first, tuple)
        and len(first) == 3
        and first[0] == "post"
        and isinstance(first[1], Post)
        and isinstance(first[2], int)
    ):  # not what the child sends: read the post here instead
        _close(pipe, child, stop=True)
        return open_in_stages(path, as_format)
    _, body, pending = first
    if not pending:
        _close(pipe, child)
        return ReadPost(body)
    return PipedPost(body, path, pending, pipe, child, as_format)


def _close(pipe: BinaryIO, child: int, stop: bool = False) -> None:
    """Close the pipe and reap the child (``stop``: it sent garbage, so end it first)."""
    pipe.close()
    if stop:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)


class PipedPost:
    """A post whose thread the child is still reading; ``finish()`` waits for it.

    If the child dies or sends anything but the thread, the post is read here instead,
    whole: nothing is lost, it only takes longer.
    """

    def __init__(
        self,
        body: Post,
        path: str,
        pending: int,
        pipe: BinaryIO,
        child: int,
        as_format: str | None = None,
    ) -> None:
        self._format = as_format
        self._body = body
        self._path = path
        self._pending = pending
        self._pipe = pipe
        self._child = child
        self._post: Post | None = None

    @property
    def body(self) -> Post:
        return self._body

    @property
    def comments_pending(self) -> int:
        return 0 if self._post is not None else self._pending

    def finish(self) -> Post:
        if self._post is None:
            try:
                kind, post = pickle.load(self._pipe)
                if kind != "thread" or not isinstance(post, Post):
                    raise ValueError("the child sent something else")
            except Exception:  # the child died or sent garbage: read the whole post here
                _close(self._pipe, self._child, stop=True)
                post = open_in_stages(self._path, self._format).finish()
            else:
                _close(self._pipe, self._child)
            self._post = post
        return self._post
