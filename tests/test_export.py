"""The JSON contract (post-reader/1), the outline and the Markdown export."""

from __future__ import annotations

import json

from reader.export import to_dict, to_json, to_markdown, to_outline
from reader.model import Comment, Post, Section


def test_json_contract_shape(sample_post: Post) -> None:
    data = json.loads(to_json(sample_post))
    assert data["schema"] == "post-reader/1"
    assert data["source"] == {
        "name": "social-media-and-the-police-3yrs-on.txt",
        "format": "text",
        "encoding": "utf-8",
        "bytes": 12126,
        "url": None,
    }
    assert data["title"] == "Social Media and The Police 3yrs On"
    # Fields of web inputs, added to post-reader/1: known or empty for a text scrape.
    assert (data["author"], data["date"], data["site"], data["links"]) == (None, None, None, [])
    section = data["sections"][0]
    assert set(section) == {"id", "title", "title_inferred", "level", "span", "paragraphs"}
    paragraph = section["paragraphs"][0]
    assert set(paragraph) == {"id", "text", "span", "kind", "artifacts"}
    assert paragraph["kind"] == "text"
    assert paragraph["artifacts"] == [
        {"kind": "image-caption", "text": "falklands-minefield1", "start": 205, "end": 225}
    ]
    header = dict(data["comments_header"])
    assert len(header.pop("span")) == 2
    assert header == {
        "text": "12 thoughts on “Social Media and The Police 3yrs On”",
        "declared_count": 12,
    }
    first, reply, second = data["comments"]
    assert set(first) == {"id", "parent", "depth", "label", "author", "date", "span", "paragraphs"}
    assert (reply["id"], reply["parent"], reply["depth"], reply["label"]) == ("c2", "c1", 1, "1")
    assert second["parent"] is None
    assert [b["text"] for b in data["boilerplate"]][0] == "Leave a Reply"
    assert all(len(b["span"]) == 2 for b in data["boilerplate"])


def test_json_round_trips_unicode_unescaped(sample_post: Post) -> None:
    text = to_json(sample_post)
    assert "“" in text and "\\u201c" not in text
    assert json.loads(text) == to_dict(sample_post)


def _chain(depth: int) -> Post:
    comments = tuple(
        Comment(
            id=f"c{i}",
            parent=None if i == 1 else f"c{i - 1}",
            depth=i - 1,
            label=None,
            author=f"a{i}",
            date=None,
            paragraphs=(),
            replies=() if i == depth else (f"c{i + 1}",),
        )
        for i in range(1, depth + 1)
    )
    return Post(title="t", sections=(Section("s1", "t", True, 1, ()),), comments=comments)


def test_a_deep_chain_dumps_without_recursion() -> None:
    post = _chain(5000)
    data = json.loads(to_json(post))
    assert data["comments"][-1]["depth"] == 4999
    outline = to_outline(post)
    assert max(len(line) for line in outline.splitlines()) < 200
    markdown = to_markdown(post)
    assert max(len(line) for line in markdown.splitlines()) < 200
    assert list(post.descendants("c1"))[-1].id == "c5000"


def test_outline_of_the_sample(sample_post: Post) -> None:
    outline = to_outline(sample_post)
    assert "  s3  ~ Not so fast.  (4 paragraphs)" in outline
    assert "Comments: 3 of 12 declared" in outline
    assert "    1.1: Thanks for the reply." in outline


def test_every_span_points_into_the_source(sample_post: Post) -> None:
    from tests_support import sample_text

    text = sample_text()
    data = json.loads(to_json(sample_post))
    start, end = data["title_span"]
    assert text[start:end].strip() == data["title"]
    header = data["comments_header"]
    assert text[header["span"][0] : header["span"][1]] == header["text"]
    for comment in data["comments"]:
        start, end = comment["span"]
        for paragraph in comment["paragraphs"]:
            assert start <= paragraph["span"][0] <= paragraph["span"][1] <= end
    for section in data["sections"]:
        start, end = section["span"]
        # An inferred section has an empty span where its first paragraph begins.
        assert section["title_inferred"] and start == end == section["paragraphs"][0]["span"][0]
