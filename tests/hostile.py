"""Hostile documents, shared by the hostile-input tests (imported by name, like postgen).

Three families:

- ``hostile_post()``: a small WordPress-style post whose title, headings, paragraphs,
  comments header, comment authors, dates and bodies all carry terminal escape
  sequences, C1 controls, bidi overrides, zero-width characters and text that looks
  like Textual or Rich markup;
- ``SHAPES``: documents of hostile shape (empty, one huge line, very many paragraphs,
  very deep or very long threads, ...), each built from a seed;
- ``ENCODED``: one text in every encoding a scrape arrives in.
"""

from __future__ import annotations

import codecs
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from reader.load import load_bytes
from reader.model import Post
from reader.pipeline import post_from_text

# --- terminal payloads ---------------------------------------------------------------

# Each payload is something a terminal would act on if it reached it. The unique words
# in them ("PWNED", "evil.example") let the end-to-end test find them in the bytes the
# terminal received.
ESCAPES: dict[str, str] = {
    "osc0-title": "\x1b]0;PWNED-OSC0\x07",
    "osc2-title": "\x1b]2;PWNED-OSC2\x1b\\",
    "osc52-clipboard": "\x1b]52;c;cHduZWQ=\x07",
    "osc8-link": "\x1b]8;;http://evil.example/\x07link\x1b]8;;\x07",
    "dcs": "\x1bP$qPWNED-DCS\x1b\\",
    "dcs-tmux-passthrough": "\x1bPtmux;\x1b\x1b]2;PWNED-PASS\x07\x1b\\",
    "csi-clear-home": "\x1b[2J\x1b[H",
    "csi-report-title": "\x1b[21t",
    "csi-cursor-report": "\x1b[6n",
    "csi-colour": "\x1b[31;1mRED\x1b[0m",
    "reset": "\x1bc",
    "c1-csi": "\x9b31m",
    "c1-osc": "\x9d2;PWNED-C1\x9c",
    "c1-dcs": "\x90PWNED-C1DCS\x9c",
    "bell-backspace": "\x07\x08\x08",
    "vt-ff": "\x0b\x0c",
}

# The byte sequences that prove a payload reached the terminal. The program's own
# output has ESC sequences too (Textual draws with them), so these are the document's.
LEAKS: dict[str, bytes] = {
    "osc0-title": b"\x1b]0;PWNED",
    "osc2-title": b"\x1b]2;PWNED",
    "osc52-clipboard": b"\x1b]52;",
    "osc52-payload": b"cHduZWQ=\x07",
    "osc8-link": b"\x1b]8;;http://evil.example",
    "dcs": b"\x1bP$q",
    "dcs-tmux-passthrough": b"\x1bPtmux;",
    "csi-report-title": b"\x1b[21t",
    "csi-cursor-report": b"\x1b[6n",
    "csi-colour": b"\x1b[31;1mRED",
    "reset": b"\x1bc",
    "c1-csi": b"\xc2\x9b",
    "c1-osc": b"\xc2\x9d",
    "c1-dcs": b"\xc2\x90",
    "c1-st": b"\xc2\x9c",
}

# Bidi embeddings, overrides and isolates: text after them is drawn out of order
# ("Trojan Source"). They must be shown marked, never passed to the terminal.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Invisible characters that hide text or split words unseen (ZWJ and ZWNJ are left
# out: emoji sequences and several scripts need them).
ZERO_WIDTH = "\u200b\u2060\ufeff"

# Text that is markup to Textual (Content.from_markup) or to Rich.
MARKUP = (
    "[@click=app.quit]CLICKME[/]",
    "[/bold]",
    "[b]bold[/b]",
    "$var",
    "[link=http://evil.example]linked[/link]",
    "[red on blue]painted[/]",
    "[/]",
    ":smile:",
)


def letters(text: str) -> Counter[str]:
    """``tests_support.letters_and_digits``, counted in C: the shapes here are megabytes."""
    counts = Counter(text)
    return Counter({char: n for char, n in counts.items() if unicodedata.category(char)[0] in "LN"})


