"""A web page's comment thread, found in its markup by structure, as a tree.

The article reader (``html.py``) calls :func:`read_thread` with the parsed page; what
comes back is every comment with its author, date, paragraphs and the comment it
replies to, the elements that hold the thread (the caller removes them before it reads
the article) and the thread's header ("12 Comments"), when the page has one.

Where the comments are, in order of preference:

1. Elements that say they are comments, by the conventions the blog engines and the
   structured-data standards write: a class token ``comment`` (WordPress, Blogger,
   Drupal; also ``pingback``/``trackback`` and ``xx-comment`` such as wpDiscuz's), an id
   ``comment-123``, microformats (``h-cite``/``h-entry`` that are ``u-comment`` or
   ``p-comment``), schema.org microdata (``itemtype=…/Comment``) and RDFa
   (``typeof=schema:Comment``), and the old Blogger ``dl#comments-block`` of ``dt``/``dd``
   triples. A wrapper that only holds one of them (wpDiscuz wraps the comment's own
   ``#comment-123`` with its replies) is read as that comment.
2. schema.org ``Comment`` objects in JSON-LD (``<script type="application/ld+json">``).
3. Otherwise, repeated siblings: a parent whose children share a tag and class signature
   and each hold a short name, a date (or ``<time>``) and a body of text. Most of them
   must have all three and there must be several, so an article's paragraphs, a
   navigation list or a list of related posts (titles in headings, no names) is not a
   thread.

Replies are found by containment: a comment inside another comment's element (or in
its ``children``/``replies`` list) replies to it; Drupal puts a reply list
(``div.indented``) right after the comment it answers, and that is read too.

Inside a comment, the author comes from the conventions (``p-author``, ``itemprop=author``,
``.fn``, ``cite``, a class ending in ``author``/``username``…) or else from the byline line
(the short line with the date: a name before or after it); the date from ``dt-published``,
``itemprop=dateCreated``, ``<time>``, a date-like class, or the byline; the text from the
body element the conventions name (``e-content``, ``itemprop=text``, ``comment-content``…)
or else all that is left. Chrome (Reply, Like, vote and Report widgets, avatars, edit
links, share boxes, forms) and anything a browser does not show (scripts, styles,
templates, ``hidden``, ``display: none``) stay out of the text.

Microformats are read by hand on lxml: the parser library (mf2py) brings BeautifulSoup
and html5lib with it, to read the few properties a comment needs.

Nothing here recurses: the page is walked with explicit stacks, so a thread nested
10,000 deep is read like a flat one (lxml's own parser stops building the tree at a
depth of a few hundred unless it is told otherwise; whatever tree it makes is read).
The tree is never modified.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from reader.formats.build import Linked, Piece

__all__ = ["FoundThread", "HtmlComment", "HtmlThread", "find_thread", "read_thread"]


@dataclass
class HtmlComment:
    author: str | None
    date: str | None
    paragraphs: list[tuple[list[Piece], str]]
    """(pieces, kind) as ``PostBuilder.comment`` takes them; kind text/list/quote/code."""
    parent: int | None
    """Index of the comment it replies to in ``HtmlThread.comments`` (parents come first)."""


@dataclass
class HtmlThread:
    comments: list[HtmlComment]
    elements: list[HtmlElement]
    """The thread's container elements (the caller removes them before the article)."""
    header: str | None
    """The thread's heading, e.g. "12 Comments" or "5 thoughts on “X”", when there is one."""


class FoundThread:
    """Where a page's thread is (its elements and header), its comments still to read.

    Finding is cheap next to reading: a page of a thousand comments is shown while they
    are read (the reader's first screen needs only the article, which is what is left
    once ``elements`` are taken out of the tree). ``read()`` reads the comments from the
    elements as they were found, so it may run after they left the tree.
    """

    def __init__(
        self,
        elements: list[HtmlElement],
        header: str | None,
        expected: int,
        read: Callable[[], list[HtmlComment]],
        release: Callable[[], None],
    ) -> None:
        self.elements = elements
        self.header = header
        self.expected = expected
        """About how many comments ``read()`` gives (the elements that say they are one)."""
        self._read = read
        self._release = release
        self._comments: list[HtmlComment] | None = None

    def read(self) -> list[HtmlComment]:
        if self._comments is None:
            try:
                self._comments = self._read()
            finally:
                self._release()
        return self._comments

    def release(self) -> None:
        """Let go of the page's index without reading (the comments are not wanted)."""
        if self._comments is None:
            self._comments = []
            self._release()


def find_thread(root: HtmlElement, base_url: str | None) -> FoundThread | None:
    """Where the page's comment thread is, or None when its markup holds none. The tree
    is read, never changed."""
    reader = _Reader(root, base_url)
    try:
        found = reader.find()
    except RecursionError:  # nothing here recurses; a guard against a library that does
        found = None
    if found is None:
        reader.page.release()
    return found


def read_thread(root: HtmlElement, base_url: str | None) -> HtmlThread | None:
    """The page's comment thread, read whole, or None when its markup holds none."""
    found = find_thread(root, base_url)
    if found is None:
        return None
    try:
        comments = found.read()
    except RecursionError:
        return None
    return HtmlThread(comments, found.elements, found.header) if comments else None


# --- what elements are ----------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_NOT_SHOWN_TAGS = frozenset(
    {"script", "style", "template", "noscript", "head", "title", "meta", "link", "iframe"}
)
# Controls and embedded things: never comment text.
_CHROME_TAGS = frozenset(
    {
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "option",
        "label",
        "svg",
        "img",
        "picture",
        "video",
        "audio",
        "object",
        "embed",
        "canvas",
        "nav",
        "fieldset",
    }
)
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "d-none", "is-hidden", "u-hidden", "invisible"})
# Text for screen readers only: not shown, so not comment text, but a thread's header
# ("4 <span class=screen-reader-text>Comments</span>") reads better with it.
_SCREEN_READER_CLASSES = frozenset(
    {
        "sr-only",
        "screen-reader-text",
        "screen-reader-only",
        "visually-hidden",
        "visuallyhidden",
        "element-invisible",
    }
)
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHROME_CLASS = re.compile(
    r"(?:^|[-_\s])(?:repl(?:y|ybox|ytocom)|likes?|liked|dislikes?|unlike|vot(?:e|es|ing)"
    r"|ratings?|rate|report|flag|flags|edit|delete|share|sharing|shares|g?avatars?"
    r"|actions?|toolbar|tools|controls?|toggle|menu|dropdown|reactions?|says|badge|follow"
    r"|subscribe|karma|upvote|downvote|permalink-popup)"
    r"(?:[-_](?:links?|buttons?|btn|box|container|wrap|wrapper|count|result|up|down|icon"
    r"|area|bar|image|img|trigger|holder|block|list|single|tooltip|feedback|trigger))*(?:\s|$)",
    re.IGNORECASE,
)
"""Widgets in a comment, by the last words of a class token (searched in the whole class
attribute): "comment-reply-link", "cld-like-count-wrap", "wpd-vote-up", "avatar",
"comment-edit-link", "share_buttons_box"."""
# A link or button whose whole text is one of these is a widget, not words of a comment.
_ACTION = re.compile(
    r"^[\W_]*(?:reply|replies|antworten|antwort|répondre|repondre|responder|responde"
    r"|rispondi|beantwoorden|reageren|reageer|odpowiedz|like|liken|unlike|gefällt mir"
    r"|j['’]aime|me gusta|mi piace|vind ik leuk|report|melden|signaler|denunciar|segnala"
    r"|edit|bearbeiten|modifier|editar|modifica|delete|löschen|supprimer|eliminar|share"
    r"|teilen|partager|compartir|condividi|permalink|flag|quote|zitieren|citer|citar"
    r"|upvote|downvote|cancel reply|antworten abbrechen|log in to reply"
    r"|\d+\s+(?:replies|reply|antworten|réponses?|respuestas?|risposte))[\W_]*$",
    re.IGNORECASE,
)
_VOTE_COUNT = re.compile(r"^[+\-−]?\d{1,6}$")
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "li",
        "table",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "hr",
        "address",
        "details",
        "summary",
        "center",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _tokens(element: HtmlElement) -> list[str]:
    value = element.get("class")
    return value.split() if value else []


