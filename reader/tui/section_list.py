"""The sidebar: every section (a heading's subsections fold under it), then the comments."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.events import Blur
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Post, Section
from reader.visible import visible

COMMENTS_OPTION = "comments"
FOLD_ABOVE = 40
"""A post with more sections than this opens with its subsections folded (a book's
hundreds of chapters under its dozen parts); a shorter one opens unfolded."""
_FOLDED_MARK, _OPEN_MARK = "▸ ", "▾ "


def comments_label(post: Post, pending: bool = False) -> str:
    shown = len(post.comments)
    declared = post.comments_header.declared_count if post.comments_header else None
    if pending:
        return "Comments…"
    if declared is not None and declared != shown:
        return f"Comments {shown}/{declared}"
    return f"Comments {shown}" if shown else "No comments"


def section_parents(sections: tuple[Section, ...]) -> list[int | None]:
    """Each section's parent: the nearest section before it of a lower level."""
    parents: list[int | None] = []
    open_headings: list[int] = []  # the chain of headings the next section may be under
    for index, section in enumerate(sections):
        while open_headings and sections[open_headings[-1]].level >= section.level:
            open_headings.pop()
        parents.append(open_headings[-1] if open_headings else None)
        open_headings.append(index)
    return parents


def section_path(sections: tuple[Section, ...], parents: list[int | None], index: int) -> str:
    """A section's title after its parents' (``BOOK ONE › CHAPTER IX``)."""
    titles = []
    at: int | None = index
    while at is not None:
        titles.append(visible(sections[at].title))
        at = parents[at]
    return " › ".join(reversed(titles))


def has_thread(post: Post, pending: bool = False) -> bool:
    """Whether the post has a thread to show: comments, comments still being read, or a
    page that declares some (the panel says none of them are in this copy)."""
    declared = post.comments_header.declared_count if post.comments_header else None
    return bool(post.comments) or pending or bool(declared)


class SectionList(OptionList):
    """Section titles; choosing one jumps there, the last entry goes to the comments."""

    BINDINGS = [
        Binding("j", "cursor_down", "Next entry", id="sections.down", show=False),
        Binding("k", "cursor_up", "Previous entry", id="sections.up", show=False),
        Binding("g", "first", "First entry", id="sections.first", show=False),
        Binding("G", "last", "Last entry", id="sections.last", show=False),
        Binding(
            "l,right",
            "expand",
            "Unfold",
            id="sections.expand",
            show=False,
            tooltip="Unfold a heading's subsections",
        ),
        Binding(
            "h,left",
            "collapse",
            "Fold",
            id="sections.collapse",
            show=False,
            tooltip="Fold a heading's subsections (on a subsection: go to its heading)",
        ),
    ]

    @dataclass
    class SectionChosen(Message):
        """A section was chosen (its index in the post)."""

        section: int

    class CommentsChosen(Message):
        """The "Comments" entry was chosen."""

    def __init__(self, post: Post, *, pending: bool = False, id: str | None = None) -> None:
        self._post = post
        self._pending = pending
        self.parents = section_parents(post.sections)
        self._has_children = [False] * len(post.sections)
        for parent in self.parents:
            if parent is not None:
                self._has_children[parent] = True
        self._folded: set[int] = set()
        if len(post.sections) > FOLD_ABOVE:
            self._folded = {i for i, has in enumerate(self._has_children) if has}
        self._reading = 0
        super().__init__(*self._entries(), id=id)
        self.section_count = len(post.sections)

    # --- the entries ---------------------------------------------------------------

    def _is_shown(self, index: int) -> bool:
        parent = self.parents[index]
        while parent is not None:
            if parent in self._folded:
                return False
            parent = self.parents[parent]
        return True

    def _entries(self) -> list[Option]:
        options = []
        for index, section in enumerate(self._post.sections):
            if not self._is_shown(index):
                continue
            indent = "  " * (section.level - 1)
            if self._has_children[index]:
                indent += _FOLDED_MARK if index in self._folded else _OPEN_MARK
            # Content(...) keeps text from the document from being read as markup.
            prompt = Content(indent + visible(section.title))
            if section.title_inferred:
                prompt = prompt.stylize("italic")
            options.append(Option(prompt, id=f"section-{index}"))
        # A post without comments has no entry for them (the panel is hidden too).
        if has_thread(self._post, self._pending):
            label = comments_label(self._post, self._pending)
            options.append(Option(Content(label), id=COMMENTS_OPTION))
        return options

    def _rebuild(self, highlight: int | None) -> None:
        self.set_options(self._entries())
        if highlight is not None:
            self.highlighted = self._option_of(highlight)

    def _option_of(self, section: int) -> int:
        """The entry showing a section: its own, or its folded heading's."""
        while not self._is_shown(section):
            parent = self.parents[section]
            assert parent is not None  # a top-level section is always shown
            section = parent
        return self.get_option_index(f"section-{section}")

    @property
    def highlighted_section(self) -> int | None:
        """The section under the sidebar's cursor (None: the comments entry or nothing)."""
        option = self.highlighted_option
        if option is None or option.id is None or not option.id.startswith("section-"):
            return None
        return int(option.id.removeprefix("section-"))

    def is_folded(self, section: int) -> bool:
        return section in self._folded

    # --- keys and messages -----------------------------------------------------------

    def action_expand(self) -> None:
        section = self.highlighted_section
        if section is not None and section in self._folded:
            self._folded.discard(section)
            self._rebuild(section)

    def action_collapse(self) -> None:
        section = self.highlighted_section
        if section is None:
            return
        if self._has_children[section] and section not in self._folded:
            self._folded.add(section)
            self._rebuild(section)
        elif self.parents[section] is not None:
            self.highlighted = self._option_of(self.parents[section])  # type: ignore[arg-type]

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id == COMMENTS_OPTION:
            self.post_message(self.CommentsChosen())
        elif event.option_id is not None:
            self.post_message(self.SectionChosen(int(event.option_id.removeprefix("section-"))))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # moving the highlight is not a jump; only choosing is

    def on_blur(self, event: Blur) -> None:
        # Arrows move the highlight without jumping; leaving without choosing puts it
        # back on the section being read.
        self._highlight_reading()

    def _highlight_reading(self) -> None:
        if 0 <= self._reading < self.section_count:
            option = self._option_of(self._reading)
            if self.highlighted != option:
                self.highlighted = option

    def follow(self, section: int) -> None:
        """Highlight the section being read (scroll-spy), or its folded heading."""
        if not 0 <= section < self.section_count:
            return
        self._reading = section
        if not self.has_focus:  # while the reader chooses here, the cursor is theirs
            self._highlight_reading()

    def show_thread(self, post: Post) -> None:
        """The thread has been read (it was pending): count it."""
        self._post, self._pending = post, False
        self._rebuild(self._reading)
