"""Hostile input below the interface: load → parse → dump → search, and the command line.

Shapes (item 2), encodings (item 3), a fuzzer over bytes (item 5) and "nothing lost"
(item 6) of the hostile-input issue. The interactive reader is in test_hostile_tui.py,
the real terminal in test_hostile_e2e.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hostile import (
    BROKEN_UTF8_PIECES,
    ENCODED,
    ESCAPES,
    LONG_TITLE_LENGTH,
    MARKUP,
    SHAPES,
    Encoded,
    broken_utf8,
    broken_utf8_sequences,
    hostile_post,
    letters,
    model_letters,
    random_post,
    shape_letters,
    shape_post,
    shape_text,
    terminal_unsafe,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from postgen import messy_posts
from tests_support import letters_and_digits, model_letters_and_digits

from reader import cli, export
from reader.load import LoadError, load_bytes
from reader.model import Post
from reader.pipeline import post_from_text
from reader.search import Query, QueryError, SearchIndex

SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SHAPE_NAMES = [shape.name for shape in SHAPES]


def load_and_parse(data: bytes, name: str = "x.txt") -> tuple[str, Post]:
    loaded = load_bytes(data, name)
    return loaded.text, post_from_text(loaded)


def dumped_letters(dump: dict[str, Any]) -> Counter[str]:
    """Letters and digits of every piece of source text in a ``--dump json`` document."""
    pieces: list[str] = []
    if not dump["title_inferred"]:
        pieces.append(dump["title"])
    for section in dump["sections"]:
        if not section["title_inferred"]:
            pieces.append(section["title"])
        pieces.extend(paragraph["text"] for paragraph in section["paragraphs"])
    if dump["comments_header"] is not None:
        pieces.append(dump["comments_header"]["text"])
    for comment in dump["comments"]:
        pieces.extend(
            part for part in (comment["label"], comment["author"], comment["date"]) if part
        )
        pieces.extend(paragraph["text"] for paragraph in comment["paragraphs"])
    pieces.extend(chrome["text"] for chrome in dump["boilerplate"])
    return letters("\n".join(pieces))


def every_dump(post: Post) -> dict[str, Any]:
    """Dump in the three formats; return the JSON one, parsed."""
    outline = export.to_outline(post)
    markdown = export.to_markdown(post)
    assert outline.endswith("\n") and markdown.endswith("\n")
    assert not terminal_unsafe(outline) and not terminal_unsafe(markdown)
    dump: dict[str, Any] = json.loads(export.to_json(post))
    assert dump["schema"] == "post-reader/1"
    return dump


def search_everywhere(post: Post) -> None:
    """Plain, regex, markup-looking and broken queries: none raises but a bad regex."""
    index = SearchIndex(post)
    for text in ("the", "Reply", "[@click=app.quit]", "$var", "...", "’", " ", ""):
        index.find(Query(text))
    for pattern in (r"p\w+ce", r"^Th", r"(?i)police|river", r"[\u4e00-\u9fff]+"):
        index.find(Query(pattern, regex=True))
    with pytest.raises(QueryError):
        index.find(Query("([", regex=True))


# --- item 2 and 6: shapes -------------------------------------------------------------


@pytest.mark.parametrize("name", SHAPE_NAMES)
def test_shape_loads_parses_dumps_and_searches(name: str) -> None:
    post = shape_post(name)
    assert model_letters(post) == shape_letters(name)
    dump = every_dump(post)
    assert dumped_letters(dump) == shape_letters(name)
    search_everywhere(post)


def test_empty_file_is_an_empty_post() -> None:
    post = shape_post("empty")
    assert post.title_inferred
    assert post.sections == () and post.comments == () and post.boilerplate == ()


def test_one_huge_line_is_one_paragraph_that_search_reaches_the_end_of() -> None:
    text = shape_text("one-10MB-line")
    post = shape_post("one-10MB-line")
    assert len(text) == 10_000_000 and "\n" not in text
    tail = text[-40:].strip()
    matches = SearchIndex(post).find(Query(tail))
    assert matches and matches[-1].block_id == post.paragraphs[-1].id


def test_hundred_thousand_paragraphs_are_all_kept() -> None:
    post = shape_post("100k-one-word-paragraphs")
    # Each word is one piece: a paragraph, page chrome, the title or a heading.
    headings = [section for section in post.sections if not section.title_inferred]
    title = 0 if post.title_inferred else 1
    assert len(post.paragraphs) + len(post.boilerplate) + len(headings) + title == 100_000


def test_five_thousand_deep_chain_is_one_chain() -> None:
    post = shape_post("5000-deep-chain")
    assert len(post.comments) == 5_000
    for index, comment in enumerate(post.comments):
        assert comment.depth == index
        assert comment.parent == (post.comments[index - 1].id if index else None)
    assert post.comment_number(post.comments[-1].id)  # numbering is not recursive
    assert len(json.loads(export.to_json(post))["comments"]) == 5_000


def test_ten_thousand_comments_are_all_read() -> None:
    post = shape_post("10000-comments")
    assert len(post.comments) == 10_000
    assert post.comments_header is not None and post.comments_header.declared_count == 10_000


def test_comments_header_without_comments() -> None:
    post = shape_post("header-without-comments")
    assert post.comments == ()
    assert post.comments_header is not None and post.comments_header.declared_count == 12
    assert "Comments: 0 of 12 declared" in export.to_outline(post)


def test_comments_with_empty_bodies_are_kept() -> None:
    post = shape_post("empty-comment-bodies")
    assert len(post.comments) == 6
    assert all(comment.author and not comment.paragraphs for comment in post.comments)
    assert "(empty)" in export.to_outline(post)


def test_only_boilerplate_is_set_aside_not_read() -> None:
    """DESIGN: comment forms are kept in ``boilerplate``, "not shown as reading text"."""
    post = shape_post("only-boilerplate")
    assert post.paragraphs == ()
    assert [chrome.text for chrome in post.boilerplate] == shape_text("only-boilerplate").split(
        "\n\n"
    )
    assert post.title_inferred


def test_five_thousand_character_title_is_kept_whole() -> None:
    post = shape_post("5000-char-title")
    assert len(post.title) == LONG_TITLE_LENGTH
    assert post.title == shape_text("5000-char-title").split("\n", 1)[0]
    assert SearchIndex(post).find(Query(post.title[-30:]))[0].block_id == "title"


def test_wide_and_combining_text_is_kept_as_written() -> None:
    post = shape_post("wide-and-combining")
    texts = [paragraph.text for paragraph in post.paragraphs]
    assert "cafe\u0301 nai\u0308ve." in " ".join(texts)  # combining marks are not composed
    assert any("👨‍👩‍👧‍👦" in text for text in texts)
    assert SearchIndex(post).find(Query("한국어 문장"))


# --- item 1 below the interface: nothing the terminal acts on leaves the loader --------


def test_escapes_and_c1_controls_become_visible_placeholders() -> None:
    loaded = load_bytes(hostile_post().text.encode(), "hostile.txt")
    assert not terminal_unsafe(loaded.text)
    post = post_from_text(loaded)
    assert post.title.startswith("Hostile [@click=app.quit]Title[/] ␛]0;PWNED-OSC0␇")
    body = "\n".join(paragraph.text for paragraph in post.paragraphs)
    for name, payload in ESCAPES.items():
        shown = "".join(
            chr(0x2400 + ord(c)) if ord(c) < 0x20 else "⍰" if 0x80 <= ord(c) < 0xA0 else c
            for c in payload
        )
        assert shown in body or shown in export.to_markdown(post), name
    for markup in MARKUP:
        assert markup in body, markup


@pytest.mark.parametrize("mode", ["json", "outline", "markdown"])
def test_dump_of_a_hostile_post_writes_nothing_a_terminal_acts_on(
    mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(hostile_post().text.encode())
    assert cli.main(["--dump", mode, str(path)]) == 0
    out = capsys.readouterr().out
    assert "PWNED-OSC0" in out
    assert not terminal_unsafe(out)


def test_search_output_of_a_hostile_post_writes_nothing_a_terminal_acts_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.txt"
    path.write_bytes(hostile_post().text.encode())
    assert cli.main(["--search", "PWNED", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") >= 5
    assert not terminal_unsafe(out)
    assert cli.main(["--search", "[@click=app.quit]CLICKME[/]", str(path)]) == 0
    assert "[[@click=app.quit]CLICKME[/]]" in capsys.readouterr().out


def test_the_fast_letter_count_is_the_project_s_letter_count() -> None:
    """``hostile.letters`` stands in for ``tests_support.letters_and_digits`` on big inputs."""
    for text in (hostile_post().text, random_post(1), shape_text("wide-and-combining")):
        loaded, post = load_and_parse(text.encode())
        assert letters(text) == letters_and_digits(text)
        assert model_letters(post) == model_letters_and_digits(post)


def test_random_posts_with_payloads_lose_nothing() -> None:
    for seed in range(20):
        text = random_post(seed)
        loaded, post = load_and_parse(text.encode())
        assert not terminal_unsafe(loaded)
        assert model_letters(post) == letters(text), seed
        assert dumped_letters(every_dump(post)) == letters(text), seed


# --- the command line on every shape --------------------------------------------------


# The heavy shapes' load, parse, dump and search are tested above, in-process, once.
CLI_SHAPES = [shape.name for shape in SHAPES if not shape.heavy]


@pytest.mark.parametrize("name", CLI_SHAPES)
def test_cli_dumps_and_searches_shapes(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(shape_text(name).encode())
    assert cli.main(["--dump", "json", str(path)]) == 0
    dump = json.loads(capsys.readouterr().out)
    assert dumped_letters(dump) == shape_letters(name)
    found = cli.main(["--search", "the", str(path)])
    out = capsys.readouterr().out
    assert found == (0 if out else 1)
    assert not terminal_unsafe(out)


def test_cli_search_in_an_empty_file_finds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert cli.main(["--search", "anything", str(path)]) == 1
    assert cli.main(["--dump", "outline", str(path)]) == 0
    assert capsys.readouterr().err == ""


# --- item 3: encodings ----------------------------------------------------------------


@pytest.mark.parametrize("sample", ENCODED, ids=[sample.name for sample in ENCODED])
def test_encoding_is_read_and_nothing_is_lost(sample: Encoded) -> None:
    loaded = load_bytes(sample.data, f"{sample.name}.txt")
    assert loaded.text == sample.text
    assert loaded.encoding.startswith(sample.encoding)
    assert loaded.replaced_bytes == 0
    post = post_from_text(loaded)
    assert post.title == "Café Society"
    assert model_letters(post) == letters(sample.text)
    assert dumped_letters(every_dump(post)) == letters(sample.text)
    search_everywhere(post)


@pytest.mark.parametrize("sample", ENCODED, ids=[sample.name for sample in ENCODED])
def test_cli_reads_every_encoding(
    sample: Encoded, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"{sample.name}.txt"
    path.write_bytes(sample.data)
    assert cli.main(["--search", "façade", str(path)]) == 0
    assert "façade" in capsys.readouterr().out


def test_invalid_utf8_bytes_are_replaced_counted_and_nothing_else_is_lost() -> None:
    data, clean = broken_utf8()
    expected = broken_utf8_sequences(data)
    assert expected >= len(BROKEN_UTF8_PIECES)
    loaded = load_bytes(data, "broken.txt")
    assert loaded.encoding == "utf-8"
    assert loaded.replaced_bytes == expected
    assert loaded.text.count("\ufffd") == expected
    assert loaded.text.replace("\ufffd", "") == clean
    post = post_from_text(loaded)
    assert post.source.replaced_bytes == expected
    assert model_letters(post) == letters(clean)


def test_cli_reads_invalid_utf8_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _ = broken_utf8()
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    assert cli.main(["--dump", "json", str(path)]) == 0
    dump = json.loads(capsys.readouterr().out)
    assert dump["source"]["encoding"] == "utf-8"


NUL_CASES = {
    "nul-in-utf8-text": b"A post about police.\n\nIt has a NUL \x00 byte.\n" * 20,
    "single-nul": "Café and crème. ".encode() * 100 + b"\x00" + b"more text",
    "binary": bytes(range(256)) * 4,
}


@pytest.mark.parametrize("data", NUL_CASES.values(), ids=NUL_CASES.keys())
def test_nul_bytes_are_refused_as_binary(data: bytes) -> None:
    with pytest.raises(LoadError, match="binary"):
        load_bytes(data, "x.bin")


@pytest.mark.parametrize("data", NUL_CASES.values(), ids=NUL_CASES.keys())
def test_cli_refuses_nul_bytes_with_one_line_and_status_2(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--dump", "json", str(path)],
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ") and "binary" in lines[0]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_not_refused_for_its_nul_bytes(codec: str) -> None:
    text = "Café Society\n\nA paragraph about the police and a river.\n"
    loaded = load_bytes(text.encode(codec), "x.txt")
    assert loaded.text == text and loaded.encoding == codec


def test_a_nul_character_in_utf16_text_is_shown_not_refused() -> None:
    text = "Title\n\nA NUL \x00 inside a UTF-16 text.\n"
    loaded = load_bytes(b"\xff\xfe" + text.encode("utf-16-le"), "x.txt")
    assert loaded.text == text.replace("\x00", "␀")
    assert loaded.replaced_controls == 1


# --- item 5: bytes → load → parse → dump → search --------------------------------------

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1")


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """Bytes of every kind: random, or a messy post with payloads, in some encoding."""
    kind = draw(st.sampled_from(["random", "post", "post-broken"]))
    if kind == "random":
        return draw(st.binary(max_size=3000))
    text = draw(messy_posts())
    for _ in range(draw(st.integers(0, 4))):
        cut = draw(st.integers(0, len(text)))
        payload = draw(st.sampled_from([*ESCAPES.values(), *MARKUP, "\u202e", "\u200b", "\t"]))
        text = text[:cut] + payload + text[cut:]
    codec = draw(st.sampled_from(ENCODINGS))
    data = text.encode(codec, errors="replace")
    if kind == "post-broken" and data:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.sampled_from(BROKEN_UTF8_PIECES)) + data[cut:]
    return data


@SETTINGS
@given(hostile_bytes(), st.data())
def test_bytes_load_parse_dump_search(data: bytes, draw: st.DataObject) -> None:
    try:
        loaded = load_bytes(data, "fuzz.txt")
    except LoadError as error:
        message = str(error)
        assert message and "\n" not in message
        return
    text = loaded.text
    assert not terminal_unsafe(text)
    assert "\x00" not in text
    post = post_from_text(loaded)
    assert model_letters(post) == letters(text)
    assert dumped_letters(every_dump(post)) == letters(text)
    index = SearchIndex(post)
    blocks = [block for block in index.blocks if block.text.strip()]
    if not blocks:
        return
    block = draw.draw(st.sampled_from(blocks))
    start = draw.draw(st.integers(0, len(block.text) - 1))
    end = draw.draw(st.integers(start + 1, min(len(block.text), start + 30)))
    piece = block.text[start:end]
    if not piece.strip() or any(unicodedata.category(c) == "Cs" for c in piece):
        return
    # A piece of any shown text is found where it is, as plain text and as a regex.
    for query in (Query(piece), Query(re.escape(piece), regex=True)):
        matches = index.find(query)
        assert any(match.block_id == block.id for match in matches), (query, block.id)
