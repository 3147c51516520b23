"""The help screen: every key binding, as it is mapped right now."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.tui.keys import KeyGroup, what_it_does


class HelpScreen(ModalScreen[None]):
    """Lists the key map, grouped by where each key works."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        # The text pane's keys, so the help reads like the text does.
        Binding("j,down", "scroll(1)", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", show=False, id="help.up"),
        Binding("space,pagedown", "page(1)", show=False, id="help.page_down"),
        Binding("b,pageup", "page(-1)", show=False, id="help.page_up"),
        Binding("g,home", "edge(0)", show=False, id="help.top"),
        Binding("G,end", "edge(1)", show=False, id="help.bottom"),
    ]

    def __init__(self, groups: list[KeyGroup], keys_of: Callable[[Binding], str]) -> None:
        super().__init__()
        self.groups = groups
        self.keys_of = keys_of

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=False, show_header=False, padding=(0, 1))
        table.add_column("keys", style="bold", no_wrap=True, min_width=16)
        table.add_column("does")
        for group in self.groups:
            table.add_row(Text(group.title, style="bold underline"), Text(""))
            for binding in group.bindings:
                table.add_row(Text(self.keys_of(binding)), Text(what_it_does(binding)))
            table.add_row(Text(""), Text(""))
        with VerticalScroll(id="help-body"):
            yield Static(Text("post-reader keys — escape closes", style="bold"), id="help-title")
            yield Static(table, id="help-table")

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, step: int) -> None:
        self.body.scroll_relative(y=step, animate=False)

    def action_page(self, step: int) -> None:
        body = self.body
        body.scroll_relative(
            y=step * max(1, body.scrollable_content_region.height - 1), animate=False
        )

    def action_edge(self, bottom: int) -> None:
        body = self.body
        body.scroll_to(y=body.max_scroll_y if bottom else 0, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
