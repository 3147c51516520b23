"""A few real scrapes from the development set, one per byline family.

The truth marker line in each file splits the page into its article and its comments;
the parser reads the page without it and must put the comments in the thread (with
their authors and dates) and the article in the post.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from corpus import ROOT, unpack

sys.path.insert(0, str(ROOT / "bench"))
from accuracy import post_text, read_scrape, score_split, thread_text  # noqa: E402

from reader.parse import parse_post  # noqa: E402

# page: (first comment's author, its date, a reply's author or None)
PAGES = {
    "458": ("David Janke", "07.13.12 at 07:34", None),  # NAME 07.13.12 at 07:34
    "172": ("Courtney", "09. Jul, 2012", None),  # 09. Jul, 2012 / NAME says:
    "239": ("Darkness404", "Monday July 23, @08:25PM", "Taco Cowboy"),  # Slashdot
    "R278": ("Paul Howard", "October 30, 2012 at 11:02 am", None),  # glued NAME says:
    "R919": ("Paul Titov", "November 9, 2012 4:29 PM", None),  # Blogger, date after
    "102": ("james", "January 31, 2011 at 9:59 am", None),  # by NAME on DATE. closing
    "119": ("jackienoriega", "July 7, 2012 at 12:27 am", "cheerleader"),  # nested by indent
    "R663": ("Bob James", "October 30, 2012 at 08:58 AM", None),  # Posted by: NAME | DATE
    "R35": ("NFreak007", None, None),  # a bare name over each comment
}


@pytest.fixture(scope="module")
def scrapes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("scrapes")
    return unpack("scrapes-dev", [f"{name}.txt" for name in PAGES], folder)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_real_scrape_is_separated(scrapes: Path, name: str) -> None:
    text, split, source = read_scrape(scrapes / f"{name}.txt")
    post = parse_post(text, source)
    author, date, replier = PAGES[name]
    first = post.comments[0]
    assert (first.author, first.date) == (author, date)
    if replier is not None:
        reply = next(c for c in post.comments if c.author == replier)
        assert reply.parent is not None
    score = score_split(name, text[:split], text[split:], post_text(post), thread_text(post))
    assert score.comment_recall >= 0.9
    assert score.body_recall >= 0.97
    assert score.leak <= 0.05
