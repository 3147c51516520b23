"""A Project Gutenberg book as distributed: header, contents, chapters, licence, CRLF."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_support import letters_and_digits, model_letters_and_digits

from reader.model import Post
from reader.parse import parse_post
from reader.pipeline import open_post

BOOK = Path(__file__).resolve().parent / "fixtures" / "gutenberg-moby-dick.txt"

CHAPTERS = [
    "CHAPTER 1. Loomings.",
    "CHAPTER 55. Of the Monstrous Pictures of Whales.",
    "CHAPTER 56. Of the Less Erroneous Pictures of Whales, and the True Pictures of Whaling "
    "Scenes.",
    "CHAPTER 57. Of Whales in Paint; in Teeth; in Wood; in Sheet-Iron; in Stone; in Mountains; "
    "in Stars.",
    "CHAPTER 73. Stubb and Flask kill a Right Whale; and Then Have a Talk over Him.",
]


@pytest.fixture(scope="module")
def book() -> Post:
    return open_post(str(BOOK))


def test_fixture_is_crlf() -> None:
    assert b"\r\n" in BOOK.read_bytes()


def test_title_from_the_header(book: Post) -> None:
    assert book.title == "Moby-Dick; or The Whale"
    assert not book.title_inferred
    chrome = [piece.text for piece in book.boilerplate]
    assert "Title:" in chrome
    assert not any("Moby-Dick; or The Whale" == piece for piece in chrome)


def test_every_chapter_once_with_its_whole_title(book: Post) -> None:
    titles = [section.title for section in book.sections if not section.title_inferred]
    assert titles == CHAPTERS
    assert all(section.paragraphs for section in book.sections)
    # The contents list is kept as text before the first chapter.
    opening = [paragraph.text for paragraph in book.sections[0].paragraphs]
    assert "CONTENTS" in opening


def test_header_and_licence_are_set_aside(book: Post) -> None:
    chrome = " ".join(piece.text for piece in book.boilerplate)
    reading = " ".join(p.text for p in book.paragraphs)
    for aside in (
        "Author: Herman Melville",
        "Produced by",
        "*** START OF THE PROJECT GUTENBERG EBOOK",
        "*** END OF THE PROJECT GUTENBERG EBOOK",
        "THE FULL PROJECT GUTENBERG LICENSE",
    ):
        assert aside in chrome
        assert aside not in reading
    assert "Call me Ishmael." in reading


def test_nothing_is_lost(book: Post) -> None:
    text = BOOK.read_text(encoding="utf-8-sig")
    post = parse_post(text)
    assert model_letters_and_digits(post) == letters_and_digits(text)


def test_raw_crlf_text_parses_the_same() -> None:
    raw = BOOK.read_bytes().decode("utf-8-sig")
    assert "\r\n" in raw
    post = parse_post(raw)
    assert post.title == "Moby-Dick; or The Whale"
    assert [s.title for s in post.sections if not s.title_inferred] == CHAPTERS
    assert model_letters_and_digits(post) == letters_and_digits(raw)
