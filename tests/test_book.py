"""A whole hard-wrapped book: two-level sections in order, re-flowed paragraphs."""

from __future__ import annotations

import re

from conftest import BOOK
from tests_support import letters_and_digits, model_letters_and_digits

from reader.load import read_source
from reader.model import Post

ROMAN = re.compile(r"^CHAPTER [IVXLC]+$")


def test_two_level_sections_in_document_order(book_post: Post) -> None:
    top = [s for s in book_post.sections if s.level == 1]
    chapters = [s for s in book_post.sections if s.level == 2]
    assert len([s for s in top if s.title.startswith("BOOK ")]) == 15
    assert [s.title for s in top if "EPILOGUE" in s.title] == [
        "FIRST EPILOGUE: 1813 - 20",
        "SECOND EPILOGUE",
    ]
    assert len(top) == 17
    assert len(chapters) == 365
    assert all(ROMAN.match(s.title) for s in chapters)
    assert {s.level for s in book_post.sections} == {1, 2}
    assert book_post.sections[0].title == "BOOK ONE: 1805"
    assert book_post.sections[1].title == "CHAPTER I"
    assert book_post.sections[-1].title == "CHAPTER XII"
    spans = [s.span[0] for s in book_post.sections]
    assert spans == sorted(spans)
    assert [s.id for s in book_post.sections] == [f"s{i}" for i in range(1, 383)]
    # Chapters restart at I under every book.
    for index, section in enumerate(book_post.sections[:-1]):
        if section.level == 1:
            assert book_post.sections[index + 1].title == "CHAPTER I"
    assert not any(s.title_inferred for s in book_post.sections)


def test_paragraphs_are_reflowed(book_post: Post) -> None:
    first = book_post.sections[1].paragraphs[0]
    assert first.text.startswith(
        '"Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes. But'
    )
    assert "\n" not in first.text
    wrapped = [p for p in book_post.paragraphs if "\n" in p.text]
    # Only verse keeps its line breaks.
    assert len(wrapped) <= 10
    assert all(max(len(line) for line in p.text.split("\n")) < 60 for p in wrapped)


def test_nothing_is_lost_from_the_book(book_post: Post) -> None:
    text = read_source(str(BOOK)).text
    assert model_letters_and_digits(book_post) == letters_and_digits(text)
