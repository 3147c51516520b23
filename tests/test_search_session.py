"""The search session on its own: no app, no Pilot."""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from postgen import GeneratedPost, posts
from test_search_regex import regexes

from reader import cli
from reader.model import Post
from reader.parse import parse_in_stages, parse_post
from reader.search import Query
from reader.search_session import SearchSession

TEXT = (
    "Police Notes\n\n"
    "The police came at nine.\n\n"
    "Nobody called the police after that, and the police did not come back.\n\n"
    "12 thoughts on “Police Notes”\n\n"
    "  1. The police were kind.\n"
)


@pytest.fixture
def post() -> Post:
    return parse_post(TEXT)


def test_the_first_match_is_the_first_from_where_the_reader_is(post: Post) -> None:
    session = SearchSession(post)
    session.run(Query("police"))
    assert [m.block_id for m in session.matches] == ["title", "p1", "p2", "p2", "comments", "c1.p1"]
    assert session.current == 0
    session.run(Query("police"), reading=("p2", 10))
    assert session.current_match is not None
    assert (session.current_match.block_id, session.current) == ("p2", 2)
    session.run(Query("police"), reading=("p2", 60))  # past both in p2: the header's
    assert session.current == 4
    session.run(Query("nine"), reading=("p2", 0))  # nothing after: the first of all
    assert session.current == 0


def test_steps_wrap_and_say_so(post: Post) -> None:
    session = SearchSession(post)
    session.run(Query("police"))
    assert [session.step(+1) for _ in range(5)] == [None] * 5
    assert session.current == 5
    assert session.step(+1) == "top" and session.current == 0
    assert session.step(-1) == "bottom" and session.current == 5
    assert session.status() == "6/6 (2 in comments)"
    assert SearchSession(post).step(+1) is None  # no search, nowhere to go


def test_marks_and_the_count_in_comments(post: Post) -> None:
    session = SearchSession(post)
    session.run(Query("police"))
    assert session.marks()["p2"] == [(18, 24), (45, 51)]
    assert session.in_comments == 2


def test_a_bad_expression_is_reported_not_raised(post: Post) -> None:
    session = SearchSession(post)
    session.run(Query("(", regex=True))
    assert session.matches == [] and session.current is None
    assert session.error is not None and session.status() == session.error
    session.run(Query("zebra"))
    assert session.error is None and session.status() == "no matches"
    session.clear()
    assert (session.query, session.status()) == (None, "")


def test_recount_keeps_the_current_match_when_the_thread_arrives() -> None:
    comments = "\n\n".join(f"  {n}. The police came again, time {n}." for n in range(1, 40))
    staged = parse_in_stages(
        f"Police Notes\n\nThe police came.\n\n39 thoughts on it\n\n{comments}\n"
    )
    session = SearchSession(staged.body)
    session.run(Query("police"))
    assert len(session.matches) == 2
    session.step(+1)
    kept = session.current_match
    session.recount(staged.finish())
    assert len(session.matches) == 41
    assert session.current_match == kept


# --- the command line and the search bar count alike -------------------------------------


def _cli_count(path: Path, text: str, regex: bool) -> int:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = cli.main(["--search", text, *(["--regex"] if regex else []), str(path)])
    assert code in (0, 1)
    return len(out.getvalue().splitlines())


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(posts(), regexes())
def test_the_command_line_agrees_with_the_search_bar(
    generated: GeneratedPost, pattern: str
) -> None:
    try:
        re.compile(pattern)
    except re.error:
        assume(False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "post.txt"
        path.write_text(generated.text, encoding="utf-8")
        session = SearchSession(parse_post(generated.text))
        session.run(Query(pattern, regex=True))
        assert _cli_count(path, pattern, regex=True) == len(session.matches)
