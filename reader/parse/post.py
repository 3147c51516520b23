"""The parse driver: blocks in, Post out."""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from reader.model import Boilerplate, CommentsHeader, Paragraph, Post, Section, Source
from reader.parse.artifacts import digit_positions, find_artifacts, may_hold_file_names
from reader.parse.blocks import Block, has_odd_spaces, reflow_block, split_blocks, squash
from reader.parse.boilerplate import (
    FieldTitle,
    form_end,
    gutenberg_wrapper,
    is_chrome_block,
    is_form_start,
    wrapper_pieces,
)
from reader.parse.chrome import article_and_chrome, read_page
from reader.parse.comments import match_header, parse_comments, starts_comment
from reader.parse.headings import MAX_HEADING_LENGTH, Heading, classify_heading, in_contents
from reader.parse.infer import inferred_sections, inferred_title
from reader.parse.lines import is_meta_line
from reader.parse.thread import SKETCH_CHARS, ThreadPlan, plan_thread, sketch_thread
from reader.parse.title import choose_title, named_title
from reader.staged import StagedPost


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing makes many small objects and no reference cycles, so the cycle
    collector's passes during it are pure cost (about a tenth of a book's parse)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_post(text: str, source: Source | None = None) -> Post:
    """Parse decoded, normalised text into a Post. Never raises on any str."""
    return parse_in_stages(text, source).finish()


def read_thread(staged: StagedPost) -> Post:
    """The whole post: the staged body with its thread read (``StagedPost.finish``)."""
    with _collector_paused():
        plan = staged.plan
        if plan is not None and not plan.complete:
            plan = plan_thread(staged.source, staged.comment_blocks, 0, None, after_header=True)
        thread = parse_comments(staged.comment_blocks, plan, staged.file_names)
        chrome = sorted([*staged.body.boilerplate, *thread.chrome], key=lambda item: item.span[0])
        return replace(staged.body, comments=thread.comments, boilerplate=tuple(chrome))


def parse_in_stages(text: str, source: Source | None = None) -> StagedPost:
    """Parse all but the comment thread; see :class:`StagedPost`. Never raises on any str."""
    with _collector_paused():
        return _parse(text, source)


def _parse(text: str, source: Source | None) -> StagedPost:
    source = source or Source(name="<text>", bytes=len(text.encode("utf-8", "surrogatepass")))
    blocks = split_blocks(text)
    chrome: list[Boilerplate] = []
    wrapper = gutenberg_wrapper(blocks, text)
    wrapper_chrome, field_title = wrapper_pieces(blocks, wrapper)
    chrome.extend(wrapper_chrome)
    content = [block for i, block in enumerate(blocks) if i not in wrapper]

    digits = digit_positions(text)
    regions = _split_regions(text, content, digits)
    chrome.extend(_as_boilerplate(block) for block in regions.chrome)

    body = _Body(regions.body + regions.tail, text, digits)
    title_text, title_inferred, title_span = body.take_title(
        chrome, source.name, regions.header, field_title
    )
    sections = body.sections(chrome)
    chrome.sort(key=lambda item: item.span[0])
    post = Post(
        title=title_text,
        title_inferred=title_inferred,
        title_span=title_span,
        sections=sections,
        comments=(),
        comments_header=regions.header,
        boilerplate=tuple(chrome),
        source=source,
    )
    expected = _expected_comments(regions)
    return StagedPost(post, regions.comments, body.file_names, regions.plan, text, expected)


_NUMBERED = re.compile(r"\s*\d{1,6}[.)]\s")


def _expected_comments(regions: _Regions) -> int:
    """About how many comments the thread holds: its bylines counted, or, for a long
    thread only sketched so far, its sample's density over its whole length."""
    plan = regions.plan
    if plan is None:
        return sum(1 for block in regions.comments if _NUMBERED.match(block.text))
    if plan.complete or not plan.heads:
        return len(plan.heads)
    sampled = max(mark.end for mark in plan.heads.values()) - plan.start
    return round(len(plan.heads) * (plan.end - plan.start) / max(sampled, 1))


def _blocks_holding(blocks: Sequence[Block], positions: list[int] | None) -> set[int] | None:
    """Starts of the blocks that hold any of the (sorted) positions; None means unknown."""
    if positions is None:
        return None
    starts = [block.start for block in blocks]
    holding: set[int] = set()
    for position in positions:
        index = bisect_right(starts, position) - 1
        if index >= 0 and position < blocks[index].end:
            holding.add(starts[index])
    return holding


def _as_boilerplate(block: Block) -> Boilerplate:
    return Boilerplate(block.text.strip(), (block.start, block.end))


@dataclass
class _Regions:
    """The content blocks sorted into body, comments and page chrome."""

    body: list[Block] = field(default_factory=list)
    header: CommentsHeader | None = None
    comments: list[Block] = field(default_factory=list)
    chrome: list[Block] = field(default_factory=list)
    tail: list[Block] = field(default_factory=list)
    """Text after the comment form that is not chrome; it is read as body."""
    plan: ThreadPlan | None = None


