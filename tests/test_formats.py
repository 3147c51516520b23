"""Format detection and the builder the web readers share."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.formats.build import Linked, PostBuilder, safe_target
from reader.formats.detect import detect, format_by_content
from reader.model import Source


@pytest.mark.parametrize(
    ("name", "text", "content_type", "expected"),
    [
        ("post.html", "just words", None, "html"),
        ("POST.HTM", "just words", None, "html"),
        ("notes.md", "just words", None, "markdown"),
        ("notes.txt", "<!doctype html><html><body>x</body></html>", None, "text"),
        ("page", "words", "text/html; charset=utf-8", "html"),
        ("page", "words", "text/markdown", "markdown"),
        ("<stdin>", "<!DOCTYPE html>\n<html><head><title>x</title></head></html>", None, "html"),
        ("<stdin>", "  <!-- saved page -->\n<html lang=en><body>x</body></html>", None, "html"),
        ("<stdin>", "\ufeff<html><body>x</body></html>", None, "html"),
        ("<stdin>", "<div><p>one</p><p>two</p><a href='x'>three</a></div>", None, "html"),
        ("<stdin>", "---\ntitle: A note\n---\n\nText.\n", None, "markdown"),
        ("<stdin>", "# Title\n\nSome text with [a link](https://example.org).\n", None, "markdown"),
        ("<stdin>", "Title\n=====\n\n- one\n- two\n", None, "markdown"),
        ("<stdin>", "A post.\n\n# not a heading but a hash\n\nMore text.\n", None, "text"),
        ("<stdin>", "Menu\n\n* Home\n* About\n\nA post about 3 < 4 and <b>.\n", None, "text"),
        ("<stdin>", "", None, "text"),
    ],
)
def test_detect(name: str, text: str, content_type: str | None, expected: str) -> None:
    assert detect(name, text, content_type) == expected


def test_the_sample_is_text() -> None:
    from reader.resources import sample_path

    assert format_by_content(sample_path().read_text(encoding="utf-8")) == "text"


def _built(builder: PostBuilder) -> dict[str, object]:
    from reader.export import to_dict

    return to_dict(builder.build())


def test_builder_numbers_links_and_keeps_their_offsets() -> None:
    builder = PostBuilder(Source("page.html", format="html"), base_url="https://example.org/a/b")
    builder.title = "  A   title "
    builder.heading("First part", 2)
    builder.paragraph(
        ["Read ", Linked(" the notes ", "../notes"), " and ", Linked("this", "javascript:evil()")]
    )
    builder.paragraph([Linked("mail", "mailto:someone@example.org"), " me."])
    post = builder.build()
    assert post.title == "A title" and not post.title_inferred
    first, second = post.sections[0].paragraphs
    assert first.text == "Read the notes[1] and this"  # javascript: keeps its text, no link
    assert second.text == "mail[2] me."
    one, two = post.links
    assert (one.number, one.target, one.block) == (1, "https://example.org/notes", "p1")
    assert first.text[one.start : one.end] == one.text == "the notes"
    assert (two.target, two.block, second.text[two.start : two.end]) == (
        "mailto:someone@example.org",
        "p2",
        "mail",
    )


def test_builder_keeps_code_lines_and_cleans_list_lines() -> None:
    builder = PostBuilder(Source("x.html", format="html"))
    builder.paragraph("\n\n  def f():\n      return 1   \n\n", kind="code")
    builder.paragraph("•   one  item\n\n•  two\n", kind="list")
    builder.paragraph("   \n  ", kind="text")  # nothing to read: no paragraph
    code, items = builder.build().sections[0].paragraphs
    assert (code.kind, code.text) == ("code", "  def f():\n      return 1")
    assert (items.kind, items.text) == ("list", "• one item\n• two")


def test_builder_makes_control_characters_visible() -> None:
    builder = PostBuilder(Source("x.html", format="html"))
    builder.title = "Bad\x1b[31m title"
    builder.author = "Eve\x07"
    builder.paragraph(["text \x1b]8;;http://x\x07link", Linked("\x1b[2J", "https://x.org")])
    builder.comment([("a \x9b reply", "text")], author="\x1bname")
    post = builder.build()
    dumped = json.dumps(_built(builder), ensure_ascii=False)
    for control in ("\x1b", "\x07", "\x9b"):
        assert control not in dumped
    assert post.title == "Bad␛[31m title"
    assert "␛" in post.sections[0].paragraphs[0].text


def test_builder_comments_nest_by_parent() -> None:
    builder = PostBuilder(Source("x.html", format="html"))
    builder.paragraph("Body.")
    first = builder.comment([("First.", "text")], author="Ann", date="May 1, 2024")
    reply = builder.comment([("Reply.", "text")], author="Bob", parent=first)
    builder.comment([("Deeper.", "text")], parent=reply)
    builder.comment([("Second.", "text")], author="Cy", parent=99)  # unknown parent: top level
    post = builder.build()
    shape = [(c.id, c.parent, c.depth, c.author, c.paragraphs[0].id) for c in post.comments]
    assert shape == [
        ("c1", None, 0, "Ann", "c1.p1"),
        ("c2", "c1", 1, "Bob", "c2.p1"),
        ("c3", "c2", 2, None, "c3.p1"),
        ("c4", None, 0, "Cy", "c4.p1"),
    ]
    assert post.comment_by_id["c1"].replies == ("c2",)


def test_builder_infers_sections_without_headings_and_a_title_from_the_first() -> None:
    builder = PostBuilder(Source("x.html", format="html"))
    for number in range(12):
        builder.paragraph(f"Paragraph {number} about gardens and rivers and police.")
    post = builder.build()
    assert post.sections and all(section.title_inferred for section in post.sections)
    assert post.title_inferred and post.title == post.sections[0].title


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://example.org/x", "https://example.org/x"),
        ("/x y", "https://base.org/xy"),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<b>", None),
        ("#section", None),
        ("", None),
        ("http://[bad", None),
    ],
)
def test_safe_target(target: str, expected: str | None) -> None:
    assert safe_target(target, "https://base.org/page") == expected


def test_format_option_overrides_the_extension(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.txt"
    page.write_text("<html><head><title>T</title></head><body><p>Hi.</p></body></html>\n")
    assert main(["--dump", "json", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["format"] == "text"
    assert main(["--dump", "json", "--format", "html", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["format"] == "html"
    with pytest.raises(SystemExit) as stop:  # argparse's own exit, with our usage code
        main(["--dump", "json", "--format", "pdf", str(page)])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
