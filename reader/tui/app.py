"""The reader application: lays out the panes and routes messages between them.

Widgets never reach into each other: each gets the post through its constructor and
reports what the reader did with a message; this class decides what happens next.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import RenderableType
from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, Keymap
from textual.command import CommandPalette
from textual.containers import Horizontal
from textual.keys import format_key
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Footer, Input

from reader.config import DEFAULT_LINE_LENGTH
from reader.model import Post
from reader.resources import stylesheet_path
from reader.search import COMMENTS_HEADER_BLOCK, Match, Query
from reader.search_session import SearchSession
from reader.staged import PendingPost
from reader.tui.commands import (
    CommentCommands,
    ReaderCommandPalette,
    ReaderCommands,
    SectionCommands,
)
from reader.tui.comment_tree import CommentTree
from reader.tui.document_view import DocumentView
from reader.tui.header import ReaderHeader
from reader.tui.help import HelpScreen
from reader.tui.keys import KeyGroup, bindings_of, keys_of
from reader.tui.search_bar import SearchBar
from reader.tui.section_list import SectionList, has_thread, section_parents, section_path
from reader.visible import visible

if TYPE_CHECKING:
    from reader.state import Memory, Place  # loaded when a place is saved, not to start

READ_AT_ONCE = 500
"""Comments read before the first frame; a longer thread is read in a worker thread
while the post is shown."""


_MANY_MATCHES = 10_000
"""A search with this many matches settles the collector (see below)."""


def _settle_collector() -> None:
    """Collect now, then move what is left out of the cycle collector's sight.

    The parsed post, the wrapped rows and the matches of a common word are tens of
    thousands of long-lived objects; left in view, the collector's full passes walk
    them all in the middle of key handling. They hold no cycles and are still freed by
    reference counting. Collecting first means no garbage is frozen with them.
    """
    gc.collect()
    gc.freeze()


class ReaderApp(App[None]):
    """Sections on the left, text in the middle, the comment thread below."""

    CSS_PATH = str(stylesheet_path())
    TITLE = "post-reader"
    COMMANDS = App.COMMANDS | {SectionCommands, CommentCommands, ReaderCommands}
    ENABLE_COMMAND_PALETTE = True
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (40, "-wide")]
    # A maximized pane keeps the title, the search bar and the keys around it.
    ALLOW_IN_MAXIMIZED_VIEW = "ReaderHeader, SearchBar, Footer"

    BINDINGS = [
        # Priority: the app handles `/` before passing keys on, so the keys typed right
        # after it reach the search bar and not the pane that had focus.
        Binding(
            "slash,ctrl+f",
            "search",
            "Search",
            id="search",
            key_display="/",
            tooltip="Find in the post (incremental)",
            priority=True,
        ),
        Binding(
            "n",
            "next_match",
            "Next match",
            id="next_match",
            show=False,
            tooltip="Next match (wraps around)",
        ),
        Binding(
            "N",
            "previous_match",
            "Previous match",
            id="previous_match",
            show=False,
            tooltip="Previous match (wraps around)",
        ),
        Binding(
            "escape",
            "close_search",
            "Close the search",
            id="close_search",
            show=False,
            tooltip="Close the search bar and clear the highlights",
        ),
        Binding(
            "right_square_bracket",
            "next_section",
            "Next section",
            id="next_section",
            key_display="]",
        ),
        Binding(
            "left_square_bracket",
            "previous_section",
            "Previous section",
            id="previous_section",
            key_display="[",
            show=False,
        ),
        Binding(
            "tab",
            "focus_next",
            "Pane",
            id="focus_next",
            key_display="tab",
            tooltip="Focus the next pane: sections, text, comments",
        ),
        Binding("shift+tab", "focus_previous", "Previous pane", id="focus_previous", show=False),
        Binding(
            "c",
            "toggle_comments",
            "Comments",
            id="toggle_comments",
            tooltip="Show or hide the comments panel",
        ),
        Binding(
            "s",
            "toggle_sidebar",
            "Sidebar",
            id="toggle_sidebar",
            tooltip="Show or hide the section sidebar",
        ),
        Binding(
            "z",
            "comments_full_screen",
            "Comments full screen",
            id="comments_full_screen",
            show=False,
            tooltip="Grow the comments panel to the full screen, and back",
        ),
        Binding(
            "greater_than_sign",
            "resize_comments(2)",
            "Taller comments",
            id="comments_taller",
            key_display=">",
            show=False,
            tooltip="Make the comments panel taller (or drag its top border)",
        ),
        Binding(
            "less_than_sign",
            "resize_comments(-2)",
            "Shorter comments",
            id="comments_shorter",
            key_display="<",
            show=False,
            tooltip="Make the comments panel shorter",
        ),
        Binding(
            "C",
            "go_to_comments",
            "Go to the comments",
            id="go_to_comments",
            show=False,
            tooltip="Go to the comments (showing them)",
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Palette",
            id="command_palette",
            show=False,
            priority=True,
            tooltip="Command palette: jump to a section, run an action",
        ),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
        Binding("q,ctrl+q", "quit", "Quit", id="quit", key_display="q"),
    ]

    def __init__(
        self,
        post: Post | PendingPost,
        *,
        line_length: int = DEFAULT_LINE_LENGTH,
        memory: Memory | None = None,
    ) -> None:
        super().__init__()
        self.line_length = line_length
        """Columns of the text pane's measure (0: the pane's full width), from the settings."""
        self._init_place(memory)
        self._pending: PendingPost | None = None
        if not isinstance(post, Post):
            if post.comments_pending > READ_AT_ONCE:
                self._pending = post
                post = post.body
            else:
                post = post.finish()
        self.post: Post = post
        self._parents = section_parents(post.sections)
        self._search = SearchSession(post)
        self._return_focus: Widget | None = None
        self._last_place: tuple[str, int] | None = None
        """Where the current match was when the search was closed (`n` goes on from it)."""
        self.keymap_in_force: dict[str, str] = {}
        """Keys remapped by binding id (what ``set_keymap``/``update_keymap`` were given)."""

    # --- layout ---------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The panes are made here and kept: the app talks to them while the help or the
        # palette is the active screen, where a query would not find them.
        pending = self.comments_pending
        self._header = ReaderHeader(visible(self.post.title), id="header")
        self._sections = SectionList(self.post, pending=pending, id="sections")
        self._document = DocumentView(self.post, measure=self.line_length, id="document")
        self._comments = CommentTree(self.post, pending=pending, id="comments")
        self._search_bar = SearchBar(id="search-bar", classes="-hidden")
        yield self._header
        with Horizontal(id="body"):
            yield self._sections
            yield self._document
        yield self._comments
        yield self._search_bar
        yield Footer()

    @property
    def document(self) -> DocumentView:
        return self._document

    @property
    def comment_tree(self) -> CommentTree:
        return self._comments

    @property
    def section_list(self) -> SectionList:
        return self._sections

    @property
    def search_bar(self) -> SearchBar:
        return self._search_bar

    def on_mount(self) -> None:
        # The parsed post and the panes live as long as the app (see _settle_collector);
        # only freeze here: a full collection would delay the first frame.
        gc.freeze()
        self.title = visible(self.post.title)
        self.sub_title = visible(self.post.source.name)
        self.document.focus()
        self._show_thread_panel()
        self._update_header(0, 0.0)
        if self._pending is not None:
            self.run_worker(self._read_thread, name="comments", thread=True)
        if self.post.source.replaced_bytes:
            count = self.post.source.replaced_bytes
            self.notify(
                f"{count} undecodable byte sequence{'s' if count != 1 else ''} shown as �",
                title="Encoding",
                severity="warning",
                markup=False,
            )

    # --- a long thread, read while the post is shown ---------------------------------

    @property
    def comments_pending(self) -> bool:
        """True while a long comment thread is still being read (in a worker thread)."""
        return self._pending is not None

    @dataclass
    class ThreadRead(Message):
        """The long comment thread has been read (sent from the worker thread)."""

        post: Post

    def _read_thread(self) -> None:
        assert self._pending is not None
        post = self._pending.finish()  # the parser never raises on any text
        # Thread-safe, and dropped if the reader was closed meanwhile.
        self.post_message(self.ThreadRead(post))

    @on(ThreadRead)
    def _thread_read(self, event: ThreadRead) -> None:
        post = event.post
        self._pending = None
        self.post = post
        self.comment_tree.show_thread(post)
        self.section_list.show_thread(post)
        self._show_thread_panel()
        self._update_header(self.document.current_section, self.document.progress)
        searching = self._search.query is not None
        self._search.recount(post)
        if searching:
            self._paint_matches()
        _settle_collector()  # the thread lives as long as the app

    # --- header and scroll-spy ------------------------------------------------------

    def section_path(self, section: int) -> str:
        """A section's title after its parents' (``BOOK ONE › CHAPTER IX``)."""
        return section_path(self.post.sections, self._parents, section)

    def _update_header(self, section: int, progress: float) -> None:
        sections = self.post.sections
        shown = len(self.post.comments)
        declared = self.post.comments_header.declared_count if self.post.comments_header else None
        parts = []
        if sections:
            parts.append(f"§{section + 1}/{len(sections)}")
        parts.append(f"{round(progress * 100)}%")
        if self._pending is not None:
            parts.append("reading comments…")
        elif declared is not None and declared != shown:
            parts.append(f"{shown} of {declared} comments")  # the page has more than read
        elif shown:
            parts.append(f"{shown} comment{'s' if shown != 1 else ''}")
        else:
            parts.append("no comments")
        self._header.show_status(" · ".join(parts))
        # Where in the post: a book's many "CHAPTER IX" are told apart by their part.
        here = sections[section] if 0 <= section < len(sections) else None
        inferred = here is None or (here.title_inferred and self._parents[section] is None)
        self._header.show_section("" if inferred else self.section_path(section))

    @on(DocumentView.LayoutComplete)
    def _layout_complete(self) -> None:
        _settle_collector()  # the wrapped rows live until the next resize

    @on(DocumentView.PositionChanged)
    def _position_changed(self, event: DocumentView.PositionChanged) -> None:
        self.section_list.follow(event.section)
        self._update_header(event.section, event.progress)

    # --- sections -------------------------------------------------------------------

    def go_to_section(self, section: int) -> None:
        self.document.go_to_section(section)

    @on(SectionList.SectionChosen)
    def _section_chosen(self, event: SectionList.SectionChosen) -> None:
        self.go_to_section(event.section)
        self.document.focus()

    @on(SectionList.CommentsChosen)
    def _comments_chosen(self) -> None:
        self.action_go_to_comments()

    def action_next_section(self) -> None:
        current = self.document.current_section
        if current + 1 < len(self.post.sections):
            self.go_to_section(current + 1)
        elif self.post.sections:
            self.notify("This is the last section", markup=False, timeout=2)

    def action_previous_section(self) -> None:
        current = self.document.current_section
        # From inside a section, [ goes back to its start first, like a book's page.
        if self.post.sections and self.document.top_row > self.document.first_row_of_section(
            current
        ):
            self.go_to_section(current)
        elif current > 0:
            self.go_to_section(current - 1)

    # --- panes ----------------------------------------------------------------------

    @property
    def has_thread(self) -> bool:
        """Whether the post has comments (or is reading them, or its page declares some)."""
        return has_thread(self.post, self._pending is not None)

    def _show_thread_panel(self) -> None:
        # A post without comments gives their panel no room (the header says so).
        # Set inline, and cleared when there is a thread: `c` shows and hides the panel
        # with a class, which an inline display would override.
        tree = self.comment_tree
        if self.has_thread:
            tree.styles.clear_rule("display")
        else:
            tree.styles.display = "none"
            if tree.has_focus:
                self.document.focus()

    def _show_comments(self, show: bool) -> None:
        tree = self.comment_tree
        if not show and tree.is_maximized:
            self.screen.minimize()
        tree.set_class(not show, "-hidden")
        if not show and tree.has_focus:
            self.document.focus()

    def _say_no_comments(self) -> bool:
        if self.has_thread:
            return False
        self.notify("This post has no comments", markup=False, timeout=2)
        return True

    def action_toggle_comments(self) -> None:
        if not self._say_no_comments():
            self._show_comments(self.comment_tree.has_class("-hidden"))

    def action_toggle_sidebar(self) -> None:
        sidebar = self.section_list
        hide = not sidebar.has_class("-hidden")
        sidebar.set_class(hide, "-hidden")
        if hide and sidebar.has_focus:
            self.document.focus()

    def action_go_to_comments(self) -> None:
        if self._say_no_comments():
            return
        self._show_comments(True)
        self.comment_tree.focus()

    def action_comments_full_screen(self) -> None:
        """The comments as the whole screen (Textual's maximize, so `escape` and the
        palette's Minimize bring the text back too), and back."""
        tree = self.comment_tree
        if tree.is_maximized:
            self.screen.minimize()
            return
        self.action_go_to_comments()
        self.screen.maximize(tree, container=False)

    def action_resize_comments(self, step: int) -> None:
        tree = self.comment_tree
        if tree.has_class("-hidden"):
            self._show_comments(True)
        elif tree.is_maximized:
            if step < 0:
                self.screen.minimize()
        else:
            tree.resize_by(step)

    def _show_document(self) -> None:
        """Bring back the text pane when the comments fill the screen (a match in it)."""
        screen = self.screen_stack[0]
        if screen.maximized is not None and screen.maximized is not self.document:
            screen.minimize()

    @property
    def escape_to_minimize(self) -> bool:
        # In the search bar `escape` closes the bar, even over a maximized pane.
        focused = self.focused
        if focused is not None and self.search_bar in focused.ancestors_with_self:
            return False
        return super().escape_to_minimize

    def go_to_comment(self, comment_id: str) -> None:
        """Show a comment (unfolding its parents) with the cursor on it."""
        self._show_comments(True)
        self.comment_tree.reveal(comment_id)
        self.comment_tree.focus()

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(ReaderCommandPalette(id="--command-palette"))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_groups(), self.keys_of))

    # --- keys -----------------------------------------------------------------------

    def key_groups(self) -> list[KeyGroup]:
        """Every binding of the reader, by where it works (help and palette read these)."""
        return [
            KeyGroup("Anywhere", bindings_of(self.BINDINGS), lambda app: app),
            KeyGroup("Text", bindings_of(DocumentView.BINDINGS), lambda _: self.document),
            KeyGroup("Comments", bindings_of(CommentTree.BINDINGS), lambda _: self.comment_tree),
            KeyGroup("Sections", bindings_of(SectionList.BINDINGS), lambda _: self.section_list),
            KeyGroup("Search bar", bindings_of(SearchBar.BINDINGS), lambda _: self.search_bar),
        ]

    def get_key_display(self, binding: Binding) -> str:
        # One notation everywhere (footer, help, palette, README): `ctrl+p`, as typed in
        # a keymap, not Textual's `^p`.
        if binding.key_display:
            return binding.key_display
        modifiers, key = binding.parse_key()
        return "+".join([*modifiers, format_key(key)])

    def keys_of(self, binding: Binding) -> str:
        """A binding's keys as they are mapped now, written for people."""
        return keys_of(self, binding, self.keymap_in_force)

    def set_keymap(self, keymap: Keymap) -> None:
        super().set_keymap(keymap)
        self.keymap_in_force = dict(keymap)
        self.refresh_bindings()

    def update_keymap(self, keymap: Keymap) -> None:
        super().update_keymap(keymap)
        self.keymap_in_force.update(keymap)
        self.refresh_bindings()

    # --- search ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":
            # In the search bar `/` is a character to search for; elsewhere on top of
            # the reader (help, palette) it is not ours.
            focused = self.focused
            if focused is not None and self.search_bar in focused.ancestors_with_self:
                return False
            return self.screen is self.screen_stack[0]
        if action == "close_search":
            # Escape while reading closes a search kept open by enter; with no search
            # the key is not ours (the bar's own escape works while it has the keys).
            return self.screen is self.screen_stack[0] and self.search_bar.display
        return True

    def action_search(self) -> None:
        focused = self.focused
        if focused is not None and self.search_bar not in focused.ancestors_with_self:
            self._return_focus = focused
        self.search_bar.open(return_to=self._focus_after_search())

    @on(SearchBar.QueryChanged)
    def _query_changed(self, event: SearchBar.QueryChanged) -> None:
        if event.query != self._search.query:  # not already searched by a key typed ahead
            self._run_search(event.query)

    @on(SearchBar.Submitted)
    def _search_submitted(self) -> None:
        self._restore_focus()

    def action_close_search(self) -> None:
        self.search_bar.close()

    @on(SearchBar.Closed)
    def _search_closed(self) -> None:
        if self._search.query is not None:  # a second escape keeps the first's place
            match = self._search.current_match
            self._last_place = (match.block_id, match.start) if match is not None else None
        self._search.clear()
        self._paint_matches()
        self.search_bar.add_class("-hidden")
        focused = self.focused
        if focused is None or self.search_bar in focused.ancestors_with_self:
            self._restore_focus()

    def _focus_after_search(self) -> Widget:
        target = self._return_focus
        if target is None or not target.is_attached or not target.display:
            target = self.document
        return target

    def _restore_focus(self) -> None:
        self.screen.set_focus(self._focus_after_search())  # at once: the next key is the pane's

    def _run_search(self, query: Query) -> None:
        self._search.run(query, self.document.reading_block())
        if len(self._search.matches) >= _MANY_MATCHES:
            _settle_collector()
        self._paint_matches()
        if self._search.error is None:
            self._show_current()

    def _paint_matches(self) -> None:
        """Give both views every match (once per query), then the current one."""
        by_block = self._search.marks()
        in_document = {b: s for b, s in by_block.items() if self.document.shows_block(b)}
        self.document.set_marks(in_document)
        self.comment_tree.set_marks({b: s for b, s in by_block.items() if b not in in_document})
        self._paint_current()

    def _paint_current(self) -> None:
        match = self._search.current_match
        current = (match.block_id, match.start, match.end) if match is not None else None
        self.document.set_current(current)
        self.comment_tree.set_current(current)
        self.search_bar.show_status(self._search.status(), error=self._search.error is not None)

    def _show_current(self) -> None:
        match = self._search.current_match
        if match is None:
            return
        if self.document.shows_block(match.block_id):
            self._show_document()
            self.document.reveal_match(match.block_id, match.start)
        elif match.block_id == COMMENTS_HEADER_BLOCK:
            self._show_comments(True)
        else:
            self._show_comments(True)
            self.comment_tree.reveal_match(match.block_id, match.start)

    def _step_match(self, step: int) -> None:
        query = self.search_bar.query_value
        if query != self._search.query and query.text.strip():
            # Typed faster than the search bar reported its query (`/word` enter `n` in
            # one burst): search for what is in the bar before stepping.
            self._run_search(query)
        elif self._search.query is None and self.search_bar.history:
            self._resume_search(step)
            return
        if not self._search.matches:
            self.notify("No search: press / to find text", markup=False, timeout=2)
            return
        wrapped = self._search.step(step)
        if wrapped is not None:
            self.notify(f"Search wrapped to the {wrapped}", markup=False, timeout=2)
        self._paint_current()
        self._show_current()

    def _resume_search(self, step: int) -> None:
        """`n` after the search was closed: search again for the last query, step on
        from the match that was current, and show the bar (unfocused) with the count."""
        bar = self.search_bar
        query = Query(bar.history[-1], regex=bar.regex)
        bar.show_query(query.text)
        bar.remove_class("-hidden")
        place = self._last_place
        self._search.run(query, place or self.document.reading_block())
        if place is not None:
            self._search.step(step)  # from the match that was current to the next
        self._paint_matches()
        self._show_current()

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    @property
    def search(self) -> SearchSession:
        """The search the reader is in: its matches and the current one."""
        return self._search

    @property
    def match_count(self) -> int:
        return len(self._search.matches)

    @property
    def current_match(self) -> Match | None:
        return self._search.current_match

    # --- settings and the place kept between sessions ---------------------------------

    def _init_place(self, memory: Memory | None) -> None:
        self._memory = memory
        """The document's remembered place (None: nothing is remembered)."""
        self._place_restored = False
        self._place_saved = False
        self.notices: list[str] = []
        """Warnings to show once the reader is up (a setting that was wrong, say)."""
        self.place_warning: str | None = None
        """Why the place could not be saved at the end (for the command line to say)."""

    def binding_ids(self) -> set[str]:
        """Every binding id a keymap can remap."""
        return {b.id for group in self.key_groups() for b in group.bindings if b.id}

    @on(events.Mount)
    def _restore_place_on_mount(self) -> None:
        for notice in self.notices:
            self.notify(notice, title="Settings", severity="warning", markup=False, timeout=8)
        memory = self._memory
        if memory is None:
            return
        self.app_suspend_signal.subscribe(self, self._save_place_on_suspend, immediate=True)
        if memory.warning is not None:
            self.notify(memory.warning, severity="warning", markup=False, timeout=8)
        place = memory.place
        if place is None:
            self._place_restored = True  # nothing to restore: what is shown is the place
            return
        # The last search is the history's newest: `n` searches it again, `/` then `up`
        # brings it back to the bar.
        history = list(place.history)
        if place.query and history[-1:] != [place.query]:
            history.append(place.query)
        self.search_bar.set_history(history)
        # The panes are shown or hidden before the first frame; the position needs the
        # layout, so it is restored just after.
        if not place.sidebar:
            self.section_list.add_class("-hidden")
        if not place.comments:
            self._show_comments(False)
        self.call_after_refresh(self._restore_place)

    def _restore_place(self) -> None:
        place = self._memory.place if self._memory is not None else None
        if place is None:
            return
        moved = self.document.restore_position(place.block, place.offset)
        if not self.comments_pending:
            self.comment_tree.restore_place(place.comment, place.folded)
        self._place_restored = True
        if moved and self.document.top_row > 0:
            section, sections = self.document.current_section, len(self.post.sections)
            where = f"§{section + 1}/{sections} · " if sections else ""
            self.notify(
                f"Back where you were: {where}{round(self.document.progress * 100)}%",
                markup=False,
                timeout=4,
            )

    @on(ThreadRead)
    def _restore_comment_place(self) -> None:
        place = self._memory.place if self._memory is not None else None
        if place is not None:
            self.comment_tree.restore_place(place.comment, place.folded)

    def current_place(self) -> Place:
        """Where the reader is now, to be found again next time."""
        from reader.state import Place

        block, offset = self.document.position()
        old = self._memory.place if self._memory is not None else None
        tree = self.comment_tree
        if self.comments_pending and old is not None:
            comment, folded = old.comment, old.folded  # the thread is not shown yet
        else:
            comment, folded = tree.cursor_id, tuple(tree.folded_ids())
        place = Place(
            block=block,
            offset=offset,
            comment=comment,
            folded=folded,
            history=tuple(self.search_bar.history),
            sidebar=not self.section_list.has_class("-hidden"),
            comments=not tree.has_class("-hidden"),
        )
        query = self._search.query.text if self._search.query is not None else ""
        typed = self.search_bar.query(Input)  # none left once the reader is torn down
        query = query or (typed.first().value if typed else "") or (place.history or ("",))[-1]
        return place.with_search(query)

    def save_place(self) -> None:
        """Save the place (at the end, and when the reader is suspended)."""
        if self._memory is None or not self._place_restored:
            return  # before it was restored, what is shown is not the reader's place
        self.place_warning = self._memory.save(self.current_place())

    def _save_place_on_suspend(self, _: App[None]) -> None:
        self.save_place()
        if self.place_warning is not None:
            self.notify(self.place_warning, severity="warning", markup=False, timeout=8)

    def _set_pointer_shape(self, shape: str) -> None:
        # Textual asks the terminal for a pointer shape (OSC 22) over an input or a
        # selection. The reader writes nothing to the terminal but the screen and, on
        # `y`, the clipboard: a terminal that does not know OSC 22 may show it as text.
        return

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self.save_place()
        self._place_saved = True
        super().exit(result, return_code, message)

    @on(events.Unmount)
    def _save_place_on_unmount(self) -> None:
        if not self._place_saved:  # ended some other way than exit() (a signal, say)
            self.save_place()


def make_app(
    post: Post | PendingPost,
    *,
    line_length: int = DEFAULT_LINE_LENGTH,
    memory: Memory | None = None,
) -> ReaderApp:
    """The one way to build the app: used by the command line and by every test.

    Given a post parsed in stages, the reader shows the body at once and reads a long
    comment thread in a worker thread (a short one is read before the first frame).
    ``line_length`` is the text's measure (0: full width); ``memory`` keeps the place
    in the document between sessions (None: nothing is remembered, as in tests).
    """
    return ReaderApp(post, line_length=line_length, memory=memory)
