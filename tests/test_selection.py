"""Text selected with the mouse in the text pane and the comments panel: highlighted as it
is dragged over, the words as shown (not the margin, the guides or the padding), copied
by Textual's ctrl+c and by ``y``."""

from __future__ import annotations

from rich.color import Color
from test_comment_panel import _lines, _post
from test_comment_panel import reader as panel_reader
from test_text_comforts import lines, post_of, reader
from textual.pilot import Pilot
from textual.widget import Widget

from reader.model import Post
from reader.tui.document_view import DocumentView
from reader.tui.lazy_view import LazyView

WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron "


async def drag(
    pilot: Pilot[None], widget: Widget, start: tuple[int, int], end: tuple[int, int]
) -> None:
    """Press the button at ``start`` (cells of the widget's content), move to ``end`` and
    let go."""
    x, y = widget.content_region.offset - widget.region.offset  # the border, if any
    await pilot.mouse_down(widget, offset=(start[0] + x, start[1] + y))
    await pilot.hover(widget, offset=(end[0] + x, end[1] + y))
    await pilot.mouse_up(widget, offset=(end[0] + x, end[1] + y))
    await pilot.pause()


def selected_cells(view: LazyView[object], y: int) -> str:
    """The text of a screen row drawn in the selection's background."""
    background = view.screen.get_component_rich_style("screen--selection").bgcolor
    assert isinstance(background, Color)
    strip = view.render_line(y)
    return "".join(
        segment.text
        for segment in strip
        if segment.style is not None and segment.style.bgcolor == background
    )


def _first_text_row(shown: list[str], word: str) -> int:
    return next(y for y, line in enumerate(shown) if line.lstrip().startswith(word))


TEXT_POST: Post = post_of([WORDS * 3, "A second paragraph, short."])


async def test_a_drag_over_wrapped_text_selects_it_as_shown_and_highlights_it() -> None:
    async with reader(TEXT_POST, size=(60, 24)) as (app, pilot):
        view = app.document
        assert isinstance(view, DocumentView)
        shown = lines(view)
        y = _first_text_row(shown, "alpha")
        margin = len(shown[y]) - len(shown[y].lstrip())
        # From the second word of a row to the fourth cell of the next one.
        start = margin + len("alpha ")
        await drag(pilot, view, (start, y), (margin + 3, y + 1))
        expected = shown[y][start:] + " " + shown[y + 1][margin : margin + 4]
        assert app.screen.get_selected_text() == expected
        assert selected_cells(view, y) == shown[y][start:]  # the text, not the padding
        assert selected_cells(view, y + 1) == shown[y + 1][margin : margin + 4]
        assert selected_cells(view, y + 2) == ""


async def test_a_selection_over_paragraphs_keeps_their_blank_line_and_leaves_out_the_margin() -> (
    None
):
    async with reader(TEXT_POST, size=(60, 24)) as (app, pilot):
        view = app.document
        shown = lines(view)
        y = _first_text_row(shown, "alpha")
        last = _first_text_row(shown, "A second")
        # From the left edge (in the margin) to past the end of the last row.
        await drag(pilot, view, (0, y), (view.size.width - 1, last))
        text = app.screen.get_selected_text()
        assert text == WORDS.strip() + " " + WORDS.strip() + " " + WORDS.strip() + (
            "\n\nA second paragraph, short."
        )


async def test_ctrl_c_and_y_copy_the_selection_and_a_click_clears_it() -> None:
    async with reader(TEXT_POST, size=(60, 24)) as (app, pilot):
        view = app.document
        view.focus()
        shown = lines(view)
        y = _first_text_row(shown, "alpha")
        margin = len(shown[y]) - len(shown[y].lstrip())
        await drag(pilot, view, (margin, y), (margin + 15, y))
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == "alpha beta gamma"
        app.copy_to_clipboard("")
        await pilot.press("y")  # with a selection: the selection, not the paragraph
        await pilot.pause()
        assert app.clipboard == "alpha beta gamma"
        await pilot.click(view, offset=(margin + 2, y + 3))
        await pilot.pause()
        assert not app.screen.selections
        assert selected_cells(view, y) == ""  # the cleared selection is painted away
        await pilot.press("y")  # and without one, the paragraph at the top again
        await pilot.pause()
        assert app.clipboard == "Comforts"


async def test_a_drag_over_a_reply_leaves_out_the_guides_and_copies_its_words() -> None:
    words = "Some words of a reply that wrap over more than one row of the panel " * 2
    post = _post([(0, "A first comment."), (1, words.strip())])
    async with panel_reader(post) as (app, pilot):
        tree = app.comment_tree
        tree.focus()
        await pilot.pause()
        shown = _lines(tree)
        y = _first_text_row(shown, "│   Some")
        lead = shown[y].index("Some")
        assert lead > 3  # the gutter, a guide and the indent
        # From the guide (left of the text) to the fourth cell of the next row.
        await drag(pilot, tree, (1, y), (lead + 3, y + 1))
        expected = (shown[y][lead:] + " " + shown[y + 1][lead : lead + 4]).rstrip()
        assert expected.startswith("Some words of a reply")
        assert app.screen.get_selected_text() == expected
        assert selected_cells(tree, y) == shown[y][lead:]
        await pilot.press("y")  # the selection, not the comment with its byline
        await pilot.pause()
        assert app.clipboard == expected
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.clipboard == expected


def has_offsets(view: LazyView[object], y: int) -> bool:
    return any(
        segment.style is not None and "offset" in segment.style.meta
        for segment in view.render_line(y)
    )


async def test_rows_carry_selection_offsets_only_under_the_pointer() -> None:
    # Marking a row for selection costs a third of drawing it: reading by keys, with
    # the pointer elsewhere, pays nothing; the rows get their marks when it comes over.
    async with reader(post_of([WORDS * 4])) as (app, pilot):
        view = app.document
        await pilot.press("j", "k")
        assert not view.mouse_hover
        assert not has_offsets(view, 2)
        await pilot.hover(view, offset=(10, 2))
        await pilot.pause()
        assert view.mouse_hover
        assert has_offsets(view, 2)
