"""Properties of the parser over generated scrapes (hypothesis)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from postgen import FAMILIES, GeneratedPost, any_text, messy_posts, posts
from tests_support import letters_and_digits, model_letters_and_digits

from reader.parse import parse_post

# PROPERTY_EXAMPLES raises the count for a long local run.
SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
@given(any_text)
def test_parse_never_raises_on_any_text(text: str) -> None:
    post = parse_post(text)
    assert model_letters_and_digits(post) == letters_and_digits(text)


@SETTINGS
@given(messy_posts())
def test_nothing_is_lost_from_messy_posts(text: str) -> None:
    post = parse_post(text)
    assert model_letters_and_digits(post) == letters_and_digits(text)


@SETTINGS
@given(posts())
def test_nothing_is_lost_from_well_formed_posts(generated: GeneratedPost) -> None:
    post = parse_post(generated.text)
    assert model_letters_and_digits(post) == letters_and_digits(generated.text)


@SETTINGS
@given(st.sampled_from(FAMILIES).flatmap(lambda family: posts(family=family)))
def test_comment_tree_shape_is_recovered(generated: GeneratedPost) -> None:
    post = parse_post(generated.text)
    ids = [comment.id for comment in post.comments]
    parents = [
        None if comment.parent is None else ids.index(comment.parent) for comment in post.comments
    ]
    assert parents == generated.parents
    assert [c.author for c in post.comments] == generated.authors
    assert [c.date for c in post.comments] == generated.dates
    assert [len(c.paragraphs) for c in post.comments] == generated.paragraph_counts
    assert post.comments_header is not None
    assert post.comments_header.declared_count == len(generated.parents)
    for comment in post.comments:
        expected_depth = (
            0 if comment.parent is None else post.comment_by_id[comment.parent].depth + 1
        )
        assert comment.depth == expected_depth
        assert all(post.comment_by_id[reply].parent == comment.id for reply in comment.replies)


@SETTINGS
@given(posts(headings=True))
def test_headings_become_sections(generated: GeneratedPost) -> None:
    post = parse_post(generated.text)
    assert post.sections
    assert not any(section.title_inferred for section in post.sections)
    assert {section.level for section in post.sections} <= {1, 2}
