"""Hypothesis strategies that write blog scrapes the way real sites render them.

A generated post is the text plus what the parser should recover from it: the
comment tree as a list of parent indices, authors and dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random

from hypothesis import strategies as st

WORDS = (
    "police social media account officer public blog post force report week year "
    "night morning river garden letter house table window road city council money "
    "trust change people question answer reason story friend family school work "
    "water light green quiet small large early late good great simple careful"
).split()
FIRST_NAMES = "Jane John Amir Mei Olu Sofia Pete Ravi Anna Tom Lena Karl".split()
SURNAMES = "Doe Smith Khan Chen Bello Rossi Hart Patel Berg Wood Novak Fox".split()
MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()
FAMILIES = ("numbered", "says", "blogger", "name-date")


@dataclass
class GeneratedPost:
    text: str
    family: str | None = None
    parents: list[int | None] = field(default_factory=list)
    """For each comment in document order, the index of its parent (None at top level)."""
    authors: list[str | None] = field(default_factory=list)
    dates: list[str | None] = field(default_factory=list)
    paragraph_counts: list[int] = field(default_factory=list)


def sentence(rng: Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 18))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng: Random) -> str:
    """Prose made from a seeded generator: one draw instead of one per word keeps it fast."""
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    return paragraph(Random(draw(st.integers(0, 2**32))))


def author(rng: Random) -> str:
    first = rng.choice(FIRST_NAMES)
    return f"{first} {rng.choice(SURNAMES)}" if rng.random() < 0.5 else first


def date(rng: Random) -> str:
    """A comment date in one of the forms blogs print."""
    month = rng.choice(MONTH_NAMES)
    day, year = rng.randint(1, 28), rng.randint(2005, 2024)
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    meridiem = rng.choice(["am", "pm", "AM", "PM"])
    style = rng.randint(0, 3)
    if style == 0:
        return f"{month} {day}, {year} at {hour}:{minute:02d} {meridiem}"
    if style == 1:
        return f"{day} {month} {year} at {hour}:{minute:02d}"
    if style == 2:
        return f"{month[:3]} {day}, {year}"
    return f"{day}/{rng.randint(1, 12)}/{year} {hour}:{minute:02d} {meridiem}"


def title_words(rng: Random, most: int) -> str:
    return " ".join(word.capitalize() for word in rng.choices(WORDS, k=rng.randint(1, most)))


@st.composite
def thread_shapes(draw: st.DrawFn, max_comments: int = 14, max_depth: int = 6) -> list[int]:
    """Depths in document order: each comment is at most one deeper than the one above."""
    count = draw(st.integers(1, max_comments))
    depths = [0]
    for _ in range(count - 1):
        depths.append(draw(st.integers(0, min(depths[-1] + 1, max_depth))))
    return depths


def parents_of(depths: list[int]) -> list[int | None]:
    parents: list[int | None] = []
    stack: list[int] = []
    for index, depth in enumerate(depths):
        del stack[depth:]
        parents.append(stack[-1] if stack else None)
        stack.append(index)
    return parents


def _render_comment(
    family: str,
    depth: int,
    number: int,
    author: str,
    date: str,
    body: list[str],
) -> str:
    pad = " " * (2 + 2 * depth)
    inner = pad + "  "
    if family == "numbered":
        lines = [f"{pad}{number}. {body[0]}"] + [f"{inner}{text}" for text in body[1:]]
        return "\n\n".join(lines)
    if family == "says":
        head = f"{pad}{author} says:\n{pad}{date}"
        return "\n\n".join([head, *(f"{pad}{text}" for text in body), f"{pad}Reply"])
    if family == "blogger":
        return "\n\n".join(
            [f"{pad}{author} said...", *(f"{pad}{text}" for text in body), f"{pad}{date}"]
        )
    head = f"{pad}{author}\n{pad}{date}"
    return "\n\n".join([head, *(f"{pad}{text}" for text in body)])


HEADERS = {
    "numbered": "{n} thoughts on “{title}”",
    "says": "{n} Responses to “{title}”",
    "blogger": "{n} comments:",
    "name-date": "{n} Comments",
}


@st.composite
def posts(
    draw: st.DrawFn, family: str | None = None, headings: bool | None = None
) -> GeneratedPost:
    """A whole scrape: title, body (maybe with headings), a thread, a comment form."""
    rng = Random(draw(st.integers(0, 2**32)))
    title = title_words(rng, 6)
    parts = [title]
    with_headings = draw(st.booleans()) if headings is None else headings
    for _ in range(draw(st.integers(1, 6))):
        if with_headings:
            heading = title_words(rng, 4)
            forms = [
                f"## {heading}",
                f"{heading}\n{'-' * len(heading)}",
                f"CHAPTER {heading.upper()}",
            ]
            parts.append(draw(st.sampled_from(forms)))
        parts.extend(paragraph(rng) for _ in range(draw(st.integers(1, 4))))
    family = family or draw(st.sampled_from((*FAMILIES, None)))
    generated = GeneratedPost(text="", family=family)
    if family is not None:
        depths = draw(thread_shapes())
        generated.parents = parents_of(depths)
        positions: list[int] = []
        comments = []
        for _index, depth in enumerate(depths):
            del positions[depth + 1 :]
            if len(positions) <= depth:
                positions.append(0)
            positions[depth] += 1
            name, when = author(rng), date(rng)
            body = [paragraph(rng) for _ in range(draw(st.integers(1, 3)))]
            comments.append(_render_comment(family, depth, positions[depth], name, when, body))
            generated.authors.append(None if family == "numbered" else name)
            generated.dates.append(None if family == "numbered" else when)
            generated.paragraph_counts.append(len(body))
        parts.append(HEADERS[family].format(n=len(depths), title=title))
        parts.extend(comments)
    if draw(st.booleans()):
        parts.extend(
            ["Leave a Reply", "Your email address will not be published.", "Connecting to %s"]
        )
    generated.text = "\n\n".join(parts) + "\n"
    return generated


# Text that is anything at all: used for "never raises" and "nothing lost".
any_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=400,
)


@st.composite
def messy_posts(draw: st.DrawFn) -> str:
    """A well-formed post with arbitrary Unicode spliced in between and inside its blocks."""
    generated = draw(posts())
    blocks = generated.text.split("\n\n")
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(blocks)))
        blocks.insert(position, draw(any_text))
    if draw(st.booleans()) and blocks:
        index = draw(st.integers(0, len(blocks) - 1))
        cut = draw(st.integers(0, len(blocks[index])))
        blocks[index] = blocks[index][:cut] + draw(any_text) + blocks[index][cut:]
    return "\n\n".join(blocks)
