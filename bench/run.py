"""Measure post-reader at size; print a table and write one JSON object per figure.

    python bench/run.py            # the full run (about a minute)
    python bench/run.py --quick    # a few seconds: smaller inputs, fewer repeats

Every figure has a baseline measured in the same run (a bare Textual app, the floor of
reading a file, the same key on the small sample), so a busy machine moves the value
but hardly the ratio. Key handling is measured in-process: the key goes through the
app's bindings, then the screen lays out and renders exactly as the update timer would
(the strips are built; only the write to a terminal is left out).
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from inputs import long_paragraph, write_inputs  # noqa: E402
from paint import first_paint  # noqa: E402
from results import write_figures  # noqa: E402
from textual.app import App  # noqa: E402
from textual.events import Resize  # noqa: E402
from textual.geometry import Size  # noqa: E402
from textual.widgets import Input  # noqa: E402

from reader.export import to_json  # noqa: E402
from reader.model import Comment, Paragraph, Post, Section  # noqa: E402
from reader.parse import parse_post  # noqa: E402
from reader.pipeline import open_post  # noqa: E402
from reader.search import Query, SearchIndex  # noqa: E402
from reader.tui import make_app  # noqa: E402
from reader.tui.app import ReaderApp  # noqa: E402

SIZE = (120, 40)


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    baseline: float
    ratio: float
    target: str
    met: bool | None
    """None for a figure reported without a target."""


def figure(
    name: str, value: float, unit: str, baseline: float, target: str, met: bool | None
) -> Figure:
    value, baseline = round(value, 6), round(baseline, 6)
    ratio = round(value / baseline, 4) if baseline else float("inf")
    return Figure(name, value, unit, baseline, ratio, target, met)


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def best_of(repeats: int, work: Callable[[], object]) -> float:
    """Median seconds of ``work`` over ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return median(times)


# --- first paint and memory -------------------------------------------------------


def first_words(post: Post) -> str:
    """Text the reader's first screen shows: the start of the first paragraph."""
    for section in post.sections:
        for paragraph in section.paragraphs:
            words = paragraph.text.split()[:3]
            if words:
                return " ".join(words)
    raise ValueError("the post has no paragraph to look for")


def paint_figures(paths: dict[str, Path], posts: dict[str, Post], repeats: int) -> list[Figure]:
    python = sys.executable
    # An installed reader starts from bytecode (pip compiles it; Python writes it on the
    # first run) as Textual does; a checkout run with PYTHONDONTWRITEBYTECODE would
    # compile the reader's source on every launch and time that instead.
    compileall.compile_dir(str(BENCH.parent / "reader"), quiet=1)
    bare_argv = [python, str(BENCH / "bare_app.py")]
    bare = [first_paint(bare_argv, "Hello, this is", SIZE) for _ in range(repeats)]
    bare_time = median([paint.seconds for paint in bare])
    bare_rss = median([paint.peak_rss_mib for paint in bare])
    figures = []
    # The web page is parsed by two libraries (lxml, trafilatura) on top of the reader's
    # own work, hence its wider target.
    targets = {"book": 2.0, "thread": 2.0, "page": 2.5}
    for name, target in targets.items():
        argv = [python, "-m", "reader", str(paths[name])]
        marker = first_words(posts[name])
        runs = [first_paint(argv, marker, SIZE) for _ in range(repeats)]
        seconds = median([paint.seconds for paint in runs])
        label = "first paint, 1 MB web page" if name == "page" else f"first paint, {name}"
        figures.append(
            figure(
                label,
                seconds * 1000,
                "ms",
                bare_time * 1000,
                f"<= {target} x bare app",
                seconds <= target * bare_time,
            )
        )
        if name == "book":
            rss = median([paint.peak_rss_mib for paint in runs])
            figures.append(
                figure(
                    "peak RSS, book open",
                    rss,
                    "MiB",
                    bare_rss,
                    "<= bare app + 45 MiB",
                    rss <= bare_rss + 45,
                )
            )
    return figures


# --- throughput -----------------------------------------------------------------------


def floor_seconds(path: Path, repeats: int) -> float:
    """The least any reader must do: read the file and split it into lines."""
    return best_of(repeats, lambda: path.read_bytes().decode("utf-8").splitlines())


