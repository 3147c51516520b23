"""The command line, run as a person runs it: a subprocess with exit codes and stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests_support import SAMPLE

from reader import __version__

ROOT = Path(__file__).resolve().parent.parent
BOOK = Path(__file__).resolve().parent / "data" / "war-and-peace.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("reader: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_search_finds_typographic_apostrophe_with_a_straight_one() -> None:
    result = run("--search", "don't get it", str(SAMPLE))
    assert result.returncode == 0
    assert "don’t get it" in result.stdout
    assert "at all" in result.stdout
    assert result.stdout.startswith("p21:")


def test_search_with_no_match_exits_1() -> None:
    result = run("--search", "zebra crossing", str(SAMPLE))
    assert result.returncode == 1
    assert result.stdout == ""


def test_bad_regex_is_one_line() -> None:
    assert_one_line_error(
        run("--search", "(unclosed", "--regex", str(SAMPLE)), "regular expression"
    )


def test_missing_path(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path / "nope.txt")), "no such file")


def test_directory(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path)), "directory")


def test_binary_file(tmp_path: Path) -> None:
    binary = tmp_path / "a.out"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    assert_one_line_error(run("--dump", "json", str(binary)), "binary")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("hidden")
    secret.chmod(0)
    assert_one_line_error(run(str(secret)), "permission denied")


def test_unreadable_file_as_root_is_still_one_line(tmp_path: Path) -> None:
    # A FIFO with nobody writing would block; a dangling symlink is unreadable for everyone.
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone")
    assert_one_line_error(run(str(link)), "no such file")


def test_bad_usage_is_one_line() -> None:
    assert_one_line_error(run("--dump", "xml", str(SAMPLE)), "invalid choice")
    assert_one_line_error(run("--regex", str(SAMPLE)), "--search")


def test_empty_file_is_a_valid_empty_post(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("--dump", "json", str(empty))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["sections"] == [] and data["comments"] == []


def test_empty_stdin_is_a_valid_empty_post() -> None:
    result = run("--dump", "json", "-", stdin=b"")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"]["name"] == "<stdin>"


def test_stdin_dump_matches_the_file_dump() -> None:
    from_file = json.loads(run("--dump", "json", str(SAMPLE)).stdout)
    from_stdin = json.loads(run("--dump", "json", "-", stdin=SAMPLE.read_bytes()).stdout)
    from_file["source"]["name"] = from_stdin["source"]["name"]
    assert from_file == from_stdin


def test_no_path_means_the_bundled_sample() -> None:
    result = run("--dump", "outline")
    assert result.returncode == 0
    assert result.stdout.startswith("Social Media and The Police 3yrs On\n")


def test_outline_of_the_book() -> None:
    result = run("--dump", "outline", str(BOOK))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "  s1  BOOK ONE: 1805  (0 paragraphs)" in lines
    assert lines[5] == "    s2  CHAPTER I  (42 paragraphs)"
    assert "Sections: 382, paragraphs: 11341" in lines


def test_markdown_dump() -> None:
    result = run("--dump", "markdown", str(SAMPLE))
    assert result.returncode == 0
    text = result.stdout
    assert text.startswith("# Social Media and The Police 3yrs On\n")
    assert "\n## Not so fast.\n" in text
    assert "\n## 12 thoughts on “Social Media and The Police 3yrs On”\n" in text
    assert "\n> > **1.1**\n" in text
    assert "Leave a Reply" not in text


def test_installed_command_runs_from_another_directory(tmp_path: Path) -> None:
    command = Path(sys.executable).parent / "reader"
    assert command.exists(), "the reader console script is installed beside python"
    result = subprocess.run(
        [str(command), "--dump", "outline"], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Social Media and The Police 3yrs On\n")


def test_outline_and_search_mark_hidden_characters_json_keeps_them(tmp_path: Path) -> None:
    """A bidi override or a zero-width space would reorder or hide text in a terminal."""
    path = tmp_path / "trojan.txt"
    path.write_text(
        "Title \u202eevil\u202c here\n\nThe admin\u200b account is \u2066safe\u2069 today.\n",
        encoding="utf-8",
    )
    outline = run("--dump", "outline", str(path))
    assert outline.returncode == 0
    assert "Title ⇄evil⇄ here" in outline.stdout
    found = run("--search", "admin", str(path))
    assert found.returncode == 0
    assert "[admin]⦙ account is ⇄safe⇄ today." in found.stdout
    for hidden in "\u202e\u202c\u200b\u2066\u2069":
        assert hidden not in outline.stdout + found.stdout
    dumped = json.loads(run("--dump", "json", str(path)).stdout)
    assert dumped["title"] == "Title \u202eevil\u202c here"
    assert "\u200b" in dumped["sections"][0]["paragraphs"][0]["text"]


def test_dash_with_a_terminal_on_standard_input_says_what_it_reads(tmp_path: Path) -> None:
    # A terminal on standard input: nothing was piped, so the reader would show a blank
    # screen waiting for a document to be typed.
    pty = pytest.importorskip("pty")
    leader, follower = pty.openpty()
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "reader", "-"],
            stdin=follower,
            capture_output=True,
            timeout=30,
            env={**os.environ, "XDG_STATE_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)},
        )
    finally:
        os.close(leader)
        os.close(follower)
    result = subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode(), completed.stderr.decode()
    )
    assert_one_line_error(result, "- reads a piped document", "cat post.txt | reader -")


def test_help_names_the_settings_and_the_new_options() -> None:
    result = run("--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--fresh" in text and "do not restore the place" in text
    assert "--theme NAME" in text
    assert "config.toml" in text
