"""Helpers shared by test modules (imported by name: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import unicodedata
from collections import Counter

from reader.model import Post
from reader.resources import sample_path

SAMPLE = sample_path()
"""The bundled sample post, wherever the installed reader keeps it."""


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def letters_and_digits(text: str) -> Counter[str]:
    """Every letter and digit (Unicode categories L* and N*), counted."""
    return Counter(char for char in text if unicodedata.category(char)[0] in "LN")


def model_letters_and_digits(post: Post) -> Counter[str]:
    total: Counter[str] = Counter()
    for piece in post.text_pieces():
        total.update(letters_and_digits(piece))
    return total


def assert_parents_follow_numbers(post: Post) -> None:
    """Every comment's parent is the one its number says ("1.1" answers "1")."""
    for comment in post.comments:
        parent_number = post.comment_number(comment.id).rpartition(".")[0]
        if comment.parent is None:
            assert parent_number == ""
        else:
            assert post.comment_number(comment.parent) == parent_number
