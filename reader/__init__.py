"""post-reader: a terminal reader for blog posts and the discussions under them."""

from __future__ import annotations

__version__ = "0.1.0"
