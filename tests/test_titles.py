"""The post's title, in the order a reader looks for it; the file name only as a last resort."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import unpack
from tests_support import letters_and_digits, model_letters_and_digits

from reader.load import load_bytes
from reader.model import Post, Source
from reader.parse import parse_post
from reader.parse.chrome import is_page_chrome_text
from reader.parse.lines import is_meta_line
from reader.pipeline import open_post

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _load(name: str) -> Post:
    return open_post(str(FIXTURES / name))


def _parse(text: str, name: str = "h_R278.txt") -> Post:
    post = parse_post(text, Source(name=name))
    assert model_letters_and_digits(post) == letters_and_digits(text)
    return post


def test_title_under_navigation_of_a_rendered_page() -> None:
    post = _load("page-nav-headed.txt")
    assert post.title == "The Lighthouse Keeper Who Painted the Sea"
    assert not post.title_inferred


def test_title_over_a_meta_line() -> None:
    post = _load("title-meta-line.txt")
    assert post.title == "Wheels Up…"
    assert not post.title_inferred
    # The dateline stays text: it is the post's own line, not a heading.
    assert all(
        not section.title.startswith("In Stories") or section.title_inferred
        for section in post.sections
    )


def test_title_over_a_meta_line_in_one_block_keeps_the_rest() -> None:
    post = _parse(
        "Chai-Spiced Cinnamon Rolls\nOctober 23, 2012\n\nI have had this idea for weeks.\n"
    )
    assert post.title == "Chai-Spiced Cinnamon Rolls"
    assert [p.text for p in post.paragraphs] == [
        "October 23, 2012",
        "I have had this idea for weeks.",
    ]


def test_title_under_a_date_split_over_lines() -> None:
    post = _load("title-split-date.txt")
    assert post.title == "Notes From a Small Allotment"
    assert not post.title_inferred
    chrome = [" ".join(piece.text.split()) for piece in post.boilerplate]
    assert chrome == ["27", "June", "2012"]
    assert post.paragraphs[0].text.startswith("The broad beans are up")


def test_title_under_a_dateline() -> None:
    post = _parse("Monday, October 22, 2012\nLittle gifts for friends\n\nDear all, a short note.\n")
    assert post.title == "Little gifts for friends"
    assert [piece.text for piece in post.boilerplate] == ["Monday, October 22, 2012"]
    # A date with a weekday and no year is a dateline too.
    post = _parse("Sunday, September 9\n\nprepping for a new week.\n\nNothing else today.\n")
    assert post.title == "prepping for a new week."


def test_title_over_a_byline_of_any_length() -> None:
    post = _parse(
        "Fat Head Open Updates\nPosted by Tom Naughton in News and Reviews\n\n"
        "I will not be writing an actual post tonight.\n"
    )
    assert post.title == "Fat Head Open Updates"
    # A title may start with "In": it is not a byline.
    post = _parse(
        "In Copenhagen…\nIn The Field, Rambling at 2:24am\n\nWhich remains a favourite.\n"
    )
    assert post.title == "In Copenhagen…"


def test_title_named_by_the_comments_header() -> None:
    post = _load("title-comments-header.txt")
    assert post.title == "The Leeks Have Won"
    assert not post.title_inferred
    # Without the header the site's name at the top would have been taken.
    assert post.sections[0].title == "My Garden Diary"
    assert post.comments_header is not None


def test_title_named_by_the_comments_header_only() -> None:
    text = (
        "We planted forty leeks in April and have counted eleven this morning, which is\n"
        "fewer than last year and more than the year before.\n\n"
        "12 thoughts on “The Leeks Have Won”\n\n"
        "Helen says:\nJune 28, 2012 at 8:15 am\n\nNet them!\n"
    )
    post = _parse(text)
    assert post.title == "The Leeks Have Won"
    # Its words are the header's: the title is marked inferred so nothing counts twice.
    assert post.title_inferred


def test_gutenberg_title_field() -> None:
    post = _load("gutenberg-moby-dick.txt")
    assert post.title == "Moby-Dick; or The Whale"
    assert not post.title_inferred


def test_explicit_title_field_at_the_top() -> None:
    post = _parse("Title: A Field Guide to Moss\n\nMoss grows where little else will.\n")
    assert post.title == "A Field Guide to Moss"
    assert "Title:" in [piece.text for piece in post.boilerplate]


def test_markdown_title_wins_over_a_meta_line_rule() -> None:
    post = _parse(
        "# Field Notes\n\nPosted on March 3, 2013\n\nMoss grows where little else will.\n"
    )
    assert post.title == "Field Notes"


def test_file_name_only_when_nothing_can_be_the_title() -> None:
    sentence = (
        "This is a long opening sentence that runs on well past what any title would say, "
        "and it keeps going with clause after clause until it is clearly a paragraph of "
        "text rather than a heading of any kind."
    )
    post = _parse(f"{sentence}\n\n{sentence}\n")
    assert post.title == "H R278"
    assert post.title_inferred


def test_sample_title_is_unchanged(sample_post: Post) -> None:
    assert sample_post.title == "Social Media and The Police 3yrs On"
    assert not sample_post.title_inferred


def test_title_under_a_byline_with_its_date() -> None:
    post = _parse(
        "\n\nNovember 2, 2012 7:39 pm AEST — By Long Zheng\n"
        "BUILD 2012: Pay attention to app performance on ARM devices\n\n"
        "As thousands of attendees unboxed their devices, one of the first things they did "
        "was to try out how their apps ran.\n"
    )
    assert post.title == "BUILD 2012: Pay attention to app performance on ARM devices"
    # The byline stays the post's text.
    assert post.paragraphs[0].text.startswith("November 2, 2012")


def test_a_headline_may_close_with_its_date() -> None:
    post = _parse(
        "I have not gone into hiding 29 August, 2011\nPosted by lasagnechef in Arsenal News.\n"
        "trackback\n\nI just thought after a weekend such as that, I should explain.\n"
    )
    assert post.title == "I have not gone into hiding 29 August, 2011"
    # A byline that ends in its date is not a headline.
    assert is_meta_line("Verfasst von: mitundvoneinander | 31. Dezember 2008")


def test_a_headline_may_use_a_word_of_a_button() -> None:
    post = _parse(
        "Shareaholic Shares Traffic Sources Data\nby Daniel Scocco\n\n"
        "Shareaholic is the creator of a widget that site owners can put on their pages.\n"
    )
    assert post.title == "Shareaholic Shares Traffic Sources Data"
    post = _parse("Share this:\nby Daniel Scocco\n\nA widget that site owners can use.\n")
    assert post.title_inferred


def test_title_over_the_count_of_its_comments() -> None:
    post = _parse(
        "\nAn in-depth view on Roth vs. Traditional IRA\n· 17 Comments\n\n\n\n"
        "Since the conception of the Individual Retirement Arrangement in 1974, it has helped "
        "thousands of individuals to save money for a comfortable retirement.\n"
    )
    assert post.title == "An in-depth view on Roth vs. Traditional IRA"


def test_a_browser_notice_is_not_the_title() -> None:
    post = _parse(
        "  Dein Browser ist leider veraltet.\n\n"
        "  Lade für ein besseres Erlebnis einen neueren Browser kostenfrei herunter.\n\n"
        "            Räume\n            Experten\n            Magazin\n"
    )
    assert post.title_inferred
    assert is_page_chrome_text("Ihr JavaScript ist ausgeschaltet. Bitte aktivieren Sie es.")
    assert not is_page_chrome_text("Der Browser, mit dem alles begann")


# --- rendered pages: the headline among kickers, subtitles, captions and lists ---------

_MENU = "\n".join(
    f"      * {entry}" for entry in ("Home", "Politik", "Digital Life", "Science", "Games", "Apps")
)
_PARAGRAPHS = (
    "    Bereits in den kommenden Monaten will der Anbieter mit zehn Fahrzeugen in der Stadt "
    "unterwegs sein, wie das Unternehmen am Montag mitteilte.\n\n"
    "    Einige Kunden des Fahrdienstes werden demnächst in Roboterautos sitzen, die ohne "
    "Fahrer auskommen; ein Sicherheitsfahrer ist in der ersten Zeit noch an Bord.\n\n"
    "    Der Dienst wächst schneller als die Konkurrenz, schreibt aber weiterhin Verluste, "
    "vor allem wegen der Kosten für Vergütungen in Aktien.\n"
)


def _page(head: str, paragraphs: str = _PARAGRAPHS, menu: str = _MENU) -> Post:
    """A rendered page: a menu, ``head`` (the lines above the article), the article."""
    return _parse(f"{menu}\n\n{head}\n\n{paragraphs}\n  © 2019 Verlag. Alle Rechte vorbehalten.\n")


def test_a_menu_label_over_the_headline_is_its_kicker() -> None:
    post = _page(
        "  Digital Life\n  05/08/2019\n"
        "Lyft startet mit Robotertaxis in Phoenix\n    © Bild: REUTERS / NAME\n"
    )
    assert post.title == "Lyft startet mit Robotertaxis in Phoenix"


def test_a_short_title_that_ends_the_breadcrumb_is_not_a_kicker() -> None:
    menu = _MENU + "\n      * Will Smith"
    post = _page("  Familienkrach\n  Will Smith", menu=menu)
    assert post.title == "Will Smith"


def test_a_longer_line_under_the_title_is_its_subtitle() -> None:
    post = _page(
        "    Lebenszeichen von Bavaria nach zwei Monaten Funkstille\n"
        "    Seit November ausgefallener Sender wieder aktiv – Erfreuliche Flugdaten aus "
        "der österreichischen Hochschwabgruppe"
    )
    assert post.title == "Lebenszeichen von Bavaria nach zwei Monaten Funkstille"
    assert post.paragraphs[0].text.startswith("Seit November ausgefallener Sender")


def test_a_byline_whose_name_is_on_the_next_line() -> None:
    post = _page(
        "  Schools ‘safe’ amidst surge\n    Article by\n    Barry Alleyne\n"
        "  Ministry satisfied with the return"
    )
    assert post.title == "Schools ‘safe’ amidst surge"
    assert is_meta_line("Ein Beitrag von")


def test_a_caption_crediting_its_picture_is_not_the_title() -> None:
    post = _page(
        "      Editors Pick\n      Posted on April 22, 2022\n  Posted on April 22, 2022\n"
        "  Schools ‘safe’ amidst surge\n    Article by\n    Barry Alleyne\n"
        "  Chief Education Officer Ramona Archer. (Picture by Jameel Springer)",
        menu=_MENU + "\n      * Editors Pick",
    )
    assert post.title == "Schools ‘safe’ amidst surge"
    assert "Picture by" not in " ".join(paragraph.text for paragraph in post.paragraphs)


def test_a_caption_with_its_agency_is_not_the_title() -> None:
    post = _page(
        '  Senador califica a Biden de "incapacitado"\n'
        '  "Seamos honestos. Joe Biden no está bien. No es apto para el cargo", indicó el '
        "senador Rick Scott\n"
        "            *\n            *\n          Presidente de EEUU, Joe Biden / AFP\n"
        "            *\n          * AFP\n        10/05/2022 05:22 pm"
    )
    assert post.title == 'Senador califica a Biden de "incapacitado"'


def test_a_headline_may_open_with_its_date() -> None:
    post = _page(
        "      Webcam\n"
        "  StartseiteNews & mehr 23.01.2022 - Dorothea Wierer darf noch jubeln\n"
        "  23.01.2022 - Dorothea Wierer darf noch jubeln",
        menu=_MENU + "\n      * Webcam",
    )
    assert post.title == "23.01.2022 - Dorothea Wierer darf noch jubeln"
    # A date with a count after it is still a dateline.
    assert is_meta_line("23.01.2022 - 3 Kommentare")


def test_the_dates_of_a_list_do_not_make_its_entries_titles() -> None:
    sidebar = "\n".join(
        f"        {name}\n        Release: {date}\n          {rank}"
        for rank, (name, date) in enumerate(
            [
                ("Destiny 2", "06.09.2017"),
                ("Final Fantasy XIV", "27.08.2013"),
                ("World of Warcraft: Dragonflight", "11.02.2005"),
            ],
            start=1,
        )
    )
    post = _page(
        f"{sidebar}\n"
        "    Mein erstes Online-Rollenspiel hat mich zum Dieb gemacht und zu Anime geführt\n"
        "      Special\n      5 Min. 1. November 2023 Cortyn 1 Kommentar"
    )
    assert post.title.startswith("Mein erstes Online-Rollenspiel")


def test_datelines_and_credits_do_not_push_the_headline_out_of_reach() -> None:
    post = _page(
        "      + kurier.at events.at futurezone.at film.at k.at schautv.at profil.at "
        "lust-auf-oesterreich.at\n"
        "  info\n    © WERK/CHRISTIAN HOUDEK\n  Zweirad\n  11/01/2021\n"
        "  Seat Mo 125: Was kann der Elektroroller mit dem Akku-Trolley?\n"
        "  Was kann der neue Elektro-Roller der Spanier mit der interessanten Akku-Lösung? "
        "Wir haben den Mo getestet\n"
        "  von Michael Andrusio\n"
        "    facebook facebookMessenger whatsapp twitter mail pocket",
        menu=_MENU + "\n      * Zweirad",
    )
    assert post.title == "Seat Mo 125: Was kann der Elektroroller mit dem Akku-Trolley?"


def test_a_breadcrumb_is_not_the_title_and_names_the_headline_under_its_kicker() -> None:
    post = _page(
        "  home / InfoStream / Eigentumsvorbehalt: Das sollten Käufer und Verkäufer wissen\n"
        "    InfoStream - 21. Januar 2022\n"
        "  Forderungsausfälle vermeiden Eigentumsvorbehalt: Das sollten Käufer und Verkäufer "
        "wissen"
    )
    assert post.title == "Eigentumsvorbehalt: Das sollten Käufer und Verkäufer wissen"
    assert "Forderungsausfälle vermeiden" in [piece.text for piece in post.boilerplate]


def test_a_bulleted_breadcrumb_names_the_headline_under_its_kicker() -> None:
    post = _page(
        "          * Startseite\n          * Investigativ\n"
        "          * Daten von Rheinmetall gehackt - Interne Unterlagen im Netz\n"
        "                Interne Unterlagen im Netz Daten von Rheinmetall gehackt\n"
        "                Stand: 28.04.2020 18:00 Uhr"
    )
    assert post.title == "Daten von Rheinmetall gehackt"
    assert "Interne Unterlagen im Netz" in [piece.text for piece in post.boilerplate]


def test_a_headline_set_off_by_a_dash_is_whole() -> None:
    post = _page(
        "  Home » Browser » Weniger Werbung, mehr Speed unter Android\n"
        "  Firefox – Weniger Werbung, mehr Speed unter Android"
    )
    assert post.title == "Firefox – Weniger Werbung, mehr Speed unter Android"


def test_a_heading_stands_apart_from_the_rows_of_a_list() -> None:
    post = _page(
        "      Das Lexikon.\n\n  Jobs bei uns\n  Kontakt aufnehmen\n\n      Batteriespeicher"
    )
    assert post.title == "Batteriespeicher"


def test_a_quotation_over_the_headline_is_its_kicker() -> None:
    post = _page(
        "    Nachricht 19. November 2021\n"
        "  Er sagt: „Die Altenpflege ist kein Hotspot der Pandemie“\n"
        "  Caritas-Chef Kessmann ist gegen Impfpflicht in der Pflege"
    )
    assert post.title == "Caritas-Chef Kessmann ist gegen Impfpflicht in der Pflege"


def test_a_line_in_small_letters_runs_on_from_the_one_above() -> None:
    post = _page(
        "  Denkmäler in neuem Licht.\n\n"
        "      Ausstellung vom 9. bis 23. Februar 2017\n      im Innenhof des Palais Epstein\n"
        "      Mo bis Fr: 9:00 – 16:00 Uhr"
    )
    assert post.title == "Denkmäler in neuem Licht."


def test_a_standfirst_a_little_longer_than_the_headline_is_its_subtitle() -> None:
    post = _page(
        "        in Sport\n"
        "      Benjamin Näßler: «Liebe kennt keine Pause – gegen Homophobie in Katar»\n"
        "      Der ehemalige Mr. Gay Germany will mit einer Petition ein Zeichen gegen "
        "Diskriminierung setzen\n"
        "      von Newsdesk 28. Januar 2022, 12:01",
    )
    assert post.title.startswith("Benjamin Näßler")


def test_title_under_the_dated_byline_below_a_menu() -> None:
    post = _parse(
        "    DaF Blog – MMF3 Frühling 08\n\n      Miteinander voneinander lernen\n"
        "      * A1\n      * A2\n      * B1\n      * Links: Deutsch\n"
        "        Verfasst von: mitundvoneinander | 31. Dezember 2008\n\n"
        "        Ratschläge geben\n\n          PDF: ratschlage-geben\n"
    )
    assert post.title == "Ratschläge geben"


def test_title_named_by_the_breadcrumb_of_a_page_without_list_marks() -> None:
    nav = "\n".join(f"          {entry}" for entry in ("Nous soutenir", "Pétitions", "Victoires"))
    post = _parse(
        f"  Se connecter\n{nav}\n\n"
        "    Accueil Pétitions Art-culture Non à la mutilation du choeur de Radio France\n"
        "    Pétition\n\n    Non à la mutilation du choeur de Radio France\n\n"
        "          19.509 signatures\n\n"
        "          Georges Prêtre, Leonard Bernstein et Seiji Ozawa ont dirigé ce choeur, qui "
        "a chanté avec les plus grands orchestres du monde.\n"
    )
    assert post.title == "Non à la mutilation du choeur de Radio France"
    assert not post.title_inferred


def test_list_items_do_not_push_the_headline_out_of_reach() -> None:
    comments = "\n".join(
        f"          * {name}: {text}"
        for name, text in (
            (
                "pedro",
                "Ihr solltet Euch lieber für ein anderes Geldsystem einsetzen, informiert euch.",
            ),
            (
                "Fx",
                "Tausend Dank für das Interview, manchmal könnte man schon meinen, es gäbe keine.",
            ),
            (
                "Rotzbua",
                "Wenn die Stasi mit der Plagi unter den Linden wandelt, dann ist es so weit.",
            ),
            (
                "EuroTanic",
                "Ich wünsche mir, dass die Beamten allesamt in Brüssel einmal nachdenken.",
            ),
            (
                "cashca",
                "Die Lüge Europa, und alle Lügengebäude brechen früher oder später zusammen.",
            ),
            ("Heide", "Wir können anders, und wir werden es allen noch zeigen, ganz bestimmt."),
        )
    )
    post = _page(
        f"    Recent Comments\n{comments}\n\n"
        "      FUTURE of HOPE – Island befreit sich von den Bankstern – der Film\n\n"
        "          2. August 2012\n        By oradmin"
    )
    assert post.title == "FUTURE of HOPE – Island befreit sich von den Bankstern – der Film"


def test_a_header_drawn_in_one_block_keeps_its_headline() -> None:
    # A page drawn without blank lines: the site's label and a menu line share the
    # headline's block but not its column.
    paragraphs = (
        "        “宝贝，我们在打一场无声的战役，每个在家里不出去的人都是英雄哦！”\n\n"
        "        在抗击新冠肺炎疫情的日子里，封在武汉的父母们总要万般无奈而又小心翼翼地回答孩子的"
        "问题。即便日常已改变了模样，但生活依然要继续。纵然已有焦虑煎熬，但内心依然充满希望。\n\n"
        "        1月23日，武汉全面封闭离汉通道时，武汉三镇尚有900多万人口，其中不少是孩子，"
        "他们和父母一起，在家中度过了一个特别的春节，也学会了如何面对困难。\n"
    )
    post = _page(
        "        时政 地方 法治 高层 人事 理论 国际 军事 访谈 港澳 台湾 华人 财经 汽车\n"
        "      新华网 正文\n"
        "        武汉的声音：有英勇的你，才有英雄的城！\n"
        "        2020年02月19日\n"
        "          微信\n          微博\n        评论\n\n"
        "        “妈妈，为什么还不能出去？”",
        paragraphs=paragraphs,
    )
    assert post.title == "武汉的声音：有英勇的你，才有英雄的城！"


# --- titles of pages of the development set, unpacked at test time ----------------------

# Pages whose headline stands among kickers, subtitles, captions and lists of teasers.
DEV_TITLES = {
    "futurezone.at.lyft": "Uber-Konkurrent Lyft startet mit Waymo-Robotertaxis in USA",
    "lbv.de-Bavaria": "Lebenszeichen von Bavaria nach zwei Monaten Funkstille",
    "nationnews.com-schools": "Schools ‘safe’ amidst surge",
    "biathlon-antholz.it-jubeln": (
        "23.01.2022 - Dorothea Wierer darf beim Antholz-Abschluss noch jubeln"
    ),
    "mein-mmo.de-MMORPG": (
        "Mein 1. MMORPG Silkroad Online hat mich zum Cringe-Dieb gemacht und zu Hentai geführt"
    ),
    "motor.at-elektroroller": "Seat Mo 125: Was kann der Elektroroller mit dem Akku-Trolley?",
    "deutsche-handwerkszeitung.de-eigentumsvorbehalt": (
        "Eigentumsvorbehalt: Das sollten Käufer und Verkäufer wissen"
    ),
    "tagesschau.de.rheinmetall": "Daten von Rheinmetall gehackt",
    "journal.3960.org.firefox": "Firefox – Weniger Werbung, mehr Speed unter Android",
    "daheim-solar.de.batteriespeicher": "Batteriespeicher",
    "kirche-und-leben.de-Münster": (
        "Münsters Caritas-Chef Kessmann ist gegen Impfpflicht in der Pflege"
    ),
    "mannschaft.com-katar": (
        "Benjamin Näßler: «Liebe kennt keine Pause – gegen Homophobie in Katar»"
    ),
    "mitundvoneinander.com-Frühling": "Ratschläge geben",
    "mesopinions.com.mutilation": (
        "Non à la mutilation du choeur de Radio France, Unique Choeur professionnel à "
        "vocation Symphonique en France"
    ),
    "handwerksblatt.de-Friseurbesuch": "3G, 2G oder 2G Plus: Was gilt jetzt beim Friseurbesuch?",
    "archive.org.tv-orange.de.future": (
        "FUTURE of HOPE – Island befreit sich von den Bankstern – der Film"
    ),
}


@pytest.fixture(scope="module")
def dev_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpack("pages-dev", [f"{name}.txt" for name in DEV_TITLES], tmp_path_factory.mktemp("p"))


@pytest.mark.parametrize("name", sorted(DEV_TITLES))
def test_dev_page_title(dev_pages: Path, name: str) -> None:
    path = dev_pages / f"{name}.txt"
    loaded = load_bytes(path.read_bytes(), path.name)
    post = parse_post(loaded.text, Source(name=path.name))
    assert post.title == DEV_TITLES[name]
    assert not post.title_inferred
    assert model_letters_and_digits(post) == letters_and_digits(loaded.text)


# Scrapes whose headline stands under a byline, ends in its date, uses a button's word or
# stands over its comment count.
DEV_SCRAPE_TITLES = {
    "R623": "BUILD 2012: Pay attention to Windows 8 app performance on ARM devices",
    "T126": "My New Book: BEYOND EVANGELICAL – Now Available",
    "R764": "I have not gone into hiding 29 August, 2011",
    "R814": "Shareaholic Shares Traffic Sources Data",
    "T30": "An in-depth view on Roth vs. Traditional IRA",
}


@pytest.fixture(scope="module")
def dev_scrapes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    members = [f"{name}.txt" for name in DEV_SCRAPE_TITLES]
    return unpack("scrapes-dev", members, tmp_path_factory.mktemp("s"))


@pytest.mark.parametrize("name", sorted(DEV_SCRAPE_TITLES))
def test_dev_scrape_title(dev_scrapes: Path, name: str) -> None:
    path = dev_scrapes / f"{name}.txt"
    loaded = load_bytes(path.read_bytes(), path.name)
    post = parse_post(loaded.text, Source(name=path.name))
    assert post.title == DEV_SCRAPE_TITLES[name]
    assert not post.title_inferred


def test_a_pages_first_line_shown_again_as_its_heading_is_its_title() -> None:
    # A wiki page: its name at the top, a tagline, its name again over an infobox, a
    # contents list, a quotation with its source, and only then the article.
    post = _load("page-wiki-title.txt")
    assert (post.title, post.title_inferred) == ("Penny", False)
    assert post.paragraphs[0].text.startswith("Penny is a villager")


def test_the_comments_header_that_names_the_post_wins_over_a_bare_count() -> None:
    text = (
        "     * Home\n     * News\n     * Guides\n     * Settings\n\n"
        "  FIFA 21 Game Settings\n\n"
        "  You are able to customise and adjust the settings of the game in many ways, and\n"
        "  here is what each of them does, from the camera to the rules of the match.\n\n"
        "  By setting this to Default, attributes are kept as the game ships them, which\n"
        "  is what most players will want for a first season in career mode.\n\n"
        "  Comments (1)\n\n  One thought on “ FIFA 21 Game Settings ”\n\n"
        "     1. Mensah James says:\n        November 1, 2020 at 3:32 am\n\n"
        "        Please teach me how to start setting the game after you have installed it.\n\n"
        "        Reply\n"
    )
    post = _parse(text, name="settings.txt")
    assert post.title == "FIFA 21 Game Settings"
    assert post.comments_header is not None
    assert post.comments_header.declared_count == 1
    assert "Comments (1)" in [b.text for b in post.boilerplate]
    assert [(c.label, c.author) for c in post.comments] == [("1", "Mensah James")]
