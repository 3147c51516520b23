"""The user's own post parses the way a reader would outline it."""

from __future__ import annotations

from reader.model import Post

CUES = (
    "So here we are three years on.",
    "Not so fast.",
    "Then the unthinkable happened.",
    "So what do we do?",
)


def test_title(sample_post: Post) -> None:
    assert sample_post.title == "Social Media and The Police 3yrs On"
    assert not sample_post.title_inferred


def test_twenty_one_body_paragraphs_in_source_order(sample_post: Post) -> None:
    paragraphs = sample_post.paragraphs
    assert len(paragraphs) == 21
    assert [p.id for p in paragraphs] == [f"p{i}" for i in range(1, 22)]
    assert paragraphs[0].text.startswith("In June 2011 I had been tweeting")
    assert paragraphs[-1].text.startswith("This only draws me to one conclusion.")
    starts = [p.span[0] for p in paragraphs]
    assert starts == sorted(starts)


def test_paragraph_spans_point_into_the_source(sample_post: Post) -> None:
    from tests_support import sample_text

    from reader.parse.blocks import squash

    text = sample_text()
    for paragraph in sample_post.paragraphs:
        start, end = paragraph.span
        assert squash(text[start:end]) == paragraph.text
        assert text[start:end].startswith(paragraph.text[:20])


def test_inferred_sections_start_at_the_cue_paragraphs(sample_post: Post) -> None:
    sections = sample_post.sections
    assert 3 <= len(sections) <= 7
    assert all(section.title_inferred and section.level == 1 for section in sections)
    openings = [section.paragraphs[0].text for section in sections]
    found = [cue for cue in CUES if any(opening.startswith(cue) for opening in openings)]
    assert len(found) >= 3, openings
    # Every paragraph is in exactly one section, in order.
    assert [p.id for s in sections for p in s.paragraphs] == [f"p{i}" for i in range(1, 22)]
    # Each inferred title is the section's opening sentence, shortened.
    for section in sections:
        assert section.paragraphs[0].text.startswith(section.title.rstrip("…"))


def test_comments_header_and_declared_count(sample_post: Post) -> None:
    header = sample_post.comments_header
    assert header is not None
    assert header.text == "12 thoughts on “Social Media and The Police 3yrs On”"
    assert header.declared_count == 12


def test_comment_tree(sample_post: Post) -> None:
    c1, c2, c3 = sample_post.comments
    assert (c1.id, c1.label, c1.depth, c1.parent, len(c1.paragraphs)) == ("c1", "1", 0, None, 6)
    assert (c2.id, c2.label, c2.depth, c2.parent, len(c2.paragraphs)) == ("c2", "1", 1, "c1", 2)
    assert (c3.id, c3.label, c3.depth, c3.parent, len(c3.paragraphs)) == ("c3", "2", 0, None, 1)
    assert c1.replies == ("c2",)
    assert c1.paragraphs[0].text.startswith("Great post and the same could be said")
    assert c1.paragraphs[5].text.startswith("I think it will be interesting")
    assert c2.paragraphs[1].text.startswith("Maybe in the future all new recruits")
    assert [p.id for p in c2.paragraphs] == ["c2.p1", "c2.p2"]
    assert sample_post.comment_number("c2") == "1.1"


def test_comment_form_is_boilerplate_and_nowhere_else(sample_post: Post) -> None:
    texts = [" ".join(item.text.split()) for item in sample_post.boilerplate]
    assert len(texts) == 10
    assert texts[0] == "Leave a Reply"
    assert texts[-1] == "Connecting to %s"
    assert texts[3] == "Google photo"
    reading = [p.text for p in sample_post.paragraphs] + [
        p.text for c in sample_post.comments for p in c.paragraphs
    ]
    for piece in ("Leave a Reply", "You are commenting using", "Connecting to %s", "Google photo"):
        assert not any(piece in text for text in reading)


def test_scrape_artifacts_are_marked_not_removed(sample_post: Post) -> None:
    artifacts = {a.text: (p, a) for p in sample_post.paragraphs for a in p.artifacts}
    assert set(artifacts) == {"falklands-minefield1", "image013"}
    for text, (paragraph, artifact) in artifacts.items():
        assert paragraph.text[artifact.start : artifact.end] == text
    assert "minefield.falklands-minefield1" in artifacts["falklands-minefield1"][0].text