def _own_hidden(element: HtmlElement, tag: str) -> bool:
    """Not shown by a browser: by its tag, ``hidden``, ``aria-hidden``, an inline style
    or a hiding class (screen-reader text included)."""
    if tag in _NOT_SHOWN_TAGS:
        return True
    get = element.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    if style and _HIDING_STYLE.search(style):
        return True
    classes = get("class")
    if classes:
        for token in classes.split():
            lowered = token.lower()
            if lowered in _HIDDEN_CLASSES or lowered in _SCREEN_READER_CLASSES:
                return True
    return False


def _screen_reader_only(element: HtmlElement) -> bool:
    return any(token.lower() in _SCREEN_READER_CLASSES for token in _tokens(element))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _element_text(element: HtmlElement) -> str:
    try:
        return str(element.text_content())
    except (ValueError, RecursionError):
        return ""


def _text_start(element: HtmlElement, cap: int) -> str:
    """The element's text up to about ``cap`` characters: enough to judge it by, without
    reading the whole of a subtree that may hold the rest of the page nested in it."""
    parts: list[str] = []
    size = 0
    for text in element.itertext():
        parts.append(text)
        size += len(text)
        if size >= cap:
            break
    return "".join(parts)


# --- dates and names --------------------------------------------------------------------

# Month names of the languages blogs are most often written in; a date needs a day
# number next to its month, so a name like "May" or "Mars" alone is not a date.
_MONTH = (
    r"(?:jan(?:uary|uar|vier|v|eiro)?|jänner|feb(?:ruary|ruar|rero|braio|ruari)?|février|févr?"
    r"|fevereiro|mar(?:ch|s|zo|ço)?|märz|mär|maart|apr(?:il|ile)?|avr(?:il)?|abril?"
    r"|may|mai|mayo|maio|maggio|mag|mei|june?|juni|juin|junio|junho|giugno|giu"
    r"|july?|juli|juillet|juil|julio|julho|luglio|lug|aug(?:ust|ustus)?|août|aout|agosto|ago"
    r"|sep(?:t(?:ember|embre|iembre)?)?|setembro|settembre|setiembre|set"
    r"|oct(?:ober|obre|ubre)?|okt(?:ober)?|outubro|ottobre|ott"
    r"|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|dez(?:ember|embro)?|décembre|déc"
    r"|diciembre|dicembre|dic|ene(?:ro)?|gen(?:naio)?)\.?"
)
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mo|di|mi|do|fr|sa|so"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mar|mer|jeu|ven|sam|dim"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo)\.?,?\s+"
)
_TIME = (
    r"\d{1,2}(?::\d{2}(?::\d{2})?|h\d{2})(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h)\b)?"
    r"(?:\s+(?-i:[A-Z]{2,4})\b)?"
)
_UNIT = (
    r"(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?"
    r"|sekunden?|minuten?|stunden?|tagen?|tage?|wochen?|monaten?|monate?|jahren?|jahre?"
    r"|secondes?|heures?|jours?|semaines?|mois|ans?|années?"
    r"|segundos?|minutos?|horas?|días?|dias?|semanas?|mes(?:es)?|años?|anos?"
    r"|ore|ora|giorni|giorno|settimane?|mesi|mese|anni|anno"
    r"|uur|uren|dagen|dag|weken|maanden|maand|jaar|jaren)"
)
_COUNT = r"(?:\d{1,3}|an?|one|einer?|einem|un[ae]?|uno)"
_RELATIVE = (
    rf"(?:(?:vor|il y a|hace|há|fa)\s+{_COUNT}\s+{_UNIT}(?:,?\s+(?:und\s+)?\d{{1,3}}\s+{_UNIT})?"
    rf"|{_COUNT}\s+{_UNIT}(?:,?\s+(?:and\s+|und\s+)?\d{{1,3}}\s+{_UNIT})?\s+(?:ago|her|fa|geleden))"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th|er|º|°)?"
_CALENDAR = (
    rf"(?:{_DAY}\.?\s*(?:de\s+)?{_MONTH}(?![^\W\d_])(?:,?\s*(?:de\s+)?\d{{4}})?"
    rf"|{_MONTH}(?![^\W\d_])\s*{_DAY}(?!\d)(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d))"
)
DATE = re.compile(
    rf"(?<![\w.])(?:{_WEEKDAY})?(?:{_CALENDAR}"
    rf"(?:\s*(?:,|-|–|—|\||/|·|•|at|um|à|a las|alle|om|@)?\s*{_TIME})?|{_RELATIVE})",
    re.IGNORECASE,
)
"""A date as comments write one, in the common languages: "25. Februar 2020 um 13:02
Uhr", "December 14, 2019 8:44 pm", "06.01.2020", "2020-02-25", "vor 1 Stunde",
"3 days ago"."""

# What a byline puts after the name: "says:", "sagt:", "a écrit :".
_VERBS = frozenset(
    (
        "says said wrote writes sagt sagte schreibt schrieb meint dit écrit dice dijo"
        " escribió scrive scritto zegt schreef disse escreveu"
    ).split()
)
_VERB_HELPERS = frozenset({"a", "ha"})  # "a écrit", "ha scritto"


def _without_verb(text: str) -> str:
    """The name of "NAME says:" (the text as it was when no verb ends it)."""
    words = text.rstrip(" \t:.…").rsplit(None, 2)
    if not words or words[-1].lower() not in _VERBS:
        return text
    words.pop()
    if len(words) == 2 and words[-1].lower() in _VERB_HELPERS:
        words.pop()
    if not words:
        return ""
    kept = text[: text.rfind(words[-1]) + len(words[-1])]
    return kept.rstrip()


_LEAD_WORDS = re.compile(
    r"^\s*(?:(?:posted|written|submitted|comment(?:ed)?)\s+by|by|von|par|por|di|door|de)\s*:?\s+",
    re.IGNORECASE,
)
_GLUE_END = re.compile(
    r"(?:[\s,;:|/·•@–—-]|\b(?:on|at|am|um|le|el|il|op|em|on the)\b)+$", re.IGNORECASE
)
_GLUE_START = re.compile(r"^(?:[\s,;:|/·•@–—-]|\b(?:by|von|par|por|de)\b)+", re.IGNORECASE)
_SENTENCE = re.compile(r"[.!?]\s+\S|[,;]\s+\S+\s+\S+\s+\S")
_LETTER = re.compile(r"[^\W\d_]")


_DIGITS = re.compile(r"\d+")
_WORD_START = re.compile(r"(?<![\w.])\w")
_WORDED_RELATIVE = re.compile(
    rf"(?:vor|il y a|hace|há)\s+(?:einer?|einem|un[ae]?|an?|one)\s+{_UNIT}"
    rf"|\b(?:an?|one)\s+{_UNIT}\s+ago",
    re.IGNORECASE,
)


def find_date(text: str) -> re.Match[str] | None:
    """Where the first date in ``text`` is, if any.

    Every date form but a worded one ("an hour ago", looked for last) holds a number, so
    the pattern is only tried where a date could begin near each number: at the number
    and at the three words before it ("Di, 21.", "December 14", "il y a 3"). Tried at
    every character of a page, it costs a microsecond a character.
    """
    for digits in _DIGITS.finditer(text):
        start = digits.start()
        stop = digits.end() + 60
        starts = [word.start() for word in _WORD_START.finditer(text, max(0, start - 28), start)]
        for position in [*starts[-3:], start]:
            match = DATE.match(text, position, stop)
            if match is not None and match.end() > start:
                return match
    return _WORDED_RELATIVE.search(text)


def _name_like(text: str) -> bool:
    """Could be someone's name or handle: short, a letter in it, not a sentence, not a
    date, not a widget's word."""
    if not text or len(text) > 60 or not _LETTER.search(text):
        return False
    if len(text.split()) > 6 or _SENTENCE.search(text):
        return False
    if find_date(text) or _ACTION.match(text) or _VOTE_COUNT.match(text):
        return False
    return not text.endswith(("!", "?", ":")) or _without_verb(text) != text


def _name(text: str) -> str:
    """A name as a byline writes it, less the words around it ("by", "says:")."""
    text = _clean(text)
    text = _without_verb(text)
    text = _LEAD_WORDS.sub("", text)
    return text.strip(" \t,;:|/·•@–—-")


