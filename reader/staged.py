"""A post whose comment thread may still be being read, and the kinds there are.

A module of its own, light to import: the interactive reader holds these while a
second process parses, and must not pay for loading the parser to do so.

- :class:`PendingPost` is what the reader depends on: the post without its thread
  (``body``), about how many comments are still to read, and ``finish()``.
- :class:`StagedPost` is the thread still to read here (``reader.parse`` made it).
- :class:`ReadPost` is a post read whole: nothing is pending.
- The kind read in a second process lives with it, in ``reader.prefetch``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from reader.model import Post

if TYPE_CHECKING:
    from reader.parse.blocks import Block
    from reader.parse.thread import ThreadPlan


class PendingPost(Protocol):
    """A post whose comment thread may still be being read."""

    @property
    def body(self) -> Post:
        """The post without its comments (its header and its chrome are known)."""
        ...

    @property
    def comments_pending(self) -> int:
        """About how many comments are still to read (0: ``finish()`` has no work)."""
        ...

    def finish(self) -> Post:
        """The whole post, its thread read (once; later calls give the same post)."""
        ...


@dataclass
class StagedPost:
    """A post parsed up to its comment thread, the thread to be read here.

    ``body`` has everything but the comments; ``finish()`` reads the thread (the reader
    can show the body while a long thread is read).
    """

    body: Post
    comment_blocks: list[Block]
    file_names: bool
    plan: ThreadPlan | None = None
    source: str = ""
    """The text parsed: a long thread's plan is completed from it when it is read."""
    comments_expected: int = 0
    """About how many comments the thread holds (counted or sampled while staging)."""
    _whole: Post | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def comments_pending(self) -> int:
        if self._whole is not None or not self.comment_blocks:
            return 0
        return max(1, self.comments_expected)

    def finish(self) -> Post:
        if not self.comment_blocks:
            return self.body
        if self._whole is None:
            from reader.parse.post import read_thread  # the parser, only when there is work

            self._whole = read_thread(self)
        return self._whole


@dataclass(frozen=True)
class ReadPost:
    """A post read whole: nothing pending."""

    post: Post

    @property
    def body(self) -> Post:
        return self.post

    @property
    def comments_pending(self) -> int:
        return 0

    def finish(self) -> Post:
        return self.post
