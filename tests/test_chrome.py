"""Rendered pages: the article is kept, navigation, boxes and footers are set aside."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import unpack
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
sys.path.insert(0, str(ROOT / "bench"))
from accuracy import sections_text as _reading  # noqa: E402  (what the reader shows)


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


@pytest.fixture(scope="module")
def dev_pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, dict]]]:
    members = [f"{name}.txt" for name in DEV_PAGES] + ["truth.json"]
    folder = unpack("pages-dev", members, tmp_path_factory.mktemp("pages"))
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


# --- lists of other posts drawn like paragraphs --------------------------------------

_TEASERS = [
    (
        "Betriebsführung",
        "Stop Racism! Gerüstbauer wirbt mit Riesenplakat gegen Rassismus",
        "Die Botschaft ist eindeutig: Auf dem großen Plakat, mit dem der Betrieb wirbt, steht "
        "eine klare Ansage gegen Rassismus.",
    ),
    (
        "HWK Dortmund",
        "Wettbewerb: Heimspiel.Dortmund 2022",
        "Noch bis zum 31. Januar können sich Unternehmen aus Dortmund für den Wettbewerb "
        "bewerben, der Betriebe der Stadt auszeichnet.",
    ),
    (
        "HWK Koblenz",
        "Fitwerden für den Online-Unterricht",
        "Das Projekt richtet sich an Lehrende in der beruflichen Aus- und Weiterbildung, um sie "
        "für den Fernunterricht zu schulen und zu begleiten.",
    ),
    (
        "Politik",
        "Neufassung der Bauordnung verabschiedet",
        "Das Landeskabinett hat den Entwurf für die Änderung der Bauordnung verabschiedet; sie "
        "soll auch dem Holzbau mehr Raum geben.",
    ),
]


def _teaser_page() -> str:
    menu = "\n".join(f"    * {entry}" for entry in ("Start", "Politik", "Bildung", "Panorama"))
    teasers = "\n\n".join(
        f"      Foto: © Agentur/123RF.com\n\n      {label} | Januar 2022\n\n      {head}\n\n"
        f"      {excerpt}"
        for label, head, excerpt in _TEASERS
    )
    article = (
        "        3G, 2G oder 2G Plus: Was gilt jetzt beim Friseurbesuch?\n\n"
        "          Januar 2022\n\n"
        "        Corona und die neue Variante haben das Land weiterhin im Griff. Was gilt jetzt "
        "eigentlich beim Friseur, und was bei der Kosmetik?\n\n"
        "        Die Landesregierungen haben neue Schutzverordnungen erlassen. Diese regeln auch "
        "den Besuch beim Friseur, je nach Land verschieden.\n\n"
        "        In den meisten Ländern gilt für körpernahe Dienstleistungen die 2G-Regel; "
        "Ausnahmen gibt es für Kinder und Jugendliche.\n"
    )
    return f"{menu}\n\n{teasers}\n\n{article}"


def test_a_list_of_dated_teasers_is_not_the_article() -> None:
    text = _teaser_page()
    post = parse_post(text)
    assert post.title == "3G, 2G oder 2G Plus: Was gilt jetzt beim Friseurbesuch?"
    shown = _reading(post)
    assert "Corona und die neue Variante" in shown
    for _, _, excerpt in _TEASERS:
        assert excerpt[:30] not in shown
    assert model_letters_and_digits(post) == letters_and_digits(text)


def test_dated_paragraphs_under_their_bylines_are_kept() -> None:
    # Letters to the editor: a byline, a date, one paragraph each. No headline stands
    # right above a paragraph, so they are not a list of teasers.
    menu = "\n".join(f"    * {entry}" for entry in ("Start", "Politik", "Bildung", "Panorama"))
    letters = "\n\n".join(
        f"      {name} schreibt:\n\n      {day}.01.2022\n\n      {body}\n\n      Antworten"
        for name, day, body in (
            (
                "Anna",
                12,
                "Die neue Regel ist vernünftig, aber sie kommt zu spät, und sie "
                "trifft die kleinen Betriebe härter als die großen Ketten.",
            ),
            (
                "Bernd",
                13,
                "Ich gehe seit Jahren zum selben Friseur und werde das auch weiter "
                "tun, mit oder ohne Test, weil mir der Laden wichtig ist.",
            ),
            (
                "Clara",
                14,
                "Wer die Kosten für die Tests trägt, bleibt offen; das sollte das "
                "Land klären, bevor es die nächste Verordnung erlässt.",
            ),
        )
    )
    page = read_page(split_blocks(f"{menu}\n\n{letters}\n"))
    assert page is not None
    kept = " ".join(line.stripped for line, keep in zip(page.lines, page.keep, strict=True) if keep)
    for start in ("Die neue Regel", "Ich gehe seit Jahren", "Wer die Kosten"):
        assert start in kept


def test_a_notes_page_keeps_the_prose_between_its_lists() -> None:
    menu = "\n".join(f"    * {entry}" for entry in ("Bio", "Blog", "Contact"))
    tools = "\n".join(
        f"  {name}\n    * home page\n    * not in Debian\n    * shell integration"
        for name in ("autojump", "fasd", "z", "fzf", "zoxide")
    )
    text = (
        f"{menu}\n\n  CDPATH replacements\n\n"
        "  After reading this post I figured I might as well bite the bullet and improve "
        "on my setup, especially because it was getting in the way.\n\n"
        "  Those are commandline tools that can be used from a shell, generally with a "
        "built-in integration so that an alias will jump to a frequent directory.\n\n"
        f"{tools}\n\n"
        "  Those projects can be used to track files inside a project or find files "
        "around directories, but do not offer the equivalent function in the shell.\n\n"
        "  recentf\n    * built-in\n"
        '    * "builds a list of recently opened files. You can then access this list '
        'through a command or the menu."\n\n'
        "  Add a comment\n\n  Copyleft © 2002-2016 The Author. Powered by ikiwiki.\n"
    )
    post = parse_post(text)
    shown = _reading(post)
    assert "Those projects can be used to track files" in shown
    assert "this list through a command or the menu" in shown
    assert "Copyleft" not in shown
    assert model_letters_and_digits(post) == letters_and_digits(text)


def test_the_list_the_last_sentence_introduces_ends_the_article() -> None:
    menu = "\n".join(f"    * {entry}" for entry in ("Home", "Engineering", "Community"))
    text = (
        f"{menu}\n\n  Leader spotlight: Erin Spiceland\n\n"
        "    Every March we recognize the women who have shaped history, and now we are "
        "taking a look forward at the leaders of our field.\n\n"
        "    I can't wait to wake up every day with my partner who loves me so much, and to "
        "show my children how far they can go.\n\n"
        "    Want to learn more about featured leaders for Women's History Month? Read about:\n\n"
        "      * Laura Frank Tacho , Director of Engineering at CloudBees\n"
        "      * Heidy Khlaaf , Research Consultant at Adelard LLP\n\n"
        "        Share\n          * Twitter Share on Twitter\n  Related posts\n"
    )
    post = parse_post(text)
    shown = _reading(post)
    assert "Research Consultant at Adelard LLP" in shown
    assert "Share on Twitter" not in shown
    assert model_letters_and_digits(post) == letters_and_digits(text)
