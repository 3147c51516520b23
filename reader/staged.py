"""A post read up to its comment thread, and the rest of the work.

A module of its own, light to import: the interactive reader holds staged posts while
a second process parses, and must not pay for loading the parser to do so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.model import Post

if TYPE_CHECKING:
    from reader.parse.blocks import Block
    from reader.parse.thread import ThreadPlan


@dataclass
class StagedPost:
    """A post parsed up to its comment thread, and the rest of the work.

    ``body`` has everything but the comments (its ``comments`` is empty, its header and
    page chrome are known). ``finish()`` reads the thread and returns the whole post;
    the reader can show the body while a long thread is read.
    """

    body: Post
    comment_blocks: list[Block]
    file_names: bool
    plan: ThreadPlan | None = None
    source: str = ""
    """The text parsed: a long thread's plan is completed from it when it is read."""

    @property
    def comments_pending(self) -> int:
        """Blocks of comment thread still to read (0: ``body`` is the whole post)."""
        return len(self.comment_blocks)

    def finish(self) -> Post:
        if not self.comment_blocks:
            return self.body
        from reader.parse.post import read_thread  # the parser, only when there is work

        return read_thread(self)