def model_letters(post: Post) -> Counter[str]:
    """``tests_support.model_letters_and_digits``, counted in C."""
    counts: Counter[str] = Counter()
    for piece in post.text_pieces():
        counts.update(piece)
    return Counter({char: n for char, n in counts.items() if unicodedata.category(char)[0] in "LN"})


_C0_C1 = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_unsafe(text: str) -> list[str]:
    """The characters of ``text`` a terminal would act on (C0 but tab/newline, DEL, C1)."""
    return _C0_C1.findall(text)


@dataclass(frozen=True)
class HostilePost:
    text: str


def hostile_post() -> HostilePost:
    """A post where every place the reader shows text carries every kind of payload."""
    escapes = " ".join(ESCAPES.values())
    markup = " ".join(MARKUP)
    title = (
        f"Hostile [@click=app.quit]Title[/] {ESCAPES['osc0-title']} [b]x[/b] $var"
        " ltr\u202eRTL zw\u200bsp"
    )
    paragraphs = [
        f"Markup in a paragraph: {markup} and more words to read.",
        f"Escapes in a paragraph: {escapes} and the end.",
        "Bidi in a paragraph: left\u202eright and left\u2066iso\u2069right and "
        "zero\u200bwidth\u2060joined\ufeffword.",
    ]
    heading = f"## Section [bold]Two[/bold] {ESCAPES['osc2-title']} [@click=app.quit]GO[/]"
    parts = [title, *paragraphs, heading]
    parts.append(f"Under the heading: {ESCAPES['osc52-clipboard']} {MARKUP[0]} fin.")
    parts.append("## Third\u2066Part\u2069End zero\u2060Word")
    parts.append("Closing words of the body, before the thread.")
    parts.append(f"3 Responses to “[@click=app.quit]Thread[/] {ESCAPES['osc0-title']}”")
    comments = [
        (
            0,
            "[@click=app.quit]Mallory[b]",
            f"Markup in a comment: {MARKUP[0]} {MARKUP[2]} $var and {ESCAPES['osc8-link']}.",
        ),
        (
            1,
            "Eve\u202eevE",
            f"Reply with escapes: {ESCAPES['osc52-clipboard']} {ESCAPES['c1-osc']} [/bold].",
        ),
        (0, "Trudy $var [red]", f"Another with {ESCAPES['csi-clear-home']} and zero\u200bwidth."),
    ]
    for depth, author, body in comments:
        pad = "  " * depth
        parts.append(f"{pad}{author} says:\n{pad}July 11, 2011 at 12:25 pm\n\n{pad}{body}")
        parts.append(f"{pad}Reply")
    parts.append("Leave a Reply")
    return HostilePost(text="\n\n".join(parts) + "\n")


# --- shapes --------------------------------------------------------------------------

WORDS = (
    "the of and to a in that he was it his with had for as she you at on her not by be "
    "which they this from but all were have so one said an there we what or their when "
    "police social media account officer public blog post force report river garden"
).split()
NAMES = "Jane John Amir Mei Olu Sofia Pete Ravi Anna Tom Lena Karl Ines Raj Noor".split()
MONTHS = "January February March April May June July August September October".split()


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 20))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: tuple[int, int] = (1, 4)) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(*sentences)))


def _comment(rng: random.Random, depth: int, indent_step: int, body: bool = True) -> str:
    pad = " " * (indent_step * depth)
    day, year, minute = rng.randint(1, 28), rng.randint(10, 24), rng.randint(10, 59)
    when = f"{rng.choice(MONTHS)} {day}, 20{year} at 9:{minute} pm"
    head = f"{pad}{rng.choice(NAMES)} says:\n{pad}{when}"
    if not body:
        return f"{head}\n\n{pad}Reply"
    text = "\n\n".join(pad + _paragraph(rng, (1, 2)) for _ in range(rng.randint(1, 2)))
    return f"{head}\n\n{text}\n\n{pad}Reply"