def _split_byline(text: str, match: re.Match[str]) -> str | None:
    """The name on a byline line that holds a date: before it ("Heidemarie Heim | Di,
    21. April 2020") or after it ("09. Jul, 2012 / Courtney says:")."""
    before = _GLUE_END.sub("", text[: match.start()])
    name = _name(before)
    if name and _name_like(name):
        return name
    after = _GLUE_START.sub("", text[match.end() :])
    name = _name(after)
    if name and _name_like(name):
        return name
    return None


# --- the page --------------------------------------------------------------------------

_START, _END, _TEXT = 0, 1, 2

_COMMENT_TOKEN = re.compile(r"^(?:[a-z]{1,12}[-_])?comment$|^pingback$|^trackback$", re.I)
_COMMENT_ID = re.compile(r"^(?:li-)?comment-\d+$")
_COMMENT_TYPE = re.compile(r"(?:^|[/:#])(?:Comment|UserComments)$")
_MF_ROOT = frozenset({"h-cite", "h-entry"})
_MF_COMMENT = frozenset({"u-comment", "p-comment"})
# Elements with these attributes are few; XPath finds them in C.
_ATTRIBUTE_SIFT = lxml.etree.XPath(
    "descendant-or-self::*[@hidden or @aria-hidden or @style or @itemtype or @typeof]"
)
# One search of each class attribute sifts the elements that may be comments or hidden.
_CLASS_HINTS = re.compile(
    r"(?P<seed>(?:^|\s)(?:[a-z]{1,12}[-_])?comment(?:\s|$)|pingback|trackback|h-cite|h-entry)"
    r"|(?P<hidden>hid|sr-only|screen-reader|invisible|d-none)",
    re.IGNORECASE,
)
_HIDDEN_HINTS = re.compile("hid|sr-only|screen-reader|invisible|d-none", re.IGNORECASE)


@dataclass
class _Box:
    """One comment: its element (or, for a ``dt``/``dd`` group, its elements), by their
    places in the page's order."""

    indexes: list[int]
    start: int
    end: int
    signature: str = ""
    parent: _Box | None = None
    children: list[_Box] = field(default_factory=list)
    removed: bool = False


def _is_seed(element: HtmlElement, tokens: list[str]) -> bool:
    """The element says it is a comment, by a convention (see the module's docstring)."""
    for token in tokens:
        if token.endswith(("comment", "Comment", "back")) and _COMMENT_TOKEN.match(token):
            return True
    if tokens:
        token_set = set(tokens)
        if token_set & _MF_ROOT and token_set & _MF_COMMENT:
            return True
    element_id = element.get("id")
    if element_id and _COMMENT_ID.match(element_id):
        return True
    for name in ("itemtype", "typeof"):
        kind = element.get(name)
        if kind and any(_COMMENT_TYPE.search(part) for part in kind.split()):
            return True
    return False


def _nonspace(text: str) -> int:
    return len(text) - sum(map(text.count, " \n\t\r\xa0"))


