"""The sidebar: every section (two levels where the post has them), then the comments."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Post
from reader.visible import visible

COMMENTS_OPTION = "comments"


def comments_label(post: Post, pending: bool = False) -> str:
    shown = len(post.comments)
    declared = post.comments_header.declared_count if post.comments_header else None
    if pending:
        return "Comments…"
    if declared is not None and declared != shown:
        return f"Comments {shown}/{declared}"
    return f"Comments {shown}" if shown else "No comments"


class SectionList(OptionList):
    """Section titles; choosing one jumps there, the last entry goes to the comments."""

    @dataclass
    class SectionChosen(Message):
        """A section was chosen (its index in the post)."""

        section: int

    class CommentsChosen(Message):
        """The "Comments" entry was chosen."""

    def __init__(self, post: Post, *, pending: bool = False, id: str | None = None) -> None:
        options = []
        for index, section in enumerate(post.sections):
            indent = "  " * (section.level - 1)
            # Content(...) keeps text from the document from being read as markup.
            prompt = Content(indent + visible(section.title))
            if section.title_inferred:
                prompt = prompt.stylize("italic")
            options.append(Option(prompt, id=f"section-{index}"))
        options.append(Option(Content(comments_label(post, pending)), id=COMMENTS_OPTION))
        super().__init__(*options, id=id)
        self.section_count = len(post.sections)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id == COMMENTS_OPTION:
            self.post_message(self.CommentsChosen())
        else:
            self.post_message(self.SectionChosen(event.option_index))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()  # moving the highlight is not a jump; only choosing is

    def follow(self, section: int) -> None:
        """Highlight the section being read (scroll-spy)."""
        if 0 <= section < self.section_count and self.highlighted != section:
            self.highlighted = section

    def show_thread(self, post: Post) -> None:
        """The thread has been read (it was pending): count it."""
        self.replace_option_prompt(COMMENTS_OPTION, Content(comments_label(post)))
