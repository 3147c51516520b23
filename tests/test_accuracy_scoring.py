"""The accuracy benchmark's own rules: how a title and a page split are judged."""

from __future__ import annotations

import sys

import pytest
from corpus import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from accuracy import score_split, title_matches  # noqa: E402


@pytest.mark.parametrize(
    ("found", "declared", "right"),
    [
        ("The  “Big” Day", 'the "big" day', True),  # case, quotes and white space
        ("Penny", "Penny - Stardew Valley Wiki", True),  # TITLE - Site
        ("Bielersee-Winterhechte", "Bielersee-Winterhechte | petri-heil.ch | Dein Portal", True),
        ("Jens Weber", "Studio | Jens Weber", True),  # Site | TITLE, the site shorter
        ("Hummeln", "Tote Hummeln unter Linden: Die Erklärung | Hummeln", False),  # the site
        ("Tote Hummeln unter Linden", "Tote Hummeln unter Linden: Die Erklärung", False),
        ("", "Anything", False),
    ],
)
def test_title_is_judged_by_the_declared_title_or_its_post_part(
    found: str, declared: str, right: bool
) -> None:
    assert title_matches(found, declared) is right


def test_a_split_is_scored_by_words_on_each_side() -> None:
    article = "the river rose in the night and the town woke to water"
    comments = "great post jane thanks for writing"
    perfect = score_split("p", article, comments, article, comments)
    assert (perfect.comment_recall, perfect.body_recall, perfect.leak) == (1.0, 1.0, 0.0)
    assert perfect.separated
    leaky = score_split("p", article, comments, article + " " + comments, "")
    assert leaky.comment_recall == 0.0 and leaky.leak > 0.3 and not leaky.separated
