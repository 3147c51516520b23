"""The baseline for first paint and memory: a Textual app that shows one Static."""

from textual.app import App, ComposeResult
from textual.widgets import Static

GREETING = "Hello, this is a bare Textual app showing one Static."


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(GREETING)


if __name__ == "__main__":
    Bare().run()