class _Page:
    """The page's elements in document order, where each one's subtree ends, which ones a
    browser does not show (or sit in a form), and the elements that say they are
    comments. Built with lxml's own iteration and XPath; text is measured on demand."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        elements = [element for element in root.iter(lxml.etree.Element)]
        self.elements = elements
        self.order: dict[HtmlElement, int] = {element: i for i, element in enumerate(elements)}
        count = len(elements)
        self.tags = [str(element.tag).lower() for element in elements]
        end = list(range(count))
        stack: list[int] = []
        # One pass in Python, reading each element's class once: where each subtree
        # ends, and which elements may be hidden or may be comments (checked below).
        maybe_hidden: list[int] = []
        maybe_seeds: list[int] = []
        hint = _CLASS_HINTS.search
        for index, element in enumerate(elements):
            parent = element.getparent()
            while stack and elements[stack[-1]] is not parent:
                end[stack.pop()] = index - 1
            stack.append(index)
            classes = element.get("class")
            found = hint(classes) if classes else None
            if found is not None:
                if found.lastgroup == "seed":
                    maybe_seeds.append(index)
                    if _HIDDEN_HINTS.search(classes):
                        maybe_hidden.append(index)
                else:
                    maybe_hidden.append(index)
                    maybe_seeds.append(index)  # a later token may say "comment"
            element_id = element.get("id")
            if element_id and "comment-" in element_id:
                maybe_seeds.append(index)
        for index in stack:
            end[index] = count - 1
        self.end = end
        order = self.order
        for element in _ATTRIBUTE_SIFT(root):
            index = order[element]
            maybe_hidden.append(index)
            maybe_seeds.append(index)
        maybe_hidden.extend(order[element] for element in root.iter(*_NOT_SHOWN_TAGS))
        self.hidden = [False] * count
        self.quiet = [False] * count  # hidden, or in a form
        own_hidden = [i for i in maybe_hidden if _own_hidden(elements[i], self.tags[i])]
        regions = self._mark(own_hidden, (self.hidden, self.quiet))
        regions += self._mark([order[form] for form in root.iter("form")], (self.quiet,))
        self.quiet_regions: list[tuple[int, int]] = []
        for start in sorted(regions):  # the outermost ones
            if not self.quiet_regions or start > self.quiet_regions[-1][1]:
                self.quiet_regions.append((start, end[start]))
        self.quiet_starts = [start for start, _ in self.quiet_regions]
        self._quiet_sizes: dict[int, int] = {}
        self._tokens: dict[int, list[str]] = {}
        self._chrome: dict[int, bool] = {}
        self._shown: dict[int, int] = {}
        self.seeds = self._seeds(sorted(set(maybe_seeds)))
        self.dls = [
            order[dl]
            for dl in root.iter("dl")
            if not self.quiet[order[dl]] and _comment_dl(dl, _tokens(dl))
        ]

    def release(self) -> None:
        """Let go of the elements deepest first. lxml frees an element's proxy by walking
        up to the nearest ancestor that still has one, so freed in document order (as a
        dict lets go of its keys) each costs the page's depth: seconds on a page nested
        10,000 deep. A list lets go of its items last first."""
        self.order = {}
        self.elements = []

    def _mark(self, indexes: list[int], flags: tuple[list[bool], ...]) -> list[int]:
        """Flag the subtrees of ``indexes``; the ones not inside another."""
        end = self.end
        marked = []
        for index in sorted(indexes):
            if flags[-1][index]:
                continue
            marked.append(index)
            size = end[index] - index + 1
            for flag in flags:
                flag[index : end[index] + 1] = [True] * size
        return marked

    def _seeds(self, candidates: list[int]) -> list[_Box]:
        seeds: list[_Box] = []
        open_seeds: list[_Box] = []
        for index in candidates:
            if self.quiet[index] or not _is_seed(self.elements[index], self.tokens(index)):
                continue
            while open_seeds and open_seeds[-1].end < index:
                open_seeds.pop()
            box = _Box([index], index, self.end[index])
            box.signature = f"{self.tags[index]}.{' '.join(sorted(self.tokens(index)))}"
            if open_seeds:
                box.parent = open_seeds[-1]
                open_seeds[-1].children.append(box)
            seeds.append(box)
            open_seeds.append(box)
        return seeds

    # facts about one element, read once

    def tokens(self, index: int) -> list[str]:
        tokens = self._tokens.get(index)
        if tokens is None:
            tokens = self._tokens[index] = _tokens(self.elements[index])
        return tokens

    def chrome(self, index: int) -> bool:
        """A widget or a control, not words of a comment."""
        chrome = self._chrome.get(index)
        if chrome is None:
            tag = self.tags[index]
            element = self.elements[index]
            classes = element.get("class")
            chrome = (
                tag in _CHROME_TAGS
                or bool(classes and _CHROME_CLASS.search(classes))
                or _is_action(element, tag)
            )
            self._chrome[index] = chrome
        return chrome

    def contains(self, outer: int, inner: int) -> bool:
        return outer <= inner <= self.end[outer]

    # text, measured when asked

    def shown(self, index: int) -> int:
        """Letters, digits and marks a reader sees in the element (forms left out)."""
        if self.quiet[index]:
            return 0
        size = self._shown.get(index)
        if size is None:
            size = _nonspace(_element_text(self.elements[index]))
            low = bisect_right(self.quiet_starts, index)
            high = bisect_right(self.quiet_starts, self.end[index])
            for start, _ in self.quiet_regions[low:high]:
                quiet = self._quiet_sizes.get(start)
                if quiet is None:
                    quiet = self._quiet_sizes[start] = _nonspace(
                        _element_text(self.elements[start])
                    )
                size -= quiet
            self._shown[index] = size
        return size

    def text_between(self, after: int, before: int, cap: int = 400) -> int:
        """About how much shown text lies after element ``after``'s subtree and before
        element ``before`` starts (``cap`` and more: far)."""
        elements, end, quiet = self.elements, self.end, self.quiet
        total = len((elements[after].tail or "").strip())
        index = end[after] + 1
        while index < before and total < cap:
            if quiet[index]:
                index = end[index] + 1
                continue
            element = elements[index]
            total += len((element.text or "").strip())
            if end[index] < before:
                total += len((element.tail or "").strip())
            index += 1
        return total

    def own_text(self, box: _Box, enough: int = 2) -> int:
        """Text of the box outside the comments in it, counted up to ``enough``."""
        elements, end, quiet = self.elements, self.end, self.quiet
        children = {child.start: child for child in box.children}
        total = 0
        for root in box.indexes:
            index = root
            while index <= end[root] and total < enough:
                child = children.get(index)
                element = elements[index]
                if index != root:
                    total += len((element.tail or "").strip())
                if child is not None or quiet[index]:
                    index = end[index] + 1
                    continue
                total += len((element.text or "").strip())
                index += 1
        return total


def _comment_dl(element: HtmlElement, tokens: list[str]) -> bool:
    """The old Blogger list of comments: ``dl#comments-block`` of ``dt.comment-author``,
    ``dd.comment-body`` and ``dd.comment-footer``."""
    if element.get("id") == "comments-block" or "comments-block" in tokens:
        return True
    return any(
        isinstance(child.tag, str)
        and child.tag.lower() == "dt"
        and "comment-author" in _tokens(child)
        for child in element
    )


def _events(
    roots: Sequence[HtmlElement], skip: Any, limit: int | None = None
) -> Iterator[tuple[int, HtmlElement, str]]:
    """Walk ``roots`` in document order without recursion: (``_START``, element, tag),
    (``_TEXT``, element, text) and (``_END``, element, tag). ``skip(element, tag)`` leaves
    an element's subtree out (its tail still counts: it is the parent's text). The roots'
    own tails are outside them and are not given. ``limit`` caps the elements walked."""
    root_ids = {id(root) for root in roots}
    stack: list[tuple[HtmlElement, bool]] = [(root, False) for root in reversed(roots)]
    seen = 0
    while stack:
        element, closing = stack.pop()
        if closing:
            yield _END, element, str(element.tag).lower()
            tail = element.tail
            if tail and id(element) not in root_ids:
                yield _TEXT, element, tail
            continue
        tag = element.tag
        is_root = id(element) in root_ids
        if not isinstance(tag, str) or (not is_root and skip(element, tag.lower())):
            tail = element.tail
            if tail and not is_root:
                yield _TEXT, element, tail
            continue
        seen += 1
        if limit is not None and seen > limit:
            return
        tag = tag.lower()
        yield _START, element, tag
        if element.text:
            yield _TEXT, element, element.text
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))


def _is_action(element: HtmlElement, tag: str) -> bool:
    """A link, button or label that is a widget: its whole text is "Reply", "Like",
    "Report", a vote count…"""
    if tag not in ("a", "button", "span", "small", "li") or len(element) > 2:
        return False
    text = _clean(_text_start(element, 400))
    if not text or len(text) > 40:
        return False
    if _ACTION.match(text):
        if tag != "a" or len(text) > 4:
            return True
        # A short linked word ("edit", "like") inside a sentence is the comment's own.
        parent = element.getparent()
        return parent is None or _clean(_text_start(parent, 400)) == text
    return tag != "a" and len(element) == 0 and _VOTE_COUNT.match(text) is not None


# --- paragraphs -------------------------------------------------------------------------


class _Paragraphs:
    """Paragraphs from walk events: running text, lists, quotations and code, links as
    ``Linked`` pieces. White space in the markup is made single spaces (lines come from
    the structure: blocks, ``<br>``, list items); code keeps its own."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.out: list[tuple[list[Piece], str]] = []
        self.pieces: list[Piece] = []
        self.anchors: list[HtmlElement | None] = []  # the link each piece came from
        self.kind = "text"
        self.special: list[str] = []  # open quote / list / code containers
        self.opened: list[HtmlElement] = []  # their elements
        self.counters: list[int | None] = []  # open lists: next number, None for bullets
        self.links: list[tuple[HtmlElement, str | None]] = []
        self.breaks = 0

    def run(self, events: Iterable[tuple[int, HtmlElement, str]]) -> list[tuple[list[Piece], str]]:
        for event, element, value in events:
            if event == _TEXT:
                self.text(value)
            elif event == _START:
                self.start(element, value)
            else:
                self.end(element, value)
        self.flush()
        return self.out

    # events

    def start(self, element: HtmlElement, tag: str) -> None:
        if tag == "br":
            self.line_break()
            return
        if tag == "a":
            href = element.get("href")
            self.links.append((element, self._target(href) if href else None))
            return
        if tag == "pre" or (
            tag == "code" and "code" not in self.special and self._block_code(element)
        ):
            self.open_special("code", element)
        elif tag == "blockquote":
            self.open_special("quote", element)
        elif tag in ("ul", "ol"):
            self.open_special("list", element)
            self.counters.append(1 if tag == "ol" else None)
        elif tag == "li" and self.counters:
            self.new_line()
            number = self.counters[-1]
            if number is None:
                self.add("• ")
            else:
                self.add(f"{number}. ")
                self.counters[-1] = number + 1
        elif tag in _BLOCK_TAGS:
            self.block_edge()

    def end(self, element: HtmlElement, tag: str) -> None:
        if tag == "a":
            if self.links and self.links[-1][0] is element:
                self.links.pop()
            return
        if self.special and self._closes_special(element):
            self.opened.pop()
            kind = self.special.pop()
            if kind == "list" and self.counters:
                self.counters.pop()
            if not self.special:
                self.flush()
                self.kind = "text"
            else:
                self.new_line()
        elif tag in _BLOCK_TAGS:
            self.block_edge()

    def text(self, text: str) -> None:
        if "code" in self.special:
            self.add(text)
            return
        core = " ".join(text.split())
        if core:
            text = f"{' ' if text[0].isspace() else ''}{core}{' ' if text[-1].isspace() else ''}"
        else:
            text = " "
        if core:
            self.breaks = 0
        elif not self.pieces:
            return
        self.add(text)

    # building

    def _closes_special(self, element: HtmlElement) -> bool:
        return bool(self.opened) and self.opened[-1] is element

    def open_special(self, kind: str, element: HtmlElement) -> None:
        if not self.special:
            self.flush()
            self.kind = kind
        else:
            self.new_line()
        self.special.append(kind)
        self.opened.append(element)

    def line_break(self) -> None:
        if self.special:
            self.add("\n")
            return
        self.breaks += 1
        if self.breaks >= 2:  # an empty line between: a new paragraph
            self.flush()
        else:
            self.add("\n")

    def new_line(self) -> None:
        if self.pieces and not (
            isinstance(self.pieces[-1], str) and self.pieces[-1].endswith("\n")
        ):
            self.add("\n")

    def block_edge(self) -> None:
        if self.special:
            self.new_line()
        else:
            self.flush()

    def add(self, text: str) -> None:
        anchor, target = self.links[-1] if self.links else (None, None)
        if target is None or not text.strip() or text == "\n":
            if self.pieces and isinstance(self.pieces[-1], str):
                self.pieces[-1] += text
            else:
                self.pieces.append(text)
                self.anchors.append(None)
            return
        last = self.pieces[-1] if self.pieces else None
        if isinstance(last, Linked) and self.anchors[-1] is anchor:
            self.pieces[-1] = Linked(last.text + text, last.target)
        else:
            self.pieces.append(Linked(text, target))
            self.anchors.append(anchor)

    def flush(self) -> None:
        pieces = self.pieces
        self.pieces, self.anchors = [], []
        self.breaks = 0
        if not any((piece if isinstance(piece, str) else piece.text).strip() for piece in pieces):
            return
        if self.kind != "code":
            pieces = _trimmed(pieces)
        self.out.append((pieces, self.kind))

    def _target(self, href: str) -> str | None:
        href = href.strip()
        if not href:
            return None
        if self.base_url:
            try:
                return urljoin(self.base_url, href)
            except ValueError:
                return href
        return href

    @staticmethod
    def _block_code(element: HtmlElement) -> bool:
        """A ``<code>`` on lines of its own is a block of code; one in a sentence is not."""
        return "\n" in (element.text or "") or any("\n" in (child.tail or "") for child in element)


