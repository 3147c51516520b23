"""Comment threads found in a page's markup: one hand-written page per markup family,
with the exact comments, authors, dates, text and nesting; chrome and hidden elements
left out; deep nesting read without recursion."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from reader.formats.build import Linked, Piece
from reader.formats.html_thread import HtmlComment, HtmlThread, read_thread

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html_threads"
BASE = "https://blog.example/post/"


def parse(html: str | bytes, huge: bool = True) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(huge_tree=huge, encoding="utf-8")
    data = html.encode("utf-8") if isinstance(html, str) else html
    return lxml.html.document_fromstring(data, parser=parser)


def thread_of(name: str) -> HtmlThread:
    thread = read_thread(parse((FIXTURES / name).read_bytes()), BASE)
    assert thread is not None, name
    return thread


def plain(pieces: list[Piece]) -> str:
    return "".join(piece.text if isinstance(piece, Linked) else piece for piece in pieces)


def texts(comment: HtmlComment) -> list[tuple[str, str]]:
    return [(plain(pieces), kind) for pieces, kind in comment.paragraphs]


def all_text(thread: HtmlThread) -> str:
    return "\n".join(text for comment in thread.comments for text, _ in texts(comment))


# (author, date, parent, paragraphs as (text, kind)) per comment, in document order.
Expected = list[tuple[str, str, int | None, list[tuple[str, str]]]]

EXPECTED: dict[str, Expected] = {
    "wordpress.html": [
        (
            "Alice Gardner",
            "July 2, 2023 at 9:15 am",
            None,
            [
                ("Did you use a self-watering pot? Mine dried out every afternoon.", "text"),
                ("See this guide to pots for what I mean.", "text"),
            ],
        ),
        (
            "Bob Potts",
            "July 2, 2023 at 10:02 am",
            0,
            [
                ("Mine dried out every afternoon.", "quote"),
                ("Mine too, until I put a saucer under each pot.", "text"),
            ],
        ),
        (
            "Alice Gardner",
            "July 3, 2023 at 6:40 pm",
            1,
            [
                ("Thanks, a saucer it is. For the record, my watering script:", "text"),
                ("for pot in pots:\n    water(pot, litres=1.5)", "code"),
            ],
        ),
        (
            "Chen Wei",
            "July 5, 2023 at 7:30 am",
            None,
            [("Which variety did best?", "text"), ("• Sungold\n• Gardener’s Delight", "list")],
        ),
    ],
    "blogger.html": [
        (
            "Moira Campbell",
            "March 5, 2019 at 10:04 AM",
            None,
            [
                ("Proper Scottish weather then!", "text"),
                ("Did the bothy have a dry corner?", "text"),
            ],
        ),
        ("Hamish", "March 5, 2019 at 1:30 PM", 0, [("One dry corner, and a mouse in it.", "text")]),
        (
            "Anonymous",
            "March 6, 2019 at 8:12 PM",
            None,
            [("We were there the same week. Lovely photos.", "text")],
        ),
    ],
    "blogger-old.html": [
        (
            "Lotte",
            "January 12, 2010 9:41 AM",
            None,
            [("It looks wonderful. How long was the second rise?", "text")],
        ),
        (
            "Anonymous",
            "January 12, 2010 6:03 PM",
            None,
            [("Four hours, in a cold kitchen.", "text"), ("Then straight into the oven.", "text")],
        ),
    ],
    "microformats.html": [
        ("Ana Lima", "2 January 2024", None, [("Which generator did you pick?", "text")]),
        # The reply's <time> is empty: its date is the datetime attribute.
        ("The Owner", "2024-01-02T12:30:00Z", 0, [("A small one I wrote myself.", "text")]),
        ("Kofi", "3 Jan 2024", None, [("Webmentions still work after the move, nice.", "text")]),
    ],
    "jsonld.html": [
        (
            "Tom Reed",
            "2022-05-10T06:12:00Z",
            None,
            [
                ("The light in the third photo is something else.", "text"),
                ("What lens was it?", "text"),
            ],
        ),
        ("Ines Costa", "2022-05-10T08:00:00Z", 0, [("A 35mm, wide open.", "text")]),
        (
            "Mara",
            "2022-05-11",
            None,
            [("Lovely. I walked past at 5am once and saw a heron.", "text")],
        ),
    ],
    "microdata.html": [
        ("Greta", "2 November 2021", None, [("Do you use a darning mushroom or an egg?", "text")]),
        ("Olu", "3 November 2021", 0, [("An old light bulb works just as well.", "text")]),
        ("Pete", "4 Nov 2021", None, [("Swiss darning for the elbows, every time.", "text")]),
    ],
    "generic.html": [
        (
            "Rosa Lind",
            "12 March 2021, 14:05",
            None,
            [
                (
                    "An e-bike changed my commute completely; the climbs are no longer the"
                    " worst part of the day.",
                    "text",
                )
            ],
        ),
        (
            "Dev Patel",
            "12 March 2021, 15:20",
            0,
            [("Seconded, though the battery is heavy to carry upstairs every evening.", "text")],
        ),
        (
            "Jo",
            "13 March 2021, 08:47",
            None,
            [
                (
                    "A light steel tourer with low gears does it too, and costs a third as much.",
                    "text",
                )
            ],
        ),
        (
            "Sam K.",
            "14 March 2021, 19:02",
            None,
            [("Whatever you pick, put mudguards on it before anything else.", "text")],
        ),
    ],
}


def test_every_fixture_has_expectations() -> None:
    assert sorted(path.name for path in FIXTURES.glob("*.html")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_comments_exactly(name: str) -> None:
    thread = thread_of(name)
    found = [
        (comment.author, comment.date, comment.parent, texts(comment))
        for comment in thread.comments
    ]
    assert found == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parents_come_first(name: str) -> None:
    for index, comment in enumerate(thread_of(name).comments):
        assert comment.parent is None or 0 <= comment.parent < index


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("wordpress.html", "4 thoughts on “Growing Tomatoes on a Balcony”"),
        ("blogger.html", "3 comments:"),
        ("blogger-old.html", "2 comments:"),
        ("microformats.html", "Responses"),
        ("jsonld.html", None),
    ],
)
def test_header(name: str, header: str | None) -> None:
    assert thread_of(name).header == header


@pytest.mark.parametrize(
    ("name", "container"),
    [
        ("wordpress.html", "comments"),  # the whole area, with the form
        ("blogger.html", "comments"),
        ("blogger-old.html", "comments"),
    ],
)
def test_container_is_the_thread_area(name: str, container: str) -> None:
    elements = thread_of(name).elements
    assert [element.get("id") for element in elements] == [container]


def test_json_ld_thread_points_at_its_copy_in_the_markup() -> None:
    # The page shows the comments too (without dates); that copy is the thread's element,
    # so the article reader leaves it out.
    elements = thread_of("jsonld.html").elements
    assert [element.get("id") for element in elements] == ["talk"]


def test_links_keep_their_targets() -> None:
    wordpress = thread_of("wordpress.html").comments[0].paragraphs[1][0]
    assert Linked("this guide to pots", "https://example.org/pots") in wordpress
    jsonld = thread_of("jsonld.html").comments[2].paragraphs[0][0]
    assert Linked("a heron", "https://birds.example/heron") in jsonld


CHROME_WORDS = [
    "Reply",
    "Replies",
    "says",
    "said",
    "Edit",
    "Delete",
    "Quote",
    "Report",
    "Add comment",
    "Load more",
    "Leave a Reply",
    "Post Comment",
    "Post a Comment",
    "Cancel reply",
    "email address",
    "in reply to",
]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_chrome_in_the_text(name: str) -> None:
    thread = thread_of(name)
    text = all_text(thread)
    for word in CHROME_WORDS:
        assert word.lower() not in text.lower(), (name, word)
    for comment in thread.comments:
        assert comment.author is not None
        assert not any(word.lower() in comment.author.lower() for word in ("says", "said"))
    # Vote widgets' counts and arrows, avatars' alt text.
    assert "▲" not in text and "▼" not in text


def test_vote_widgets_are_not_text() -> None:
    wordpress = thread_of("wordpress.html").comments[3]
    assert texts(wordpress)[-1] == ("• Sungold\n• Gardener’s Delight", "list")
    generic = thread_of("generic.html").comments[2]
    assert texts(generic) == [
        ("A light steel tourer with low gears does it too, and costs a third as much.", "text")
    ]


def test_hidden_elements_are_left_out() -> None:
    wordpress = thread_of("wordpress.html")
    # A comment held for moderation (display: none) is not a comment.
    assert "Cheap Pots Online" not in [comment.author for comment in wordpress.comments]
    assert "spam-trap" not in all_text(wordpress)
    assert "Buy pots" not in all_text(wordpress)
    assert "Edited by a moderator" not in all_text(thread_of("generic.html"))
    assert "reply to The Owner" not in all_text(thread_of("microformats.html"))


def test_hidden_and_screen_reader_text_inline() -> None:
    html = """<html><body><article><p>The post.</p></article><ol class="comment-list">
    <li class="comment"><b class="fn">Ann</b> <time>May 1, 2024</time>
      <div class="comment-content"><p>Shown words.<span hidden>hidden attribute</span>
      <span aria-hidden="true" style="visibility: hidden">invisible words</span></p>
      <template><p>template words</p></template><script>var x = "script words";</script>
      <style>.x { color: red }</style></div></li>
    <li class="comment" hidden><b class="fn">Ghost</b> <time>May 2, 2024</time>
      <div class="comment-content"><p>A hidden comment.</p></div></li>
    <li class="comment d-none"><b class="fn">Ghost Two</b> <time>May 3, 2024</time>
      <div class="comment-content"><p>Another hidden comment.</p></div></li>
    <li class="comment"><b class="fn">Ben</b> <time>May 4, 2024</time>
      <div class="comment-content"><p>Also shown.</p></div></li>
    </ol></body></html>"""
    thread = read_thread(parse(html), None)
    assert thread is not None
    assert [comment.author for comment in thread.comments] == ["Ann", "Ben"]
    assert [texts(comment) for comment in thread.comments] == [
        [("Shown words.", "text")],
        [("Also shown.", "text")],
    ]


def test_comment_form_is_not_a_comment() -> None:
    html = """<html><body><article><p>The post.</p></article>
    <div id="comments"><ol class="comment-list">
    <li class="comment"><b class="fn">Ann</b> <time>May 1, 2024</time>
      <div class="comment-content"><p>First.</p></div></li>
    </ol>
    <form class="comment-form"><div class="comment"><label>Name</label><input name="author">
      <time>May 9, 2024</time><textarea name="comment">Write here</textarea></div>
      <button>Post Comment</button></form></div></body></html>"""
    thread = read_thread(parse(html), None)
    assert thread is not None
    assert [(comment.author, texts(comment)) for comment in thread.comments] == [
        ("Ann", [("First.", "text")])
    ]


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><article><h1>A post</h1><p>Only an article, no comments.</p>"
        "</article></body></html>",
        # Related posts: repeated items with a date, but linked titles, no names.
        "<html><body><article><p>A post.</p></article><ul class='related'>"
        + "".join(
            f"<li class='item'><h3><a href='/p{n}'>Another post number {n}</a></h3>"
            f"<span class='date'>May {n}, 2024</span><p>The first words of that post go"
            " here.</p></li>"
            for n in range(1, 6)
        )
        + "</ul></body></html>",
        "<html><body><p>",  # broken markup
    ],
)
def test_no_thread(html: str) -> None:
    assert read_thread(parse(html), None) is None


# --- deep nesting -----------------------------------------------------------------------

DEPTH = 10_000


def _nested_comments(depth: int) -> tuple[lxml.html.HtmlElement, list[lxml.html.HtmlElement]]:
    """A WordPress thread where each comment replies to the one before, ``depth`` deep,
    built element by element (a parser stops building at a few hundred levels); with
    the comments' elements, kept so that lxml frees them deepest first (freed from the
    top down, each costs the depth)."""
    root = parse('<html><body><article><p>The post.</p></article><ol class="comment-list">')
    holder = root.find(".//ol")
    assert holder is not None
    kept = []
    for number in range(depth):
        item = lxml.etree.SubElement(holder, "li", {"class": "comment", "id": f"comment-{number}"})
        name = lxml.etree.SubElement(item, "b", {"class": "fn"})
        name.text = f"User {number}"
        when = lxml.etree.SubElement(item, "time")
        when.text = "January 1, 2024"
        body = lxml.etree.SubElement(item, "div", {"class": "comment-content"})
        lxml.etree.SubElement(body, "p").text = f"Reply number {number}."
        reply = lxml.etree.SubElement(item, "a", {"class": "comment-reply-link", "href": "#"})
        reply.text = "Reply"
        holder = lxml.etree.SubElement(item, "ul", {"class": "children"})
        kept += [item, holder]
    return root, kept


def test_ten_thousand_deep_thread() -> None:
    root, kept = _nested_comments(DEPTH)
    start = time.perf_counter()
    thread = read_thread(root, None)
    elapsed = time.perf_counter() - start
    assert thread is not None
    assert len(thread.comments) == DEPTH
    assert [comment.parent for comment in thread.comments] == [None, *range(DEPTH - 1)]
    last = thread.comments[-1]
    assert (last.author, last.date, texts(last)) == (
        f"User {DEPTH - 1}",
        "January 1, 2024",
        [(f"Reply number {DEPTH - 1}.", "text")],
    )
    assert elapsed < 20  # linear: about a second; quadratic work would take minutes
    del kept


def test_ten_thousand_deep_markup_parsed() -> None:
    # As a page arrives: lxml builds what it can of the nesting, and that is read.
    comment = (
        '<li class="comment"><b class="fn">User {n}</b> <time>May 1, 2024</time>'
        '<div class="comment-content"><p>Reply number {n}.</p></div><ul class="children">'
    )
    html = (
        '<html><body><ol class="comment-list">'
        + "".join(comment.format(n=n) for n in range(DEPTH))
        + "</ul></li>" * DEPTH
        + "</ol></body></html>"
    )
    for huge in (False, True):
        root = parse(html, huge=huge)
        thread = read_thread(root, None)
        assert thread is not None
        built = sum(1 for item in root.iter("li") if item.find("b") is not None)
        assert len(thread.comments) == built
        assert [comment.parent for comment in thread.comments] == [None, *range(built - 1)]


def test_deep_markup_inside_a_comment_and_without_a_thread() -> None:
    root = parse('<html><body><ol class="comment-list">')
    holder = root.find(".//ol")
    assert holder is not None
    kept = []
    for number in range(3):
        item = lxml.etree.SubElement(holder, "li", {"class": "comment"})
        lxml.etree.SubElement(item, "b", {"class": "fn"}).text = f"User {number}"
        lxml.etree.SubElement(item, "time").text = "May 1, 2024"
        inner = lxml.etree.SubElement(item, "div", {"class": "comment-content"})
        for _ in range(DEPTH if number == 1 else 1):
            inner = lxml.etree.SubElement(inner, "div")
            kept.append(inner)
        inner.text = f"Words of comment {number}."
    thread = read_thread(root, None)
    assert thread is not None
    assert [texts(comment) for comment in thread.comments] == [
        [(f"Words of comment {number}.", "text")] for number in range(3)
    ]

    root = parse("<html><body>")
    body = root.find("body")
    assert body is not None
    for _ in range(DEPTH):
        body = lxml.etree.SubElement(body, "div")
        kept.append(body)
    body.text = "Deep words, no thread."
    assert read_thread(root, None) is None
