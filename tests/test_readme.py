"""README stays true to the reader: every binding id a setting can remap is listed."""

from __future__ import annotations

from pathlib import Path

from reader.model import Post
from reader.tui import make_app

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_binding_id_is_in_the_readme(sample_post: Post) -> None:
    text = README.read_text(encoding="utf-8")
    ids = {
        binding.id
        for group in make_app(sample_post).key_groups()
        for binding in group.bindings
        if binding.id
    }
    missing = sorted(binding_id for binding_id in ids if f"`{binding_id}`" not in text)
    assert ids
    assert missing == []
