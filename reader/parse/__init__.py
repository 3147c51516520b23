"""text → Post. One entry point, :func:`parse_post`; one module per concern.

The steps, each linear in the size of the text:

1. ``blocks``: split into blocks at blank lines, keeping offsets;
2. ``boilerplate``: set aside Project Gutenberg wrappers, comment forms, share lines;
3. ``comments``: find the comments header and read the thread under it;
4. ``headings``: find the title and the headings of the body;
5. ``sections``: group body paragraphs under headings, or infer sections (``infer``);
6. ``artifacts``: mark scrape debris inside paragraphs.
"""

from __future__ import annotations

from reader.parse.post import parse_in_stages, parse_post
from reader.staged import StagedPost

__all__ = ["StagedPost", "parse_in_stages", "parse_post"]
