"""The post's title, in the order a reader looks for it; the file name only as a last resort."""

from __future__ import annotations

from pathlib import Path

from tests_support import letters_and_digits, model_letters_and_digits

from reader.model import Post, Source
from reader.parse import parse_post
from reader.pipeline import open_post

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _load(name: str) -> Post:
    return open_post(str(FIXTURES / name))


def _parse(text: str, name: str = "h_R278.txt") -> Post:
    post = parse_post(text, Source(name=name))
    assert model_letters_and_digits(post) == letters_and_digits(text)
    return post


def test_title_under_navigation_of_a_rendered_page() -> None:
    post = _load("page-nav-headed.txt")
    assert post.title == "The Lighthouse Keeper Who Painted the Sea"
    assert not post.title_inferred


def test_title_over_a_meta_line() -> None:
    post = _load("title-meta-line.txt")
    assert post.title == "Wheels Up…"
    assert not post.title_inferred
    # The dateline stays text: it is the post's own line, not a heading.
    assert all(
        not section.title.startswith("In Stories") or section.title_inferred
        for section in post.sections
    )


def test_title_over_a_meta_line_in_one_block_keeps_the_rest() -> None:
    post = _parse(
        "Chai-Spiced Cinnamon Rolls\nOctober 23, 2012\n\nI have had this idea for weeks.\n"
    )
    assert post.title == "Chai-Spiced Cinnamon Rolls"
    assert [p.text for p in post.paragraphs] == [
        "October 23, 2012",
        "I have had this idea for weeks.",
    ]


def test_title_under_a_date_split_over_lines() -> None:
    post = _load("title-split-date.txt")
    assert post.title == "Notes From a Small Allotment"
    assert not post.title_inferred
    chrome = [" ".join(piece.text.split()) for piece in post.boilerplate]
    assert chrome == ["27", "June", "2012"]
    assert post.paragraphs[0].text.startswith("The broad beans are up")


def test_title_under_a_dateline() -> None:
    post = _parse("Monday, October 22, 2012\nLittle gifts for friends\n\nDear all, a short note.\n")
    assert post.title == "Little gifts for friends"
    assert [piece.text for piece in post.boilerplate] == ["Monday, October 22, 2012"]
    # A date with a weekday and no year is a dateline too.
    post = _parse("Sunday, September 9\n\nprepping for a new week.\n\nNothing else today.\n")
    assert post.title == "prepping for a new week."


def test_title_over_a_byline_of_any_length() -> None:
    post = _parse(
        "Fat Head Open Updates\nPosted by Tom Naughton in News and Reviews\n\n"
        "I will not be writing an actual post tonight.\n"
    )
    assert post.title == "Fat Head Open Updates"
    # A title may start with "In": it is not a byline.
    post = _parse(
        "In Copenhagen…\nIn The Field, Rambling at 2:24am\n\nWhich remains a favourite.\n"
    )
    assert post.title == "In Copenhagen…"


def test_title_named_by_the_comments_header() -> None:
    post = _load("title-comments-header.txt")
    assert post.title == "The Leeks Have Won"
    assert not post.title_inferred
    # Without the header the site's name at the top would have been taken.
    assert post.sections[0].title == "My Garden Diary"
    assert post.comments_header is not None


def test_title_named_by_the_comments_header_only() -> None:
    text = (
        "We planted forty leeks in April and have counted eleven this morning, which is\n"
        "fewer than last year and more than the year before.\n\n"
        "12 thoughts on “The Leeks Have Won”\n\n"
        "Helen says:\nJune 28, 2012 at 8:15 am\n\nNet them!\n"
    )
    post = _parse(text)
    assert post.title == "The Leeks Have Won"
    # Its words are the header's: the title is marked inferred so nothing counts twice.
    assert post.title_inferred


def test_gutenberg_title_field() -> None:
    post = _load("gutenberg-moby-dick.txt")
    assert post.title == "Moby-Dick; or The Whale"
    assert not post.title_inferred


def test_explicit_title_field_at_the_top() -> None:
    post = _parse("Title: A Field Guide to Moss\n\nMoss grows where little else will.\n")
    assert post.title == "A Field Guide to Moss"
    assert "Title:" in [piece.text for piece in post.boilerplate]


def test_markdown_title_wins_over_a_meta_line_rule() -> None:
    post = _parse(
        "# Field Notes\n\nPosted on March 3, 2013\n\nMoss grows where little else will.\n"
    )
    assert post.title == "Field Notes"


def test_file_name_only_when_nothing_can_be_the_title() -> None:
    sentence = (
        "This is a long opening sentence that runs on well past what any title would say, "
        "and it keeps going with clause after clause until it is clearly a paragraph of "
        "text rather than a heading of any kind."
    )
    post = _parse(f"{sentence}\n\n{sentence}\n")
    assert post.title == "H R278"
    assert post.title_inferred


def test_sample_title_is_unchanged(sample_post: Post) -> None:
    assert sample_post.title == "Social Media and The Police 3yrs On"
    assert not sample_post.title_inferred
