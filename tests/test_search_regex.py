"""Regular expressions match block by block, as a person reading the blocks expects."""

from __future__ import annotations

import os
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from postgen import GeneratedPost, posts

from reader.model import Post
from reader.parse import parse_post
from reader.search import Query, SearchIndex, fold, searchable_blocks

SETTINGS = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")), deadline=None)

TEXT = (
    "Steve Is Benign\n\n"
    "So the tumour they called Steve was no worse than a nuisance, and now it has happened.\n\n"
    "I think Steve was suppressing your vocabulary, the smart ass. So much for Steve.\n\n"
    "Steve, a pain in the ass, is gone and that is what happened.\n"
)


def _found(post: Post, text: str, case_sensitive: bool | None = None) -> list[str]:
    index = SearchIndex(post)
    blocks = {block.id: block.text for block in searchable_blocks(post)}
    query = Query(text, regex=True, case_sensitive=case_sensitive)
    return [blocks[m.block_id][m.start : m.end] for m in index.find(query)]


def test_dot_star_matches_to_the_end_of_its_block_not_beyond() -> None:
    post = parse_post(TEXT)
    assert _found(post, "Steve.*") == [
        "Steve Is Benign",  # the title is searched too
        "Steve was no worse than a nuisance, and now it has happened.",
        "Steve was suppressing your vocabulary, the smart ass. So much for Steve.",
        "Steve, a pain in the ass, is gone and that is what happened.",
    ]


def test_a_short_gap_and_a_long_one_find_what_they_should() -> None:
    post = parse_post(TEXT)
    assert _found(post, "Steve.{0,3}ass") == []
    assert _found(post, "Steve.*ass") == [
        "Steve was suppressing your vocabulary, the smart ass",
        "Steve, a pain in the ass",
    ]


def test_caret_and_dollar_are_a_blocks_start_and_end() -> None:
    post = parse_post(TEXT)
    assert _found(post, "^So") == ["So"]  # "So much" is inside its block
    assert len(_found(post, "happened\\.$")) == 2
    assert _found(post, "ass\\.$") == []


def test_multiline_flag_makes_them_a_lines_start_and_end() -> None:
    post = parse_post("Verse\n\nRoses are red,\nviolets are blue,\nso are you.\n\nThe end of it.\n")
    assert _found(post, "(?m)^[a-z]+", case_sensitive=True) == ["violets", "so"]
    assert _found(post, "(?m),$") == [",", ","]
    assert _found(post, "^[a-z]+", case_sensitive=True) == []
    assert _found(post, "you\\.$") == ["you."]  # the block's end, not each line's


# --- the property: per-block matching, and plain queries as escaped regexes -------------

ATOMS = st.sampled_from(["a", "e", "o", "s", "t", "n", " ", ".", r"\w", r"\s", "[aeiou]", "[^ ]"])
QUANTIFIERS = st.sampled_from(["", "", "*", "+", "?", "{0,3}", "{1,2}"])


@st.composite
def regexes(draw: st.DrawFn) -> str:
    pieces = [draw(ATOMS) + draw(QUANTIFIERS) for _ in range(draw(st.integers(1, 5)))]
    if draw(st.booleans()):
        pieces.insert(draw(st.integers(0, len(pieces))), "|")
    body = "".join(pieces).strip("|")
    if not body.strip():
        body = "a"  # a blank query is no query
    return draw(st.sampled_from(["", "^", "(?m)^"])) + body + draw(st.sampled_from(["", "$"]))


@SETTINGS
@given(posts(), regexes(), st.booleans())
def test_regex_matches_are_every_blocks_own(
    generated: GeneratedPost, pattern: str, case_sensitive: bool
) -> None:
    post = parse_post(generated.text)
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        compiled = re.compile(pattern, flags)
    except re.error:
        assume(False)  # " *" and the like: the search bar reports those, tested elsewhere
    expected = [
        (block.id, m.start(), m.end())
        for block in searchable_blocks(post)
        for m in compiled.finditer(fold(block.text))
        if m.start() != m.end()
    ]
    query = Query(pattern, regex=True, case_sensitive=case_sensitive)
    found = [(m.block_id, m.start, m.end) for m in SearchIndex(post).find(query)]
    assert found == expected


@SETTINGS
@given(posts(), st.text(alphabet="aeinorst'", min_size=1, max_size=6), st.booleans())
def test_a_plain_query_finds_what_its_escaped_regex_finds(
    generated: GeneratedPost, word: str, case_sensitive: bool
) -> None:
    post = parse_post(generated.text)
    index = SearchIndex(post)
    plain = index.find(Query(word, case_sensitive=case_sensitive))
    escaped = index.find(Query(re.escape(word), regex=True, case_sensitive=case_sensitive))
    assert plain == escaped
