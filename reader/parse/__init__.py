"""text → Post. One entry point, :func:`parse_post`; one module per concern.

The steps, each linear in the size of the text:

1. ``blocks``: split into blocks at blank lines, keeping offsets;
2. ``boilerplate``: set aside Project Gutenberg wrappers, comment forms, share lines;
3. ``comments``: find the comments header and read the thread under it;
4. ``headings``: find the title and the headings of the body;
5. ``sections``: group body paragraphs under headings, or infer sections (``infer``);
6. ``artifacts``: mark scrape debris inside paragraphs.

The entry points load the parser when first asked for: the web readers use one step
(``infer``) and should not pay for importing all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.parse.post import parse_in_stages, parse_post
    from reader.staged import StagedPost

__all__ = ["StagedPost", "parse_in_stages", "parse_post"]


def __getattr__(name: str) -> Any:
    if name in ("parse_in_stages", "parse_post"):
        from reader.parse import post

        return getattr(post, name)
    if name == "StagedPost":
        from reader.staged import StagedPost

        return StagedPost
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
