"""Hand-written scrapes, one or more per comment family: author, date and nesting."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_support import assert_parents_follow_numbers

from reader.model import Post
from reader.pipeline import open_post

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# (number as shown, author, date, number of paragraphs) in document order.
EXPECTED = {
    "wordpress-says.txt": [
        ("1", "Marta Kowalska", "March 3, 2013 at 11:42 pm", 1),
        ("1.1", "kestrelrides", "March 4, 2013 at 8:15 am", 1),
        ("2", "Dev Mistry", "March 5, 2013 at 6:02 pm", 2),
    ],
    "wordpress-date-slash.txt": [
        ("1", "Helen Frost", "11. Jul, 2012", 1),
        ("1.1", "Bob", "12. Jul, 2012", 1),
        ("1.1.1", "Helen Frost", "12. Jul, 2012", 1),
    ],
    "wordpress-twenty-eleven.txt": [
        ("1", "Ruth Ade", "May 2, 2015 at 7:03 am", 1),
        ("1.1", "Gareth", "May 2, 2015 at 9:30 am", 1),
    ],
    "wordpress-numbered-bylines.txt": [
        ("1", "Ingrid Sol", "June 14, 2016 at 6:48 am", 1),
        ("1.1", "Tomasz", "June 14, 2016 at 7:30 am", 1),
        ("2", "Wen Li", "June 15, 2016 at 9:12 pm", 1),
    ],
    "blogger.txt": [
        ("1", "Anonymous", "March 4, 2012 at 10:15 AM", 1),
        ("2", "Alice", "March 4, 2012", 1),
        ("3", "Sam Okafor", "March 6, 2012 at 7:40 PM", 2),
        ("4", "Pat", "3/7/2012 8:02 AM", 1),
    ],
    "blogger-threaded.txt": [
        ("1", "Nadia Haddad", "April 9, 2019 at 8:11 AM", 1),
        ("1.1", "Jon Ellery", "April 9, 2019 at 9:40 AM", 1),
        ("2", "Priya Raman", "April 10, 2019 at 1:05 PM", 1),
    ],
}


def _load(name: str) -> Post:
    return open_post(str(FIXTURES / name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_family_recovers_author_date_and_nesting(name: str) -> None:
    post = _load(name)
    found = [
        (post.comment_number(c.id), c.author, c.date, len(c.paragraphs)) for c in post.comments
    ]
    assert found == EXPECTED[name]
    assert_parents_follow_numbers(post)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_family_keeps_chrome_out_of_the_reading_text(name: str) -> None:
    post = _load(name)
    reading = [p.text for c in post.comments for p in c.paragraphs] + [
        p.text for p in post.paragraphs
    ]
    for chrome in ("Reply", "Delete", "says:", "said...", "Leave a Reply", "Post a Comment"):
        assert chrome not in reading
        assert not any(text.endswith(chrome) for text in reading)
    chrome_texts = {" ".join(b.text.split()) for b in post.boilerplate}
    assert chrome_texts, "the page chrome went somewhere"


def test_declared_counts() -> None:
    assert _load("wordpress-says.txt").comments_header.declared_count == 3  # type: ignore[union-attr]
    assert _load("blogger.txt").comments_header.declared_count == 4  # type: ignore[union-attr]
    assert _load("blogger-threaded.txt").comments_header.text == "3 comments:"  # type: ignore[union-attr]


def test_blogger_post_footer_is_chrome() -> None:
    post = _load("blogger.txt")
    chrome = [b.text for b in post.boilerplate]
    assert "Posted by Alice at 9:14 PM" in chrome
    assert "Labels: walking, lakes" in chrome
    assert "Subscribe to: Post Comments (Atom)" in chrome
    assert [p.text[:11] for p in post.paragraphs] == ["We walked f"]


def test_wordpress_form_and_share_bar_are_chrome() -> None:
    post = _load("wordpress-says.txt")
    chrome = [" ".join(b.text.split()) for b in post.boilerplate]
    assert "Share this:" in chrome
    assert "Leave a Reply Cancel reply" in chrome
    assert "Notify me of new posts by email." in chrome
    assert post.paragraphs[-1].text.startswith("The drivers know everyone.")