def _trimmed(pieces: list[Piece]) -> list[Piece]:
    """Pieces without the white space at their two ends."""
    pieces = list(pieces)
    while pieces and isinstance(pieces[0], str) and not pieces[0].strip():
        pieces.pop(0)
    while pieces and isinstance(pieces[-1], str) and not pieces[-1].strip():
        pieces.pop()
    if pieces and isinstance(pieces[0], str):
        pieces[0] = pieces[0].lstrip()
    if pieces and isinstance(pieces[-1], str):
        pieces[-1] = pieces[-1].rstrip()
    return pieces


def _piece_text(pieces: Sequence[Piece]) -> str:
    return "".join(piece if isinstance(piece, str) else piece.text for piece in pieces)


def _linked_share(paragraphs: Sequence[tuple[Sequence[Piece], str]]) -> float:
    linked = total = 0
    for pieces, _ in paragraphs:
        for piece in pieces:
            size = len((piece if isinstance(piece, str) else piece.text).strip())
            total += size
            if isinstance(piece, Linked):
                linked += size
    return linked / total if total else 0.0


def _chrome_line(text: str) -> bool:
    """A line left over from a byline or a widget: "says:", "|", "Reply", "3"."""
    if not _LETTER.search(text) and not any(char.isdigit() for char in text):
        return True
    return bool(
        _ACTION.match(text)
        or _VOTE_COUNT.match(text)
        or not _without_verb(text)
        or _GLUE_END.fullmatch(text)
    )


# --- one comment ----------------------------------------------------------------------------


@dataclass
class _Found:
    author: str | None
    date: str | None
    paragraphs: list[tuple[list[Piece], str]]


# What a class token says an element of a comment is, by its last word(s).
_CLASS_ROLE = re.compile(
    r"(?:^|[-_])(?:"
    r"(?P<author>author|username|user-?name|nick(?:name)?|commenter|poster|user"
    r"|author-?name|display-?name|screen-?name)"
    r"|(?P<date>date|datetime|time|timestamp|published|posted|when|ago|meta|metadata"
    r"|commentmetadata|footer|info|byline)"
    r"|(?P<body>content|text|body|message|msg)"
    r"|(?P<name>name))$",
    re.IGNORECASE,
)


def _class_roles(tokens: list[str]) -> set[str]:
    roles: set[str] = set()
    for token in tokens:
        match = _CLASS_ROLE.search(token)
        if match is not None and token != "p-name":
            roles.add(str(match.lastgroup))
    return roles


_AUTHOR_PROPS = frozenset({"author", "creator"})
_DATE_PROPS = frozenset({"datecreated", "datepublished", "commenttime", "datemodified"})
_TEXT_PROPS = frozenset({"text", "commenttext", "articlebody", "encoded"})
_TITLE_PROPS = frozenset({"name", "headline"})


def _props(value: str | None) -> set[str]:
    """Property names of an ``itemprop``/``property`` attribute, without prefixes."""
    if not value:
        return set()
    return {part.rsplit(":", 1)[-1].rsplit("/", 1)[-1].lower() for part in value.split()}


def _author_rank(tokens: list[str], tag: str, props: set[str], roles: set[str]) -> int | None:
    """How surely the element is the comment's author, by the conventions: microformats,
    schema.org, vcard's ``fn``, an author-like class, Blogger's ``cite``, a name class."""
    if "p-author" in tokens:
        return 0
    if props & _AUTHOR_PROPS:
        return 1
    if "fn" in tokens:
        return 2
    if "author" in roles:
        return 3
    if tag == "cite":
        return 4
    if "name" in roles:
        return 5
    return None


def _date_rank(tokens: list[str], tag: str, props: set[str], roles: set[str]) -> int | None:
    """0: the element is a date by a convention (``dt-published``, ``<time>``,
    ``dateCreated``; it may carry the date in an attribute); 1: its class names a date or
    a byline, and its text must hold one."""
    if "dt-published" in tokens or tag == "time" or props & _DATE_PROPS:
        return 0
    if "date" in roles:
        return 1
    return None


def _body_rank(tokens: list[str], props: set[str], roles: set[str]) -> int | None:
    if "e-content" in tokens or "p-content" in tokens:
        return 0
    if props & _TEXT_PROPS:
        return 1
    if "body" in roles:
        return 2
    return None


def _strip_edges(lines: list[tuple[list[Piece], str]]) -> list[tuple[list[Piece], str]]:
    """Without the widget and byline leftovers at the start and the end."""
    start, end = 0, len(lines)
    while start < end and _chrome_line(_clean(_piece_text(lines[start][0]))):
        start += 1
    while end > start and _chrome_line(_clean(_piece_text(lines[end - 1][0]))):
        end -= 1
    return lines[start:end]


def _byline(
    lines: list[tuple[list[Piece], str]],
    author: str | None,
    date: str | None,
    body_apart: bool = False,
) -> tuple[str | None, str | None, list[tuple[list[Piece], str]]]:
    """The author and date from the comment's first short lines, when no element named
    them: the line with a date (and a name before or after it), or a name line over it.
    ``body_apart``: the lines are what is left beside the body, so a lone line may be
    the name."""
    head: list[tuple[int, str]] = []
    for index, (pieces, kind) in enumerate(lines[:5]):
        text = _clean(_piece_text(pieces))
        if kind != "text" or len(text) > 150:
            break
        head.append((index, text))
    used: set[int] = set()
    date_at: int | None = None
    if date is None:
        for index, text in head:
            match = find_date(text)
            if match is None:
                continue
            date, date_at = match.group().strip(), index
            used.add(index)
            if author is None:
                author = _split_byline(text, match)
            break
    if author is None:
        if date_at is not None:
            choices = [item for item in reversed(head) if item[0] < date_at]
            choices += [item for item in head if item[0] == date_at + 1]
        else:
            choices = head[:2]
        for index, text in choices:
            name = _name(text)
            # The name line is not the comment's last: a short last line is the comment.
            last = not any(i not in used and i != index for i in range(len(lines)))
            if _name_like(name) and (body_apart or not last):
                author = name
                used.add(index)
                break
    kept = [line for index, line in enumerate(lines) if index not in used]
    return author, date, _strip_edges(kept)


# --- the thread -------------------------------------------------------------------------------

# A list of replies by its class: WordPress "children", Drupal "indented", "replies".
_REPLY_LIST = re.compile(
    r"^(?:indented|children|replies|(?:[a-z]+[-_])+(?:replies|children)|sub-?comments"
    r"|child-?comments)$",
    re.IGNORECASE,
)
_HEADER_CLASS = re.compile(r"(?:^|[-_])(?:title|heading|headline|header|count)$", re.IGNORECASE)
_CONTAINER_EXTRA = 500
"""A thread's container may hold this much text besides its comments (its header, the
"Leave a reply" and privacy notes over the form, a pagination line); more, and it holds
other things."""
_STOP_TAGS = frozenset({"body", "html", "main"})
_ITEM_LIMIT = 1_500
"""Elements read of one candidate item when looking for a thread without conventions."""
_SKIP_PARENTS = frozenset({"nav", "select", "head", "form", "html", "datalist", "optgroup"})
_SKIP_ITEMS = frozenset(
    {
        "a",
        "img",
        "br",
        "hr",
        "option",
        "input",
        "meta",
        "link",
        "script",
        "style",
        "span",
        "td",
        "th",
        "dt",
        "dd",
        "source",
        "picture",
        "svg",
        "button",
        "label",
        "b",
        "i",
        "em",
        "strong",
    }
)
_LD_TYPES = frozenset({"comment", "usercomments"})


