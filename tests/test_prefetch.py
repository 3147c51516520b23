"""The post parsed in a second process gives exactly what parsing in line gives."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SAMPLE
from hostile import thread

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
    assert isinstance(staged, prefetch._PipedPost)  # it did come from the child
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
