"""Command palette providers: jump to any section by name, run any reader action."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

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


class SectionCommands(Provider):
    """Every section of the post, by title."""

    @property
    def reader(self) -> ReaderApp:
        return self.app  # type: ignore[return-value]

    def _entries(self) -> list[tuple[str, int]]:
        post = self.reader.post
        return [
            (f"§{index + 1} {visible(section.title)}", index)
            for index, section in enumerate(post.sections)
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


ACTIONS: tuple[tuple[str, str, str], ...] = (
    ("Next section", "next_section", "]"),
    ("Previous section", "previous_section", "["),
    ("Search in the post", "search", "/"),
    ("Next match", "next_match", "n"),
    ("Previous match", "previous_match", "N"),
    ("Show or hide the comments", "toggle_comments", "c"),
    ("Show or hide the section sidebar", "toggle_sidebar", "s"),
    ("Collapse all comments", "collapse_all_comments", "-"),
    ("Expand all comments", "expand_all_comments", "+"),
    ("Go to the comments", "go_to_comments", ""),
    ("Help: every key", "help", "?"),
    ("Quit", "quit", "q"),
)


class ReaderCommands(Provider):
    """The reader's actions, with their keys."""

    def _run(self, action: str) -> None:
        self.app.call_later(self.app.run_action, action)

    async def discover(self) -> Hits:
        for name, action, key in ACTIONS:
            yield DiscoveryHit(
                name, partial(self._run, action), help=escape(f"key: {key}") if key else None
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, key in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self._run, action),
                    text=name,
                    help=escape(f"key: {key}") if key else None,
                )


class ReaderCommandPalette(CommandPalette):
    """Textual's palette, safe against a page key that arrives before its list is laid out.

    ctrl+p and page down read from the terminal in one go reach the list before it has
    lines, and the OptionList under it raises KeyError (Textual 8.2.8; found by the
    random-key test). The page key is dropped instead: the list is not showing yet.
    """

    def _action_command_list(self, action: str) -> None:
        if action not in ("page_up", "page_down"):
            super()._action_command_list(action)
            return
        try:
            super()._action_command_list(action)
        except KeyError:
            self.query_one(CommandList).refresh()
