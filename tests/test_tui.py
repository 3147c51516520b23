"""Pilot tests of the interactive reader on the sample: every row of the key map."""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from rich.console import Console
from textual.binding import Binding
from textual.command import CommandList
from textual.events import Key, MouseScrollDown
from textual.pilot import Pilot
from textual.widgets import Input, Static

from reader.model import Post
from reader.parse import parse_post
from reader.tui import ReaderApp, make_app
from reader.tui.comment_tree import CommentTree
from reader.tui.document_view import DocumentView
from reader.tui.help import HelpScreen
from reader.tui.search_bar import SearchBar
from reader.tui.section_list import SectionList

SIZE = (120, 40)


@asynccontextmanager
async def reader(
    post: Post, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    app = make_app(post)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


def screen_text(widget: DocumentView | CommentTree) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


def top_text(app: ReaderApp) -> str:
    """The first non-blank line at the top of the text pane."""
    return next(line for line in screen_text(app.document) if line.strip()).strip()


def painted_matches(view: DocumentView) -> list[str]:
    """Text of the visible segments painted as search matches."""
    styles = {
        view.get_component_rich_style("document-view--match").bgcolor,
        view.get_component_rich_style("document-view--current-match").bgcolor,
    }
    return [
        segment.text
        for y in range(view.size.height)
        for segment in view.render_line(y)
        if segment.style is not None and segment.style.bgcolor in styles
    ]


async def search(pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.pause()


# --- anywhere -------------------------------------------------------------------------


async def test_q_quits(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_ctrl_q_quits(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


def rendered_text(renderable: object, width: int = 100) -> str:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def test_help_lists_every_binding_and_closes(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            table = app.screen.query_one("#help-table", Static).content
            text = rendered_text(table)
            bindings = [
                *ReaderApp.BINDINGS,
                *DocumentView.BINDINGS,
                *CommentTree.BINDINGS,
                *SearchBar.BINDINGS,
            ]
            for binding in bindings:
                assert isinstance(binding, Binding)
                assert (binding.tooltip or binding.description) in text, binding
            for keys in (
                "space, pgdn",
                "g, home",
                "}",
                "J",
                "ctrl+p",
                "ctrl+r",
                "ctrl+f",
                "esc",
                "-",
                "+",
            ):
                assert keys in text, keys
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)


async def test_slash_and_ctrl_f_open_the_search_bar(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        bar = app.query_one(SearchBar)
        assert not bar.display
        await pilot.press("slash")
        assert bar.display and isinstance(app.focused, Input)
        await pilot.press("escape")
        assert not bar.display
        assert app.focused is app.document
        await pilot.press("ctrl+f")
        assert bar.display and isinstance(app.focused, Input)


async def test_keys_typed_fast_after_slash_reach_the_search_bar(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        # A person types faster than the app handles keys: queue them all at once.
        for character in "/unthinkable":
            app.post_message(Key("slash" if character == "/" else character, character))
        await pilot.pause(0.3)
        assert app.query_one(SearchBar).input.value == "unthinkable"
        assert app.match_count == 1


async def test_search_unthinkable_shows_match_with_counter(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await search(pilot, "unthinkable")
        await pilot.press("enter")
        await pilot.pause()
        status = app.query_one("#search-status").render()
        assert str(status) == "1/1 (0 in comments)"
        assert app.focused is app.document
        assert any("Then the unthinkable happened." in line for line in screen_text(app.document))
        # The bar stays with its counter after enter.
        assert app.query_one(SearchBar).display


async def test_escape_closes_search_and_clears_highlights(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await search(pilot, "police")
        assert app.match_count > 10
        assert painted_matches(app.document)
        await pilot.press("escape")
        assert app.match_count == 0
        assert not painted_matches(app.document)


async def test_n_past_the_last_match_wraps_and_says_so(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await search(pilot, "Not the public")
        await pilot.press("enter")
        assert app.match_count == 4
        positions = []
        for _ in range(4):
            positions.append(app.current_match)
            await pilot.press("n")
        await pilot.pause()
        assert app.current_match == positions[0]
        messages = [n.message for n in app._notifications]
        assert "Search wrapped to the top" in messages
        await pilot.press("N")
        assert app.current_match == positions[-1]
        assert "Search wrapped to the bottom" in [n.message for n in app._notifications]


async def test_n_without_a_search_says_how_to_search(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("n")
        assert any("press /" in n.message for n in app._notifications)


async def test_bracket_twice_goes_to_the_third_section(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        third = sample_post.sections[2]
        assert top_text(app).startswith(third.paragraphs[0].text[:40])
        assert app.query_one(SectionList).highlighted == 2
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert top_text(app).startswith(sample_post.sections[1].paragraphs[0].text[:40])
        assert app.query_one(SectionList).highlighted == 1


async def test_tab_cycles_focus_through_the_three_panes(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        assert app.focused is app.document
        await pilot.press("tab")
        assert app.focused is app.comment_tree
        await pilot.press("tab")
        assert app.focused is app.section_list
        await pilot.press("tab")
        assert app.focused is app.document
        await pilot.press("shift+tab")
        assert app.focused is app.section_list


async def test_c_hides_and_shows_the_comments(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        assert app.comment_tree.display
        await pilot.press("c")
        assert not app.comment_tree.display
        await pilot.press("c")
        assert app.comment_tree.display


async def test_s_hides_and_shows_the_sidebar(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        width = app.document.size.width
        await pilot.press("s")
        await pilot.pause()
        assert not app.section_list.display
        assert app.document.size.width > width
        await pilot.press("s")
        await pilot.pause()
        assert app.section_list.display


# --- the text pane --------------------------------------------------------------------


async def test_line_page_and_end_keys_scroll_the_text(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        view = app.document
        height = view.scrollable_content_region.height
        for key in ("j", "down"):
            before = view.top_row
            await pilot.press(key)
            assert view.top_row == before + 1
        for key in ("k", "up"):
            before = view.top_row
            await pilot.press(key)
            assert view.top_row == before - 1
        for key in ("space", "pagedown"):
            before = view.top_row
            await pilot.press(key)
            assert view.top_row == before + height - 1
        for key in ("b", "pageup"):
            before = view.top_row
            await pilot.press(key)
            assert view.top_row == before - (height - 1)
        for key in ("G", "end"):
            await pilot.press("g")
            await pilot.press(key)
            assert view.top_row > 0
            assert view.progress == 1.0
        for key in ("g", "home"):
            await pilot.press("G")
            await pilot.press(key)
            assert view.top_row == 0


async def test_braces_move_by_paragraph(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("right_curly_bracket")
        first_line = "In June 2011 I had been tweeting and blogging for about two months."
        assert top_text(app).startswith(first_line)
        await pilot.press("right_curly_bracket")
        assert top_text(app).startswith("I had a number of people")
        await pilot.press("left_curly_bracket")
        assert top_text(app).startswith("In June 2011")


# --- the comments pane ----------------------------------------------------------------


async def focus_comments(app: ReaderApp, pilot: Pilot[None]) -> CommentTree:
    app.comment_tree.focus()
    await pilot.pause()
    return app.comment_tree


async def test_j_k_move_between_visible_comments(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        tree = await focus_comments(app, pilot)
        assert tree.cursor_id == "c1"
        for key, expected in (("j", "c2"), ("down", "c3"), ("j", "c3"), ("k", "c2"), ("up", "c1")):
            await pilot.press(key)
            assert tree.cursor_id == expected


async def test_h_on_comment_1_hides_its_reply_and_l_shows_it(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        tree = await focus_comments(app, pilot)
        await pilot.press("h")
        assert tree.is_collapsed("c1")
        assert tree.visible_ids == ["c1", "c3"]
        lines = screen_text(tree)
        assert lines[0].startswith(" ▸ 1  Great post and the same could")
        assert lines[0].endswith("(+1 reply)")
        await pilot.press("h")  # on a collapsed comment h goes to the parent: none here
        assert tree.cursor_id == "c1"
        await pilot.press("l")
        assert tree.visible_ids == ["c1", "c2", "c3"]
        await pilot.press("left", "right")
        assert tree.visible_ids == ["c1", "c2", "c3"]


async def test_h_on_a_leaf_goes_to_the_parent(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        tree = await focus_comments(app, pilot)
        await pilot.press("j")
        assert tree.cursor_id == "c2"
        await pilot.press("h")
        assert tree.cursor_id == "c1"
        assert not tree.is_collapsed("c1")


async def test_space_and_enter_toggle(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        tree = await focus_comments(app, pilot)
        for key in ("space", "enter"):
            await pilot.press(key)
            assert tree.is_collapsed("c1")
            await pilot.press(key)
            assert not tree.is_collapsed("c1")


async def test_siblings_and_parent(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        tree = await focus_comments(app, pilot)
        await pilot.press("J")
        assert tree.cursor_id == "c3"
        await pilot.press("J")
        assert tree.cursor_id == "c3"
        await pilot.press("K")
        assert tree.cursor_id == "c1"
        await pilot.press("j", "u")
        assert tree.cursor_id == "c1"


async def test_collapse_all_and_expand_all(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        tree = await focus_comments(app, pilot)
        await pilot.press("j", "minus")
        assert tree.visible_ids == ["c1", "c3"]
        assert tree.cursor_id == "c1"
        assert all(tree.is_collapsed(c) for c in ("c1", "c2", "c3"))
        await pilot.press("plus")
        assert tree.visible_ids == ["c1", "c2", "c3"]


async def test_recruits_expands_comment_1_and_puts_the_cursor_on_the_reply(
    sample_post: Post,
) -> None:
    async with reader(sample_post) as (app, pilot):
        tree = await focus_comments(app, pilot)
        await pilot.press("minus")
        await pilot.press("c")  # the panel is hidden too: the match must open it
        assert not tree.display
        await search(pilot, "recruits")
        await pilot.press("enter")
        await pilot.pause()
        assert tree.display
        assert not tree.is_collapsed("c1")
        assert tree.visible_ids[:2] == ["c1", "c2"]
        assert tree.cursor_id == "c2"
        assert any("new recruits will get social media" in line for line in screen_text(tree))
        assert str(app.query_one("#search-status").render()) == "1/1 (1 in comments)"


# --- search behaviour -----------------------------------------------------------------


async def test_incremental_smartcase_and_folding(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await search(pilot, "do")
        many = app.match_count
        await pilot.press(*"n't get it")
        await pilot.pause()
        assert app.match_count == 1 < many
        assert app.current_match is not None and app.current_match.block_id == "p21"
        bar = app.query_one(SearchBar)
        bar.input.value = "Police"
        await pilot.pause()
        capital = app.match_count
        bar.input.value = "police"
        await pilot.pause()
        assert app.match_count > capital


async def test_regex_toggle_and_errors_in_the_bar(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await search(pilot, "@[a-z]+cop")
        assert app.match_count == 0
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.match_count >= 3
        bar = app.query_one(SearchBar)
        bar.input.value = "(unclosed"
        await pilot.pause()
        status = app.query_one("#search-status")
        assert "regular expression" in str(status.render())
        assert status.has_class("-error")
        assert app.is_running
        await pilot.click("#search-regex")
        await pilot.pause()
        assert not bar.regex


async def test_visible_matches_are_painted_and_the_current_one_differs(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await search(pilot, "social media")
        await pilot.press("enter")
        styles = set()
        for y in range(app.document.size.height):
            for segment in app.document.render_line(y):
                if segment.text.lower() == "social media" and segment.style is not None:
                    styles.add(segment.style.bgcolor)
        assert len(styles) == 2, styles  # plain matches and the current one


async def test_sidebar_follows_the_reading_position(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        sections = app.query_one(SectionList)
        assert sections.highlighted == 0
        await pilot.press("G")
        await pilot.pause()
        assert sections.highlighted == len(sample_post.sections) - 1
        await pilot.press("g")
        await pilot.pause()
        assert sections.highlighted == 0
        header = str(app.query_one("#header-status").render())
        assert header == "§1/5 · 0% · 3 of 12 comments"


# --- sidebar, palette, mouse ----------------------------------------------------------


async def test_choosing_a_section_jumps_and_comments_entry_focuses_comments(
    sample_post: Post,
) -> None:
    async with reader(sample_post) as (app, pilot):
        app.section_list.focus()
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert top_text(app).startswith("Then the unthinkable happened.")
        assert app.focused is app.document
        app.section_list.focus()
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.focused is app.comment_tree


async def test_clicking_a_section_jumps(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.click(SectionList, offset=(2, 2))
        await pilot.pause()
        assert top_text(app).startswith("Not so fast.")


async def test_clicking_a_comment_header_toggles_it(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        # Row 0 is the panel's top border; the first header is the row under it.
        await pilot.click(CommentTree, offset=(3, 1))
        await pilot.pause()
        assert app.comment_tree.is_collapsed("c1")


async def test_mouse_wheel_scrolls_the_text(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        before = app.document.top_row
        await pilot._post_mouse_events([MouseScrollDown], DocumentView, offset=(10, 5))
        await pilot.pause()
        assert app.document.top_row > before


async def test_command_palette_jumps_to_a_section_by_name(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"unthinkable")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert top_text(app).startswith("Then the unthinkable happened.")


async def test_command_palette_runs_an_action(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"hide the comments")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert not app.comment_tree.display


# --- empty states ---------------------------------------------------------------------


async def test_empty_document_says_so() -> None:
    async with reader(parse_post("")) as (app, pilot):
        assert any("This document is empty" in line for line in screen_text(app.document))
        assert not app.comment_tree.display  # no comments: no panel (the header says so)
        await pilot.press(
            "right_square_bracket", "j", "G", "slash", "x", "enter", "n", "tab", "tab"
        )
        assert app.is_running


async def test_no_comments_says_so() -> None:
    async with reader(parse_post("Title\n\nJust one paragraph here, nothing more.\n")) as (app, _):
        assert not app.comment_tree.display
        assert "no comments" in str(app.query_one("#header-status").render())


def _key(name: str) -> Key:
    return Key(name, name if len(name) == 1 else None)


async def test_keys_typed_right_after_enter_or_escape_reach_the_pane(sample_post: Post) -> None:
    """A terminal delivers fast typing in one read: `/police` enter `n` all arrive before
    the app has drawn anything. The `n` is for the next match, not for the query."""
    async with reader(sample_post) as (app, pilot):
        for name in ["slash", *"police", "enter", "n"]:
            app.post_message(_key(name))
        await pilot.pause()
        assert app.search_bar.input.value == "police"
        assert app.match_count > 2
        assert app.focused is app.document
        # The search starts at the first match from the top (the title); `n` moved on.
        assert app.search.matches[0].block_id == "title"
        assert app.current_match == app.search.matches[1]
        # The same for escape: `j` typed right after it scrolls the text.
        top = app.document.top_row
        for name in ["slash", "escape", "j"]:
            app.post_message(_key(name))
        await pilot.pause()
        # Escape empties the bar (the query goes to its history, `up` brings it back).
        assert app.search_bar.input.value == ""
        assert app.search_bar.history == ["police"]
        assert app.search_bar.has_class("-hidden")
        assert app.focused is app.document
        assert app.document.top_row == top + 1
        # Reopened and typed again, the same query finds its matches again.
        await pilot.press("slash", *"police")
        assert app.match_count > 2
        assert app.search_bar.input.value == "police"


async def test_the_panes_are_reached_while_help_is_open(book_post: Post) -> None:
    """The text pane keeps wrapping and reporting its position under the help screen."""
    async with reader(book_post) as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        app.document.post_message(DocumentView.PositionChanged(3, 0.5))
        await pilot.pause()
        assert app.is_running
        assert app.section_list.highlighted_section == 0  # chapter 3, folded in book one
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_a_remapped_key_shows_in_help_and_palette_and_works(sample_post: Post) -> None:
    async with reader(sample_post) as (app, pilot):
        app.update_keymap({"next_section": "x", "comments.collapse_all": "z"})
        await pilot.press("question_mark")
        await pilot.pause()
        text = rendered_text(app.screen.query_one("#help-table", Static).content)
        rows = dict(
            (found.group(2), found.group(1))
            for found in (
                re.match(r"\s*(\S.*?)\s{2,}(\S.*?)\s*$", line) for line in text.splitlines()
            )
            if found
        )
        assert rows["Next section"] == "x"
        assert rows["Collapse all"] == "z"
        await pilot.press("escape")
        # The palette reads the same bindings: the new key, and the action runs.
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"next section")
        await pilot.pause(0.5)
        shown = app.screen.query_one(CommandList)
        hint = str(shown.get_option_at_index(0).prompt)
        assert "key: x" in hint
        await pilot.press("escape")
        await pilot.pause()
        section = app.document.current_section
        await pilot.press("x")
        await pilot.pause()
        assert app.document.current_section == section + 1
