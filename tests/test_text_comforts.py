"""The text pane's comforts: web addresses kept whole and underlined, lines kept to a
readable measure (``w`` for the full width), half-page keys, the links list and copying
the paragraph at the reading position."""

from __future__ import annotations

import base64
import webbrowser
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import pytest
from rich.style import Style
from textual.pilot import Pilot
from textual.widgets import Input

from reader.model import Comment, Link, Paragraph, Post, Section, Source
from reader.tui import ReaderApp, make_app
from reader.tui.document_view import DEFAULT_MEASURE, GUTTER, DocumentView
from reader.tui.links import LinkList, LinksScreen, can_open, link_entries
from reader.tui.wrap import url_spans, wrap

LONG_URL = "https://www.example.com/blog/2019/03/how-the-old-archive-of-the-town-survived.html"
WORDS = "the quick brown fox jumps over the lazy dog and keeps on running far away "


def texts(text: str, width: int) -> list[str]:
    return [text[start:end] for start, end in wrap(text, width)]


# --- the wrap ---------------------------------------------------------------------------


def test_an_address_that_fits_on_a_line_goes_whole_to_the_next() -> None:
    text = f"The story is told at {LONG_URL} where you can read the rest."
    for width in range(len(LONG_URL), len(LONG_URL) + 30):
        shown = texts(text, width)
        assert any(LONG_URL in line for line in shown), (width, shown)
        assert all(len(line) <= width for line in shown)


def test_an_address_longer_than_the_line_is_cut_where_it_reads_well() -> None:
    # Cut at the column it reaches, it reads "…/how-the-archi" / "ve-survived.html".
    text = f"See {LONG_URL} now."
    for width in range(30, len(LONG_URL)):
        shown = texts(text, width)
        pieces = [line for line in shown if line not in ("See", "now.")]
        assert "".join(pieces).replace(" now.", "") == LONG_URL, (width, shown)
        for before, after in zip(pieces, pieces[1:], strict=False):
            assert before.endswith("/") or after[0] in ".-_", (width, before, after)
            assert len(before) * 2 >= width  # never a short stub of an address
        assert all(len(line) <= width for line in shown)


def test_an_address_in_a_line_of_wide_characters_is_cut_where_it_reads_well() -> None:
    text = f"日本語の記事 {LONG_URL}"
    shown = texts(text, 40)
    assert shown[0] == "日本語の記事"
    assert "".join(shown[1:]) == LONG_URL
    pairs = zip(shown[1:], shown[2:], strict=False)
    assert all(line.endswith("/") or after[0] in ".-_" for line, after in pairs)


def test_a_long_word_is_cut_only_when_it_is_longer_than_the_line() -> None:
    word = "Donaudampfschifffahrtsgesellschaft"  # 34 letters
    assert texts(f"a few words {word} end", 40) == ["a few words", f"{word} end"]
    assert texts(f"ab {word}", 20) == ["ab", word[:20], word[20:]]  # not an address: at 20


def test_the_addresses_of_a_text_end_before_its_punctuation() -> None:
    text = "See (https://a.org/x_(y)), www.b.org/p. and https://c.org/q[3]; not ftp://d.org."
    assert [text[a:b] for a, b in url_spans(text)] == [
        "https://a.org/x_(y)",
        "www.b.org/p",
        "https://c.org/q",
    ]
    assert url_spans("no address here, just www and http words") == []


# --- the pane ---------------------------------------------------------------------------