def throughput_figures(paths: dict[str, Path], repeats: int) -> list[Figure]:
    figures = []
    for name in ("book", "big"):
        path = paths[name]
        megabytes = path.stat().st_size / 1e6
        floor = floor_seconds(path, repeats)

        def dump(path: Path = path) -> None:
            subprocess.run(
                [sys.executable, "-m", "reader", "--dump", "json", str(path)],
                check=True,
                stdout=subprocess.DEVNULL,
            )

        end_to_end = best_of(max(1, repeats // 2), dump)
        figures.append(
            figure(
                f"--dump json, {name} ({megabytes:.1f} MB), end to end",
                megabytes / end_to_end,
                "MB/s",
                megabytes / floor,
                ">= 20 MB/s",
                megabytes / end_to_end >= 20,
            )
        )
        text = path.read_text(encoding="utf-8")
        parse = best_of(repeats, lambda text=text: parse_post(text))
        figures.append(
            figure(
                f"parser, {name}",
                megabytes / parse,
                "MB/s",
                megabytes / floor,
                ">= 40 MB/s",
                megabytes / parse >= 40,
            )
        )
    # A long thread: finding the thread's bylines and reading them is most of the work.
    path = paths["thread"]
    megabytes = path.stat().st_size / 1e6
    text = path.read_text(encoding="utf-8")
    parse = best_of(repeats, lambda: parse_post(text))
    figures.append(
        figure(
            f"parser, thread ({megabytes:.1f} MB)",
            megabytes / parse,
            "MB/s",
            megabytes / floor_seconds(path, repeats),
            "(reported)",
            None,
        )
    )
    return figures


def search_count_figure(seconds: float, matches: int, path: Path, repeats: int) -> Figure:
    """Counting "the" in the open reader, against a bare regex count over the raw file."""
    raw = path.read_text(encoding="utf-8")
    pattern = re.compile("the", re.IGNORECASE)
    floor = best_of(repeats, lambda: sum(1 for _ in pattern.finditer(raw)))
    return figure(
        f'search "the", book ({matches} matches)',
        seconds * 1000,
        "ms",
        floor * 1000,
        "<= 100 ms",
        seconds <= 0.100,
    )


# --- the app in-process -------------------------------------------------------------


async def settle(app: App[None]) -> None:
    """Let every posted message be handled, then lay out and render as the timer would."""
    for _ in range(200):
        await asyncio.sleep(0)
        nodes = [app, app.screen, *app.screen.walk_children()]
        if all(node._message_queue.empty() for node in nodes):
            break
    await asyncio.sleep(0)
    app.screen._on_timer_update()


async def press(app: App[None], key: str) -> float:
    """Seconds from a key press to the repainted screen."""
    started = time.perf_counter()
    if not await app._check_bindings(key, priority=True):
        await app._check_bindings(key)
    await settle(app)
    return time.perf_counter() - started


async def timed(app: App[None], action: Callable[[], Awaitable[object] | object]) -> float:
    started = time.perf_counter()
    result = action()
    if asyncio.iscoroutine(result):
        await result
    await settle(app)
    return time.perf_counter() - started


def resize(app: App[None], size: Size) -> None:
    """What a terminal resize does, without Textual's 8 ms debounce before it."""
    app._size = size
    app._resize_event = Resize(size, size)
    app._check_resize()


Session = Callable[[ReaderApp], Awaitable[dict[str, list[float]]]]


def in_app(post: Post, session: Session, line_length: int = 80) -> dict[str, list[float]]:
    async def run() -> dict[str, list[float]]:
        app = make_app(post, line_length=line_length)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await settle(app)
            return await session(app)

    return asyncio.run(run())


def key_session(presses: int) -> Session:
    async def session(app: ReaderApp) -> dict[str, list[float]]:
        samples: dict[str, list[float]] = {}
        app.screen.set_focus(app.document)
        await settle(app)
        for key in ("right_square_bracket", "pagedown", "right_curly_bracket"):
            samples[key] = [await press(app, key) for _ in range(presses)]
            await press(app, "home")
        app._run_search(Query("the"))
        await settle(app)
        # Counting every match as the reader does it: its index, its (frozen) heap.
        index = app.search.index
        samples["count the"] = []
        for _ in range(5):
            started = time.perf_counter()
            samples["matches"] = [len(index.find(Query("the")))]
            samples["count the"].append(time.perf_counter() - started)
        samples["n"] = [await press(app, "n") for _ in range(presses)]
        samples["resize"] = []
        for width in (100, 120) * max(1, presses // 10):
            size = Size(width, SIZE[1])
            samples["resize"].append(await timed(app, lambda s=size: resize(app, s)))
            await asyncio.sleep(0.05)  # a person resizes, then looks: the rest wraps meanwhile
        # Incremental search: one character typed into the open search bar at a time.
        await press(app, "escape")
        await press(app, "slash")
        field = app.search_bar.query_one(Input)
        samples["search keystroke"] = []
        for _ in range(max(1, presses // 10)):
            for character in "Natásha":
                samples["search keystroke"].append(
                    await timed(app, lambda c=character: field.insert_text_at_cursor(c))
                )
            field.value = ""
            await settle(app)
        return samples

    return session


def comment_session(toggles: int) -> Session:
    async def session(app: ReaderApp) -> dict[str, list[float]]:
        tree = app.comment_tree
        app.action_go_to_comments()
        await settle(app)
        samples: dict[str, list[float]] = {"toggle": [], "expand all": [], "j": []}
        for _ in range(toggles):
            samples["j"].append(await press(app, "j"))
            samples["toggle"].append(await press(app, "space"))
            samples["toggle"].append(await press(app, "space"))
        for _ in range(max(1, toggles // 10)):
            await press(app, "minus")
            samples["expand all"].append(await press(app, "plus"))
        assert tree.has_focus
        return samples

    return session


def key_figures(small: Post, book: Post, path: Path, presses: int) -> list[Figure]:
    base = in_app(small, key_session(presses))
    measured = in_app(book, key_session(presses))
    matches = int(measured["matches"][0])
    figures = [search_count_figure(median(measured["count the"]), matches, path, 5)]
    names = {
        "right_square_bracket": "]",
        "n": "n",
        "pagedown": "page down",
        "right_curly_bracket": "}",
    }
    for key, label in names.items():
        for stat, limit in ((median, 0.016), (p99, 0.050)):
            value, baseline = stat(measured[key]), stat(base[key])
            figures.append(
                figure(
                    f"key {label}, book, {stat.__name__}",
                    value * 1000,
                    "ms",
                    baseline * 1000,
                    f"<= {limit * 1000:.0f} ms",
                    value <= limit,
                )
            )
    for key, label, limit in (
        ("resize", "resize reflow", 0.100),
        ("search keystroke", "search keystroke", 0.050),
    ):
        value, baseline = median(measured[key]), median(base[key])
        figures.append(
            figure(
                f"{label}, book, median",
                value * 1000,
                "ms",
                baseline * 1000,
                f"<= {limit * 1000:.0f} ms",
                value <= limit,
            )
        )
    return figures


def comment_figures(small: Post, thread: Post, toggles: int) -> list[Figure]:
    base = in_app(small, comment_session(toggles))
    measured = in_app(thread, comment_session(toggles))
    count = len(thread.comments)
    figures = []
    for key, stat, limit in (
        ("toggle", median, 0.016),
        ("j", median, 0.016),
        ("expand all", median, 0.300),
    ):
        value, baseline = stat(measured[key]), stat(base[key])
        figures.append(
            figure(
                f"comments {key}, {count} comments, median",
                value * 1000,
                "ms",
                baseline * 1000,
                f"<= {limit * 1000:.0f} ms",
                value <= limit,
            )
        )
    return figures


LONG_COMMENT = 1_000_000
"""Characters of the one paragraph drawn by both panes (a 1 MB comment)."""


def long_comment_post(text: str) -> Post:
    """A post whose one paragraph and one comment hold the same text."""
    span = (0, len(text))
    body = Section("s1", "A long comment", True, 1, (Paragraph("p1", text, span),))
    comment = Comment("c1", None, 0, "1", "A reader", None, (Paragraph("c1.p1", text, span),))
    return Post(title="A long comment", sections=(body,), comments=(comment,))


def draw_session(screens: int) -> Session:
    """Draw screens of rows never drawn before, in each pane in turn: the same text at
    the same width (the sidebar hidden) and as many rows as the comments panel holds."""

    async def session(app: ReaderApp) -> dict[str, list[float]]:
        app.action_toggle_sidebar()
        await settle(app)
        panes = {"text": app.document, "comments": app.comment_tree}
        rows = app.comment_tree.size.height
        assert app.document.size.width == app.comment_tree.size.width
        samples: dict[str, list[float]] = {name: [] for name in panes}
        for screen in range(1, screens + 1):
            for name, pane in panes.items():
                pane.scroll_to_row(screen * rows)  # wraps what comes on screen
                started = time.perf_counter()
                for y in range(rows):
                    pane.render_line(y)
                samples[name].append(time.perf_counter() - started)
        await settle(app)
        return samples

    return session


def draw_figure(screens: int) -> Figure:
    """A screen of a 1 MB comment in the comments panel, against the same screen of the
    same text in the text pane."""
    # Both panes as wide: the text pane's lines not held to a reading measure.
    post = long_comment_post(long_paragraph(LONG_COMMENT))
    measured = in_app(post, draw_session(screens), line_length=0)
    value, baseline = median(measured["comments"]), median(measured["text"])
    return figure(
        "comments draw a screen, 1 MB comment, median",
        value * 1000,
        "ms",
        baseline * 1000,
        "<= 1.0 x text pane",
        value <= baseline,
    )


def chain_figure(small: Post, path: Path) -> Figure:
    """The deep chain opens, navigates and dumps; its time against the sample's."""

    async def walk(app: ReaderApp) -> dict[str, list[float]]:
        started = time.perf_counter()
        for key in ("right_square_bracket", "C", "G", "u", "u", "g", "J", "space", "plus"):
            await press(app, key)
        app.action_go_to_comments()
        await settle(app)
        for key in ("end", "u", "minus", "plus", "home", "j", "j"):
            await press(app, key)
        return {"walk": [time.perf_counter() - started]}

    def everything(post: Post) -> float:
        started = time.perf_counter()
        in_app(post, walk)
        to_json(post)
        SearchIndex(post).find(Query("the"))
        return time.perf_counter() - started

    started = time.perf_counter()
    chain = open_post(str(path))
    deepest = max(comment.depth for comment in chain.comments)
    subprocess.run(
        [sys.executable, "-m", "reader", "--dump", "json", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started + everything(chain)
    baseline = everything(small)
    return figure(
        f"{len(chain.comments)}-deep chain (depth {deepest}): open, walk, dump, search",
        seconds * 1000,
        "ms",
        baseline * 1000,
        "no RecursionError",
        True,
    )


# --- the report -----------------------------------------------------------------------


def table(figures: list[Figure]) -> str:
    header = ("figure", "value", "baseline", "ratio", "target", "")
    rows = [
        (
            f.name,
            f"{f.value:,.1f} {f.unit}",
            f"{f.baseline:,.1f} {f.unit}",
            f"{f.ratio:.2f}",
            f.target,
            {True: "ok", False: "MISSED", None: ""}[f.met],
        )
        for f in figures
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in [header, *rows]
    ]
    return "\n".join(line.rstrip() for line in lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small inputs, few repeats")
    parser.add_argument(
        "--out",
        type=Path,
        default=BENCH / "results.jsonl",
        help="where the figures go, one JSON object per line (default: bench/results.jsonl)",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    repeats, presses = (1, 20) if quick else (5, 200)
    with tempfile.TemporaryDirectory(prefix="post-reader-bench-") as folder:
        paths = write_inputs(Path(folder), quick)
        posts = {
            name: open_post(str(paths[name])) for name in ("sample", "book", "thread", "page")
        }
        figures = paint_figures(paths, posts, repeats)
        figures += throughput_figures(paths, repeats)
        figures += key_figures(posts["sample"], posts["book"], paths["book"], presses)
        figures += comment_figures(posts["sample"], posts["thread"], presses)
        figures.append(draw_figure(presses))
        figures.append(chain_figure(posts["sample"], paths["chain"]))
    write_figures(args.out, "run", (asdict(item) for item in figures))
    print(table(figures))
    missed = sum(f.met is False for f in figures)
    print(f"\n{len(figures)} figures, {missed} missed; written to {args.out.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
