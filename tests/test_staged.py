"""A long thread is read while the post is shown: staged parsing and the reader's wait."""

from __future__ import annotations

import os
import threading

import pytest
from hostile import thread
from hypothesis import HealthCheck, given, settings
from postgen import GeneratedPost, posts
from tests_support import sample_text

from reader.model import Post
from reader.parse import StagedPost, parse_in_stages, parse_post
from reader.tui import make_app
from reader.tui.app import READ_AT_ONCE


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(posts())
def test_stages_finish_to_the_whole_post(generated: GeneratedPost) -> None:
    staged = parse_in_stages(generated.text)
    assert staged.body.comments == ()
    assert staged.finish() == parse_post(generated.text)


def test_the_sample_in_stages() -> None:
    text = sample_text()
    staged = parse_in_stages(text)
    whole = parse_post(text)
    assert staged.body.sections == whole.sections
    assert staged.body.comments_header == whole.comments_header
    assert staged.comments_pending > 0
    assert staged.finish() == whole


async def test_a_short_thread_is_read_before_the_first_frame() -> None:
    staged = parse_in_stages(sample_text())
    app = make_app(staged)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.comments_pending
        assert app.comment_tree.comments == parse_post(sample_text()).comments


class HeldPost:
    """A pending post whose thread is read only when the test lets it (the reader needs
    nothing but the protocol: ``body``, ``comments_pending``, ``finish()``)."""

    def __init__(self, staged: StagedPost) -> None:
        self._staged = staged
        self.go = threading.Event()

    @property
    def body(self) -> Post:
        return self._staged.body

    @property
    def comments_pending(self) -> int:
        return self._staged.comments_pending

    def finish(self) -> Post:
        self.go.wait(timeout=30)
        return self._staged.finish()


async def test_a_long_thread_is_read_while_the_post_is_shown() -> None:
    text = thread(1_000, 12)
    staged = HeldPost(parse_in_stages(text))
    assert staged.comments_pending > READ_AT_ONCE
    app = make_app(staged)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # Before the thread is read: the body is there, the panes say what is going on,
        # and a search already counts what it can.
        assert app.comments_pending
        assert app.document.has_layout
        header = str(app.query_one("#header-status").render())
        assert "reading comments…" in header
        first_line = app.comment_tree.render_line(0).text
        assert "Reading 1,000 comments…" in first_line
        await pilot.press("slash", *"the")
        in_body = app.match_count
        assert in_body > 0
        staged.go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.comments_pending
        assert len(app.comment_tree.comments) == 1_000
        assert app.post == parse_post(text)
        header = str(app.query_one("#header-status").render())
        assert "· 1000 comments" in header  # the page declares no count
        assert app.section_list.get_option("comments").prompt.plain == "Comments 1000"
        # The search is counted again over the whole post, and the view did not move.
        assert app.match_count > in_body
        status = str(app.search_bar.query_one("#search-status").render())
        assert f"/{app.match_count} (" in status
        await pilot.press("enter", "n")
        assert app.current_match is not None


@pytest.mark.parametrize("count", [40, 1_000, 6_000])
def test_what_is_pending_is_counted_in_comments(count: int) -> None:
    # 6,000 comments are sketched while staging (only their start and end looked at):
    # their number is then an estimate from the sample.
    staged = parse_in_stages(thread(count, 12))
    assert abs(staged.comments_pending - count) <= count // 10
    assert len(staged.finish().comments) == count
    assert staged.comments_pending == 0