class _Reader:
    def __init__(self, root: HtmlElement, base_url: str | None) -> None:
        self.root = root
        self.base_url = base_url
        self.page = _Page(root)

    def find(self) -> FoundThread | None:
        boxes = self._explicit()
        if boxes:
            found = self._locate(boxes)
            if found is not None:
                return found
        thread = self._json_ld() or self._generic_thread()
        if thread is None:
            return None
        comments = thread.comments
        return FoundThread(
            thread.elements, thread.header, len(comments), lambda: comments, self.page.release
        )

    def _generic_thread(self) -> HtmlThread | None:
        boxes = self._generic()
        return self._thread(boxes) if boxes else None

    def _locate(self, boxes: list[_Box]) -> FoundThread | None:
        """The thread of elements that say they are comments, found without reading them
        all: one that reads as a comment makes them a thread, and where they all stand
        places it (one with no name, date or text is still the thread's, not the
        article's)."""
        nested = {index for box in boxes for index in box.indexes}
        first = next((box for box in boxes if self._is_comment(self._read(box, nested))), None)
        if first is None:
            return None
        tops = [box for box in boxes if box.parent is None]
        elements, header = self._placement(tops or [first], boxes, first)
        return FoundThread(
            elements, header, len(boxes), lambda: self._comments(boxes), self.page.release
        )

    @staticmethod
    def _is_comment(read: _Found) -> bool:
        return bool((read.paragraphs and (read.author or read.date)) or (read.author and read.date))

    # comments by convention

    def _explicit(self) -> list[_Box]:
        page = self.page
        for box in page.seeds:  # document order: a wrapper before what it wraps
            if box.removed:
                continue
            # A wrapper with no text of its own around one comment element (and that
            # comment's replies, which look different) is that comment.
            while box.children and page.own_text(box) < 2:
                first, rest = box.children[0], box.children[1:]
                if any(other.signature == first.signature for other in rest):
                    break
                first.removed = True
                for child in first.children:
                    child.parent = box
                box.children = first.children + rest
        boxes = [box for box in page.seeds if not box.removed]
        for dl in page.dls:
            boxes.extend(self._dl_boxes(dl))
        boxes.sort(key=lambda box: box.start)
        return boxes

    def _dl_boxes(self, dl: int) -> list[_Box]:
        page = self.page
        boxes: list[_Box] = []
        current: _Box | None = None
        for child in page.elements[dl]:
            index = page.order.get(child)
            if index is None or page.hidden[index]:
                continue
            tag = page.tags[index]
            if tag == "dt":
                current = _Box([index], index, page.end[index], "dt")
                boxes.append(current)
            elif tag == "dd" and current is not None:
                current.indexes.append(index)
                current.end = page.end[index]
        return boxes

    # reading a comment

    def _plain(self, index: int) -> str:
        """The text a reader sees in the element, widgets left out, on one line."""
        page = self.page

        def skip(element: HtmlElement, tag: str) -> bool:
            at = page.order.get(element)
            return at is None or page.hidden[at] or page.chrome(at)

        events = _events([page.elements[index]], skip, 2_000)
        return _clean("".join(value for event, _, value in events if event == _TEXT))

    def _author_text(self, index: int, rank: int) -> str | None:
        page = self.page
        named = index
        if rank <= 1:  # an h-card or a Person names itself in its p-name / itemprop=name
            for inner in range(index + 1, min(page.end[index], index + 200) + 1):
                if not page.hidden[inner] and (
                    "p-name" in page.tokens(inner)
                    or "name" in _props(page.elements[inner].get("itemprop"))
                ):
                    named = inner
                    break
        text = self._plain(named) or (page.elements[named].get("content") or "")
        name = _name(text)
        return name if name and len(name) <= 200 and _LETTER.search(name) else None

    def _date_text(self, index: int, rank: int) -> str | None:
        text = self._plain(index)
        match = find_date(text) if text else None
        if rank == 0:
            if text and len(text) <= 80 and (match or any(char.isdigit() for char in text)):
                return text
            if match:
                return match.group()
            element = self.page.elements[index]
            for name in ("datetime", "content", "value", "title"):
                value = element.get(name)
                if value and value.strip():
                    return _clean(value)
            return None
        if match is None:
            return None
        rest = _GLUE_END.sub(
            "", _GLUE_START.sub("", f"{text[: match.start()]} {text[match.end() :]}")
        )
        return text if len(text) <= 80 and not _LETTER.search(rest) else match.group()

    def _read(self, box: _Box, nested: set[int], limit: int | None = None) -> _Found:
        page = self.page
        end, hidden, elements = page.end, page.hidden, page.elements
        entries: list[int] = []
        for root in box.indexes:
            index = root
            while index <= end[root] and (limit is None or len(entries) < limit):
                if index != root and (index in nested or page.chrome(index)):
                    index = end[index] + 1
                    continue
                entries.append(index)
                index += 1
        # The comment's own element names no part of it (WordPress puts the author's
        # login in its class); a dt/dd group's elements are its parts.
        roots = set() if box.signature == "dt" else set(box.indexes)
        authors: list[tuple[int, int]] = []
        dates: list[tuple[int, int]] = []
        bodies: dict[int, list[int]] = {}
        titles: list[int] = []
        meta_date: str | None = None
        for index in entries:
            if index in roots:
                continue
            element = elements[index]
            props = _props(element.get("itemprop")) | _props(element.get("property"))
            if hidden[index]:
                # Dates only machines see (<meta itemprop=dateCreated>, a hidden RDFa span).
                if meta_date is None and props & _DATE_PROPS:
                    value = element.get("content") or element.get("datetime")
                    meta_date = _clean(value) if value and value.strip() else None
                continue
            tokens, tag = page.tokens(index), page.tags[index]
            roles = _class_roles(tokens) if tokens else set()
            rank = _author_rank(tokens, tag, props, roles)
            if rank is not None:
                authors.append((rank, index))
            rank = _date_rank(tokens, tag, props, roles)
            if rank is not None:
                dates.append((rank, index))
            rank = _body_rank(tokens, props, roles)
            if rank is not None:
                bodies.setdefault(rank, []).append(index)
            if props & _TITLE_PROPS:
                titles.append(index)
        author_at: int | None = None
        author: str | None = None
        for rank, index in sorted(authors):
            author = self._author_text(index, rank)
            if author:
                author_at = index
                break
        date_at: int | None = None
        date: str | None = None
        for rank, index in sorted(dates):
            date = self._date_text(index, rank)
            if date:
                date_at = index
                if author is None:  # a byline element: "Heidemarie Heim | 21. April 2020"
                    line = self._plain(index)
                    match = find_date(line)
                    author = _split_byline(line, match) if match else None
                break
        taken = [index for index in (author_at, date_at) if index is not None]
        exclude = set(taken)

        def skip(element: HtmlElement, tag: str) -> bool:
            at = page.order[element]
            return at in exclude or at in nested or hidden[at] or page.chrome(at)

        body = self._body(bodies, taken)
        paragraphs: list[tuple[list[Piece], str]] = []
        if body:
            heads = [
                index
                for index in titles
                if not any(page.contains(part, index) for part in (*taken, *body))
            ]
            events = _events([elements[index] for index in heads + body], skip, limit)
            paragraphs = _strip_edges(_Paragraphs(self.base_url).run(events))
        if not paragraphs:
            events = _events([elements[index] for index in box.indexes], skip, limit)
            lines = _strip_edges(_Paragraphs(self.base_url).run(events))
            author, date, paragraphs = _byline(lines, author, date)
        elif author is None or date is None:
            # The byline is what is left beside the body ("Name | Di, 21. April 2020").
            exclude.update(body)
            events = _events([elements[index] for index in box.indexes], skip, limit)
            rest = _strip_edges(_Paragraphs(self.base_url).run(events))
            author, date, _ = _byline(rest, author, date, body_apart=True)
        return _Found(author, date or meta_date, paragraphs)

    def _body(self, bodies: dict[int, list[int]], taken: list[int]) -> list[int]:
        """The elements that hold the comment's text by a convention, outermost first; one
        that holds the author or the date is the whole comment, not its body."""
        page = self.page
        for rank in sorted(bodies):
            chosen: list[int] = []
            for index in bodies[rank]:
                if chosen and page.contains(chosen[-1], index):
                    continue
                if any(page.contains(index, part) or page.contains(part, index) for part in taken):
                    continue
                chosen.append(index)
            if chosen:
                return chosen
        return []

    # the tree

    def _thread(self, boxes: list[_Box]) -> HtmlThread | None:
        """The thread read whole, placed by the comments that read as comments."""
        comments, valid = self._read_all(boxes)
        if not comments:
            return None
        parents = [comment.parent for comment in comments]
        tops = [box for box, parent in zip(valid, parents, strict=True) if parent is None]
        elements, header = self._placement(tops or valid[:1], valid, valid[0])
        return HtmlThread(comments, elements, header)

    def _comments(self, boxes: list[_Box]) -> list[HtmlComment]:
        return self._read_all(boxes)[0]

    def _read_all(self, boxes: list[_Box]) -> tuple[list[HtmlComment], list[_Box]]:
        """Every box that reads as a comment, with the comment it replies to."""
        nested = {index for box in boxes for index in box.indexes}
        found: dict[int, _Found] = {}
        for box in boxes:
            read = self._read(box, nested)
            if self._is_comment(read):
                found[id(box)] = read
        valid = [box for box in boxes if id(box) in found]
        if not valid:
            return [], []
        index_of = {id(box): index for index, box in enumerate(valid)}
        starts = [box.start for box in valid]
        parents: list[_Box | None] = []
        comments: list[HtmlComment] = []
        for index, box in enumerate(valid):
            parent = box.parent
            while parent is not None and id(parent) not in index_of:
                parent = parent.parent
            parent = self._reply_list_parent(box, parent, valid, starts, parents)
            parents.append(parent)
            parent_index = index_of[id(parent)] if parent is not None else None
            if parent_index is not None and parent_index >= index:
                parent_index = None
            read = found[id(box)]
            comments.append(HtmlComment(read.author, read.date, read.paragraphs, parent_index))
        return comments, valid

    def _reply_list_parent(
        self,
        box: _Box,
        parent: _Box | None,
        valid: list[_Box],
        starts: list[int],
        parents: list[_Box | None],
    ) -> _Box | None:
        """Drupal puts a comment's replies in a list right after it (``div.indented``),
        not inside it: a reply list between a comment and its parent by containment
        makes the comment before the list its parent."""
        page = self.page
        stop = page.elements[parent.indexes[0]] if parent is not None else None
        element = page.elements[box.indexes[0]]
        for steps, ancestor in enumerate(element.iterancestors()):
            if ancestor is stop or steps > 30:
                break
            if not any(_REPLY_LIST.match(token) for token in _tokens(ancestor)):
                continue
            previous = ancestor.getprevious()
            while previous is not None and not isinstance(previous.tag, str):
                previous = previous.getprevious()
            if previous is None:
                return parent
            low = page.order[previous]
            at = bisect_right(starts, page.end[low]) - 1
            for _ in range(50):
                if at < 0 or starts[at] < low:
                    break
                if at < len(parents) and parents[at] is parent:
                    return valid[at]
                at -= 1
            return parent
        return parent

    # where the thread is

    def _placement(
        self, tops: list[_Box], valid: list[_Box], first: _Box
    ) -> tuple[list[HtmlElement], str | None]:
        """The elements that hold the thread (each list of comments, grown to the
        container that holds it with its header, as long as that container holds little
        else) and the thread's header."""
        page = self.page
        # The comments not inside another (Drupal's replies sit beside their parent).
        outer: list[_Box] = []
        for box in valid:
            if not outer or box.start > outer[-1].end:
                outer.append(box)
        outer_starts = [box.start for box in outer]
        prefix = [0]
        for box in outer:
            prefix.append(prefix[-1] + sum(page.shown(index) for index in box.indexes))

        def extra(index: int) -> int:
            low = bisect_right(outer_starts, index - 1)
            high = bisect_right(outer_starts, page.end[index])
            return page.shown(index) - (prefix[high] - prefix[low])

        groups: dict[int, list[_Box]] = {}
        for box in tops:
            holder = page.elements[box.indexes[0]].getparent()
            groups.setdefault(page.order[holder] if holder is not None else -1, []).append(box)
        containers: list[int] = []
        for holder, group in groups.items():
            if holder < 0 or extra(holder) > _CONTAINER_EXTRA:
                containers.extend(index for box in group for index in box.indexes)
                continue
            while True:
                above = page.elements[holder].getparent()
                if above is None or page.tags[page.order[above]] in _STOP_TAGS:
                    break
                above_index = page.order[above]
                if extra(above_index) > _CONTAINER_EXTRA or self._holds_article(
                    above_index, holder, outer, outer_starts
                ):
                    break
                holder = above_index
            containers.append(holder)
        kept: list[int] = []
        for index in sorted(containers):
            if kept and page.contains(kept[-1], index):
                continue
            kept.append(index)
        header, heading = self._header(kept, first)
        if heading is not None and not any(page.contains(index, heading) for index in kept):
            kept.insert(0, heading)
        return [page.elements[index] for index in kept], header

    def _holds_article(self, above: int, holder: int, outer: list[_Box], starts: list[int]) -> bool:
        """Whether ``above`` holds the page's headline or an article beside the thread
        (short posts would otherwise be taken for the thread's surroundings)."""
        page = self.page
        for element in page.elements[above].iter("h1", "article", "main"):
            index = page.order[element]
            if page.contains(holder, index):
                continue
            at = bisect_right(starts, index) - 1
            if at >= 0 and outer[at].start <= index <= outer[at].end:
                continue  # a comment's own <article>
            return True
        return False

    def _header(self, containers: list[int], first: _Box) -> tuple[str | None, int | None]:
        """The thread's heading and its element: the last heading before the first
        comment, in the thread's container or standing alone just before it, that counts
        the comments or stands right over them."""
        page = self.page
        first_start = first.start
        container = next((index for index in containers if page.contains(index, first_start)), None)
        regions: list[list[int]] = []
        if container is not None and container != first_start:
            regions.append(list(range(container, first_start)))
        outside = page.elements[container if container is not None else first_start]
        sibling = outside.getprevious()
        for _ in range(3):
            while sibling is not None and not isinstance(sibling.tag, str):
                sibling = sibling.getprevious()
            if sibling is None:
                break
            index = page.order[sibling]
            heading = next(iter(sibling.iter(*_HEADINGS)), None)
            if heading is not None and page.shown(page.order[heading]) == page.shown(index):
                regions.append([page.order[heading]])
                break
            if page.shown(index):
                break
            sibling = sibling.getprevious()
        for region in regions:
            for index in reversed(region):
                element = page.elements[index]
                if page.hidden[index] and not _screen_reader_only(element):
                    continue
                if page.tags[index] not in _HEADINGS and not any(
                    _HEADER_CLASS.search(token) for token in page.tokens(index)
                ):
                    continue
                text = self._header_text(element)
                if not text or len(text) > 200:
                    continue
                between = page.text_between(index, first_start)
                if between <= 60 or (any(char.isdigit() for char in text) and between < 400):
                    return text, index
        return None, None

    @staticmethod
    def _header_text(element: HtmlElement) -> str:
        def skip(child: HtmlElement, tag: str) -> bool:
            if tag in _CHROME_TAGS:
                return True
            if _own_hidden(child, tag) and not _screen_reader_only(child):
                return True
            # "Leave new" / "Jump to the form" links beside the count.
            href = child.get("href") if tag == "a" else None
            return bool(
                href and href.startswith("#") and not re.search(r"\d", _element_text(child))
            )

        events = _events([element], skip, 200)
        text = _clean("".join(value for event, _, value in events if event == _TEXT))
        return text if _LETTER.search(text) or any(char.isdigit() for char in text) else ""

    # schema.org Comment objects in JSON-LD

    def _json_ld(self) -> HtmlThread | None:
        comments: list[HtmlComment] = []
        for script in self.root.iter("script"):
            if (script.get("type") or "").strip().lower() != "application/ld+json":
                continue
            try:
                data = json.loads(script.text or "")
            except (ValueError, RecursionError):
                continue
            self._ld_comments(data, comments)
        if not comments:
            return None
        return HtmlThread(comments, self._ld_elements(comments), None)

    def _ld_comments(self, data: Any, out: list[HtmlComment]) -> None:
        """Every ``Comment`` in the data, depth first; a comment in another's ``comment``
        replies to it."""
        stack: list[tuple[Any, int | None]] = [(data, None)]
        while stack:
            node, parent = stack.pop()
            if isinstance(node, list):
                stack.extend((item, parent) for item in reversed(node))
                continue
            if not isinstance(node, dict):
                continue
            kinds = node.get("@type")
            kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
            if any(
                isinstance(kind, str) and kind.rsplit("/", 1)[-1].lower() in _LD_TYPES
                for kind in kinds
            ):
                comment = self._ld_comment(node, parent)
                if comment is not None:
                    out.append(comment)
                    parent = len(out) - 1
            children = [
                (value, parent)
                for key, value in node.items()
                if isinstance(value, (dict, list)) and key not in ("author", "creator")
            ]
            stack.extend(reversed(children))

    def _ld_comment(self, node: dict[str, Any], parent: int | None) -> HtmlComment | None:
        author = _ld_name(node.get("author") or node.get("creator"))
        date = next(
            (
                _clean(node[key])
                for key in ("dateCreated", "datePublished", "commentTime", "dateModified")
                if isinstance(node.get(key), str) and node[key].strip()
            ),
            None,
        )
        text = next(
            (
                node[key]
                for key in ("text", "commentText", "description")
                if isinstance(node.get(key), str) and node[key].strip()
            ),
            "",
        )
        paragraphs = self._ld_text(text)
        if not paragraphs and not author:
            return None
        return HtmlComment(author, date, paragraphs, parent)

    def _ld_text(self, text: str) -> list[tuple[list[Piece], str]]:
        if re.search(r"<[A-Za-z/][^>]*>", text):  # the text is markup
            try:
                fragment = lxml.html.fragment_fromstring(text, create_parent="div")
            except (ValueError, lxml.etree.ParserError):
                fragment = None
            if fragment is not None:

                def skip(element: HtmlElement, tag: str) -> bool:
                    return _own_hidden(element, tag) or tag in _CHROME_TAGS

                return _Paragraphs(self.base_url).run(_events([fragment], skip))
        return [([_clean(part)], "text") for part in re.split(r"\n\s*\n", text) if part.strip()]

    def _ld_elements(self, comments: list[HtmlComment]) -> list[HtmlElement]:
        """Where the page shows the comments the data holds, if it does: the smallest
        element holding the text the comments begin with, when it holds little else."""
        page = self.page
        openings: set[str] = set()
        for comment in comments:
            if comment.paragraphs:
                words = _clean(_piece_text(comment.paragraphs[0][0]))[:30]
                if len(words) == 30:
                    openings.add(words)
        if not openings:
            return []
        seen: list[HtmlElement] = []
        for index, element in enumerate(page.elements):
            if not page.quiet[index] and element.text and _clean(element.text)[:30] in openings:
                seen.append(element)
        if len(seen) * 2 < len(openings):
            return []
        holder = _common_ancestor(seen)
        if holder is None or page.tags[page.order[holder]] in _STOP_TAGS:
            return []
        shown = sum(_nonspace(_piece_text(p)) for c in comments for p, _ in c.paragraphs)
        return [holder] if page.shown(page.order[holder]) <= 2 * shown + 1_000 else []

    # repeated containers, without conventions

    def _generic(self) -> list[_Box]:
        page = self.page
        best: tuple[int, int, str, frozenset[str]] | None = None
        for index, parent in enumerate(page.elements):
            if page.quiet[index] or len(parent) < 3 or page.tags[index] in _SKIP_PARENTS:
                continue
            by_tag: dict[str, list[int]] = {}
            for child in parent:
                at = page.order.get(child)
                if at is None or page.quiet[at] or page.tags[at] in _SKIP_ITEMS:
                    continue
                by_tag.setdefault(page.tags[at], []).append(at)
            for tag, items in by_tag.items():
                if len(items) < 3:
                    continue
                counts = Counter(
                    token
                    for item in items
                    for token in set(page.tokens(item))
                    if not any(char.isdigit() for char in token)
                )
                core = frozenset(token for token, n in counts.items() if n >= 0.6 * len(items))
                members = [item for item in items if core <= set(page.tokens(item))]
                if len(members) < 3:
                    continue
                score = self._group_score(members, tag, core)
                if score and (best is None or score > best[0]):
                    best = (score, index, tag, core)
        if best is None:
            return []
        _, parent, tag, core = best
        if any(str(above.tag).lower() == "nav" for above in page.elements[parent].iterancestors()):
            return []
        return self._generic_boxes(parent, tag, core)

    def _same_kind(self, index: int, tag: str, core: frozenset[str]) -> bool:
        return self.page.tags[index] == tag and core <= set(self.page.tokens(index))

    def _group_score(self, members: list[int], tag: str, core: frozenset[str]) -> int:
        """How many of the items read as comments (a name, a date, a body), or 0 when too
        few do to make them a thread."""
        page = self.page
        dated = 0
        for item in members:
            text = _text_start(page.elements[item], 3_000)[:3_000]
            if len(text) >= 20 and find_date(text):
                dated += 1
        if dated < 3 or dated < 0.6 * len(members):
            return 0
        teasers = good = 0
        for item in members:
            element = page.elements[item]
            # A heading with a link in it: a post's teaser (related posts, an index).
            if any(
                next(heading.iter("a"), None) is not None for heading in element.iter(*_HEADINGS)
            ):
                teasers += 1
            nested = {
                inner
                for inner in range(item + 1, page.end[item] + 1)
                if page.tags[inner] == tag and self._same_kind(inner, tag, core)
            }
            box = _Box([item], item, page.end[item])
            if self._comment_like(self._read(box, nested, _ITEM_LIMIT)):
                good += 1
        if teasers * 2 >= len(members):
            return 0
        return good if good >= 3 and good >= 0.7 * len(members) else 0

    @staticmethod
    def _comment_like(found: _Found) -> bool:
        author = found.author
        if not author or not found.date or not found.paragraphs:
            return False
        if len(author) > 40 or len(author.split()) > 5 or not _name_like(author):
            return False
        body = " ".join(_piece_text(pieces) for pieces, _ in found.paragraphs)
        return (
            len(body.strip()) >= 20
            and len(body.split()) >= 3
            and _linked_share(found.paragraphs) < 0.5
        )

    def _generic_boxes(self, parent: int, tag: str, core: frozenset[str]) -> list[_Box]:
        """The items of the chosen group and the items like them inside them (replies),
        nested by containment."""
        page = self.page
        boxes: list[_Box] = []
        open_boxes: list[_Box] = []
        for index in range(parent + 1, page.end[parent] + 1):
            if page.quiet[index] or not self._same_kind(index, tag, core):
                continue
            holder = page.elements[index].getparent()
            holder_index = page.order[holder] if holder is not None else -1
            if (
                holder_index != parent
                and not core
                and (holder_index < 0 or page.tags[holder_index] != page.tags[parent])
            ):
                continue  # without a class, only nested lists of the same kind are replies
            while open_boxes and open_boxes[-1].end < index:
                open_boxes.pop()
            box = _Box([index], index, page.end[index], tag)
            if open_boxes:
                box.parent = open_boxes[-1]
                open_boxes[-1].children.append(box)
            elif holder_index != parent:
                continue  # not under one of the group's items
            boxes.append(box)
            open_boxes.append(box)
        return boxes


def _common_ancestor(elements: list[HtmlElement]) -> HtmlElement | None:
    if not elements:
        return None
    chain = [elements[0], *elements[0].iterancestors()]
    depth = {id(element): index for index, element in enumerate(chain)}
    lowest = 0
    for element in elements[1:]:
        for ancestor in (element, *element.iterancestors()):
            if id(ancestor) in depth:
                lowest = max(lowest, depth[id(ancestor)])
                break
    return chain[lowest]


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName")
    if isinstance(value, str) and value.strip():
        return _clean(value)
    return None
