"""bytes → text: encodings, newlines, control characters, refusals."""

from __future__ import annotations

import codecs

import pytest

from reader.load import LoadError, load_bytes

TEXT = "Don’t “quote” me – café, naïve, £5 … fin"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le-sig"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be-sig"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decodes(data: bytes, encoding: str) -> None:
    loaded = load_bytes(data, "x.txt")
    assert loaded.text == TEXT
    assert loaded.encoding == encoding
    assert loaded.byte_size == len(data)


def test_longer_cp1252_scrape_is_read_as_cp1252() -> None:
    text = "We don’t need “quotes” here, the café said – and that’s naïve. " * 20
    loaded = load_bytes(text.encode("cp1252"), "x.txt")
    assert loaded.encoding == "cp1252"
    assert loaded.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Café “quoted” post",
        "Café “quoted” post costs 5 €",
        # English with curly quotes and dashes only: a DOS code page scores better on
        # letter statistics, but cp1252 is what a Western web page was written in.
        "I’m just going to address “the” point – it’s a stronger one…" * 3,
    ],
)
def test_short_western_text_prefers_cp1252(text: str) -> None:
    loaded = load_bytes(text.encode("cp1252"), "x.txt")
    assert (loaded.encoding, loaded.text) == ("cp1252", text)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Привет мир, как дела? Это тест кодировки.", "cp1251"),
        ("Zażółć gęślą jaźń, łódź żółw świeca", "cp1250"),
        ("Γειά σου κόσμε, αυτό είναι ένα τεστ", "cp1253"),
    ],
)
def test_other_scripts_are_not_forced_into_cp1252(text: str, codec: str) -> None:
    loaded = load_bytes(text.encode(codec), "x.txt")
    assert loaded.text == text


def test_latin1_is_read() -> None:
    text = "Übergrößen für Bäcker – naïve façade, señor. " * 5
    loaded = load_bytes(text.replace("–", "-").encode("latin-1"), "x.txt")
    assert loaded.text == text.replace("–", "-")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\x85", "\u2028"])
def test_newlines_become_lf(newline: str) -> None:
    loaded = load_bytes(f"one{newline}two{newline}{newline}three".encode(), "x.txt")
    assert loaded.text == "one\ntwo\n\nthree"


def test_tabs_are_kept() -> None:
    assert load_bytes(b"a\tb\n\tc", "x").text == "a\tb\n\tc"


def test_control_characters_become_visible_placeholders() -> None:
    data = "title\x1b]0;pwned\x07 \x1b[2J bell\x07 del\x7f c1\x9b end".encode()
    loaded = load_bytes(data, "x.txt")
    assert "\x1b" not in loaded.text and "\x07" not in loaded.text
    assert "\x7f" not in loaded.text and "\x9b" not in loaded.text
    assert "␛]0;pwned␇" in loaded.text
    assert "␡" in loaded.text
    assert loaded.replaced_controls == 6


def test_invalid_utf8_bytes_are_replaced_and_counted() -> None:
    data = "Café and crème brûlée. ".encode() * 40 + b"\xff\xfe broken" + b"ok"
    loaded = load_bytes(data, "x.txt")
    assert loaded.encoding == "utf-8"
    assert loaded.replaced_bytes >= 1
    assert "\ufffd" in loaded.text
    assert loaded.text.startswith("Café and crème brûlée.")


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(LoadError, match="binary"):
        load_bytes(b"hello\x00world\x00" + bytes(range(200)), "x.bin")


def test_garbage_is_refused() -> None:
    import random

    rng = random.Random(7)
    garbage = bytes(rng.randrange(1, 256) for _ in range(4000))
    with pytest.raises(LoadError):
        load_bytes(garbage, "x.bin")


def test_empty_input_is_an_empty_text() -> None:
    loaded = load_bytes(b"", "empty.txt")
    assert loaded.text == "" and loaded.encoding == "utf-8"


# --- a declared encoding (a server's Content-Type charset) ------------------------------


@pytest.mark.parametrize(
    ("text", "label", "encoding"),
    [
        # Too short for detection to be sure of: each is misread without its label.
        ("Łódź", "windows-1250", "cp1250"),
        ("Привет", "KOI8-R", "koi8-r"),
        ("Ça va, été", '"windows-1252"', "cp1252"),
        ("日本語", "euc-jp", "euc_jp"),
        ("中文文本", "gb2312", "gb2312"),
    ],
)
def test_a_declared_encoding_that_fits_is_used(text: str, label: str, encoding: str) -> None:
    loaded = load_bytes(text.encode(encoding), "page", label)
    assert (loaded.text, loaded.encoding) == (text, encoding)


def test_iso_8859_1_is_read_as_the_web_reads_it() -> None:
    # Pages labelled ISO-8859-1 mean cp1252's quotes where Latin-1 has control codes.
    loaded = load_bytes("“Café”".encode("cp1252"), "page", "iso-8859-1")
    assert (loaded.text, loaded.encoding, loaded.replaced_controls) == ("“Café”", "cp1252", 0)


def test_valid_utf8_outranks_a_legacy_label() -> None:
    loaded = load_bytes(TEXT.encode("utf-8"), "page", "iso-8859-1")
    assert (loaded.text, loaded.encoding) == (TEXT, "utf-8")


def test_a_label_the_bytes_do_not_fit_is_ignored() -> None:
    data = ("We don’t need “quotes” here, the café said. " * 5).encode("cp1252")
    assert load_bytes(data, "page", "utf-8") == load_bytes(data, "page")


@pytest.mark.parametrize(
    "label", ["no-such-charset", "utf-16", "utf-7", "cp500", "rot13", "", None]
)
def test_labels_that_are_no_use_are_ignored(label: str | None) -> None:
    for data in (TEXT.encode("utf-8"), TEXT.encode("cp1252"), TEXT.encode("utf-16-le")):
        assert load_bytes(data, "page", label) == load_bytes(data, "page")


def test_a_label_does_not_make_binary_text() -> None:
    with pytest.raises(LoadError, match="binary"):
        load_bytes(b"hello\x00world\x00" + bytes(range(200)), "page", "iso-8859-1")
