"""Rendered pages: the article is kept, navigation, boxes and footers are set aside."""

from __future__ import annotations

import json
import os
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests_support import letters_and_digits, model_letters_and_digits

from reader.load import load_bytes
from reader.model import Post, Source
from reader.parse import parse_post
from reader.parse.blocks import split_blocks
from reader.parse.chrome import is_box_heading, is_credit, is_prompt, kind_of, read_page
from reader.parse.lines import Line
from reader.pipeline import open_post

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def _reading(post: Post) -> str:
    """What the reader shows as the post's text: headings and paragraphs."""
    parts: list[str] = []
    for section in post.sections:
        if not section.title_inferred:
            parts.append(section.title)
        parts.extend(paragraph.text for paragraph in section.paragraphs)
    return "\n".join(parts)


def test_nav_headed_page_keeps_the_article_only() -> None:
    post = open_post(str(FIXTURES / "page-nav-headed.txt"))
    text = _reading(post)
    for kept in (
        "For thirty-one years, Tomas Berg climbed",
        "Nobody on the island knew about the paintings",
        "A museum for a single window",
        "Last spring the harbour council agreed",
        "I never wanted an audience",
    ):
        assert kept in text
    for chrome in (
        "Skip to main content",
        "About us",
        "The Harbour Gazette",
        "By Maria Lopez",
        "12 March 2021",
        "Facebook",
        "Photo: Harbour Gazette",
        "Related articles",
        "Fishing quotas cut again",
        "Leave a Reply",
        "All rights reserved",
        "use of cookies",
    ):
        assert chrome not in text
        assert any(chrome in piece.text for piece in post.boilerplate)


def test_nav_headed_page_loses_nothing() -> None:
    text = (FIXTURES / "page-nav-headed.txt").read_text(encoding="utf-8")
    post = parse_post(text)
    assert model_letters_and_digits(post) == letters_and_digits(text)


def test_text_without_a_page_layout_is_left_alone(sample_post: Post) -> None:
    # The sample has no menus: nothing of its text is taken for chrome.
    assert read_page(split_blocks((ROOT / "sample" / sample_post.source.name).read_text())) is None
    assert len(sample_post.paragraphs) == 21


def test_a_book_is_not_a_page(book_post: Post) -> None:
    assert book_post.sections[0].title == "BOOK ONE: 1805"
    assert not book_post.boilerplate


def _line(text: str) -> Line:
    return Line(text, 0, 0)


def test_line_kinds() -> None:
    prose = "The council agreed to show a hundred of the sheets, and visitors walked the wall."
    assert kind_of(_line(prose)) == 0  # prose
    assert kind_of(_line("    * Home")) == 2  # a list item
    assert kind_of(_line("A museum for a single window")) == 1  # a short line
    assert kind_of(_line("     *")) == 3  # nothing to read
    # A tag cloud is long but not punctuated like sentences.
    cloud = " ".join(["Alltag Ansage Architektur Auto Bahn Bahnhof Bahnsteig Basel Baum"] * 4)
    assert kind_of(_line(cloud)) == 1


def test_box_headings_prompts_and_credits() -> None:
    for heading in ("Related posts", "Das könnte Sie auch interessieren", "Temas:", "À lire aussi"):
        assert is_box_heading(heading)
    assert not is_box_heading("A museum for a single window")
    assert is_prompt("Teilen Sie dies mit:")
    assert is_prompt("Subscribe to our newsletter")
    assert not is_prompt("The lens turned every night for thirty-one years.")
    assert is_credit("Foto: dahancoo / Pixabay (Symbolbild)")
    assert is_credit("Birgit Kelle (Bild: Facebook)")
    assert not is_credit("Photography dominated the front pages.")


# --- pages of the development set, unpacked at test time -------------------------------


def _corpus() -> Path:
    named = os.environ.get("POST_READER_CORPUS")
    return Path(named) if named else ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def dev_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, dict]]]:
    archive = _corpus() / "pages-dev.tar.xz"
    if not archive.exists():
        pytest.skip(f"no pages-dev set at {archive} (set POST_READER_CORPUS to the corpus)")
    into = tmp_path_factory.mktemp("pages")
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, filter="data")
        else:  # Python before 3.10.12 has no extraction filters
            tar.extractall(into)  # noqa: S202 - the project's own corpus
    folder = into / "pages-dev"
    yield folder, json.loads((folder / "truth.json").read_text(encoding="utf-8"))


# Pages of different languages and layouts: menus, teasers, boxes set into the article,
# comment forms, cookie notices (German, English, Spanish, French, Arabic, Chinese).
DEV_PAGES = [
    "aerobuzz.de-bremen",
    "reset.org.clickbait",
    "pcmag.com.platters",
    "correiobraziliense.com.br-poderes",
    "ledevoir.com.trottinettes",
    "assabah.com.tn.article",
    "banyuetan.org.1000200033136171577956287380194268_1",
    "hildesheimer-presse.de-hund",
]


@pytest.mark.parametrize("name", DEV_PAGES)
def test_dev_page_article_without_chrome(
    dev_pages: tuple[Path, dict[str, dict]], name: str
) -> None:
    folder, truth = dev_pages
    data = (folder / f"{name}.txt").read_bytes()
    loaded = load_bytes(data, f"{name}.txt")
    post = parse_post(loaded.text, Source(name=f"{name}.txt"))
    shown = " ".join(_reading(post).split()).casefold()
    for snippet in truth[name]["with"]:
        assert " ".join(snippet.split()).casefold() in shown
    for snippet in truth[name]["without"]:
        assert " ".join(snippet.split()).casefold() not in shown
    assert post.title.split()[:3] == truth[name]["title"].split()[:3]
    assert model_letters_and_digits(post) == letters_and_digits(loaded.text)


# --- nothing is lost from page-shaped text (hypothesis) ---------------------------------

_PIECES = [
    "  * Home",
    "      + Sub menu",
    "          o Deeper",
    "    *",
    "Related posts",
    "Das könnte Sie auch interessieren",
    "Teilen Sie dies mit:",
    "Foto: Agentur / Name",
    "© 2021 Site. All rights reserved.",
    "We use cookies on this site.",
    "By Anna Muster",
    "27. Juni 2012",
    "Title: Something",
    "12 thoughts on “Something”",
    "Read about:",
    "CHAPTER 5. A Heading That Runs On Past the Usual Width of a Line of",
    "Text.",
    "Anzeige",
    "\t\r",
    "",
]


@st.composite
def page_texts(draw: st.DrawFn) -> str:
    prose = st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"),
        min_size=0,
        max_size=300,
    )
    lines = draw(
        st.lists(
            st.one_of(
                st.sampled_from(_PIECES),
                prose,
                st.just(
                    "    The council agreed to show a hundred of the sheets, and visitors "
                    "walked the wall in the order the paintings were made, feeling the "
                    "seasons turn."
                ),
            ),
            max_size=60,
        )
    )
    return "\n".join(lines)


@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "300")), deadline=None)
@given(page_texts())
def test_nothing_is_lost_from_page_shaped_text(text: str) -> None:
    post = parse_post(text)
    assert model_letters_and_digits(post) == letters_and_digits(text)
