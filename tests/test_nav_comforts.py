"""Navigation rough edges and comforts: the search bar's life cycle and history, the
sidebar's keys and folding, the help screen's keys, a post without comments, the
comment count, the palette's comments and section paths, accent-insensitive search."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_tui import reader, rendered_text, top_text
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.widgets._toast import Toast

from reader import cli
from reader.model import Post
from reader.parse import parse_post
from reader.search import Query, SearchIndex, has_accents, strip_accents
from reader.search_session import SearchSession
from reader.tui.help import HelpScreen
from reader.tui.search_bar import HISTORY_SIZE
from reader.tui.section_list import SectionList


def status(app: object) -> str:
    return str(app.query_one("#search-status").render())  # type: ignore[attr-defined]


def header(app: object) -> str:
    return str(app.query_one("#header-status").render())  # type: ignore[attr-defined]


# --- the search bar -------------------------------------------------------------------


async def test_reopened_bar_never_shows_a_query_it_is_not_searching(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("slash", *"police", "enter", "escape", "slash")
        await pilot.pause()
        assert app.search_bar.display
        assert app.search_bar.input.value == ""
        assert status(app) == ""
        assert app.match_count == 0


async def test_escape_while_reading_closes_the_kept_search(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("slash", *"police", "enter")
        await pilot.pause()
        assert app.focused is app.document and app.match_count > 10
        await pilot.press("escape")
        await pilot.pause()
        assert not app.search_bar.display
        assert app.match_count == 0
        assert app.focused is app.document


async def test_escape_from_the_comments_keeps_the_keys_there(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("slash", *"police", "enter", "tab")
        await pilot.pause()
        assert app.focused is app.comment_tree
        await pilot.press("escape")
        await pilot.pause()
        assert not app.search_bar.display and app.focused is app.comment_tree


async def test_n_after_the_bar_is_closed_says_where_it_is(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("slash", *"police")
        await pilot.pause()
        total = app.match_count
        assert status(app).startswith(f"1/{total}")
        await pilot.press("escape", "n")
        await pilot.pause()
        assert app.search_bar.display  # the count is on screen again
        assert status(app).startswith(f"2/{total}")
        assert app.search_bar.input.value == "police"
        assert app.focused is app.document
        await pilot.press("N")
        await pilot.pause()
        assert status(app).startswith(f"1/{total}")


async def test_the_wrapped_notice_does_not_cover_the_count(sample_post: Post) -> None:
    app_size = (120, 40)
    from reader.tui import make_app

    app = make_app(sample_post)
    async with app.run_test(size=app_size, notifications=True) as pilot:
        await pilot.press("slash", *"Not the public", "enter")
        await pilot.pause()
        for _ in range(app.match_count):
            await pilot.press("n")
        await pilot.pause(0.3)
        toasts = list(app.query(Toast))
        assert toasts
        count = app.query_one("#search-status").region
        assert status(app).startswith("1/")
        assert all(not toast.region.overlaps(count) for toast in toasts)


async def test_history_with_up_and_down(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("slash", *"police", "enter", "slash", *"twitter", "enter")
        await pilot.press("escape", "slash", *"dra")
        await pilot.pause()
        bar = app.search_bar
        assert bar.history == ["police", "twitter"]
        await pilot.press("up")
        await pilot.pause()
        assert bar.input.value == "twitter"
        assert app.search.query == Query("twitter")  # recalled is searched
        await pilot.press("up", "up")
        await pilot.pause()
        assert bar.input.value == "police"  # the oldest stays
        await pilot.press("down", "down")
        await pilot.pause()
        assert bar.input.value == "dra"  # back to what was being typed
        await pilot.press("enter")
        assert bar.history == ["police", "twitter", "dra"]


async def test_history_can_be_saved_and_restored(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        bar = app.search_bar
        bar.set_history(["a", "", "unthinkable"])
        assert bar.history == ["a", "unthinkable"]
        bar.remember("a")
        assert bar.history == ["unthinkable", "a"]  # once, at the end
        bar.set_history([str(n) for n in range(HISTORY_SIZE + 5)])
        assert len(bar.history) == HISTORY_SIZE and bar.history[-1] == str(HISTORY_SIZE + 4)
        bar.set_history(["unthinkable"])
        await pilot.press("slash", "up", "enter")
        await pilot.pause()
        assert "Then the unthinkable happened." in top_text(app) or app.match_count == 1


# --- the sidebar ----------------------------------------------------------------------


async def test_j_and_k_move_the_sidebar(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        app.section_list.focus()
        await pilot.press("j", "j")
        assert app.section_list.highlighted_section == 2
        await pilot.press("k")
        assert app.section_list.highlighted_section == 1
        await pilot.press("G")
        assert app.section_list.highlighted_section is None  # the comments entry
        await pilot.press("g")
        assert app.section_list.highlighted_section == 0


async def test_leaving_the_sidebar_puts_the_highlight_back(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("right_square_bracket")
        await pilot.pause()
        reading = app.document.current_section
        app.section_list.focus()
        await pilot.press("down", "down")
        assert app.section_list.highlighted_section == reading + 2
        await pilot.press("tab")
        await pilot.pause()
        assert app.document.current_section == reading  # moving is not jumping
        assert app.section_list.highlighted_section == reading


async def test_a_books_chapters_fold_under_their_parts(book_post: Post) -> None:
    async with reader(book_post) as (app, pilot):
        sidebar = app.section_list
        assert sidebar.option_count == 17
        sidebar.focus()
        await pilot.press("l")
        await pilot.pause()
        assert not sidebar.is_folded(0)
        assert str(sidebar.get_option_at_index(1).prompt).strip() == "CHAPTER I"
        await pilot.press("j", "j")
        assert sidebar.highlighted_section == 2
        await pilot.press("enter")
        await pilot.pause()
        assert app.document.current_section == 2
        sidebar.focus()
        await pilot.press("h")  # on a chapter: to its part
        assert sidebar.highlighted_section == 0
        await pilot.press("h")  # on the part: fold it
        await pilot.pause()
        assert sidebar.is_folded(0) and sidebar.option_count == 17
        await pilot.press("tab")
        await pilot.pause()
        assert sidebar.highlighted_section == 0  # chapter 2 is read, under part one


# --- the help screen ------------------------------------------------------------------


async def test_help_scrolls_with_the_reading_keys(sample_post: Post) -> None:
    async with reader(sample_post, size=(80, 24)) as (app, pilot):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 20
        seen = []
        for key in ("j", "j", "k", "space", "b", "G", "g"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(body.scroll_y)
        assert seen[:3] == [1, 2, 1]
        assert seen[3] > 10 and seen[4] == 1
        assert seen[5] == body.max_scroll_y and seen[6] == 0


# --- a post without comments, the comment count ---------------------------------------


async def test_a_post_without_comments_gives_them_no_room() -> None:
    post = parse_post("Title\n\nJust one paragraph here, nothing more.\n")
    async with reader(post, size=(80, 24)) as (app, pilot):
        assert not app.comment_tree.display
        assert app.document.size.height >= 20
        sidebar = app.section_list
        ids = [sidebar.get_option_at_index(i).id for i in range(sidebar.option_count)]
        assert "comments" not in ids
        assert "no comments" in header(app)
        await pilot.press("c", "C", "tab", "tab")
        await pilot.pause()
        assert not app.comment_tree.display and app.focused is not app.comment_tree
        assert any("no comments" in n.message for n in app._notifications)


async def test_no_declared_count_says_how_many_comments(sample_post: Post) -> None:
    post = dataclasses.replace(sample_post, comments_header=None)
    async with reader(post) as (app, _):
        shown = len(post.comments)
        assert header(app).endswith(f"· {shown} comments")
        assert " of " not in header(app)


# --- the palette and the header: comments by number, sections by their parents --------


async def test_the_palette_jumps_to_a_comment_by_author(sample_post: Post) -> None:
    comments = list(sample_post.comments)
    comments[-1] = last = dataclasses.replace(comments[-1], author="Cass")
    post = dataclasses.replace(sample_post, comments=tuple(comments))
    number = post.comment_number(last.id)
    async with reader(post) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"comment {number} · Cass")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.focused is app.comment_tree
        assert app.comment_tree.cursor_id == last.id


async def test_the_palette_and_header_name_a_chapter_with_its_part(book_post: Post) -> None:
    async with reader(book_post) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"BOOK TWO: 1805 › CHAPTER IX")
        await pilot.pause(0.8)
        await pilot.press("enter")
        await pilot.pause(0.2)
        section = book_post.sections[app.document.current_section]
        assert section.title == "CHAPTER IX"
        assert app.section_path(app.document.current_section) == "BOOK TWO: 1805 › CHAPTER IX"
        title = str(app.query_one("#header-title").render())
        assert title.endswith("BOOK TWO: 1805 › CHAPTER IX")


# --- accent-insensitive search ----------------------------------------------------------


def test_natasha_finds_natasha_with_its_accent(book_post: Post) -> None:
    index = SearchIndex(book_post)
    plain = index.find(Query("Natasha"))
    accented = index.find(Query("Natásha"))
    assert len(plain) >= len(accented) > 500
    assert index.find(Query("Natasha", accent_sensitive=True)) == []
    assert len(index.find(Query("nat.sha", regex=True))) == len(plain)


def test_a_query_with_an_accent_finds_only_that_accent() -> None:
    post = parse_post("Title\n\nCafé and cafe and CAFÉ and cafè.\n")
    index = SearchIndex(post)
    assert len(index.find(Query("cafe"))) == 4
    assert len(index.find(Query("café"))) == 2  # smartcase still folds the capital
    assert len(index.find(Query("Café"))) == 1


def test_decomposed_accents_are_found_too() -> None:
    post = parse_post("Title\n\nNata\u0301sha came; Natasha went.\n")
    matches = SearchIndex(post).find(Query("natasha"))
    text = post.sections[0].paragraphs[0].text
    assert [text[m.start : m.end] for m in matches] == ["Nata\u0301sha", "Natasha"]


_LETTERS = "aeiouncAEINáéíóúñçÁÉàèüöøłÅ" + "\u0301"
_WORDS = st.text(_LETTERS + " ’'-", min_size=1, max_size=40)


def _base(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return {"ø": "o", "ł": "l"}.get(char, decomposed[0])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=5), st.text("aeioncAEN", min_size=1, max_size=3))
def test_an_accent_free_query_finds_what_it_finds_in_the_text_without_accents(
    paragraphs: list[str], query: str
) -> None:
    """Folding accents keeps every offset, and finds what the same query finds in the text
    written without them (combining marks aside: they are allowed after any letter)."""
    body = "\n\n".join(p.strip() or "x" for p in paragraphs)
    post = parse_post("Title\n\n" + body)
    accented = SearchIndex(post)
    plain_text = "".join(_base(c) for c in body.replace("\u0301", ""))
    plain = SearchIndex(parse_post("Title\n\n" + plain_text))
    # Same text without its combining marks and with each accented letter's base: the
    # same number of matches (offsets move where marks were dropped).
    assert len(accented.find(Query(query))) == len(plain.find(Query(query)))


@given(st.text(_LETTERS + "xyz .-'", max_size=30))
def test_stripping_accents_keeps_every_offset(text: str) -> None:
    stripped = strip_accents(text)
    assert len(stripped) == len(text)
    assert has_accents(text) == (stripped != text or "\u0301" in text)
    assert not has_accents(stripped.replace("\u0301", ""))


def _cli_count(path: Path, text: str) -> int:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["--search", text, str(path)])
    assert code in (0, 1)
    return len(out.getvalue().splitlines())


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(_WORDS, min_size=1, max_size=4), st.text("aeinAÉáé", min_size=1, max_size=3))
def test_the_command_line_agrees_with_the_search_bar_on_accents(
    paragraphs: list[str], query: str
) -> None:
    text = "Title\n\n" + "\n\n".join(p.strip() or "x" for p in paragraphs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "post.txt"
        path.write_text(text, encoding="utf-8")
        session = SearchSession(parse_post(text))
        session.run(Query(query))
        assert _cli_count(path, query) == len(session.matches)


def test_sidebar_is_a_section_list(sample_post: Post) -> None:
    assert SectionList(sample_post).option_count == len(sample_post.sections) + 1


async def test_one_key_notation_in_the_footer_and_the_help(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        from textual.widgets import Footer

        footer = app.query_one(Footer)
        await pilot.pause()
        shown = " ".join(str(key.render()) for key in footer.query("FooterKey"))
        assert "ctrl+p" in shown and "^" not in shown
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = rendered_text(app.screen.query_one("#help-table", Static).content)
        assert "ctrl+r" in help_text and "^r" not in help_text


def _thread_of(sample_post: Post, count: int) -> Post:
    from reader.model import Comment, Paragraph

    comments = tuple(
        Comment(
            id=f"c{n}",
            parent=None,
            depth=0,
            label=None,
            author=f"Reader {n}",
            date=None,
            paragraphs=(Paragraph(f"c{n}.p1", f"Words of comment {n}.", (0, 0)),),
        )
        for n in range(1, count + 1)
    )
    return dataclasses.replace(sample_post, comments=comments, comments_header=None)


async def test_the_palette_offers_a_bounded_number_of_comments(
    sample_post: Post, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long thread is not scored in full at every keystroke: words typed filter it,
    # and at most MAX_HITS comments are offered.
    from textual.command import CommandList

    from reader.tui.commands import CommentCommands

    monkeypatch.setattr(CommentCommands, "MAX_HITS", 20)
    post = _thread_of(sample_post, 2_000)
    async with reader(post) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"reader")
        await pilot.pause(0.8)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert sum("comment" in prompt for prompt in prompts) == 20
        await pilot.press(*" 1999")
        await pilot.pause(0.8)
        options = app.screen.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Reader 1999" in prompt for prompt in prompts)


async def test_closing_the_palette_while_it_searches_does_not_stop_the_reader(
    sample_post: Post,
) -> None:
    # Found by the random-key test: a search still running when the palette closed went
    # on to show its results in the list that was gone (NoMatches), and the reader
    # stopped. Here the list goes first, then the search's results arrive.
    from textual.command import CommandList

    async with reader(sample_post) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        await palette.query_one(CommandList).remove()
        palette._list_visible = not palette._list_visible
        palette._show_busy = True
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]