def thread(count: int, max_depth: int, seed: int = 1) -> str:
    """A post with a WordPress thread of ``count`` comments of random shape."""
    rng = random.Random(seed)
    depths = [0]
    for _ in range(count - 1):
        previous = depths[-1]
        choice = rng.random()
        if choice < 0.45 and previous < max_depth:
            depths.append(previous + 1)
        elif choice < 0.75:
            depths.append(previous)
        else:
            depths.append(rng.randint(0, previous))
    parts = ["A Thread That Went On", _paragraph(rng), _paragraph(rng)]
    parts.append(f"{count} thoughts on “A Thread That Went On”")
    parts.extend(_comment(rng, depth, 2) for depth in depths)
    parts.append("Leave a Reply")
    return "\n\n".join(parts) + "\n"


def chain(depth: int, seed: int = 2) -> str:
    """A single reply chain ``depth`` comments deep: a numbered list (the WordPress scrape
    family) where each reply sits one space deeper. One line per comment keeps the
    quadratic indentation to about 12 MB for 5,000 levels."""
    rng = random.Random(seed)
    parts = ["One Long Argument", _paragraph(rng), f"{depth} thoughts on “One Long Argument”"]
    parts.extend(f"{' ' * (level + 2)}1. {_sentence(rng)}" for level in range(depth))
    return "\n\n".join(parts) + "\n"


def empty() -> str:
    return ""


