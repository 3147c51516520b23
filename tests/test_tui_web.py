"""The reader on posts from web pages and Markdown: code, quotations, lists, links and the
byline, in the text pane and the comments panel (posts built from the model directly)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

from rich.style import Style
from textual.pilot import Pilot
from textual.strip import Strip

from reader.model import Comment, Link, Paragraph, Post, Section, Source
from reader.tui import ReaderApp, make_app
from reader.tui.blocks import CODE_MARK, TAB_SIZE, expand_tabs
from reader.tui.comment_tree import CommentTree
from reader.tui.document_view import GUTTER, DocumentView

SIZE = (120, 40)
_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


def linked(block: str, source: str, links: list[Link], kind: str = "text") -> Paragraph:
    """A paragraph from Markdown-ish text: each ``[text](target)`` becomes the text and its
    reference ``[n]``, and a Link (numbered after those already in ``links``)."""
    out: list[str] = []
    length = done = 0
    for found in _LINK.finditer(source):
        out.append(source[done : found.start()])
        length += found.start() - done
        text, target = found.groups()
        number = len(links) + 1
        links.append(Link(number, text, target, block, length, length + len(text)))
        reference = f"[{number}]"
        out += [text, reference]
        length += len(text) + len(reference)
        done = found.end()
    out.append(source[done:])
    text = "".join(out)
    return Paragraph(block, text, (0, len(text)), kind=kind)


def web_post(
    paragraphs: Sequence[tuple[str, str]],
    comments: Sequence[Sequence[tuple[str, str]]] = (),
    *,
    author: str | None = None,
    date: str | None = None,
    site: str | None = None,
    url: str | None = None,
    headings: Sequence[tuple[str, int]] = (),
) -> Post:
    """A post of (kind, Markdown-ish text) paragraphs, under ``headings`` (a title and how
    many paragraphs it heads) or in one untitled section, and top-level comments of such
    paragraphs."""
    links: list[Link] = []
    made = [linked(f"p{n}", text, links, kind) for n, (kind, text) in enumerate(paragraphs, 1)]
    sections: list[Section] = []
    start = 0
    for number, (title, count) in enumerate(headings, 1):
        sections.append(Section(f"s{number}", title, False, 1, tuple(made[start : start + count])))
        start += count
    if not headings:
        sections.append(Section("s1", "A page", True, 1, tuple(made)))
    thread = []
    for number, parts in enumerate(comments, 1):
        own = tuple(
            linked(f"c{number}.p{p}", text, links, kind) for p, (kind, text) in enumerate(parts, 1)
        )
        thread.append(Comment(f"c{number}", None, 0, None, f"reader {number}", None, own))
    return Post(
        title="A page from the web",
        sections=tuple(sections),
        comments=tuple(thread),
        source=Source(name="page.html", format="html", url=url),
        author=author,
        date=date,
        site=site,
        links=tuple(links),
    )


@asynccontextmanager
async def reader(
    post: Post, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    app = make_app(post)
    app.line_length = None  # the full-width layout: the measure has its own tests
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield app, pilot


def rows(view: DocumentView | CommentTree) -> list[Strip]:
    return [view.render_line(y) for y in range(view.size.height)]


def lines(view: DocumentView | CommentTree) -> list[str]:
    return [strip.text.rstrip() for strip in rows(view)]


def cells(strip: Strip) -> list[tuple[str, Style]]:
    """Each cell of a row (the tests' text is one cell a character) and its style."""
    return [
        (char, segment.style or Style())
        for segment in strip
        if not segment.control
        for char in segment.text
    ]


def row_with(view: DocumentView | CommentTree, text: str) -> Strip:
    return next(strip for strip in rows(view) if text in strip.text)


def painted(view: DocumentView | CommentTree, strip: Strip, prefix: str) -> list[int]:
    """Columns of a row painted as a search match (current or not)."""
    backgrounds = {
        view.get_component_rich_style(f"{prefix}--match").bgcolor,
        view.get_component_rich_style(f"{prefix}--current-match").bgcolor,
    }
    return [x for x, (_, style) in enumerate(cells(strip)) if style.bgcolor in backgrounds]


CODE = "def greet(name):\n    if name:\n        return f'hi {name}'\n\n    return   'nobody'  "


# --- code -----------------------------------------------------------------------------


async def test_code_keeps_its_lines_and_leading_spaces() -> None:
    async with reader(web_post([("text", "Before."), ("code", CODE)])) as (app, _):
        shown = lines(app.document)
        first = next(y for y, line in enumerate(shown) if "def greet" in line)
        column = shown[first].index("def greet")
        assert column == GUTTER + 1  # the block's margin, then the code
        got = [line[column:] for line in shown[first : first + 5]]
        assert got == [
            "def greet(name):",
            "    if name:",
            "        return f'hi {name}'",
            "",
            "    return   'nobody'",
        ]


async def test_code_is_a_shaded_block_across_the_text_width() -> None:
    async with reader(web_post([("text", "Before."), ("code", CODE)])) as (app, _):
        view = app.document
        code = view.get_component_rich_style("document-view--code").bgcolor
        assert code is not None and code != view.rich_style.bgcolor
        strip = row_with(view, "if name:")
        shaded = [x for x, (_, style) in enumerate(cells(strip)) if style.bgcolor == code]
        text_width = view.size.width - 2 * GUTTER
        assert shaded == list(range(GUTTER, GUTTER + text_width))
        # The code's empty line is part of the block.
        empty = next(y for y, line in enumerate(lines(view)) if "return f'hi" in line) + 1
        assert lines(view)[empty] == ""
        assert cells(rows(view)[empty])[GUTTER][1].bgcolor == code


async def test_code_tabs_are_expanded_to_stops_of_eight() -> None:
    code = "\tindented = 1\nab\tc\tend"
    async with reader(web_post([("code", code)])) as (app, _):
        shown = lines(app.document)
        column = GUTTER + 1
        assert any(line[column:] == " " * TAB_SIZE + "indented = 1" for line in shown)
        assert any(line[column:] == "ab      c       end" for line in shown)
    assert expand_tabs(code)[0] == code.expandtabs(TAB_SIZE)


async def test_a_long_code_line_hangs_at_its_indent_behind_a_mark_and_loses_nothing() -> None:
    long = "x = [" + ", ".join(str(n) for n in range(60)) + "]"
    code = f"short()\n{long}\n    y = {long}\nafter()"
    async with reader(web_post([("code", code)]), size=(80, 30)) as (app, _):
        view = app.document
        # Whole rows: a piece of code can end in a space, which is part of it.
        shown = [strip.text for strip in rows(view)]
        column = GUTTER + 1
        right = view.size.width - GUTTER - 1  # the block keeps its last cell free
        start = next(y for y, line in enumerate(shown) if line[column:].startswith("x = ["))
        middle = next(y for y, line in enumerate(shown) if line[column:].startswith("    y = "))
        end = next(y for y, line in enumerate(shown) if "after()" in line)
        for first, last, indent in ((start, middle, 0), (middle, end, 4)):
            pieces = shown[first:last]
            assert len(pieces) > 1
            hang = column + indent
            assert all(line[:hang].strip() == "" for line in pieces[1:])
            assert all(line[hang] == CODE_MARK for line in pieces[1:])
            assert all(line[right:].strip() == "" for line in pieces)
            rest = "".join(line[hang + 1 : right] for line in pieces[1:])
            whole = pieces[0][column:right] + rest
            assert whole.rstrip() == code.split("\n")[1 if indent == 0 else 2]


async def test_hidden_characters_in_code_are_marked() -> None:
    async with reader(web_post([("code", "a = '\u202e'  # \u200b")])) as (app, _):
        assert any("a = '⇄'  # ⦙" in line for line in lines(app.document))


# --- lists and quotations ---------------------------------------------------------------


async def test_a_wrapped_list_item_hangs_after_its_marker() -> None:
    item = "• " + " ".join(f"word{n}" for n in range(16))
    numbered = "10. " + " ".join(f"step{n}" for n in range(16))
    nested = "  • " + " ".join(f"deep{n}" for n in range(16))
    text = "\n".join([item, "• short", numbered, nested])
    async with reader(web_post([("list", text)]), size=(80, 30)) as (app, _):
        shown = lines(app.document)

        def rows_of(word: str, until: str) -> list[str]:
            start = next(y for y, line in enumerate(shown) if f"{word}0 " in line)
            end = next(y for y, line in enumerate(shown) if y > start and until in line)
            return shown[start:end]

        first = rows_of("word", "• short")
        assert first[0].startswith(" " * GUTTER + "• word0")
        assert len(first) > 1
        assert all(line.startswith(" " * (GUTTER + 2) + "word") for line in first[1:])
        steps = rows_of("step", "deep0")
        assert steps[0].startswith(" " * GUTTER + "10. step0")
        assert all(line.startswith(" " * (GUTTER + 4) + "step") for line in steps[1:])
        deep_start = next(y for y, line in enumerate(shown) if "deep0" in line)
        deep = [line for line in shown[deep_start:] if "deep" in line]
        assert deep[0].startswith(" " * GUTTER + "  • deep0")
        assert all(line.startswith(" " * (GUTTER + 4) + "deep") for line in deep[1:])
        # Every item keeps its own line: nothing is re-flowed into the one before.
        assert any(line.strip() == "• short" for line in shown)


async def test_a_list_marker_is_drawn_in_its_own_style() -> None:
    async with reader(web_post([("list", "• one\n• two")])) as (app, _):
        view = app.document
        marker = view.get_component_rich_style("document-view--list-marker").color
        strip = row_with(view, "• one")
        styled = {char: style for char, style in cells(strip) if char in "•o"}
        assert styled["•"].color == marker
        assert styled["o"].color != marker


async def test_a_quotation_has_its_bar_and_keeps_its_lines() -> None:
    quote = "The first line of the quotation.\n— Its author"
    async with reader(web_post([("text", "Said:"), ("quote", quote)])) as (app, _):
        view = app.document
        shown = lines(view)
        assert " " * GUTTER + "▌ The first line of the quotation." in shown
        assert " " * GUTTER + "▌ — Its author" in shown
        cell = dict(cells(row_with(view, "first line")))
        assert cell["f"].italic
        assert not dict(cells(row_with(view, "Said:")))["S"].italic


# --- links ------------------------------------------------------------------------------


def _no_hyperlink(strips: Sequence[Strip]) -> None:
    for strip in strips:
        for segment in strip:
            style = segment.style
            if style is not None:
                assert not style.link and not style.link_id
                assert "@click" not in style.meta


async def test_a_link_is_underlined_and_its_reference_styled_never_a_hyperlink() -> None:
    paragraph = "Read [the docs](https://example.org/docs) and [b]not bold[/b] too."
    async with reader(web_post([("text", paragraph)])) as (app, _):
        view = app.document
        strip = row_with(view, "the docs[1]")
        text = strip.text
        styles = [style for _, style in cells(strip)]
        docs = text.index("the docs")
        reference = text.index("[1]")
        assert all(styles[x].underline for x in range(docs, docs + len("the docs")))
        assert not any(styles[x].underline for x in range(reference, reference + 3))
        assert not styles[docs - 2].underline  # "d" of "Read"
        link_colour = view.get_component_rich_style("document-view--link-reference").color
        assert all(styles[x].color == link_colour for x in range(reference, reference + 3))
        assert styles[reference].dim
        assert styles[text.index(" and ")].color != link_colour
        # Page text is never markup: "[b]" is shown as typed.
        assert "[b]not bold[/b]" in text
        _no_hyperlink(rows(view))


async def test_links_in_comments_are_styled_too_and_never_hyperlinks() -> None:
    post = web_post(
        [("text", "The post.")],
        [[("text", "See [this](https://example.org/x) please.")]],
    )
    async with reader(post) as (app, _):
        tree = app.comment_tree
        strip = row_with(tree, "this[1]")
        styles = dict(zip(strip.text, (style for _, style in cells(strip)), strict=False))
        assert styles["t"].underline
        colour = tree.get_component_rich_style("comment-tree--link-reference").color
        assert styles["1"].color == colour
        _no_hyperlink(rows(tree))


async def test_links_whose_offsets_do_not_fit_their_text_are_left_undrawn() -> None:
    paragraph = Paragraph("p1", "Short text.", (0, 11))
    post = Post(
        title="Bad links",
        sections=(Section("s1", "Bad links", True, 1, (paragraph,)),),
        links=(
            Link(1, "x", "https://example.org", "p1", 5, 400),
            Link(2, "x", "https://example.org", "p9", 0, 1),
            Link(3, "x", "https://example.org", "p1", 8, 2),
        ),
    )
    async with reader(post) as (app, _):
        strip = row_with(app.document, "Short text.")
        assert not any(style.underline for _, style in cells(strip))


# --- the byline -------------------------------------------------------------------------


async def test_the_byline_stands_under_the_title() -> None:
    post = web_post(
        [("text", "Body text.")],
        author="Ada Lovelace",
        date="10 December 1843",
        site="Notes",
        url="https://example.org/notes/g",
    )
    async with reader(post) as (app, pilot):
        view = app.document
        shown = lines(view)
        assert shown[0].strip() == "A page from the web"
        assert shown[1].strip() == "by Ada Lovelace · 10 December 1843 · Notes"
        assert shown[2].strip() == "https://example.org/notes/g"
        assert shown[3] == ""
        byline = view.get_component_rich_style("document-view--byline").color
        assert dict(cells(rows(view)[1]))["A"].color == byline
        # The byline is part of the title: the next paragraph is the first step down.
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        assert lines(view)[0].strip() == "Body text."


async def test_a_byline_shows_what_is_known_and_nothing_when_nothing_is() -> None:
    async with reader(web_post([("text", "Body.")], date="Today")) as (app, _):
        assert lines(app.document)[1].strip() == "Today"
    async with reader(web_post([("text", "Body.")], author="Someone")) as (app, _):
        assert lines(app.document)[1].strip() == "by Someone"
    async with reader(web_post([("text", "Body.")])) as (app, _):
        shown = lines(app.document)
        assert shown[0].strip() == "A page from the web"
        assert shown[1] == ""
        assert shown[2].strip() == "Body."


async def test_the_sample_has_no_byline(sample_post: Post) -> None:
    assert sample_post.author is sample_post.date is sample_post.site is None
    async with reader(sample_post) as (app, _):
        shown = lines(app.document)
        assert shown[0].strip() == sample_post.title
        assert shown[1] == ""


# --- search -----------------------------------------------------------------------------


async def search(pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash", *text, "enter")
    await pilot.pause()


async def test_a_match_in_code_with_tabs_is_painted_where_it_is_drawn() -> None:
    code = "start()\n\tif ready:\n\t\tgo(\tneedle)"
    async with reader(web_post([("text", "Intro."), ("code", code)])) as (app, pilot):
        await search(pilot, "needle")
        view = app.document
        strip = row_with(view, "needle")
        drawn = code.split("\n")[2].expandtabs(TAB_SIZE)
        column = GUTTER + 1 + drawn.index("needle")
        assert painted(view, strip, "document-view") == list(range(column, column + 6))
        # A match over a tab paints the spaces it became (a space finds any white space).
        await pilot.press("escape")
        await search(pilot, "( needle")
        strip = row_with(view, "needle")
        bracket = GUTTER + 1 + drawn.index("(")
        assert painted(view, strip, "document-view") == list(range(bracket, column + 6))


async def test_a_match_in_a_wrapped_list_item_is_painted_on_its_row() -> None:
    item = "• " + " ".join(f"word{n}" for n in range(30)) + " needle end"
    async with reader(web_post([("list", f"• first\n{item}")]), size=(80, 30)) as (app, pilot):
        await search(pilot, "needle")
        view = app.document
        strip = row_with(view, "needle")
        assert strip.text.startswith(" " * (GUTTER + 2) + "word")  # a hanging row
        column = strip.text.index("needle")
        assert painted(view, strip, "document-view") == list(range(column, column + 6))
        assert app.current_match is not None and app.current_match.block_id == "p1"


async def test_a_match_in_a_code_block_of_a_comment_is_painted_where_it_is_drawn() -> None:
    post = web_post(
        [("text", "The post.")],
        [[("text", "Try this:"), ("code", "loop {\n\tpoke(needle)\n}")]],
    )
    async with reader(post) as (app, pilot):
        await search(pilot, "needle")
        tree = app.comment_tree
        strip = row_with(tree, "needle")
        text = strip.text
        assert "        poke(needle)" in text  # the tab as eight spaces
        column = text.index("needle")
        assert painted(tree, strip, "comment-tree") == list(range(column, column + 6))


# --- the comments panel ------------------------------------------------------------------


async def test_a_comment_keeps_its_code_list_and_quotation() -> None:
    item = "• " + " ".join(f"word{n}" for n in range(40))
    post = web_post(
        [("text", "The post.")],
        [[("code", "if x:\n    y()"), ("list", f"{item}\n• two"), ("quote", "Quoted\nlines")]],
    )
    async with reader(post) as (app, _):
        tree = app.comment_tree
        shown = lines(tree)
        code = next(line for line in shown if "if x:" in line)
        column = code.index("if x:")
        assert next(line for line in shown if "y()" in line)[column:] == "    y()"
        code_bg = tree.get_component_rich_style("comment-tree--code").bgcolor
        assert cells(row_with(tree, "if x:"))[column][1].bgcolor == code_bg
        first = next(y for y, line in enumerate(shown) if "• word0" in line)
        marker = shown[first].index("•")
        assert shown[first + 1][: marker + 2].strip() == ""
        assert shown[first + 1][marker + 2 :].startswith("word")
        assert any(line.strip() == "• two" for line in shown)
        assert any(line.strip() == "▌ Quoted" for line in shown)
        assert any(line.strip() == "▌ lines" for line in shown)


# --- how it looks -------------------------------------------------------------------------


def snapshot_post() -> Post:
    return web_post(
        [
            (
                "text",
                "A small page with what the web gives: [links](https://example.org/a), a "
                "list, a quotation and some [code](https://example.org/b).",
            ),
            (
                "list",
                "• The first item, long enough to wrap in a pane of this width so that its "
                "second line hangs under the first word\n"
                "  • A nested item\n"
                "• A [linked](https://example.org/c) item",
            ),
            ("quote", "Simple things should be simple.\n— Alan Kay"),
            (
                "code",
                "def main() -> None:\n"
                "\tprint('hello')  # a tab, drawn to the stop at column eight\n"
                "    return None  # and a comment long enough to go past the edge of the pane",
            ),
            ("text", "That is all."),
        ],
        [
            [
                ("text", "A comment with a [link](https://example.org/d)."),
                ("code", "$ reader page.html"),
            ]
        ],
        author="Jane Doe",
        date="1 May 2024",
        site="Example Blog",
        headings=(("Kinds of paragraph", 4), ("The end", 1)),
    )


def test_web_post_100x32(snap_compare) -> None:  # type: ignore[no-untyped-def]
    # The comments panel hidden: the whole post fits on the screen.
    app = make_app(snapshot_post())
    assert snap_compare(app, terminal_size=(100, 32), press=["c"])
