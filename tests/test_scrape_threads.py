"""Comment threads found by their shape: one hand-written scrape per byline family.

Each fixture is written in the style of a family seen on real pages (no comments header
in any of them): the thread must be found, and each comment must keep its author, its
date, its text and its place in the tree; the post must keep its own text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_support import assert_parents_follow_numbers

from reader.model import Post
from reader.parse import parse_in_stages, parse_post
from reader.pipeline import open_post

SCRAPES = Path(__file__).resolve().parent / "fixtures" / "scrapes"

# (number as shown, author, date, first words of the first paragraph) in document order.
EXPECTED: dict[str, list[tuple[str, str | None, str | None, str]]] = {
    # "Name says:" over "on DATE", each byline glued to the comment above it.
    "says-glued.txt": [
        ("1", "Paul Howard", "October 30, 2012 at 11:02 am", "So you don't get bored"),
        ("2", "craig krizek", "October 30, 2012 at 11:04 am", "Great perspective!!"),
        ("2.1", "Maya Lind", "October 30, 2012 at 12:40 pm", "The singing driver"),
        ("3", "John Crocker", "October 30, 2012 at 11:15 am", "Joe, without a doubt"),
    ],
    # Blogger: "Name said...", the body indented, the date after it.
    "blogger-indented.txt": [
        ("1", "tRiSh", "September 10, 2012 4:45 AM", "pfffiou that's exactly"),
        ("2", "Ankita", "September 10, 2012 6:14 AM", "Wish I could think"),
        ("3", "Amie", "September 10, 2012 8:44 AM", "Ohmygosh, you're back!"),
    ],
    # "Name 07.15.12 at 11:59", the body indented under it; replies indented further.
    "name-dotted-date.txt": [
        ("1", "Chris Nahr", "07.15.12 at 11:59", "Secondary source, John."),
        ("2", "John", "07.15.12 at 12:43", "Even if the language"),
        ("2.1", "Matthew Wyatt", "07.15.12 at 12:58", "@Chris - see, this is why"),
        ("3", "Michael Watts", "07.15.12 at 13:09", "But the association"),
    ],
    # Slashdot: "by Name (karma) on DATE (#id)", "by Anonymous Coward", nested by indent.
    "slashdot.txt": [
        ("1", "Darkness404", "Monday July 23, @08:25PM", "Easier headline"),
        ("1.1", "Taco Cowboy", "Monday July 23, @08:35PM", "Say nothing but good things."),
        ("1.1.1", "Anonymous Coward", None, "Tell the boss"),
        ("2", "garaged", None, "I never had one."),
    ],
    # "09. Jul, 2012 / Name says:"
    "date-slash-says.txt": [
        ("1", "Courtney", "09. Jul, 2012", "That, my friend"),
        ("2", "Meg B", "09. Jul, 2012", "Thank goodness"),
        ("3", "Debra", "09. Jul, 2012", "I am so glad"),
    ],
    # "Name :" over its date; a reply indented under its parent.
    "name-colon-reply.txt": [
        ("1", "Mandy St. Amand", "June 27th, 2012 at 6:40 am", "I was in dire need"),
        ("1.1", "Deidre", "June 27th, 2012 at 7:03 am", "Steroid food cravings"),
        ("2", "peacsktr", "June 27th, 2012 at 9:12 am", "Dear Geraldine"),
    ],
    # The byline closes its comment ("by Name on DATE." under the text).
    "trailing-by.txt": [
        ("1", "james", "January 31, 2011 at 9:59 am", "I have met very few"),
        ("2", "Damien", "January 31, 2011 at 10:12 am", "Great post Rand"),
        ("3", "Jane Copland", "January 31, 2011 at 10:29 am", "I don't know nearly"),
    ],
    # TypePad: "Posted by: Name | DATE" under the text.
    "posted-by-pipe.txt": [
        ("1", "canvas prints", "June 15, 2012 at 09:38 AM", "love your work"),
        ("2", "RAM", "June 12, 2012 at 01:44 AM", "I am very disappointed"),
        ("3", "Leslie W.", "May 19, 2012 at 08:36 PM", "Can't wait till Monday"),
    ],
    # A bare name over each comment, no date at all; one commenter comes back.
    "name-only.txt": [
        ("1", "NFreak007", None, "I doubt they will."),
        ("2", "King Richards", None, "I am putting together"),
        ("3", "NFreak007", None, "UPDATE: Panic over."),
        ("4", "Eugene", None, "Nice article."),
    ],
    # One comment only: a name with a date and a time of day.
    "lone-comment.txt": [
        ("1", "Lisa", "November 7, 2012 at 4:42 PM", "Made this last night"),
    ],
}

# The post's own last words: the thread must not take them, nor leave any of its own.
POST_ENDS = {
    "says-glued.txt": "knows every one of them by name.",
    "blogger-indented.txt": "It is good to be back.",
    "name-dotted-date.txt": "fifteen centuries.",
    "slashdot.txt": "learn nothing.",
    "date-slash-says.txt": "very glad.",
    "name-colon-reply.txt": "the patience of a toddler.",
    "trailing-by.txt": "It remains with us in the startup world, too.",
    "posted-by-pipe.txt": "come back for the encore.",
    "name-only.txt": "largest shop overnight.",
    "lone-comment.txt": "which is the hard part.",
}


def _load(name: str) -> Post:
    return open_post(str(SCRAPES / name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_family_recovers_author_date_text_and_nesting(name: str) -> None:
    post = _load(name)
    found = [
        (post.comment_number(c.id), c.author, c.date, c.paragraphs[0].text) for c in post.comments
    ]
    expected = EXPECTED[name]
    assert [row[:3] for row in found] == [row[:3] for row in expected]
    for (_, _, _, text), (_, _, _, opening) in zip(found, expected, strict=True):
        assert text.startswith(opening)
    assert_parents_follow_numbers(post)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_post_keeps_its_text_and_only_its_text(name: str) -> None:
    post = _load(name)
    body = [p.text for p in post.paragraphs]
    assert body and body[-1].endswith(POST_ENDS[name])
    comment_words = {c.author for c in post.comments if c.author}
    for paragraph in body:
        for author in comment_words:
            assert not paragraph.startswith(author), paragraph
    assert post.comments_header is None
    assert not post.title_inferred


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_byline_words_and_reply_links_are_chrome(name: str) -> None:
    post = _load(name)
    reading = [p.text for c in post.comments for p in c.paragraphs]
    for text in reading:
        for chrome in ("says:", "said...", "Reply", "Posted by:", "(#4074"):
            assert chrome not in text, text
    authors = [c.author or "" for c in post.comments]
    assert not any(author.endswith((":", "says", "said")) for author in authors)


def test_the_page_chooses_where_names_stand_for_two_line_bylines() -> None:
    # Date over name here (the other way round from name-colon-reply.txt).
    text = (
        "A Duck at the Ball Game\n\n"
        "The mascot wore a duck costume all night and nobody could say why.\n\n"
        "11.05.12 at 2:53 pm\nBrandon\n\n"
        "    You know, I always wanted to be on the big screen, and here I am as a duck.\n\n"
        "11.05.12 at 2:58 pm\nSpesholl K\n\n"
        "    I imagine the duck lost track of time.\n\n"
        "11.05.12 at 3:13 pm\nIron Mike Sharpie\n\n"
        "    Please say the duck is wearing a t-shirt.\n"
    )
    post = parse_post(text)
    assert [(c.author, c.date) for c in post.comments] == [
        ("Brandon", "11.05.12 at 2:53 pm"),
        ("Spesholl K", "11.05.12 at 2:58 pm"),
        ("Iron Mike Sharpie", "11.05.12 at 3:13 pm"),
    ]
    assert post.paragraphs[-1].text.startswith("The mascot wore")


def test_vote_counts_and_pingbacks_are_comments() -> None:
    text = (
        "Podcast 12\n\nThis week we talk about the draft and the kicking game, at length.\n"
        "We also answer your letters, which is the best part of the week for us.\n\n"
        "baroo 6 pts\nHi Bo - as always a brilliant podcast. I was wondering about the punter.\n"
    )
    post = parse_post(text)
    assert [(c.author, len(c.paragraphs)) for c in post.comments] == [("baroo", 1)]
    assert "6 pts" in [b.text for b in post.boilerplate]
    pingback = parse_post(
        "A Community Starts with One\n\nEvery community starts with one member, then two.\n\n"
        "Pingback: Growing a forum | Notes from the field\n"
    )
    assert [c.author for c in pingback.comments] == ["Growing a forum | Notes from the field"]


# --- shapes that are not threads -------------------------------------------------------


def test_a_novel_that_says_said_is_not_a_thread() -> None:
    text = (
        "CHAPTER I\n\n"
        + "\n\n".join(
            "He looked at her for a long time, and then, in a tenderly sad voice, she\n"
            "said:\n\n“You will come back?”"
            for _ in range(5)
        )
        + "\n"
    )
    assert parse_post(text).comments == ()


def test_dated_headlines_are_not_a_thread() -> None:
    text = "Neuigkeiten\n\n" + "\n\n".join(
        f"{headline} 1{day}.02.2020\n\nTagung mit dem Verband in Grainau und viele Gäste."
        for day, headline in enumerate(
            [
                "50 Jahre Winterspiele im Gebirge",
                "Bewerbungen bis zum 6. April möglich",
                "Spende aus dem Gewinnsparen in Schwaben",
                "Spezialfahrzeug für die letzten Herzenswünsche",
            ]
        )
    )
    post = parse_post(text)
    assert post.comments == ()
    assert len(post.paragraphs) >= 8


def test_the_posts_own_byline_is_not_a_comment() -> None:
    text = (
        "Practice Report: Day 4\n\nby Bud Elliott on Aug 9, 2012 10:31 AM EDT\n\n"
        "In the midst of a terrible week of weather, the team practiced at 5:30 am again.\n\n"
        "The energy level was surprisingly high, and the kickers were perfect from forty.\n"
    )
    post = parse_post(text)
    assert post.comments == ()
    assert post.paragraphs[-1].text.startswith("The energy level")


def test_a_teaser_menu_under_category_names_is_not_a_thread() -> None:
    teasers = "\n\n".join(
        f"{label}\n\n{headline}\n\nWeiterlesen"
        for label, headline in [
            ("Beauty", "Schöne Nägel mit diesen einfachen 7 Tipps"),
            ("Haarentfernung", "Enthaarungscreme: Cremige Haarentfernung"),
            ("Beauty", "5 Tipps für eine größere Brust ohne Implantate"),
            ("Erotik", "Abenteuer Tattoo-Studio: ein heißes Nachspiel"),
        ]
    )
    post = parse_post("Gehälter im Vergleich\n\n" + teasers + "\n")
    assert post.comments == ()


def test_a_comment_count_is_a_header_not_a_section() -> None:
    text = (
        "Aaaaand We're Back\n\nComments:408\n\n"
        "Brain surgery was not what I thought it would be, and recovery is slower still.\n\n"
        "As ridiculous as it sounds, I convinced myself it would be a breeze.\n\n"
        "09. Jul, 2012 / Courtney says:\nWonderful to hear that the tumor is benign.\n"
        "09. Jul, 2012 / Meg B says:\nGlad you're recovering.\n"
    )
    post = parse_post(text)
    assert post.comments_header is not None
    assert (post.comments_header.text, post.comments_header.declared_count) == (
        "Comments:408",
        408,
    )
    assert all(section.title != "Comments:408" for section in post.sections)
    # The count stands far above the thread: the post goes on under it.
    assert [p.text[:10] for p in post.paragraphs] == ["Brain surg", "As ridicul"]
    assert [c.author for c in post.comments] == ["Courtney", "Meg B"]


def test_buttons_and_tallies_between_comments_are_chrome() -> None:
    text = (
        "Spot the Fed\n\nThe conference opens its doors to federal agents for the first time.\n"
        "Nobody seems to know what they will do there, or who invited them.\n\n"
        "Jacob says:\nOctober 26, 2012 at 2:38 am\nI will be there, wearing a badge.\n"
        "Quote\n+3\n"
        "Joe says:\nOctober 26, 2012 at 8:08 am\nSo will I, with a bigger badge.\nQuote\n12 likes\n"
    )
    post = parse_post(text)
    assert [[p.text for p in c.paragraphs] for c in post.comments] == [
        ["I will be there, wearing a badge."],
        ["So will I, with a bigger badge."],
    ]
    chrome = [b.text for b in post.boilerplate]
    assert chrome.count("Quote") == 2 and "+3" in chrome and "12 likes" in chrome


@pytest.mark.parametrize(
    ("signature", "author", "date"),
    [
        # A blog's name after "Posted by:" may read like a phrase.
        (
            "Posted by: Curtains in my Tree | June 08, 2012 at 02:29 PM",
            "Curtains in my Tree",
            "June 08, 2012 at 02:29 PM",
        ),
        # A date then a name, closing the text.
        ("October 19, 2012 Fazal Majid", "Fazal Majid", "October 19, 2012"),
    ],
)
def test_one_comment_signed_under_its_text(signature: str, author: str, date: str) -> None:
    text = (
        "Cache Tiers\n\nUse two tiers of servers while a group is retired, then kill the old one.\n"
        "This warms up the new group without going to the database at all.\n\n"
        "For disk I/O, the difference between the instance types is three times.\n"
        f"{signature}\n\nThe comments to this entry are closed.\n"
    )
    post = parse_post(text)
    assert [(c.author, c.date) for c in post.comments] == [(author, date)]
    assert post.comments[0].paragraphs[0].text.startswith("For disk I/O")
    assert post.paragraphs[-1].text.startswith("Use two tiers")
    assert "The comments to this entry are closed." in [b.text for b in post.boilerplate]


def test_a_comments_header_inside_a_thread_is_read_once() -> None:
    # Found by the property test: a header that is only a link (the thread starts
    # above it, at a name line that comes back) stays the header, not comment text.
    text = (
        "Water Window\n\nSmall simple letter early week blog officer green careful change.\n\n"
        "A\n\nForce force answer story council officer water early. Small late good.\n\n"
        "1 thoughts on “Water Window”\n\nA\n\n  1. Year answer road force council window.\n"
    )
    post = parse_post(text)
    pieces = [p.text for c in post.comments for p in c.paragraphs]
    assert post.comments_header is not None
    assert post.comments_header.text not in pieces


def test_a_reply_chain_deeper_than_a_line_is_wide_keeps_its_depth() -> None:
    # Each reply is indented one space more: past 200 levels the indentation alone is
    # longer than any byline, and must not hide the byline.
    levels = 300
    names = ("Ravi", "Mei", "Olu", "Ines", "Karl", "Noor")
    comments = "\n\n".join(
        f"{' ' * level}{names[level % 6]} says:\n"
        f"{' ' * level}March {level % 28 + 1}, 2013 at 9:{level % 50 + 10} pm\n\n"
        f"{' ' * level}Reply number {level} in the chain."
        for level in range(levels)
    )
    post = parse_post(f"One Long Argument\n\nIt began with a small point.\n\n{comments}\n")
    assert len(post.comments) == levels
    assert [c.depth for c in post.comments] == list(range(levels))
    assert post.comments[-1].paragraphs[0].text == f"Reply number {levels - 1} in the chain."


def test_a_long_thread_under_its_header_is_sketched_first_and_read_whole_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Long enough to be sketched: the first stage looks at its start and its end only.
    names = ("Ravi", "Mei", "Olu", "Ines", "Karl", "Noor", "Tom")
    comments = "\n\n".join(
        f"{'  ' * (n % 3)}{names[n % 7]} says:\n{'  ' * (n % 3)}May {n % 28 + 1}, 2014 at"
        f" 8:{n % 50 + 10} pm\n\n{'  ' * (n % 3)}Comment {n}: " + "a few words more " * 8
        for n in range(2000)
    )
    text = f"A Busy Post\n\nIt drew a crowd.\n\n2000 thoughts on “A Busy Post”\n\n{comments}\n"
    staged = parse_in_stages(text)
    assert staged.plan is not None and not staged.plan.complete
    sketched = staged.finish()
    assert len(sketched.comments) == 2000
    assert [c.author for c in sketched.comments[:8]] == [names[n % 7] for n in range(8)]
    assert [c.depth for c in sketched.comments[:6]] == [0, 1, 2, 0, 1, 2]
    # The same post as when the whole thread is planned in one go.
    monkeypatch.setattr("reader.parse.post.SKETCH_CHARS", len(text) * 2)
    whole = parse_in_stages(text)
    assert whole.plan is not None and whole.plan.complete
    assert whole.finish() == sketched
