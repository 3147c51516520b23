"""The place kept between sessions: the state file, and the reader that saves and restores it.

Every test has a state folder of its own (``XDG_STATE_HOME`` in a temporary folder), so
nothing here reads or writes the state of whoever runs the tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from tests_support import SAMPLE, sample_text
from textual.pilot import Pilot

from reader import state
from reader.load import load_bytes
from reader.model import Post
from reader.pipeline import open_in_stages, open_post, post_from_text
from reader.state import Memory, Place, StateError
from reader.tui import ReaderApp, make_app

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "state-home"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    return home


def places(home: Path) -> list[Path]:
    folder = home / "post-reader" / "places"
    return sorted(folder.glob("*.json")) if folder.exists() else []


@asynccontextmanager
async def reader(
    post: object, memory: Memory | None, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[ReaderApp, Pilot[None]]]:
    app = make_app(post, memory=memory)  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()  # the place is restored just after the first frame
        yield app, pilot


def memory_of(post: Post, fresh: bool = False) -> Memory:
    return Memory.open(post.source.digest, fresh=fresh)


# --- the key -------------------------------------------------------------------------


def test_the_key_is_the_text_so_a_moved_file_is_the_same_document(tmp_path: Path) -> None:
    here = tmp_path / "post.txt"
    there = tmp_path / "elsewhere" / "renamed.txt"
    there.parent.mkdir()
    here.write_text(sample_text(), encoding="utf-8")
    there.write_text(sample_text(), encoding="utf-8")
    first, second = open_post(str(here)), open_post(str(there))
    assert len(first.source.digest) == 64
    assert first.source.digest == second.source.digest
    changed = post_from_text(load_bytes(sample_text().encode() + b"\nOne more line.", "x.txt"))
    assert changed.source.digest != first.source.digest


def test_the_state_is_under_the_state_folder_never_next_to_the_document(
    state_home: Path, tmp_path: Path
) -> None:
    document = tmp_path / "docs" / "post.txt"
    document.parent.mkdir()
    document.write_text(sample_text(), encoding="utf-8")
    post = open_post(str(document))
    assert memory_of(post).save(Place(block="p3", offset=12)) is None
    assert [p.name for p in places(state_home)] == [post.source.digest + ".json"]
    assert sorted(p.name for p in document.parent.iterdir()) == ["post.txt"]
    assert state.load(post.source.digest) == Place(block="p3", offset=12)


# --- the file ------------------------------------------------------------------------


def test_a_place_survives_the_round_trip() -> None:
    place = Place(
        block="p7",
        offset=40,
        comment="c4",
        folded=("c1", "c9"),
        query="police",
        history=("first", "police"),
        sidebar=False,
        comments=False,
    )
    state.save("a" * 64, place)
    assert state.load("a" * 64) == place
    assert state.load("b" * 64) is None  # never saved: no place, no warning


def test_the_search_history_is_capped_newest_last() -> None:
    place = Place()
    for number in range(state.MAX_HISTORY + 10):
        place = place.with_search(f"query {number}")
    place = place.with_search("query 20")  # searched again: moves to the end, once
    assert len(place.history) == state.MAX_HISTORY
    assert place.history[-1] == "query 20" and place.history.count("query 20") == 1
    assert place.query == "query 20"
    state.save("a" * 64, place)
    assert state.load("a" * 64) == place


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe garbage",
        b"[1, 2, 3]",
        json.dumps({"version": 1, "block": 5}).encode(),
        json.dumps({"version": 1, "folded": "c1"}).encode(),
        json.dumps({"version": 99}).encode(),
        b"",
    ],
)
def test_a_damaged_state_file_is_a_one_line_warning(state_home: Path, content: bytes) -> None:
    folder = state_home / "post-reader" / "places"
    folder.mkdir(parents=True)
    (folder / ("a" * 64 + ".json")).write_bytes(content)
    with pytest.raises(StateError) as raised:
        state.load("a" * 64)
    message = str(raised.value)
    assert "\n" not in message and str(folder) in message
    memory = Memory.open("a" * 64)
    assert memory.place is None and memory.warning == message


def test_an_unwritable_state_folder_is_a_one_line_warning(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file where the folder should be: no one can write there, not even root.
    state_home.mkdir()
    (state_home / "post-reader").write_text("in the way")
    warning = Memory.open("a" * 64).save(Place(block="p1"))
    assert warning is not None and "\n" not in warning
    assert "cannot save the place" in warning and str(state_home) in warning


def test_only_the_most_recent_documents_are_remembered(
    state_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state, "MAX_DOCUMENTS", 3)
    folder = state_home / "post-reader" / "places"
    for number in range(5):
        key = f"{number:064x}"
        state.save(key, Place(block=f"p{number}"))
        path = folder / f"{key}.json"
        stamp = 1_000_000 + number  # saved one after the other, a second apart
        import os

        os.utime(path, (stamp, stamp))
    state.save(f"{9:064x}", Place(block="p9"))
    kept = [p.stem for p in places(state_home)]
    assert kept == [f"{n:064x}" for n in (3, 4, 9)]
    assert not list(folder.glob("*.tmp"))


_WRITER = """
import sys
from reader import state
from reader.state import Place
number = int(sys.argv[1])
for step in range(150):
    history = tuple(f"writer {number} query {i}" for i in range(step % 40))
    state.save("c" * 64, Place(block=f"p{number}", offset=step, history=history))
