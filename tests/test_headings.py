"""Headings: chapter titles wrapped onto a second line, and tables of contents."""

from __future__ import annotations

from tests_support import letters_and_digits, model_letters_and_digits

from reader.parse import parse_post
from reader.parse.blocks import Block
from reader.parse.headings import RANK_CHAPTER, Heading, classify_heading, in_contents

# The three chapter headings Project Gutenberg's Moby-Dick (#2701) wraps onto two lines.
WRAPPED = {
    "CHAPTER 56. Of the Less Erroneous Pictures of Whales, and the True\n"
    "Pictures of Whaling Scenes.": "CHAPTER 56. Of the Less Erroneous Pictures of Whales, "
    "and the True Pictures of Whaling Scenes.",
    "CHAPTER 57. Of Whales in Paint; in Teeth; in Wood; in Sheet-Iron; in\n"
    "Stone; in Mountains; in Stars.": "CHAPTER 57. Of Whales in Paint; in Teeth; in Wood; "
    "in Sheet-Iron; in Stone; in Mountains; in Stars.",
    "CHAPTER 73. Stubb and Flask kill a Right Whale; and Then Have a Talk\n"
    "over Him.": "CHAPTER 73. Stubb and Flask kill a Right Whale; and Then Have a Talk over Him.",
}


def _block(text: str) -> Block:
    return Block(text, 0, len(text))


def test_wrapped_chapter_heading_is_one_heading() -> None:
    for text, title in WRAPPED.items():
        heading = classify_heading(_block(text))
        assert heading == Heading(title, RANK_CHAPTER, strong=True)


def test_a_chapter_line_over_its_first_sentence_is_not_joined() -> None:
    # Short heading lines are not wrapped: the next line is the chapter's text.
    assert classify_heading(_block("CHAPTER I\nIt was a dark night.")) is None
    assert classify_heading(_block("CHAPTER 1. Loomings.\nCall me Ishmael.")) is None
    # Nor is a heading whose first line ends a sentence.
    long_first = "CHAPTER 12. The Long Road Home from the Harbour to the Hills Ended."
    assert classify_heading(_block(long_first + "\nThen it rained.")) is None


def test_wrapped_headings_in_a_book() -> None:
    chapters = "\n\n".join(f"{text}\n\nSome text of the chapter." for text in WRAPPED)
    text = f"CHAPTER 55. Of the Monstrous Pictures of Whales.\n\nText.\n\n{chapters}\n"
    post = parse_post(text)
    assert [section.title for section in post.sections] == [
        "CHAPTER 55. Of the Monstrous Pictures of Whales.",
        *WRAPPED.values(),
    ]
    assert all(len(section.paragraphs) == 1 for section in post.sections)
    assert model_letters_and_digits(post) == letters_and_digits(text)


def test_contents_list_is_text_and_each_chapter_a_section_once() -> None:
    entries = ["CHAPTER 1. Loomings.", "CHAPTER 2. The Carpet-Bag.", "CHAPTER 3. The Spouter-Inn."]
    body = "\n\n".join(f"{entry}\n\nText of {entry[8:10].strip()}." for entry in entries)
    text = "CONTENTS\n\n" + "\n\n".join(entries) + "\n\n" + body + "\n"
    post = parse_post(text)
    assert [section.title for section in post.sections if not section.title_inferred] == entries
    assert all(section.paragraphs for section in post.sections)
    assert model_letters_and_digits(post) == letters_and_digits(text)


def test_in_contents_needs_a_run_of_one_rank() -> None:
    book = Heading("BOOK ONE", 1, strong=True)
    one, two, three = (Heading(f"CHAPTER {n}", 2, strong=True) for n in ("I", "II", "III"))
    # BOOK then CHAPTER (two ranks) is how books open, not a contents list.
    assert in_contents([book, one, None]) == set()
    assert in_contents([one, two, three, None]) == {0, 1, 2}
    assert in_contents([one, two, None, three]) == set()
    # The first chapter straight after the list repeats an entry and stays a heading.
    assert in_contents([one, two, three, one, None]) == {0, 1, 2}