def _find_header(blocks: Sequence[Block]) -> tuple[int, CommentsHeader] | None:
    """The comments header ("12 thoughts on …", "Comments (3)") and its index."""
    for index in range(1, len(blocks)):
        text = blocks[index].text
        # Cheap tests first: this loop sees every block of a book.
        if len(text) <= 400 and "\n" not in text:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            header = match_header(blocks[index], following)
            if header is None:
                continue
            # "Comments (1)" over "One thought on “TITLE”": the second names the post.
            if following is not None and "\n" not in following.text:
                after = blocks[index + 2] if index + 2 < len(blocks) else None
                named = match_header(following, after)
                if named is not None:
                    return index + 1, named
            return index, header
    return None


def _split_block(block: Block, at: int) -> tuple[Block, Block]:
    """A block cut in two at an offset of the source that starts one of its lines."""
    cut = at - block.start
    head = block.text[:cut].rstrip("\n")
    return Block(head, block.start, block.start + len(head)), Block(block.text[cut:], at, block.end)


# A comments header with more text than this between it and the first byline is a link
# to the thread ("199 comments" under the post's byline), not its heading.
_HEADER_REACH_WORDS = 12


def _words_of_text(blocks: Sequence[Block], first: int, end: int) -> int:
    """Words of the blocks from ``first`` up to offset ``end`` that are not page chrome."""
    words = 0
    for block in blocks[first:]:
        if block.start >= end:
            break
        if not (is_chrome_block(block) or is_form_start(block)):
            words += len(block.text[: max(0, end - block.start)].split())
    return words


def _after_page_top(blocks: Sequence[Block]) -> int:
    """The first block a thread may start in: after the title, and on a rendered page
    not above where its article begins (dated teasers in a page's top are no thread)."""
    page = read_page(blocks)
    if page is None:
        return 1
    return max(1, page.lines[page.start].block)


def _split_regions(text: str, blocks: Sequence[Block], digits: list[int] | None) -> _Regions:
    regions = _Regions()
    found = _find_header(blocks)
    if found is not None:
        header_index, regions.header = found
        aside = {blocks[header_index].start}
        if header_index > 1 and match_header(blocks[header_index - 1], None) is not None:
            regions.chrome.append(blocks[header_index - 1])  # the count over the header
            aside.add(blocks[header_index - 1].start)
        if blocks[-1].end - blocks[header_index].end > SKETCH_CHARS:
            plan = sketch_thread(text, blocks, header_index + 1)
        else:
            plan = plan_thread(text, blocks, header_index + 1, digits, after_header=True)
        following = blocks[header_index + 1] if header_index + 1 < len(blocks) else None
        if (
            plan is not None
            and _words_of_text(blocks, header_index + 1, plan.start) <= _HEADER_REACH_WORDS
        ) or (plan is None and following is not None and starts_comment(following)):
            # The header heads the thread: its bylines, or a numbered list with none.
            regions.plan = plan
            regions.body = [block for block in blocks[:header_index] if block.start not in aside]
            _thread_and_after(list(blocks[header_index + 1 :]), regions)
            return regions
        # A link to the thread ("199 comments" under the post's byline): the post goes on.
    else:
        aside = set()
    regions.plan = plan = plan_thread(text, blocks, _after_page_top(blocks), digits)
    if plan is None:
        regions.body = [block for block in blocks if block.start not in aside]
        return regions
    index = bisect_right([block.start for block in blocks], plan.start) - 1
    regions.body = [block for block in blocks[:index] if block.start not in aside]
    rest = [block for block in blocks[index:] if block.start not in aside]
    if rest[0].start < plan.start:  # the thread begins inside a block
        head, rest[0] = _split_block(rest[0], plan.start)
        regions.body.append(head)
    _thread_and_after(rest, regions)
    return regions


def _thread_and_after(blocks: list[Block], regions: _Regions) -> None:
    """Sort the blocks from the thread's start on: the thread, then forms, chrome and tail.

    The thread runs to its last byline (and, when bylines open their comments, on to the
    next comment form); a form between comments is set aside and the thread goes on.
    """
    plan = regions.plan
    last_byline = plan.end if plan is not None else -1
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if is_form_start(block):
            end = form_end(blocks, index)
            regions.chrome.extend(blocks[index:end])
            index = end
            continue
        in_thread = block.start < last_byline or (
            not regions.tail and (plan is None or not plan.trailing) and not regions.chrome
        )
        if in_thread:
            regions.comments.append(block)
        elif is_chrome_block(block):
            regions.chrome.append(block)
        else:
            regions.tail.append(block)
        index += 1


_NAME_PART = re.compile(r"[-_.]+")


def title_from_name(name: str) -> str:
    """A readable title made up from a file name ("war-and-peace.txt" → "War and peace")."""
    stem = name.rsplit("/", 1)[-1]
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    words = _NAME_PART.sub(" ", stem).split()
    if not words or stem.startswith("<"):
        return "Untitled"
    title = " ".join(words)
    return title[0].upper() + title[1:]