def post_of(
    paragraphs: Sequence[str],
    *,
    sections: int = 1,
    links: Sequence[Link] = (),
    comments: Sequence[str] = (),
) -> Post:
    """A post of these paragraphs (``p1``…) spread over ``sections`` headed sections."""
    made = [Paragraph(f"p{n}", text, (0, len(text))) for n, text in enumerate(paragraphs, 1)]
    per = max(1, -(-len(made) // sections))
    parts = [made[i : i + per] for i in range(0, len(made), per)]
    thread = tuple(
        Comment(f"c{n}", None, 0, None, f"reader {n}", None, (Paragraph(f"c{n}.p1", t, (0, 0)),))
        for n, t in enumerate(comments, 1)
    )
    return Post(
        title="Comforts",
        sections=tuple(
            Section(f"s{n}", f"Section {n}", False, 1, tuple(part))
            for n, part in enumerate(parts, 1)
        ),
        comments=thread,
        source=Source(name="post.html", format="html"),
        links=tuple(links),
    )


@asynccontextmanager
async def reader(
    post: Post, size: tuple[int, int] = (120, 40), line_length: int | None = 80
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    app = make_app(post)
    app.line_length = line_length
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


def lines(view: DocumentView) -> list[str]:
    return [view.render_line(y).text.rstrip() for y in range(view.size.height)]


LONG_POST = post_of([WORDS * 12 + f"({n})" for n in range(40)], sections=4)


async def test_lines_keep_to_the_measure_centred_at_200_columns() -> None:
    async with reader(LONG_POST, size=(200, 50)) as (app, _):
        view = app.document
        assert view.size.width > DEFAULT_MEASURE + 2 * GUTTER + 20
        shown = [line for line in lines(view) if line.strip()]
        margin = (view.size.width - DEFAULT_MEASURE) // 2
        lefts = {len(line) - len(line.lstrip()) for line in shown}
        assert lefts == {margin}  # centred: the same margin for every line
        assert all(len(line) - margin <= DEFAULT_MEASURE for line in shown)
        assert max(len(line) - margin for line in shown) > DEFAULT_MEASURE - 12  # filled


async def test_w_switches_to_the_full_width_and_back_keeping_the_place() -> None:
    async with reader(LONG_POST, size=(200, 50)) as (app, pilot):
        view = app.document
        for _ in range(7):
            await pilot.press("space")
        block, offset = view.reading_block()
        assert offset > 0  # inside a paragraph, not at its start
        await pilot.press("w")
        assert view.measure is None
        shown = [line for line in lines(view) if line.strip()]
        assert {len(line) - len(line.lstrip()) for line in shown} == {GUTTER}
        assert max(len(line) for line in shown) > DEFAULT_MEASURE + 40
        new_block, new_offset = view.reading_block()
        assert new_block == block
        assert 0 <= offset - new_offset < view.size.width  # the words at the top stayed
        await pilot.press("w")
        assert view.measure == DEFAULT_MEASURE
        assert view.reading_block()[0] == block
        assert 0 <= offset - view.reading_block()[1] < DEFAULT_MEASURE


async def test_a_resize_keeps_the_words_at_the_top() -> None:
    async with reader(LONG_POST, size=(80, 40), line_length=None) as (app, pilot):
        view = app.document
        for _ in range(9):
            await pilot.press("space")
        block, offset = view.reading_block()
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        new_block, new_offset = view.reading_block()
        assert new_block == block
        assert 0 <= offset - new_offset < view.size.width


async def test_no_measure_is_the_full_width() -> None:
    async with reader(LONG_POST, size=(200, 50), line_length=None) as (app, _):
        shown = [line for line in lines(app.document) if line.strip()]
        assert {len(line) - len(line.lstrip()) for line in shown} == {GUTTER}
        assert max(len(line) for line in shown) > DEFAULT_MEASURE + 40


@pytest.mark.parametrize(("down", "up"), [("d", "u"), ("ctrl+d", "ctrl+u")])
async def test_half_a_page_down_and_up(down: str, up: str) -> None:
    async with reader(LONG_POST) as (app, pilot):
        view = app.document
        half = view.scrollable_content_region.height // 2
        assert half > 5
        await pilot.press(down)
        assert view.top_row == half
        await pilot.press(down)
        assert view.top_row == 2 * half
        await pilot.press(up)
        assert view.top_row == half
        assert not app.search_bar.display or app.search_bar.has_class("-hidden")


async def test_an_address_in_the_text_is_underlined() -> None:
    post = post_of([f"Read it at {LONG_URL} today."])
    async with reader(post) as (app, _):
        view = app.document
        underlined = ""
        plain = ""
        for y in range(view.size.height):
            strip = view.render_line(y)
            if "Section 1" in strip.text:
                continue  # a heading is underlined as a heading
            for segment in strip:
                style = segment.style or Style()
                if style.underline:
                    underlined += segment.text
                elif "today" in segment.text or "Read it" in segment.text:
                    plain += segment.text
        assert underlined == LONG_URL
        assert "today." in plain and "Read it at" in plain


# --- the links list ---------------------------------------------------------------------


def linked_post() -> Post:
    """Two sections and a comment; links of every kind of target."""
    first = "Go to home[1] or run it[2]."
    second = "Mail me[3], fetch it[4] or see https://bare.example.org/x."
    links = [
        Link(1, "home", "https://example.org/home", "p1", 6, 10),
        Link(2, "run it", "javascript:alert(1)", "p1", 17, 23),
        Link(3, "Mail me", "mailto:me@example.org", "p2", 0, 7),
        Link(4, "fetch it", "ftp://files.example.org/a", "p2", 11, 19),
        Link(5, "thread", "http://example.org/thread", "c1.p1", 4, 10),
    ]
    return post_of([first, second], sections=2, links=links, comments=["The thread[5]."])


def test_the_current_sections_links_come_first() -> None:
    post = linked_post()
    assert [e.number for e in link_entries(post, 0)] == [1, 2, 3, 4, None, 5]
    assert [e.number for e in link_entries(post, 1)] == [3, 4, None, 1, 2, 5]
    bare = link_entries(post, 1)[2]
    assert bare.target == "https://bare.example.org/x"


def test_only_http_https_and_mailto_are_opened() -> None:
    assert can_open("https://example.org") and can_open("HTTP://example.org")
    assert can_open("mailto:me@example.org")
    for target in ("javascript:alert(1)", "ftp://example.org", "file:///etc/passwd", "x", ""):
        assert not can_open(target)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        calls.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return calls


def shown_numbers(app: ReaderApp) -> list[int | None]:
    screen = app.screen
    assert isinstance(screen, LinksScreen)
    return [entry.number for entry in screen.shown]


async def test_o_lists_the_links_filters_as_you_type_and_opens_one(opened: list[str]) -> None:
    async with reader(linked_post()) as (app, pilot):
        await pilot.press("o")
        assert isinstance(app.screen, LinksScreen)
        assert shown_numbers(app) == [1, 2, 3, 4, None, 5]
        assert opened == []  # nothing opens without a key press
        await pilot.press(*"thread")
        assert shown_numbers(app) == [5]
        await pilot.press("enter")
        assert opened == ["http://example.org/thread"]
        assert not isinstance(app.screen, LinksScreen)


async def test_a_filter_of_several_words_and_the_arrows(opened: list[str]) -> None:
    async with reader(linked_post()) as (app, pilot):
        await pilot.press("o", *"example org")
        assert shown_numbers(app) == [1, 3, 4, None, 5]
        await pilot.press("down", "down", "up", "down", "enter")  # the third: [4], ftp
        assert opened == []
        await pilot.press("down", "enter")  # the bare address
        assert opened == ["https://bare.example.org/x"]


@pytest.mark.parametrize("number", [2, 4])
async def test_javascript_and_ftp_links_are_not_opened(opened: list[str], number: int) -> None:
    async with reader(linked_post()) as (app, pilot):
        await pilot.press("o", *f"[{number}]")
        assert shown_numbers(app) == [number]
        await pilot.press("enter")
        await pilot.pause()
        assert opened == []
        assert isinstance(app.screen, LinksScreen)  # still there: it can be copied
        await pilot.press("escape")
        assert not isinstance(app.screen, LinksScreen)


async def test_a_post_without_links_says_so() -> None:
    async with reader(post_of(["No links at all."])) as (app, pilot):
        await pilot.press("o")
        assert not isinstance(app.screen, LinksScreen)


# --- copying ----------------------------------------------------------------------------


def osc52(text: str) -> str:
    return f"\x1b]52;c;{base64.b64encode(text.encode()).decode()}\a"


@asynccontextmanager
async def watched(
    post: Post, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[ReaderApp, Pilot[None], list[str]]]:
    """The reader, and every clipboard sequence (OSC 52) it writes to the terminal."""
    async with reader(post) as (app, pilot):
        driver = app._driver
        assert driver is not None
        written: list[str] = []
        write = driver.write

        def spy(data: str) -> None:
            if "\x1b]52;" in data:
                written.append(data)
            write(data)

        monkeypatch.setattr(driver, "write", spy)
        yield app, pilot, written


async def test_y_in_the_links_list_copies_the_address(
    opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    async with watched(linked_post(), monkeypatch) as (app, pilot, written):
        await pilot.press("o", *"mail")
        assert app.screen.query_one(Input).value == "mail"
        await pilot.press("tab")
        assert isinstance(app.focused, LinkList)
        assert written == []
        await pilot.press("y")
        assert app.clipboard == "mailto:me@example.org"
        assert written == [osc52("mailto:me@example.org")]
        assert opened == []
        assert not isinstance(app.screen, LinksScreen)


async def test_y_in_the_filter_is_a_letter_and_ctrl_y_copies(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with watched(linked_post(), monkeypatch) as (app, pilot, written):
        await pilot.press("o", "y")
        assert app.screen.query_one(Input).value == "y"
        assert written == []
        await pilot.press("backspace", *"home", "ctrl+y")
        assert written == [osc52("https://example.org/home")]


async def test_y_copies_the_paragraph_at_the_reading_position(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with watched(LONG_POST, monkeypatch) as (app, pilot, written):
        view = app.document
        await pilot.press("j", "k", "d", "u", "w", "w", "space", "}", "G", "g")
        assert written == []  # only y writes to the clipboard
        await pilot.press("}", "}", "}")
        block, _ = view.reading_block()
        paragraph = next(p for p in LONG_POST.paragraphs if p.id == block)
        await pilot.press("y")
        assert app.clipboard == paragraph.text
        assert written == [osc52(paragraph.text)]
        # Part way through the paragraph: still that paragraph.
        await pilot.press("j", "j", "y")
        assert view.reading_block()[0] == block
        assert written == [osc52(paragraph.text)] * 2
