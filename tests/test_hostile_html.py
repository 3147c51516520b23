"""Hostile web pages: what a page hides stays hidden, what it carries is shown inert,
and no shape of page makes the reader crash, hang or lose the article."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hostile import (
    UNSHOWN,
    big_page,
    broken_page,
    deep_page,
    hostile_page,
    terminal_unsafe,
)
from test_hostile_tui import check_screen, reader, screen_strips

from reader import cli, export
from reader.load import load_bytes
from reader.model import Post
from reader.pipeline import post_from_text


def page_post(html: str | bytes, name: str = "page.html") -> Post:
    data = html.encode() if isinstance(html, str) else html
    return post_from_text(load_bytes(data, name))


def everything(post: Post) -> str:
    """All the text the model holds, links and metadata included."""
    parts = [*post.text_pieces(), post.author or "", post.date or "", post.site or ""]
    parts += [f"{link.text} {link.target}" for link in post.links]
    return "\n".join(part for part in parts if part)


def test_hidden_content_never_reaches_the_model() -> None:
    post = page_post(hostile_page())
    text = everything(post)
    for where, word in UNSHOWN.items():
        assert word not in text, where
    assert "Paragraph one of the hostile page" in "\n".join(p.text for p in post.paragraphs)


def test_escapes_from_entities_and_raw_bytes_are_shown_as_placeholders() -> None:
    post = page_post(hostile_page())
    text = everything(post)
    assert not terminal_unsafe(text)
    assert "␛]0;PWNED-ENT␇" in text  # an entity's ESC, made visible
    assert "␛]0;PWNED-OSC0␇" in text  # a raw ESC, made visible at load
    assert "␛]0;PWNED-TITLE␇" in post.title or "␛]0;PWNED-H1␇" in post.title
    assert any("Mallory ␛]2;PWNED-AUTH␇" == comment.author for comment in post.comments)


def test_links_that_would_run_something_are_not_links() -> None:
    post = page_post(hostile_page())
    targets = [link.target for link in post.links]
    assert not any(t.lower().startswith(("javascript:", "data:")) for t in targets), targets
    assert any(t.startswith("http://evil.example/") for t in targets)  # kept, as text
    assert not terminal_unsafe("".join(targets))
    body = "\n".join(p.text for p in post.paragraphs)
    assert "script link" in body and "data link" in body  # their words are kept


def test_the_thread_is_read_and_its_chrome_left_out() -> None:
    post = page_post(hostile_page())
    assert [comment.author for comment in post.comments][2] == "Trudy"
    assert len(post.comments) == 3
    comment_text = "\n".join(p.text for c in post.comments for p in c.paragraphs)
    assert "Reply" not in comment_text
    assert "Leave a reply" not in comment_text
    body = "\n".join(p.text for p in post.paragraphs)
    assert "A plain comment with words" not in body  # the thread is not the article


@pytest.mark.parametrize("mode", ["json", "outline", "markdown"])
def test_dumps_of_a_hostile_page_write_nothing_a_terminal_acts_on(
    mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(hostile_page(), encoding="utf-8")
    assert cli.main(["--dump", mode, str(path)]) == 0
    out = capsys.readouterr().out
    # the payloads are shown, made visible: the outline has the title, not the text
    assert ("␛]0;PWNED-H1␇" if mode == "outline" else "␛]0;PWNED-ENT␇") in out
    assert not terminal_unsafe(out)
    for word in UNSHOWN.values():
        assert word not in out


def test_search_in_a_hostile_page_writes_nothing_a_terminal_acts_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(hostile_page(), encoding="utf-8")
    assert cli.main(["--search", "PWNED", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") >= 3 and not terminal_unsafe(out)
    assert cli.main(["--search", "SCRIPTWORD", str(path)]) == 1


async def test_the_reader_shows_a_hostile_page_inert() -> None:
    async with reader(page_post(hostile_page())) as (app, pilot):
        await check_screen(pilot)
        for strip in screen_strips(app):
            for segment in strip:
                style = segment.style
                if style is not None:
                    assert style.link is None, segment
                    assert not any(key.startswith("@click") for key in style.meta), segment
        await pilot.press("C")
        await check_screen(pilot)


def test_ten_thousand_deep_nesting_keeps_the_article() -> None:
    limit = sys.getrecursionlimit()
    post = page_post(deep_page(10_000))
    assert sys.getrecursionlimit() == limit
    assert "Deep words of the page" in everything(post)
    json.loads(export.to_json(post))


def test_broken_markup_is_read_as_a_browser_would() -> None:
    post = page_post(broken_page())
    text = everything(post)
    for words in ("First paragraph of the broken page", "Second paragraph", "cell one"):
        assert words in text, words


def test_a_twenty_megabyte_page_opens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "big.html"
    path.write_text(big_page(20_000_000), encoding="utf-8")
    assert cli.main(["--dump", "outline", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Big page\n")
    assert "paragraphs: 0" not in out


CAFE = "Café “quoted” post — 5 €"


def _cp1252_page(meta: str) -> bytes:
    body = f"<p>{CAFE}, with enough words around it to be the article of this small page.</p>"
    head = f"<head>{meta}<title>{CAFE}</title></head>"
    page = f"<html>{head}<body><article>{body}</article></body></html>"
    return page.encode("cp1252")


@pytest.mark.parametrize(
    "meta",
    [
        "",  # no charset said
        '<meta charset="windows-1252">',
        '<meta charset="utf-8">',  # a lie: the bytes are cp1252
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    ],
)
def test_a_cp1252_page_reads_right_whatever_its_meta_says(meta: str) -> None:
    post = page_post(_cp1252_page(meta))
    assert post.title == CAFE
    assert CAFE in "\n".join(p.text for p in post.paragraphs)


def test_a_utf8_page_that_claims_latin1_reads_right() -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Ça va — “oui”</title></head>'
        "<body><article><p>Ça va — “oui”, et des mots pour que ce soit un article lisible.</p>"
        "</article></body></html>"
    )
    post = page_post(page.encode("utf-8"))
    assert post.title == "Ça va — “oui”"


@pytest.mark.parametrize(
    "page",
    [
        "",
        "<html></html>",
        "<html><body></body></html>",
        "<",
        "<!DOCTYPE html>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>XHTML text</p></body></html>',
        "<html><body><script>only a script</script></body></html>",
        "<p>" * 5000,
        "<html><body>" + "<a href='x'>" * 3000 + "text</body></html>",
        "<html><body><table>" + "<tr><td>cell" * 5000 + "</table></body></html>",
    ],
)
def test_odd_pages_do_not_crash(page: str) -> None:
    post = page_post(page)
    json.loads(export.to_json(post))
    export.to_outline(post)
    export.to_markdown(post)
