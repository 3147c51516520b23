"""Sections for headingless text: split at topic shifts.

A TextTiling-style pass in linear time: each gap between paragraphs scores how much
the words on its two sides differ (cosine similarity of small windows, turned into
a depth score against the nearby peaks), plus discourse cues in the paragraph that
follows: an opening short sentence ("Not so fast."), a question ("So what do we
do?"), or a turn word ("Then …", "Overall …"). The best-scoring gaps become section
starts, spaced so that every section keeps at least two paragraphs.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from reader.model import Paragraph, Section

_WORD = re.compile(r"[^\W\d_]{3,}")
_SENTENCE_END = re.compile(r"[.!?…](?=[\"'”’)\]]*(?:\s|$))")
_TURNS = frozenset(
    "then so overall however but finally meanwhile anyway now still yet today lastly "
    "ultimately instead nevertheless nonetheless conclusion".split()
)
_STOP = frozenset(
    "the and for are but not you all any can had her was one our out has him his how its may "
    "new now old see two who did get let put say she too use that with have this will your "
    "from they been were said each which their them then than what when there would about "
    "into more some could other these those also very just only over such like well being "
    "because where after before while should might does doing done here".split()
)

_WINDOW = 2  # paragraphs on each side of a gap
_PEAK_REACH = 3  # gaps on each side searched for the surrounding peaks
_MIN_SECTION = 2  # paragraphs
_MIN_SCORE = 0.2

VERY_SHORT_SENTENCE_WORDS = 4
SHORT_SENTENCE_WORDS = 7
# Paragraph windows are small, so word overlap is a noisy signal; cues weigh more.
LEXICAL_WEIGHT = 0.5


def opening_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


def cue_score(text: str) -> float:
    """How strongly a paragraph's opening signals a new topic."""
    opening = opening_sentence(text)
    words = opening.split()
    score = 0.0
    if opening != text and len(words) <= VERY_SHORT_SENTENCE_WORDS:
        score += 0.5
    elif opening != text and len(words) <= SHORT_SENTENCE_WORDS:
        score += 0.3
    if opening.rstrip("\"'”’)]").endswith("?") and len(words) <= 12:
        score += 0.3
    if words and words[0].strip(",.:;").lower() in _TURNS:
        score += 0.25
    return score


def _bag(text: str) -> Counter[str]:
    return Counter(word for word in (w.lower() for w in _WORD.findall(text)) if word not in _STOP)


def _cosine(left: Counter[str], right: Counter[str]) -> float:
    if not left or not right:
        return 0.0
    if len(left) > len(right):
        left, right = right, left
    dot = sum(count * right[word] for word, count in left.items() if word in right)
    norm = math.sqrt(sum(c * c for c in left.values()) * sum(c * c for c in right.values()))
    return dot / norm if norm else 0.0


def gap_scores(texts: list[str]) -> list[float]:
    """Score for a section starting at paragraph i (index 0 is never a gap)."""
    bags = [_bag(text) for text in texts]
    count = len(texts)
    similarity = [0.0] * count
    for gap in range(1, count):
        left: Counter[str] = Counter()
        for bag in bags[max(0, gap - _WINDOW) : gap]:
            left.update(bag)
        right: Counter[str] = Counter()
        for bag in bags[gap : gap + _WINDOW]:
            right.update(bag)
        similarity[gap] = _cosine(left, right)
    scores = [0.0] * count
    for gap in range(1, count):
        here = similarity[gap]
        left_peak = max(similarity[max(1, gap - _PEAK_REACH) : gap + 1])
        right_peak = max(similarity[gap : gap + _PEAK_REACH + 1])
        depth = (left_peak - here) + (right_peak - here)
        scores[gap] = LEXICAL_WEIGHT * depth + cue_score(texts[gap])
    return scores


def section_starts(texts: list[str]) -> list[int]:
    """Indices of the paragraphs that open a section; always starts with 0."""
    count = len(texts)
    if count < 2 * _MIN_SECTION + 1:
        return [0]
    per_section = max(4, round(math.sqrt(count)))
    wanted = math.ceil(count / per_section) - 1
    scores = gap_scores(texts)
    chosen: list[int] = []
    taken = bytearray(count + 1)  # 1 where a start would make a too-short section
    for gap in sorted(range(_MIN_SECTION, count - _MIN_SECTION + 1), key=lambda g: -scores[g]):
        if len(chosen) >= wanted or scores[gap] < _MIN_SCORE:
            break
        if taken[gap]:
            continue
        chosen.append(gap)
        for near in range(max(0, gap - _MIN_SECTION + 1), min(count, gap + _MIN_SECTION)):
            taken[near] = 1
    return [0, *sorted(chosen)]


def inferred_title(text: str, limit: int = 48) -> str:
    """The opening sentence, shortened at a word boundary."""
    sentence = " ".join(opening_sentence(text).split())
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;:-–— ") + "…"


def inferred_sections(
    paragraphs: Sequence[Paragraph],
    before: int = 0,
    may_open: Callable[[Paragraph], bool] = lambda paragraph: True,
) -> list[Section]:
    """Paragraphs with no heading, as sections split at topic shifts (numbered after
    ``before`` sections), each named by its opening sentence. A paragraph for which
    ``may_open`` is false never opens one (it goes with the text that leads to it)."""
    starts = section_starts([paragraph.text for paragraph in paragraphs])
    starts = [start for start in starts if not start or may_open(paragraphs[start])]
    sections: list[Section] = []
    for begin, end in zip(starts, [*starts[1:], len(paragraphs)], strict=True):
        first = paragraphs[begin]
        sections.append(
            Section(
                id=f"s{before + len(sections) + 1}",
                title=inferred_title(first.text),
                title_inferred=True,
                level=1,
                paragraphs=tuple(paragraphs[begin:end]),
                span=(first.span[0], first.span[0]),
            )
        )
    return sections
