"""How lists, quotations and code are laid out in rows (reader/tui/blocks.py), without an
app: rows cover the text, fit the width, and code's tabs map both ways."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from reader.model import Link
from reader.tui.blocks import (
    CODE_MARK,
    FRAME,
    TAB_SIZE,
    BlockLook,
    block_rows,
    block_segments,
    expand_tabs,
    link_spans,
)
from reader.tui.wrap import wrap

code_text = st.text(alphabet=st.sampled_from("ab \t\n字é"), max_size=200)
widths = st.integers(min_value=1, max_value=40)


@settings(max_examples=300, deadline=None)
@given(code_text)
def test_tabs_expand_as_str_expandtabs_and_offsets_map_both_ways(text: str) -> None:
    shown, tabs = expand_tabs(text)
    assert shown == text.expandtabs(TAB_SIZE)
    if tabs is None:
        assert "\t" not in text
        return
    for offset in range(len(text) + 1):
        drawn = tabs.to_shown(offset)
        assert tabs.to_source(drawn) == offset
        if offset < len(text):
            assert shown[drawn] == (" " if text[offset] == "\t" else text[offset])
    for drawn in range(len(shown) + 1):
        source = tabs.to_source(drawn)
        assert tabs.to_shown(source) <= drawn <= tabs.to_shown(tabs.to_source(drawn, end=True))


@settings(max_examples=300, deadline=None)
@given(code_text, widths)
def test_code_rows_hold_every_character_once_within_the_width(text: str, width: int) -> None:
    shown, _ = expand_tabs(text)
    total = width + FRAME["code"]
    rows = block_rows("code", shown, total)
    lines = shown.split("\n")
    assert len([row for row in rows if row[2] == 0]) == len(lines)  # a row starts each line
    assert (
        "\n".join("".join(shown[a:b] for a, b, _ in group) for group in _lines_of(rows, shown))
        == shown
    )
    for start, end, hang in rows:
        drawn = hang + cell_len(shown[start:end])
        # A wide character never split: one alone may overflow a one-cell width.
        assert drawn <= width or end - start == 1


def _lines_of(rows: list[tuple[int, int, int]], text: str) -> list[list[tuple[int, int, int]]]:
    """The rows of each line of the text (by where each row starts)."""
    starts = [0]
    for line in text.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    groups: list[list[tuple[int, int, int]]] = [[] for _ in starts]
    for row in rows:
        groups[bisect_right(starts, row[0]) - 1].append(row)
    return groups


def test_a_continued_code_line_hangs_at_its_indent_then_the_mark() -> None:
    line = "    " + "x" * 30
    rows = block_rows("code", line, 20 + FRAME["code"])
    assert rows[0] == (0, 20, 0)
    assert all(hang == 4 + len(CODE_MARK) for _, _, hang in rows[1:])
    assert "".join(line[a:b] for a, b, _ in rows) == line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab  字é"), max_size=80), widths)
def test_wrapped_rows_fit_the_width_counting_every_space(text: str, width: int) -> None:
    rows = wrap(text, width)
    for start, end in rows:
        assert cell_len(text[start:end]) <= width or end - start == 1
    assert "".join(text[a:b] for a, b in rows).replace(" ", "") == text.replace(" ", "")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "  ", "    "]),
            st.sampled_from(["• ", "1. ", "10. ", "- ", ""]),
            st.text(alphabet=st.sampled_from("ab 字"), min_size=1, max_size=60).filter(
                lambda words: words.strip() == words
            ),
        ),
        min_size=1,
        max_size=6,
    ),
    st.integers(min_value=4, max_value=40),
)
def test_list_rows_keep_items_on_lines_and_hang_after_the_marker(
    items: list[tuple[str, str, str]], width: int
) -> None:
    text = "\n".join(indent + marker + words for indent, marker, words in items)
    rows = block_rows("list", text, width)
    offset = 0
    for (indent, marker, words), group in zip(items, _lines_of(rows, text), strict=True):
        line = indent + marker + words
        first_start = group[0][0] - offset
        assert line[first_start:].startswith((indent + marker)[first_start:])
        for start, end, hang in group:
            assert hang + cell_len(text[start:end]) <= width
        hangs = {hang for _, _, hang in group[1:]}
        # After the marker, or (a marker wider than half the width) not at all.
        assert hangs <= {len(indent + marker) - first_start} or hangs == {0}
        # Every character but the spaces wrapping takes is on a row.
        kept = "".join(text[a:b] for a, b, _ in group).replace(" ", "")
        assert kept == line.replace(" ", "")
        offset += len(line) + 1


def test_link_spans_trust_only_offsets_that_fit() -> None:
    text = "see the docs[1] and more[2] and bad[9]"
    links = [
        Link(1, "the docs", "https://a", "p1", 4, 12),
        Link(2, "more", "https://b", "p1", 20, 24),
        Link(3, "x", "https://c", "p1", 30, 400),  # past the end
        Link(4, "x", "https://d", "p2", 0, 1),  # no such block
        Link(5, "e", "https://e", "p1", 10, 11),  # inside the first link
        Link(9, "bad", "https://f", "p1", 32, 35),
    ]
    spans = link_spans(links, {"p1": text}.get)
    assert list(spans) == ["p1"]
    assert spans["p1"].texts == [(4, 12), (20, 24), (32, 35)]
    assert spans["p1"].references == [(12, 15), (24, 27), (35, 38)]


def test_only_a_row_that_begins_an_item_has_its_marker_styled() -> None:
    look = BlockLook.of(lambda name: Style(bold=True) if name == "list-marker" else Style())
    # "10. " is wider than half of 6 cells: the item wraps unhung, "2." starting a row.
    text = "10. aa 2. bb\n  - deep item words"
    rows = block_rows("list", text, 6)
    marked = [
        text[start:end]
        for start, end, hang in rows
        if any(
            segment.style is not None and segment.style.bold
            for segment in block_segments("list", text, (start, end, hang), 6, Style(), [], look)
        )
    ]
    assert marked == ["10. aa", " - dee"]
