"""The list of a post's links: numbered, filtered as you type, the current section's first.

``enter`` opens the chosen link in the system browser (only http, https and mailto: a
page's ``javascript:`` or ``file:`` link is never handed to a browser) and ``y`` copies
its address through the terminal. Nothing opens but on a key press.

The links are the model's numbered ones (``Post.links``) and the addresses written in
the text (``https://…``, ``www.…``), which a text file's post has instead.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.model import Link, Paragraph, Post
from reader.tui.wrap import url_spans
from reader.visible import visible

OPENED_SCHEMES = frozenset({"http", "https", "mailto"})
"""What the browser is given; any other link can be copied, not opened."""


@dataclass(frozen=True)
class LinkEntry:
    """One line of the list."""

    number: int | None
    """The link's ``[n]`` in the text; None for an address written in the text."""
    text: str
    target: str
    section: int
    """The section it is in; -1 in the comments."""
    haystack: str
    """What the filter looks in (lower case)."""


def address_of(written: str) -> str:
    """The address a link written in the text goes to ("www.…" is a web address)."""
    return f"https://{written}" if written[:4].lower() == "www." else written


def can_open(target: str) -> bool:
    """True for the links handed to a browser: http, https and mailto."""
    try:
        return urlsplit(target.strip()).scheme.lower() in OPENED_SCHEMES
    except ValueError:  # a malformed address (an unclosed IPv6 bracket)
        return False


def link_entries(post: Post, current_section: int = -1) -> list[LinkEntry]:
    """The post's links in reading order, those of ``current_section`` first."""
    by_block: dict[str, list[Link]] = {}
    for link in post.links:
        by_block.setdefault(link.block, []).append(link)
    entries: list[LinkEntry] = []
    for index, section in enumerate(post.sections):
        for paragraph in section.paragraphs:
            entries.extend(_block_entries(paragraph, by_block.get(paragraph.id, ()), index))
    for comment in post.comments:
        for paragraph in comment.paragraphs:
            entries.extend(_block_entries(paragraph, by_block.get(paragraph.id, ()), -1))
    first = [entry for entry in entries if entry.section == current_section >= 0]
    return first + [entry for entry in entries if not entry.section == current_section >= 0]


def _block_entries(paragraph: Paragraph, links: Iterable[Link], section: int) -> list[LinkEntry]:
    found: list[tuple[int, LinkEntry]] = []
    taken: list[tuple[int, int]] = []
    for link in links:
        found.append((link.start, _entry(link.number, link.text, link.target, section)))
        taken.append((link.start, link.end))
    for start, end in url_spans(paragraph.text):
        # An address that is a numbered link's text is listed once, as that link.
        if any(a < end and start < b for a, b in taken):
            continue
        written = paragraph.text[start:end]
        found.append((start, _entry(None, written, address_of(written), section)))
    found.sort(key=lambda pair: pair[0])
    return [entry for _, entry in found]


def _entry(number: int | None, text: str, target: str, section: int) -> LinkEntry:
    text, target = visible(text), visible(target)
    label = f"[{number}]" if number is not None else ""
    return LinkEntry(number, text, target, section, f"{label} {text} {target}".lower())


def _prompt(entry: LinkEntry) -> Content:
    number = f"[{entry.number}]" if entry.number is not None else "·"
    parts: list[str | tuple[str, str]] = [(f"{number:>6} ", "bold")]
    if entry.number is not None and entry.text and entry.text != entry.target:
        parts += [entry.text, "  "]
    parts.append((entry.target, "underline" if can_open(entry.target) else "dim"))
    return Content.assemble(*parts)


class LinkList(OptionList):
    """The links; ``y`` copies the highlighted one (the filter takes ``y`` as a letter)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("y", "screen.copy", "Copy address", id="links.copy"),
        Binding("slash", "screen.filter", "Filter", show=False, key_display="/"),
    ]


class LinksScreen(ModalScreen[None]):
    """The post's links: type to filter, ``enter`` opens, ``y`` (in the list) copies."""

    DEFAULT_CSS = """
    LinksScreen {
        align: center middle;
    }
    #links-box {
        width: 90%;
        max-width: 120;
        height: 80%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #links-filter {
        border: none;
        height: 1;
        padding: 0;
    }
    #links-help {
        color: $text-muted;
        height: 1;
    }
    #links-list {
        height: 1fr;
        border: none;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="links.close"),
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
        Binding("pagedown", "move(10)", show=False),
        Binding("pageup", "move(-10)", show=False),
        Binding("ctrl+y", "copy", "Copy address", show=False, id="links.copy_anywhere"),
    ]

    def __init__(self, entries: list[LinkEntry]) -> None:
        super().__init__()
        self.entries = entries
        self.shown: list[LinkEntry] = list(entries)

    def compose(self) -> ComposeResult:
        with Vertical(id="links-box") as box:
            box.border_title = f"Links ({len(self.entries)})"
            yield Input(placeholder="type to filter", id="links-filter")
            yield Static(
                "enter opens · tab, then y copies (ctrl+y anywhere) · escape closes",
                id="links-help",
                markup=False,
            )
            yield LinkList(*(Option(_prompt(e)) for e in self.entries), id="links-list")

    def on_mount(self) -> None:
        self.query_one(LinkList).highlighted = 0 if self.entries else None
        self.query_one(Input).focus()

    # --- filtering ------------------------------------------------------------------

    @on(Input.Changed, "#links-filter")
    def _filter(self, event: Input.Changed) -> None:
        words = event.value.lower().split()
        self.shown = [e for e in self.entries if all(word in e.haystack for word in words)]
        options = self.query_one(LinkList)
        options.set_options(Option(_prompt(entry)) for entry in self.shown)
        options.highlighted = 0 if self.shown else None

    def action_filter(self) -> None:
        self.query_one(Input).focus()

    def action_move(self, step: int) -> None:
        options = self.query_one(LinkList)
        if self.shown:
            current = options.highlighted if options.highlighted is not None else 0
            options.highlighted = max(0, min(len(self.shown) - 1, current + step))

    # --- acting on the chosen link --------------------------------------------------

    @property
    def chosen(self) -> LinkEntry | None:
        highlighted = self.query_one(LinkList).highlighted
        if highlighted is None or not 0 <= highlighted < len(self.shown):
            return None
        return self.shown[highlighted]

    @on(Input.Submitted, "#links-filter")
    @on(OptionList.OptionSelected, "#links-list")
    def _open(self) -> None:
        entry = self.chosen
        if entry is None:
            return
        target = entry.target.strip()
        if not can_open(target):
            scheme = target.split(":", 1)[0] if ":" in target else "this"
            self.notify(
                f"Not opened: {scheme} links are not handed to the browser (y copies it)",
                severity="warning",
                markup=False,
                timeout=4,
            )
            return
        if webbrowser.open(target):
            self.notify(f"Opened {target}", markup=False, timeout=3)
        else:
            self.notify("No browser could be started", severity="warning", markup=False)
        self.dismiss(None)

    def action_copy(self) -> None:
        entry = self.chosen
        if entry is None:
            return
        self.app.copy_to_clipboard(entry.target)
        self.notify(f"Copied {entry.target}", markup=False, timeout=3)
        self.dismiss(None)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
