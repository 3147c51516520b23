"""Inputs for the benchmarks, generated from a seed so every run measures the same text."""

from __future__ import annotations

import random
from pathlib import Path

from reader.resources import sample_path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = sample_path()
BOOK = ROOT / "tests" / "data" / "war-and-peace.txt"

WORDS = (
    "the of and to a in that he was it his with had for as she you at on her not by be "
    "which they this from but all were have so one said an there we what or their when "
    "who no would my been out up if them me could into then more him your only time "
    "police social media account officer public blog post force report river garden"
).split()
NAMES = "Jane John Amir Mei Olu Sofia Pete Ravi Anna Tom Lena Karl Ines Raj Noor".split()
MONTHS = "January February March April May June July August September October".split()


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 20))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: tuple[int, int] = (1, 5)) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(*sentences)))


def _wrapped(text: str, width: int = 72) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def _comment(rng: random.Random, depth: int, indent_step: int) -> str:
    pad = " " * (indent_step * depth)
    day, year, minute = rng.randint(1, 28), rng.randint(10, 24), rng.randint(10, 59)
    when = f"{rng.choice(MONTHS)} {day}, 20{year} at 9:{minute} pm"
    body = "\n\n".join(pad + _paragraph(rng, (1, 3)) for _ in range(rng.randint(1, 2)))
    return f"{pad}{rng.choice(NAMES)} says:\n{pad}{when}\n\n{body}\n\n{pad}Reply"


def thread(count: int, max_depth: int, seed: int = 1) -> str:
    """A post with a WordPress thread of ``count`` comments of random shape."""
    rng = random.Random(seed)
    depths = [0]
    for _ in range(count - 1):
        previous = depths[-1]
        # Mostly stay or climb back; sometimes reply deeper, never past max_depth.
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
    """A single reply chain ``depth`` comments deep (one space of indent per level)."""
    rng = random.Random(seed)
    parts = ["One Long Argument", _paragraph(rng), f"{depth} Responses to “One Long Argument”"]
    parts.extend(_comment(rng, level, 1) for level in range(depth))
    return "\n\n".join(parts) + "\n"


def big_post(size: int, seed: int = 3) -> str:
    """A hard-wrapped post of about ``size`` characters with two levels of headings."""
    rng = random.Random(seed)
    parts = ["A Very Long Post"]
    length = 0
    part = chapter = 0
    while length < size:
        if chapter % 20 == 0:
            part += 1
            parts.append(f"PART {part}")
        chapter += 1
        parts.append(f"CHAPTER {chapter}")
        for _ in range(rng.randint(8, 30)):
            paragraph = _wrapped(_paragraph(rng, (2, 8)))
            parts.append(paragraph)
            length += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"


def long_paragraph(size: int, seed: int = 4) -> str:
    """One paragraph of about ``size`` characters, with no line breaks."""
    rng = random.Random(seed)
    sentences: list[str] = []
    length = 0
    while length < size:
        sentences.append(_sentence(rng))
        length += len(sentences[-1]) + 1
    return " ".join(sentences)


def web_page(size: int, seed: int = 5) -> str:
    """A WordPress-like page of about ``size`` bytes: navigation, an article with headings,
    lists and links, a nested comment thread, a sidebar and a footer."""
    rng = random.Random(seed)
    nav = "".join(f'<li><a href="/{word}/">{word.title()}</a></li>' for word in WORDS[:12])
    head = (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<title>A Long Post About Gardens | Example Blog</title>"
        '<meta property="og:title" content="A Long Post About Gardens">'
        "<style>body{font-family:serif}</style><script>var tracking = 1;</script></head>"
        f'<body><header><nav><ul class="menu">{nav}</ul></nav></header><main>'
        '<article class="post"><h1 class="entry-title">A Long Post About Gardens</h1>'
        '<div class="entry-content">'
    )
    article: list[str] = []
    for part in range(12):
        article.append(f"<h2>Part {part + 1}: {_sentence(rng)[:-1]}</h2>")
        for _ in range(6):
            text = _paragraph(rng, (3, 6))
            article.append(f'<p>{text} See <a href="https://example.org/{part}">the notes</a>.</p>')
        items = "".join(f"<li>{_sentence(rng)}</li>" for _ in range(4))
        article.append(f"<ul>{items}</ul>")
    comments: list[str] = []
    length = len(head) + sum(map(len, article))
    open_depth = 0
    number = 0
    while length < size:
        number += 1
        depth = min(open_depth, rng.choice((0, 0, 1, 1, 2, 3)))  # a reply, or back up
        while open_depth > depth:
            comments.append("</ul></li>")
            open_depth -= 1
        body = "".join(f"<p>{_paragraph(rng, (1, 3))}</p>" for _ in range(rng.randint(1, 3)))
        day, minute = rng.randint(1, 28), rng.randint(10, 59)
        comment = (
            f'<li class="comment depth-{depth + 1}" id="comment-{number}">'
            f'<article class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard"><b class="fn">{rng.choice(NAMES)}</b>'
            f' <span class="says">says:</span></div><div class="comment-metadata">'
            f'<time datetime="2024-05-{day:02d}T21:{minute}:00">May {day}, 2024 at 9:{minute} pm'
            f'</time></div></footer><div class="comment-content">{body}</div>'
            f'<div class="reply"><a class="comment-reply-link" href="#">Reply</a></div>'
            "</article>"
        )
        comments.append(comment + '<ul class="children">')
        open_depth = depth + 1
        length += len(comment) + 30
    comments.append("</ul></li>" * open_depth)
    tail = (
        '</div></article><div id="comments"><h2 class="comments-title">'
        f"{number} thoughts on “A Long Post About Gardens”</h2>"
        f'<ol class="comment-list">{"".join(comments)}</ol></div></main>'
        '<aside><h3>Related posts</h3><ul><li><a href="/a">Another post</a></li></ul></aside>'
        "<footer><p>© Example Blog. All rights reserved.</p></footer></body></html>"
    )
    return head + "".join(article) + tail


def write_inputs(folder: Path, quick: bool) -> dict[str, Path]:
    """Write the generated inputs (smaller with ``quick``) and return every input's path."""
    folder.mkdir(parents=True, exist_ok=True)
    generated = {
        "thread": thread(1_000 if quick else 10_000, 50),
        "chain": chain(500 if quick else 5_000),
        "big": big_post(2_000_000 if quick else 20_000_000),
    }
    paths = {"sample": SAMPLE, "book": BOOK}
    for name, text in generated.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    page = folder / "page.html"
    page.write_text(web_page(1_000_000), encoding="utf-8")
    paths["page"] = page
    return paths
