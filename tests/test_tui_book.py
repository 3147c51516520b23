"""The reader on a whole book: a two-level sidebar, chapter walking, search."""

from __future__ import annotations

from reader.model import Post
from reader.tui import make_app
from reader.tui.section_list import SectionList


async def test_the_book_is_navigable(book_post: Post) -> None:
    app = make_app(book_post)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sidebar = app.query_one(SectionList)
        # A book's chapters open folded under its parts (and it has no comments entry).
        prompts = [str(sidebar.get_option_at_index(i).prompt) for i in range(2)]
        assert prompts == ["▸ BOOK ONE: 1805", "▸ BOOK TWO: 1805"]
        assert sidebar.option_count == 17

        walked = []
        for _ in range(3):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            walked.append(book_post.sections[app.document.current_section].title)
            assert sidebar.highlighted_section == 0  # the folded part being read
        assert walked == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
        top = app.document.render_line(0).text.strip()
        assert top == "CHAPTER III"

        await pilot.press("slash", *"Natásha")
        await pilot.pause()
        assert app.match_count > 500
        await pilot.press("enter")
        await pilot.pause()
        current = app.current_match
        assert current is not None
        row = app.document.row_of_match(current.block_id, current.start)
        assert row is not None
        assert app.document.top_row <= row < app.document.top_row + app.document.size.height
        assert any(
            "Natásha" in app.document.render_line(y).text for y in range(app.document.size.height)
        )
