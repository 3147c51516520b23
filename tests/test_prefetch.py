"""The post parsed in a second process gives exactly what parsing in line gives.

With two cores or more the post is read in a forked child (the tests below check that
it did come from one); with one core, or whatever goes wrong with the child (killed
mid-read, or sending garbage), it is read in line, whole, with nothing lost.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from hostile import thread
from tests_support import SAMPLE

from reader import prefetch
from reader.load import LoadError
from reader.pipeline import open_in_stages, open_post

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def assert_no_child_left() -> None:
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_the_sample_comes_back_whole() -> None:
    staged = prefetch.start(str(SAMPLE))()
    assert staged.body == open_in_stages(str(SAMPLE)).body
    assert staged.finish() == open_post(str(SAMPLE))
    assert_no_child_left()


def test_a_long_thread_comes_back_in_two_parts(tmp_path: Path) -> None:
    path = tmp_path / "thread.txt"
    path.write_text(thread(800, 20), encoding="utf-8")
    staged = prefetch.start(str(path))()
    assert isinstance(staged, prefetch.PipedPost)  # it did come from the child
    in_line = open_in_stages(str(path))
    assert staged.body == in_line.body
    assert staged.comments_pending == in_line.comments_pending > 0
    whole = staged.finish()
    assert whole == open_post(str(path))
    assert len(whole.comments) == 800
    assert staged.comments_pending == 0
    assert staged.finish() is whole
    assert_no_child_left()


def test_a_post_without_comments(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A Title\n\nOne paragraph.\n\nAnother one.\n", encoding="utf-8")
    staged = prefetch.start(str(path))()
    assert staged.comments_pending == 0
    assert staged.finish() == open_post(str(path))
    assert_no_child_left()


@pytest.mark.parametrize("kind", ["missing", "directory", "binary"])
def test_load_errors_come_back_as_load_errors(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    if kind == "directory":
        path = tmp_path
    elif kind == "binary":
        path = tmp_path / "binary.bin"
        path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(LoadError) as in_line:
        open_in_stages(str(path))
    with pytest.raises(LoadError) as forked:
        prefetch.start(str(path))()
    assert str(forked.value) == str(in_line.value)
    assert_no_child_left()


def test_with_one_core_the_post_is_read_in_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "thread.txt"
    path.write_text(thread(800, 20), encoding="utf-8")
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    staged = prefetch.start(str(path))()
    assert not isinstance(staged, prefetch.PipedPost)  # no child: nothing to wait for
    assert staged.finish() == open_post(str(path))
    assert_no_child_left()


def _dead_child() -> int:
    """A child that is gone at once (the one whose pipe a test fills by hand)."""
    child = os.fork()
    if child == 0:
        os._exit(0)
    return child


@pytest.mark.parametrize("sent", [b"", b"not a pickle at all", pickle.dumps(("thread", 42))])
def test_a_child_that_dies_mid_read_or_sends_garbage_costs_nothing(
    sent: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "thread.txt"
    path.write_text(thread(800, 20), encoding="utf-8")
    in_line = open_in_stages(str(path))
    # The child sent the post, then died (nothing more) or sent garbage for the thread.
    read_end, write_end = os.pipe()
    os.write(write_end, sent)
    os.close(write_end)
    staged = prefetch.PipedPost(
        in_line.body, str(path), in_line.comments_pending, os.fdopen(read_end, "rb"), _dead_child()
    )
    assert staged.comments_pending > 0
    assert staged.finish() == open_post(str(path))
    assert staged.comments_pending == 0
    assert_no_child_left()


@pytest.mark.parametrize(
    "sent", [b"", b"garbage", pickle.dumps(("post", "not a post", 3)), pickle.dumps(42)]
)
def test_a_child_that_sends_garbage_first_is_read_in_line(sent: bytes, tmp_path: Path) -> None:
    path = tmp_path / "thread.txt"
    path.write_text(thread(800, 20), encoding="utf-8")
    read_end, write_end = os.pipe()
    os.write(write_end, sent)
    os.close(write_end)
    staged = prefetch._collect(str(path), _dead_child(), read_end)
    assert not isinstance(staged, prefetch.PipedPost)
    assert staged.finish() == open_post(str(path))
    assert_no_child_left()
