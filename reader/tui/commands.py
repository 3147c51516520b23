"""Command palette providers: jump to any section by name (after its parents' names),
to any comment by number and author, and run any reader action."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode
from textual.fuzzy import Matcher
from textual.markup import escape

from reader.tui.keys import find_binding, what_it_does
from reader.visible import visible

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def _highlight(matcher: Matcher, text: str) -> Content:
    """Like Matcher.highlight, but the text is never read as markup (it is the document's)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score and matcher.match_style is not None:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _literal(text: str) -> str:
    """Text for a hit's help, which is read as markup: every bracket escaped (``escape``
    leaves a cut-off tag such as ``[/b…`` as it is, and the markup parser rejects it)."""
    return text.replace("\\", "\\\\").replace("[", "\\[")


class SectionCommands(Provider):
    """Every section of the post, by title."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def _entries(self) -> list[tuple[str, int]]:
        # "BOOK ONE › CHAPTER IX": the parent tells a book's many "CHAPTER IX" apart.
        reader = self.reader
        return [
            (f"§{index + 1} {reader.section_path(index)}", index)
            for index in range(len(reader.post.sections))
        ]

    async def discover(self) -> Hits:
        for text, index in self._entries():
            yield DiscoveryHit(
                Content(text),
                partial(self.reader.go_to_section, index),
                text=text,
                help="Go to section",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, index in self._entries():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    _highlight(matcher, text),
                    partial(self.reader.go_to_section, index),
                    text=text,
                    help="Go to section",
                )


COMMENT_PREVIEW = 60
"""Characters of a comment's first paragraph shown beside its entry."""


class CommentCommands(Provider):
    """Every comment, by number and author (``comment 15 · Cass``): found by typing,
    not listed before (a long thread would bury the sections and actions)."""

    MAX_HITS = 200
    """Comments offered for one query: a thread of 10,000 would otherwise be scored by
    the fuzzy matcher in full at every keystroke (seconds of a frozen screen)."""

    _cached: tuple[object, list[tuple[str, str, str]]] | None = None
    """The entries, made once for the post they were made from."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def _entries(self) -> list[tuple[str, str, str]]:
        post = self.reader.post
        cached = self._cached
        if cached is not None and cached[0] is post:
            return cached[1]
        entries = []
        for comment in post.comments:
            text = f"comment {post.comment_number(comment.id)}"
            if comment.author:
                text += f" · {visible(comment.author)}"
            first = comment.paragraphs[0].text if comment.paragraphs else ""
            preview = visible(" ".join(first.split()))
            if len(preview) > COMMENT_PREVIEW:
                preview = preview[: COMMENT_PREVIEW - 1] + "…"
            entries.append((text, comment.id, preview))
        self._cached = (post, entries)
        return entries

    async def search(self, query: str) -> Hits:
        # Every word typed is in the entry (a plain `in`, fast on any thread); only those
        # entries, at most MAX_HITS, go to the fuzzy matcher for a score and highlights.
        words = query.casefold().split()
        matcher = self.matcher(query)
        offered = 0
        for number, (text, comment_id, preview) in enumerate(self._entries(), start=1):
            if number % 1000 == 0:
                await asyncio.sleep(0)  # keys (and a closed palette) are seen meanwhile
            folded = text.casefold()
            if not all(word in folded for word in words):
                continue
            score = matcher.match(text)
            if score > 0:
                offered += 1
                if offered > self.MAX_HITS:
                    return
                yield Hit(
                    score,
                    _highlight(matcher, text),
                    partial(self.reader.go_to_comment, comment_id),
                    text=text,
                    help=_literal(preview) if preview else None,
                )


# The bindings the palette offers, by id: names, actions and keys come from the Binding
# objects themselves (through the keymap in force).
PALETTE_BINDINGS = (
    "next_section",
    "previous_section",
    "search",
    "next_match",
    "previous_match",
    "toggle_comments",
    "toggle_sidebar",
    "go_to_comments",
    "links",
    "toggle_measure",
    "comments.collapse_all",
    "comments.expand_all",
    "comments_full_screen",
    "comments_taller",
    "comments_shorter",
    "comments.copy",
    "text.copy",
    "help",
    "quit",
)


class ReaderCommands(Provider):
    """The reader's actions, with their keys as they are mapped now."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        groups = self.reader.key_groups()
        entries: list[tuple[str, Callable[[], object], str]] = []
        for binding_id in PALETTE_BINDINGS:
            found = find_binding(groups, binding_id)
            if found is None:
                continue
            binding, group = found
            run = partial(self._run, binding.action, group.namespace(self.reader))
            entries.append((what_it_does(binding), run, self.reader.keys_of(binding)))
        return entries

    def _run(self, action: str, namespace: DOMNode) -> None:
        self.app.call_later(self.app.run_action, action, namespace)

    async def discover(self) -> Hits:
        for name, run, keys in self._entries():
            yield DiscoveryHit(name, run, help=escape(f"key: {keys}"))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, run, keys in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    run,
                    text=name,
                    help=escape(f"key: {keys}"),
                )


class ReaderCommandPalette(CommandPalette):
    """Textual's palette, safe against a page key that arrives before its list is laid out.

    ctrl+p and page down read from the terminal in one go reach the list before it has
    lines, and the OptionList under it raises KeyError (Textual 8.2.8; found by the
    random-key test). The page key is dropped instead: the list is not showing yet.
    """

    # A search still running when the palette closes goes on to show its results in a
    # list that is gone (Textual 8.2.8 raises NoMatches from its worker and the app
    # stops; found by the random-key test): nothing is shown once the list is gone.
    def _watch__list_visible(self) -> None:
        if self.query(CommandList):
            super()._watch__list_visible()

    async def _watch__show_busy(self) -> None:
        if self.query(CommandList):
            await super()._watch__show_busy()

    def _action_command_list(self, action: str) -> None:
        if action not in ("page_up", "page_down"):
            super()._action_command_list(action)
            return
        try:
            super()._action_command_list(action)
        except KeyError:
            self.query_one(CommandList).refresh()
