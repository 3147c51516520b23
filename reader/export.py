"""Post → JSON (the ``post-reader/1`` contract), a readable outline, or clean Markdown."""

from __future__ import annotations

import json
import re
from typing import Any

from reader.model import MAX_INDENT_DEPTH, Comment, Paragraph, Post
from reader.visible import visible

SCHEMA = "post-reader/1"


def _paragraph(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "id": paragraph.id,
        "text": paragraph.text,
        "span": list(paragraph.span),
        "kind": paragraph.kind,
        "artifacts": [
            {"kind": a.kind, "text": a.text, "start": a.start, "end": a.end}
            for a in paragraph.artifacts
        ],
    }


def to_dict(post: Post) -> dict[str, Any]:
    """The JSON contract as plain data. Comments are flat, so depth costs no recursion."""
    header = post.comments_header
    return {
        "schema": SCHEMA,
        "source": {
            "name": post.source.name,
            "format": post.source.format,
            "encoding": post.source.encoding,
            "bytes": post.source.bytes,
            "url": post.source.url,
        },
        "title": post.title,
        "title_inferred": post.title_inferred,
        "title_span": list(post.title_span),
        "author": post.author,
        "date": post.date,
        "site": post.site,
        "sections": [
            {
                "id": section.id,
                "title": section.title,
                "title_inferred": section.title_inferred,
                "level": section.level,
                "span": list(section.span),
                "paragraphs": [_paragraph(p) for p in section.paragraphs],
            }
            for section in post.sections
        ],
        "comments_header": (
            None
            if header is None
            else {
                "text": header.text,
                "declared_count": header.declared_count,
                "span": list(header.span),
            }
        ),
        "comments": [
            {
                "id": comment.id,
                "parent": comment.parent,
                "depth": comment.depth,
                "label": comment.label,
                "author": comment.author,
                "date": comment.date,
                "span": list(comment.span),
                "paragraphs": [_paragraph(p) for p in comment.paragraphs],
            }
            for comment in post.comments
        ],
        "boilerplate": [{"text": b.text, "span": list(b.span)} for b in post.boilerplate],
        "links": [
            {
                "number": link.number,
                "text": link.text,
                "target": link.target,
                "block": link.block,
                "start": link.start,
                "end": link.end,
            }
            for link in post.links
        ],
    }


def to_json(post: Post) -> str:
    # No indent: only the unindented encoder runs in C, and size matters for books.
    return json.dumps(to_dict(post), ensure_ascii=False)


def _first_words(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _indent(depth: int) -> str:
    return "  " * min(depth, MAX_INDENT_DEPTH)


def _byline(post: Post, comment: Comment) -> str:
    parts = [post.comment_number(comment.id)]
    if comment.author:
        parts.append(comment.author)
    if comment.date:
        parts.append(comment.date)
    return " · ".join(parts)


def to_outline(post: Post) -> str:
    """A readable tree: sections with paragraph counts, comments by number and author."""
    source = post.source
    lines = [post.title]
    byline = " · ".join(part for part in (post.author, post.date, post.site) if part)
    if byline:
        lines.append(byline)
    where = source.url or source.name
    lines += [f"({where}: {source.format}, {source.encoding}, {source.bytes:,} bytes)", ""]
    paragraph_count = sum(len(section.paragraphs) for section in post.sections)
    lines.append(f"Sections: {len(post.sections)}, paragraphs: {paragraph_count}")
    for section in post.sections:
        count = len(section.paragraphs)
        noun = "paragraph" if count == 1 else "paragraphs"
        marker = "~ " if section.title_inferred else ""
        lines.append(
            f"{_indent(section.level)}{section.id}  {marker}{section.title}  ({count} {noun})"
        )
    lines.append("")
    header = post.comments_header
    declared = header.declared_count if header is not None else None
    summary = f"Comments: {len(post.comments)}"
    if declared is not None:
        summary += f" of {declared} declared"
    if header is not None:
        summary += f" — {header.text}"
    lines.append(summary)
    for comment in post.comments:
        first = _first_words(comment.paragraphs[0].text) if comment.paragraphs else "(empty)"
        lines.append(f"  {_indent(comment.depth)}{_byline(post, comment)}: {first}")
    lines.append("")
    lines.append(f"Set aside as page chrome: {len(post.boilerplate)} pieces")
    if post.links:
        lines.append(f"Links: {len(post.links)}")
    # Read in a terminal: hidden characters are marked there too (the JSON keeps them).
    return visible("\n".join(lines)) + "\n"


def _markdown_block(paragraph: Paragraph) -> list[str]:
    """A paragraph's lines in Markdown: code fenced, quotes quoted, lists as written."""
    lines = paragraph.text.split("\n")
    if paragraph.kind == "code":
        longest = max((len(run) for run in re.findall("`+", paragraph.text)), default=0)
        fence = "`" * max(3, longest + 1)
        return [fence, *lines, fence]
    if paragraph.kind == "quote":
        return [f"> {line}".rstrip() for line in lines]
    return lines


def to_markdown(post: Post) -> str:
    """The clean post: ``#`` title, ``##`` sections, comments as nested blockquotes."""
    out = [f"# {post.title}", ""]
    for section in post.sections:
        out += [f"{'#' * (section.level + 1)} {section.title}", ""]
        for paragraph in section.paragraphs:
            out += [*_markdown_block(paragraph), ""]
    if post.comments or post.comments_header is not None:
        heading = post.comments_header.text if post.comments_header else "Comments"
        out += [f"## {heading}", ""]
        for comment in post.comments:
            quote = "> " * (min(comment.depth, MAX_INDENT_DEPTH) + 1)
            out += [f"{quote}**{_byline(post, comment)}**", quote.rstrip()]
            for paragraph in comment.paragraphs:
                for line in paragraph.text.split("\n"):
                    out.append(f"{quote}{line}")
                out.append(quote.rstrip())
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