"""


def test_two_readers_saving_at_once_leave_a_valid_file(state_home: Path) -> None:
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(n)], stderr=subprocess.PIPE)
        for n in (1, 2)
    ]
    seen = 0
    while any(w.poll() is None for w in writers):
        try:
            place = state.load("c" * 64)  # never half a file, whenever it is read
        except StateError as error:  # pragma: no cover - the failure this test is for
            pytest.fail(str(error))
        seen += place is not None
    for writer in writers:
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else ""
    final = state.load("c" * 64)
    assert final is not None and final.block in ("p1", "p2") and final.offset == 149
    folder = state_home / "post-reader" / "places"
    assert [p.name for p in folder.iterdir()] == ["c" * 64 + ".json"]  # no temporary left
    assert seen > 0


# --- the reader ----------------------------------------------------------------------


async def test_the_reader_saves_its_place_on_quit_and_restores_it(
    sample_post: Post, state_home: Path
) -> None:
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket", "j", "j")
        await pilot.press("C", "h", "j")  # the first comment folded, the cursor on the next
        await pilot.press("s")  # the sidebar hidden
        await pilot.press("slash", *"police", "enter")
        position = app.document.position()
        cursor, folded = app.comment_tree.cursor_id, app.comment_tree.folded_ids()
        top = app.document.top_row
        assert position != ("title", 0) and folded and cursor
        await pilot.press("q")
    saved = places(state_home)
    assert len(saved) == 1
    assert json.loads(saved[0].read_text())["query"] == "police"

    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        assert app.document.position() == position
        assert app.document.top_row == top
        assert app.comment_tree.cursor_id == cursor
        assert app.comment_tree.folded_ids() == folded
        assert app.section_list.has_class("-hidden")
        assert not app.comment_tree.has_class("-hidden")
        assert app.search_bar.history == ["police"]  # kept, not searched: nothing painted
        assert app.match_count == 0
        notices = [n.message for n in app._notifications]
        section = app.document.current_section + 1
        assert f"Back where you were: §{section}/5" in notices[-1]


async def test_the_comments_panel_hidden_is_remembered(sample_post: Post) -> None:
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        await pilot.press("c")
        await pilot.press("q")
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        assert app.comment_tree.has_class("-hidden")
        assert not app.section_list.has_class("-hidden")


async def test_fresh_starts_at_the_top_and_reads_no_place(sample_post: Post) -> None:
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket", "s")
        await pilot.press("q")
    memory = memory_of(sample_post, fresh=True)
    assert memory.place is None
    async with reader(sample_post, memory) as (app, pilot):
        assert app.document.top_row == 0
        assert not app.section_list.has_class("-hidden")
        assert not any("Back where" in n.message for n in app._notifications)


async def test_the_comment_place_waits_for_a_thread_read_after_the_first_frame(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("reader.tui.app.READ_AT_ONCE", 0)  # the thread read in a worker
    staged = open_in_stages(str(SAMPLE))
    whole = staged.finish()
    key = whole.source.digest
    state.save(key, Place(block="p5", comment="c3", folded=("c1",)))
    async with reader(open_in_stages(str(SAMPLE)), Memory.open(key)) as (app, pilot):
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert not app.comments_pending
        assert app.comment_tree.folded_ids() == ["c1"]
        assert app.comment_tree.cursor_id == "c3"
        assert app.document.position()[0] == "p5"


async def test_quitting_while_the_thread_is_read_keeps_the_comment_place(
    sample_post: Post, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.tui.app.READ_AT_ONCE", 0)
    key = sample_post.source.digest
    state.save(key, Place(block="p5", comment="c3", folded=("c1",)))

    class Slow:
        """A thread still being read when the reader quits."""

        body = open_in_stages(str(SAMPLE)).body
        comments_pending = 12

        def finish(self) -> Post:
            import time

            time.sleep(0.5)
            return sample_post

    async with reader(Slow(), Memory.open(key)) as (app, pilot):
        assert app.comments_pending
        await pilot.press("q")
    assert state.load(key) == Place(block="p5", comment="c3", folded=("c1",))


async def test_a_comment_hidden_in_a_fold_puts_the_cursor_on_the_fold(sample_post: Post) -> None:
    hidden = next(c for c in sample_post.comments if c.parent is not None)
    key = sample_post.source.digest
    assert hidden.parent is not None
    state.save(key, Place(comment=hidden.id, folded=(hidden.parent,)))
    async with reader(sample_post, Memory.open(key)) as (app, pilot):
        assert app.comment_tree.cursor_id == hidden.parent
        assert hidden.id not in app.comment_tree.visible_ids


async def test_a_place_in_a_changed_document_is_passed_over(sample_post: Post) -> None:
    # Ids the post does not have (a place saved by another version of the reader).
    key = sample_post.source.digest
    state.save(key, Place(block="p9999", comment="c9999", folded=("c8888",)))
    async with reader(sample_post, Memory.open(key)) as (app, pilot):
        assert app.document.top_row == 0
        assert app.comment_tree.folded_ids() == []
        await pilot.press("j")
        assert app.document.top_row == 1


async def test_a_damaged_state_file_is_a_warning_and_the_reader_starts(
    sample_post: Post, state_home: Path
) -> None:
    folder = state_home / "post-reader" / "places"
    folder.mkdir(parents=True)
    damaged = folder / f"{sample_post.source.digest}.json"
    damaged.write_text('{"version": 1, "block": ')
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and str(damaged) in warnings[0].message
        assert "\n" not in warnings[0].message
        await pilot.press("right_square_bracket")
        assert app.document.current_section == 1
        await pilot.press("q")
    assert state.load(sample_post.source.digest) is not None  # replaced by a good one


async def test_an_unwritable_state_folder_is_a_warning_at_the_end(
    sample_post: Post, state_home: Path
) -> None:
    state_home.mkdir()
    (state_home / "post-reader").write_text("in the way")
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        await pilot.press("j", "q")
    assert app.place_warning is not None and "cannot save the place" in app.place_warning
    assert app.return_code in (0, None)


async def test_without_a_memory_nothing_is_written(sample_post: Post, state_home: Path) -> None:
    async with reader(sample_post, None) as (app, pilot):
        await pilot.press("j", "q")
    assert not state_home.exists()


async def test_the_place_is_saved_when_the_reader_is_suspended(
    sample_post: Post, state_home: Path
) -> None:
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        await pilot.press("right_square_bracket")
        app.app_suspend_signal.publish(app)  # what ctrl+z does before stopping
        await pilot.pause()
        saved = state.load(sample_post.source.digest)
        assert saved is not None and saved.block == app.document.position()[0]


async def test_the_place_is_saved_when_the_reader_ends_without_quitting(
    sample_post: Post,
) -> None:
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        await pilot.press("right_square_bracket", "right_square_bracket")
        position = app.document.position()
    # Torn down without `q` (as when the terminal goes away).
    saved = state.load(sample_post.source.digest)
    assert saved is not None and (saved.block, saved.offset) == position


async def test_the_search_history_comes_back_and_n_resumes_the_last_search(
    sample_post: Post,
) -> None:
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        for query in ("twitter", "police"):
            await pilot.press("slash", *query, "enter", "escape")
        await pilot.press("q")
    async with reader(sample_post, memory_of(sample_post)) as (app, pilot):
        assert app.search_bar.history == ["twitter", "police"]
        assert app.match_count == 0
        await pilot.press("n")  # the last search, searched again
        await pilot.pause()
        assert app.match_count > 0
        await pilot.press("slash", "up", "up")
        assert app.search_bar.input.value == "twitter"