class _Body:
    """Body blocks → title, headings, sections and paragraphs."""

    def __init__(self, blocks: list[Block], source: str, digits: list[int] | None) -> None:
        self.blocks = blocks
        self.paragraph_count = 0
        # Facts about the whole source, found in a few fast passes, that spare most
        # paragraphs of a book a handful of searches each.
        self.odd_spaces = has_odd_spaces(source)
        self.file_names = may_hold_file_names(source)
        self.digit_blocks = _blocks_holding(blocks, digits)

    def take_title(
        self,
        chrome: list[Boilerplate],
        name: str,
        header: CommentsHeader | None = None,
        field: FieldTitle | None = None,
    ) -> tuple[str, bool, tuple[int, int]]:
        """Set a rendered page's chrome aside and take the title out of the body;
        (title, inferred, span). A book's ``Title:`` field comes first."""
        if field is not None:
            return field.text, False, field.span
        page = read_page(self.blocks)
        choice = choose_title(self.blocks, page, header)
        if choice is not None:
            self.blocks = choice.body
            chrome.extend(choice.chrome)
            return choice.text, choice.inferred, choice.span
        if page is not None:
            self.blocks, page_chrome = article_and_chrome(page, self.blocks)
            chrome.extend(_as_boilerplate(block) for block in page_chrome)
        named = named_title(header)
        if named is not None:
            return named, True, (0, 0)  # its words are the header's
        return title_from_name(name), True, (0, 0)

    def paragraph(self, block: Block) -> Paragraph:
        self.paragraph_count += 1
        text = reflow_block(block.text, self.odd_spaces)
        digits = self.digit_blocks
        if self.file_names or digits is None or block.start in digits:
            artifacts = find_artifacts(text, self.file_names)
        else:
            artifacts = ()  # every artifact holds a digit or an image extension
        return Paragraph(
            id=f"p{self.paragraph_count}",
            text=text,
            span=(block.start, block.end),
            artifacts=artifacts,
        )

    def sections(self, chrome: list[Boilerplate]) -> tuple[Section, ...]:
        readable: list[Block] = []
        index = 0
        while index < len(self.blocks):
            block = self.blocks[index]
            opening = block.text.lstrip()[:1]
            # Forms and chrome are short and open with a letter (or "["); dialogue does not.
            if len(block.text) <= 300 and (opening.isalpha() or opening == "["):
                if is_form_start(block):
                    end = form_end(self.blocks, index)
                    chrome.extend(_as_boilerplate(b) for b in self.blocks[index:end])
                    index = end
                    continue
                if is_chrome_block(block):
                    chrome.append(_as_boilerplate(block))
                    index += 1
                    continue
            readable.append(block)
            index += 1
        headings = _accepted_headings(readable)
        if not any(headings):
            return self._inferred_sections(readable)
        ranks = sorted({heading.rank for heading in headings if heading is not None})
        sections: list[Section] = []
        title: Heading | None = None
        title_block: Block | None = None
        paragraphs: list[Paragraph] = []

        def close() -> None:
            if title is not None and title_block is not None:
                level = 1 if title.rank == ranks[0] else 2
                sections.append(
                    Section(
                        id=f"s{len(sections) + 1}",
                        title=title.title,
                        title_inferred=False,
                        level=level,
                        paragraphs=tuple(paragraphs),
                        span=(title_block.start, title_block.end),
                    )
                )
            elif paragraphs:  # text before the first heading
                sections.append(
                    Section(
                        id=f"s{len(sections) + 1}",
                        title=inferred_title(paragraphs[0].text),
                        title_inferred=True,
                        level=1,
                        paragraphs=tuple(paragraphs),
                        span=(paragraphs[0].span[0], paragraphs[0].span[0]),
                    )
                )

        for block, heading in zip(readable, headings, strict=True):
            if heading is None:
                paragraphs.append(self.paragraph(block))
                continue
            close()
            title, title_block, paragraphs = heading, block, []
        close()
        return tuple(sections)

    def _inferred_sections(self, blocks: list[Block]) -> tuple[Section, ...]:
        paragraphs = [self.paragraph(block) for block in blocks]
        if not paragraphs:
            return ()
        return tuple(inferred_sections(paragraphs))


def _may_be_heading(text: str) -> bool:
    """Headings are short and open with "#", a letter or a digit, or are underlined."""
    if len(text) > MAX_HEADING_LENGTH:
        return False
    first = text.lstrip()[:1]
    return first == "#" or first.isalnum() or "\n" in text


def _accepted_headings(blocks: Sequence[Block]) -> list[Heading | None]:
    """The heading of each block, or None; weak headings only where no strong ones exist."""
    candidates = [
        classify_heading(block) if _may_be_heading(block.text) else None for block in blocks
    ]
    for index in in_contents(candidates):
        candidates[index] = None  # a table of contents is read as text
    if any(candidate is not None and candidate.strong for candidate in candidates):
        return [c if c is not None and c.strong else None for c in candidates]
    accepted: list[Heading | None] = []
    for index, candidate in enumerate(candidates):
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        is_heading = (
            candidate is not None
            and index + 1 < len(blocks)
            and following is None
            and len(squash(blocks[index + 1].text)) > len(candidate.title)
            and not is_meta_line(candidate.title)  # a dateline is not a heading
        )
        accepted.append(candidate if is_heading else None)
    return accepted
