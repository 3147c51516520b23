"""Search: plain and regex, smartcase, typographic folding, ids and labels."""

from __future__ import annotations

import re
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Post
from reader.parse import parse_post
from reader.search import _FOLD, Query, QueryError, SearchIndex, _plain_pattern, find_matches


def test_straight_apostrophe_finds_curly(sample_post: Post) -> None:
    (match,) = find_matches(sample_post, Query("don't get it"))
    paragraph = next(p for p in sample_post.paragraphs if p.id == match.block_id)
    assert paragraph.text[match.start : match.end] == "don’t get it"
    assert match.block_id == "p21"
    assert match.label == "§5 ¶8"
    assert not match.in_comments


def test_labels_for_title_comments_and_replies(sample_post: Post) -> None:
    assert [m.label for m in find_matches(sample_post, Query("3yrs On"))] == ["title", "comments"]
    (recruits,) = find_matches(sample_post, Query("recruits"))
    assert (recruits.block_id, recruits.label, recruits.in_comments) == (
        "c2.p2",
        "comment 1.1 ¶2",
        True,
    )


def test_smartcase() -> None:
    post = parse_post("Title\n\nThe cat sat. the dog ran. THE end of it all.\n")
    assert len(find_matches(post, Query("the"))) == 3
    assert len(find_matches(post, Query("The"))) == 1
    assert len(find_matches(post, Query("the", case_sensitive=True))) == 1
    assert len(find_matches(post, Query("THE", case_sensitive=False))) == 3


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("“quoted”", '"quoted"'),
        ('"quoted"', "“quoted”"),
        ("well-known", "well—known"),
        ("wait...", "wait…"),
        ("wait…", "wait…"),
        ("no break", "no\u00a0break"),
        ("two  spaces", "two spaces"),
        ("line end", "line\nend"),
    ],
)
def test_typographic_folding(query: str, found: str) -> None:
    post = parse_post(f"Title\n\nBefore {found} after, and nothing else of note.\n")
    (match,) = find_matches(post, Query(query))
    text = post.paragraphs[0].text
    assert " ".join(text[match.start : match.end].split()) == " ".join(found.split())


def test_regex_and_bad_regex(sample_post: Post) -> None:
    matches = find_matches(sample_post, Query(r"@\w+cop", regex=True))
    assert matches and all(m.block_id.startswith("p") for m in matches)
    with pytest.raises(QueryError, match="regular expression"):
        find_matches(sample_post, Query("(unclosed", regex=True))


def test_matches_never_cross_blocks() -> None:
    post = parse_post("Title\n\nfirst ends here\n\nsecond starts here\n")
    assert find_matches(post, Query(r"here.second", regex=True)) == []
    assert find_matches(post, Query(r"here\s+second", regex=True)) == []


def test_empty_query_finds_nothing(sample_post: Post) -> None:
    assert find_matches(sample_post, Query("   ")) == []
    assert find_matches(sample_post, Query("x*", regex=True))  # zero-width hits are dropped
    assert all(m.end > m.start for m in find_matches(sample_post, Query("x*", regex=True)))


def test_counting_a_common_word_in_the_book(book_post: Post) -> None:
    index = SearchIndex(book_post)
    matches = index.find(Query("the"))
    assert len(matches) > 30000
    assert [m.block_id for m in matches[:3]][0].startswith("p")
    natasha = index.find(Query("Natásha"))
    assert len(natasha) > 500


_ALPHABET = "abcdeABCDE éÉàÀ’'-–\n" + "xyzXYZ"


@settings(max_examples=200, deadline=None)
@given(
    paragraphs=st.lists(st.text(_ALPHABET, min_size=1, max_size=60), min_size=1, max_size=6),
    query=st.text("abcdeABCDE éÉàÀ'-", min_size=1, max_size=4),
)
def test_case_insensitive_search_finds_what_ignorecase_finds(
    paragraphs: list[str], query: str
) -> None:
    """The fast path (lowered text) agrees with a case-insensitive regex over the blocks."""
    text = "Title\n\n" + "\n\n".join(p.replace("\n", " ").strip() or "x" for p in paragraphs)
    post = parse_post(text)
    index = SearchIndex(post)
    lowered = Query(query.lower(), accent_sensitive=True)  # accents: test_search_accents
    found = [(m.block_id, m.start, m.end) for m in index.find(lowered)]
    pattern = re.compile(_plain_pattern(query.lower()), re.IGNORECASE)
    expected = [
        (block.id, hit.start(), hit.end())
        for block in index.blocks
        for hit in pattern.finditer(block.text.translate(_FOLD))
        if hit.start() != hit.end()
    ]
    assert found == expected


def test_a_regex_with_a_future_warning_is_quiet(sample_post: Post) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        matches = find_matches(sample_post, Query("[[a]", regex=True))
    assert matches == find_matches(sample_post, Query("[\\[a]", regex=True))
