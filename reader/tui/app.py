"""The reader application."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, TextArea

from reader.export import to_markdown
from reader.model import Post
from reader.resources import stylesheet_path


class ReaderApp(App[None]):
    """Shows a parsed post."""

    CSS_PATH = str(stylesheet_path())
    BINDINGS = [Binding("q,ctrl+q", "quit", "Quit", id="quit")]

    def __init__(self, post: Post) -> None:
        super().__init__()
        self.post = post

    def compose(self) -> ComposeResult:
        yield TextArea(to_markdown(self.post), read_only=True, soft_wrap=True, id="document")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.post.title


def make_app(post: Post) -> ReaderApp:
    """The one way to build the app: used by the command line and by every test."""
    return ReaderApp(post)