def one_huge_line(size: int = 10_000_000, seed: int = 3) -> str:
    """``size`` characters of prose on one line, with no newline at the end."""
    rng = random.Random(seed)
    sentences = [_sentence(rng) for _ in range(200)]
    block = " ".join(sentences) + " "
    return (block * (size // len(block) + 1))[: size - 1] + "."


def many_paragraphs(count: int = 100_000, seed: int = 4) -> str:
    """``count`` paragraphs of one word each."""
    rng = random.Random(seed)
    return "\n\n".join(rng.choice(WORDS) for _ in range(count)) + "\n"


def header_without_comments() -> str:
    rng = random.Random(5)
    return "\n\n".join(
        ["A Quiet Post", _paragraph(rng), _paragraph(rng), "12 thoughts on “A Quiet Post”"]
    )


def empty_comment_bodies(count: int = 6) -> str:
    rng = random.Random(6)
    parts = ["Silent Replies", _paragraph(rng), f"{count} Responses to “Silent Replies”"]
    parts.extend(_comment(rng, index % 2, 2, body=False) for index in range(count))
    return "\n\n".join(parts) + "\n"


def only_boilerplate() -> str:
    return "\n\n".join(
        [
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "You are commenting using your WordPress.com account.",
            "Connecting to %s",
            "Post a Comment",
        ]
    )


LONG_TITLE_LENGTH = 5_000


def long_title(length: int = LONG_TITLE_LENGTH) -> str:
    rng = random.Random(7)
    words: list[str] = []
    while sum(len(word) + 1 for word in words) < length:
        words.append(rng.choice(WORDS).capitalize())
    title = " ".join(words)[: length - 1] + "X"
    # A setext underline makes it a title whatever its length.
    return f"{title}\n{'=' * 20}\n\n{_paragraph(rng)}\n\n{_paragraph(rng)}\n"


WIDE_LINES = (
    "中文的段落：这是一个很长的句子，用来测试宽字符的换行是否正确处理。" * 3,
    "日本語の文章です。全角文字は二つの列を使います。カタカナもひらがなも。" * 2,
    "Emoji 😀🎉👍🏽 family 👨‍👩‍👧‍👦 flags 🇬🇧🇯🇵 and more 🚓🚨 in a row.",
    "Combining: e\u0301 a\u0308 o\u0302 n\u0303 Z\u0335\u0358\u0361a\u0336\u0315l\u0334go "
    "cafe\u0301 nai\u0308ve.",
    "Arabic: مرحبا بالعالم هذه جملة عربية. Hebrew: שלום עולם זה משפט בעברית.",
    "Mixed: English then 한국어 문장 then English again, with 中文 inside.",
)


def wide_text() -> str:
    """CJK, emoji, combining marks and right-to-left scripts."""
    return "Wide 世界 Title 😀\n\n" + "\n\n".join(WIDE_LINES) + "\n"


def tabs() -> str:
    """Tabs in the title, headings, paragraphs and comments."""
    return (
        "Tabbed\tTitle\there\n\n"
        "## Tab\theading\n\n"
        "A\tparagraph\twith\ttabs.\n\tIndented\tline\tof text that goes on for a while.\n\n"
        "Col1\tCol2\tCol3\n1\t2\t3\n\n"
        "2 Responses to “Tabbed”\n\n"
        "Jane\tDoe says:\nJuly 11, 2011 at 12:25 pm\n\n\tA\ttabbed\tcomment.\n\nReply\n\n"
        "  Tom says:\n  July 12, 2011 at 1:25 pm\n\n  Reply\twith\ttabs.\n\n  Reply\n"
    )


@dataclass(frozen=True)
class Shape:
    name: str
    build: Callable[[], str]
    heavy: bool = False
    """Big enough that the TUI test only checks it opens, moves and searches a little."""


SHAPES: tuple[Shape, ...] = (
    Shape("empty", empty),
    Shape("one-10MB-line", one_huge_line, heavy=True),
    Shape("100k-one-word-paragraphs", many_paragraphs, heavy=True),
    Shape("5000-deep-chain", lambda: chain(5_000), heavy=True),
    Shape("10000-comments", lambda: thread(10_000, 50), heavy=True),
    Shape("header-without-comments", header_without_comments),
    Shape("empty-comment-bodies", empty_comment_bodies),
    Shape("only-boilerplate", only_boilerplate),
    Shape("5000-char-title", long_title),
    Shape("wide-and-combining", wide_text),
    Shape("tabs", tabs),
    Shape("hostile-markup-and-escapes", lambda: hostile_post().text),
)

_BUILT: dict[str, str] = {}
_PARSED: dict[str, Post] = {}


def shape_text(name: str) -> str:
    """The text of a shape, built once per test session."""
    if name not in _BUILT:
        _BUILT[name] = next(shape for shape in SHAPES if shape.name == name).build()
    return _BUILT[name]


_LETTERS: dict[str, Counter[str]] = {}


def shape_letters(name: str) -> Counter[str]:
    """``letters(shape_text(name))``, counted once per test session."""
    if name not in _LETTERS:
        _LETTERS[name] = letters(shape_text(name))
    return _LETTERS[name]


def shape_post(name: str) -> Post:
    """A shape loaded from its UTF-8 bytes and parsed, once per test session (posts are
    frozen, so tests can share them)."""
    if name not in _PARSED:
        _PARSED[name] = post_from_text(load_bytes(shape_text(name).encode(), f"{name}.txt"))
    return _PARSED[name]


# --- encodings -----------------------------------------------------------------------

ENCODING_TEXT = (
    "Café Society\n\n"
    "We don’t need “quotes” here, the café said – and that’s naïve. Größe: 5 €.\n\n"
    "Another paragraph with façade, señor and crème brûlée, 12 of them.\n\n"
    "2 Responses to “Café Society”\n\n"
    "Zoë says:\nJuly 11, 2011 at 12:25 pm\n\nÇa va? Très bien, merci.\n\nReply\n"
)
_TO_LATIN1: dict[str, str | int | None] = {"’": "'", "“": '"', "”": '"', "–": "-"}
LATIN1_TEXT = ENCODING_TEXT.translate(str.maketrans(_TO_LATIN1))
LATIN1_TEXT = LATIN1_TEXT.replace("€", "EUR")


@dataclass(frozen=True)
class Encoded:
    name: str
    data: bytes
    text: str
    """The text the bytes hold (what the model must keep every letter and digit of)."""
    encoding: str
    """What the loader must report (a prefix is enough: "utf-16" covers -le/-be)."""


ENCODED: tuple[Encoded, ...] = (
    Encoded("utf-8", ENCODING_TEXT.encode("utf-8"), ENCODING_TEXT, "utf-8"),
    Encoded(
        "utf-8-bom", codecs.BOM_UTF8 + ENCODING_TEXT.encode("utf-8"), ENCODING_TEXT, "utf-8-sig"
    ),
    Encoded(
        "utf-16-le-bom",
        codecs.BOM_UTF16_LE + ENCODING_TEXT.encode("utf-16-le"),
        ENCODING_TEXT,
        "utf-16-le-sig",
    ),
    Encoded(
        "utf-16-be-bom",
        codecs.BOM_UTF16_BE + ENCODING_TEXT.encode("utf-16-be"),
        ENCODING_TEXT,
        "utf-16-be-sig",
    ),
    Encoded("cp1252", (ENCODING_TEXT * 3).encode("cp1252"), ENCODING_TEXT * 3, "cp1252"),
    Encoded("latin-1", (LATIN1_TEXT * 3).encode("latin-1"), LATIN1_TEXT * 3, ""),
)

BROKEN_UTF8_PIECES = (b"\xff", b"\xfe\xfe", b"\xc3", b"\xe2\x80", b"\xed\xa0\x80", b"\xc0\xaf")


def broken_utf8() -> tuple[bytes, str]:
    """UTF-8 text with invalid bytes spliced in: (bytes, the text without them)."""
    base = ENCODING_TEXT * 4
    cut = len(base) // (len(BROKEN_UTF8_PIECES) + 1)
    data = b""
    clean = ""
    for index, piece in enumerate(BROKEN_UTF8_PIECES):
        chunk = base[index * cut : (index + 1) * cut]
        data += chunk.encode() + piece
        clean += chunk
    tail = base[len(BROKEN_UTF8_PIECES) * cut :]
    return data + tail.encode(), clean + tail


def broken_utf8_sequences(data: bytes) -> int:
    """How many U+FFFD a replacing UTF-8 decoder makes of the invalid bytes."""
    return data.decode("utf-8", errors="replace").count("\ufffd") - data.count("\ufffd".encode())


# --- a random post for the key fuzzer ------------------------------------------------


def random_post(seed: int) -> str:
    """A generated scrape (postgen's families) with hostile payloads spliced in."""
    from postgen import (
        FAMILIES,
        HEADERS,
        _render_comment,
        author,
        date,
        paragraph,
        title_words,
    )

    rng = random.Random(seed)
    title = title_words(rng, 6)
    parts = [title]
    for _ in range(rng.randint(3, 8)):
        if rng.random() < 0.5:
            parts.append(f"## {title_words(rng, 4)}")
        parts.extend(paragraph(rng) for _ in range(rng.randint(1, 6)))
    family = rng.choice(FAMILIES)
    depths = [0]
    for _ in range(rng.randint(5, 40)):
        depths.append(rng.randint(0, min(depths[-1] + 1, 6)))
    parts.append(HEADERS[family].format(n=len(depths), title=title))
    positions: list[int] = []
    for depth in depths:
        del positions[depth + 1 :]
        if len(positions) <= depth:
            positions.append(0)
        positions[depth] += 1
        body = [paragraph(rng) for _ in range(rng.randint(1, 3))]
        parts.append(_render_comment(family, depth, positions[depth], author(rng), date(rng), body))
    parts.append("Leave a Reply")
    payloads = [*ESCAPES.values(), *MARKUP, BIDI_CONTROLS, ZERO_WIDTH, "\t", "中文 😀 e\u0301"]
    for _ in range(rng.randint(5, 15)):
        index = rng.randrange(len(parts))
        cut = rng.randint(0, len(parts[index]))
        parts[index] = parts[index][:cut] + rng.choice(payloads) + parts[index][cut:]
    return "\n\n".join(parts) + "\n"


# --- web pages -----------------------------------------------------------------------

# Words that must never reach the model: they sit where a browser shows nothing.
UNSHOWN = {
    "script": "SCRIPTWORD",
    "style": "STYLEWORD",
    "comment": "COMMENTWORD",
    "hidden": "HIDDENWORD",
    "display-none": "NONEWORD",
    "template": "TEMPLATEWORD",
}


def hostile_page() -> str:
    """A web page carrying every payload as raw bytes, as entities and as markup-like
    text, in the title, headings, paragraphs, links and a comment thread; plus content a
    browser does not show (scripts, styles, comments, hidden elements)."""
    # &#27; is an ESC once the page is parsed; &#155; a C1 CSI.
    entities = "&#27;]0;PWNED-ENT&#7; &#x1b;[2J &#155;31m"
    raw = ESCAPES["osc0-title"] + " " + ESCAPES["csi-colour"]
    markup = " ".join(MARKUP)
    paragraph = (
        "Paragraph one of the hostile page, long enough to be read as the article's "
        "text by any extractor that looks for paragraphs of real prose in a page. "
    )
    comments = "".join(
        f'<li class="comment" id="comment-{n}"><article class="comment-body">'
        f'<div class="comment-author vcard"><b class="fn">{author}</b> says:</div>'
        f'<div class="comment-metadata"><time datetime="2024-05-0{n}">May {n}, 2024</time></div>'
        f'<div class="comment-content"><p>{body}</p></div>'
        f'<a class="comment-reply-link" href="javascript:reply({n})">Reply</a></article></li>'
        for n, author, body in (
            (1, "Mallory &#27;]2;PWNED-AUTH&#7;", f"Comment with {entities} and {markup}."),
            (2, "[@click=app.quit]Eve[/]", f"Comment with raw {raw} escapes."),
            (3, "Trudy", "A plain comment with words in it."),
        )
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>Hostile &#27;]0;PWNED-TITLE&#7; [b]page[/b]</title>"
        f"<script>var a = '{UNSHOWN['script']}'; document.write('<p>x</p>');</script>"
        f"<style>body::after {{ content: '{UNSHOWN['style']}' }}</style></head><body>"
        f"<!-- {UNSHOWN['comment']} -->"
        f'<nav><a href="/">Home</a> <a href="/about">About</a></nav>'
        "<article><h1>Hostile &#27;]0;PWNED-H1&#7; [@click=app.quit]Title[/]</h1>"
        f"<p>{paragraph}With entities {entities} inside.</p>"
        f"<p>{paragraph}With raw escapes {raw} inside.</p>"
        f"<p>{paragraph}With markup {markup} inside.</p>"
        f"<p>{paragraph}A <a href=\"javascript:alert('PWNED-JS')\">script link</a>, a "
        '<a href="data:text/html,PWNED-DATA">data link</a> and a '
        '<a href="http://evil.example/&#27;]8;;">real link</a>.</p>'
        f"<div hidden><p>{UNSHOWN['hidden']} in a hidden block.</p></div>"
        f'<p style="display: none">{UNSHOWN["display-none"]} in a paragraph not shown.</p>'
        f"<template><p>{UNSHOWN['template']} in a template.</p></template>"
        "<h2>Second &#155;2J part</h2>"
        f"<p>{paragraph}The second part of the article.</p></article>"
        f'<section id="comments"><h2>3 Comments</h2><ol class="comment-list">{comments}</ol>'
        '<form id="commentform"><textarea>Leave a reply</textarea></form></section>'
        "<footer>Footer words</footer></body></html>"
    )


def deep_page(depth: int = 10_000) -> str:
    """An article buried ``depth`` elements deep."""
    words = "Deep words of the page that someone wanted to read at the very bottom."
    return f"<html><body>{'<div>' * depth}<p>{words}</p>{'</div>' * depth}</body></html>"


def broken_page() -> str:
    """Markup a browser forgives: unclosed and stray tags, a tag cut in the middle."""
    return (
        "<html><head><title>Broken page</head><body><p>First paragraph of the broken page "
        "with words to read <b>bold <i>both</b> italic</i><p>Second paragraph</div></div>"
        "</span> still going<table><tr><td>cell one<td>cell two</table><p <p>odd tag"
        "<ul><li>one<li>two</ul></p></p></body><p>after the body</html><p>after html <a href"
    )


def big_page(size: int = 20_000_000, seed: int = 6) -> str:
    """A page of about ``size`` bytes of paragraphs."""
    rng = random.Random(seed)
    parts = ["<html><head><title>Big page</title></head><body><article><h1>Big page</h1>"]
    length = 0
    while length < size:
        part = f"<p>{_paragraph(rng, (2, 6))}</p>"
        parts.append(part)
        length += len(part)
    parts.append("</article></body></html>")
    return "".join(parts)
