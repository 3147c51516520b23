"""Comment threads found in the markup of real web pages, against the count by hand.

    python bench/html_threads.py             # every dev page, table, figures to results.jsonl
    python bench/html_threads.py --no-write  # print only

``read_thread`` runs on every page of the ``pages-dev`` set (``../shared/corpus/``, or
``--corpus``, or ``POST_READER_CORPUS``; unpacked to a temporary folder, nothing kept).
``bench/html_thread_truth.json`` says, for each page whose markup holds a comment thread,
how many comments the markup holds (counted by hand, with how they are marked). Printed:
per page with a thread in the truth, and per page where one is found without, the
count by hand, the count found and the authors found; then the totals: pages whose count
is within 10% of the truth, the share of the comments found there that have an author,
and threads found on pages without one.

Also timed: a generated 1 MB page holding 1,000 nested WordPress comments, read in
the same process; the baseline is lxml parsing that page.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402
from accuracy import default_corpus, unpack  # noqa: E402
from results import write_figures  # noqa: E402

from reader.formats.html_thread import HtmlThread, read_thread  # noqa: E402
from reader.load import load_bytes  # noqa: E402

PAGES = "pages-dev"
TRUTH = BENCH / "html_thread_truth.json"
WITHIN = 0.10
TIMING_TARGET_MS = 300.0


def parse_page(data: bytes, name: str) -> lxml.html.HtmlElement:
    """The page as the reader has it: decoded by the loader, parsed by lxml (deep
    nesting allowed, as the HTML reader allows it). The encoding is given: left to
    guess, libxml2 reads UTF-8 as Latin-1 when the page's charset comes late."""
    text = load_bytes(data, name).text
    parser = lxml.html.HTMLParser(huge_tree=True, encoding="utf-8")
    return lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)


@dataclass
class PageResult:
    name: str
    truth: int | None
    found: int
    authors: list[str | None]

    @property
    def within(self) -> bool:
        return self.truth is not None and abs(self.found - self.truth) <= WITHIN * self.truth


def read_pages(folder: Path, truth: dict[str, int]) -> list[PageResult]:
    results = []
    for path in sorted(folder.glob("*.html")):
        thread: HtmlThread | None = read_thread(parse_page(path.read_bytes(), path.name), None)
        comments = thread.comments if thread is not None else []
        results.append(
            PageResult(
                path.stem,
                truth.get(path.stem),
                len(comments),
                [comment.author for comment in comments],
            )
        )
    # A page named in the truth but not in the set counts as missed, not as absent.
    seen = {result.name for result in results}
    results += [PageResult(name, count, 0, []) for name, count in truth.items() if name not in seen]
    return results


@dataclass
class Summary:
    with_thread: int
    within: int
    comments_found: int
    with_author: int
    without_thread: int
    false_threads: int

    @property
    def author_share(self) -> float:
        return self.with_author / self.comments_found if self.comments_found else 0.0


def summarise(results: list[PageResult]) -> Summary:
    threaded = [result for result in results if result.truth]
    found = [author for result in threaded for author in result.authors]
    return Summary(
        with_thread=len(threaded),
        within=sum(result.within for result in threaded),
        comments_found=len(found),
        with_author=sum(author is not None for author in found),
        without_thread=len(results) - len(threaded),
        false_threads=sum(1 for result in results if not result.truth and result.found),
    )


def show_pages(results: list[PageResult]) -> None:
    print("page: by hand / found, authors found")
    for result in results:
        if not result.truth and not result.found:
            continue
        mark = "ok" if result.within else ("FALSE THREAD" if not result.truth else "MISSED")
        names = ", ".join(sorted({author or "?" for author in result.authors}))
        print(f"  {result.name}: {result.truth or 0} / {result.found}  {mark}")
        if names:
            print(f"      {names[:150]}")


# --- timing ---------------------------------------------------------------------------

NAMES = "Jane John Amir Mei Olu Sofia Pete Ravi Anna Tom Lena Karl Ines Raj Noor".split()
WORDS = (
    "the of and to a in that he was it his with had for as she you at on her not by be "
    "which they this from but all were have so one said an there we what or their when "
    "police social media account officer public blog post force report river garden"
).split()


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(
        " ".join(rng.choices(WORDS, k=rng.randint(8, 20))).capitalize() + "."
        for _ in range(sentences)
    )


def thread_page(count: int, seed: int = 1) -> str:
    """A WordPress page with ``count`` comments nested up to a few deep (about 800 bytes
    each: author, date, avatar, one to three paragraphs, a Reply link)."""
    rng = random.Random(seed)
    depth = 0
    parts: list[str] = []
    for number in range(1, count + 1):
        level = min(depth, rng.choice((0, 0, 1, 1, 2, 3)))
        parts.append("</ul></li>" * (depth - level))
        body = "".join(f"<p>{_paragraph(rng, rng.randint(1, 3))}</p>" for _ in range(2))
        parts.append(
            f'<li class="comment depth-{level + 1}" id="comment-{number}">'
            '<article class="comment-body"><footer class="comment-meta">'
            '<div class="comment-author vcard"><img class="avatar" src="a.png" alt="">'
            f'<b class="fn">{rng.choice(NAMES)}</b> <span class="says">says:</span></div>'
            '<div class="comment-metadata"><a href="#c"><time datetime="2024-05-01T21:00">'
            f"May {rng.randint(1, 28)}, 2024 at 9:{rng.randint(10, 59)} pm</time></a></div>"
            f'</footer><div class="comment-content">{body}</div><div class="reply">'
            '<a class="comment-reply-link" href="#">Reply</a></div></article>'
            '<ul class="children">'
        )
        depth = level + 1
    parts.append("</ul></li>" * depth)
    article = "".join(f"<p>{_paragraph(rng, 5)}</p>" for _ in range(40))
    return (
        "<!DOCTYPE html><html><head><title>A post</title></head><body>"
        '<nav><ul><li><a href="/">Home</a></li></ul></nav>'
        f"<article><h1>A post</h1>{article}</article>"
        f'<div id="comments"><h2 class="comments-title">{count} thoughts on “A post”</h2>'
        f'<ol class="comment-list">{"".join(parts)}</ol></div><footer>Footer</footer>'
        "</body></html>"
    )


def time_thread(count: int = 1_000, repeat: int = 5) -> tuple[float, float, int, int]:
    """(best time to read the thread, best time to parse the page, in ms; the page's
    size; comments found)."""
    page = thread_page(count)
    data = page.encode("utf-8")
    parse_best = read_best = float("inf")
    found = 0
    for _ in range(repeat):
        start = time.perf_counter()
        root = lxml.html.document_fromstring(data)
        parse_best = min(parse_best, time.perf_counter() - start)
        start = time.perf_counter()
        thread = read_thread(root, None)
        read_best = min(read_best, time.perf_counter() - start)
        found = len(thread.comments) if thread is not None else 0
    return read_best * 1000, parse_best * 1000, len(data), found


# --- figures --------------------------------------------------------------------------


def figures(summary: Summary, timing: tuple[float, float, int, int]) -> list[dict[str, object]]:
    pages = summary.with_thread
    within = summary.within / pages if pages else 0.0
    read_ms, parse_ms, size, found = timing
    return [
        {
            "name": f"html threads, dev pages with a thread ({pages}): count within 10%",
            "value": round(within, 4),
            "unit": "",
            "baseline": 0.0,  # finding no thread
            "ratio": None,
            "target": "= 1.00",
            "met": summary.within == pages,
        },
        {
            "name": f"html threads, dev pages with a thread ({pages}): comments with an author",
            "value": round(summary.author_share, 4),
            "unit": "",
            "baseline": 0.0,
            "ratio": None,
            "target": ">= 0.95",
            "met": summary.author_share >= 0.95,
        },
        {
            "name": f"html threads, dev pages without a thread ({summary.without_thread}):"
            " false threads",
            "value": summary.false_threads,
            "unit": "pages",
            "baseline": 0,
            "ratio": None,
            "target": "= 0",
            "met": summary.false_threads == 0,
        },
        {
            "name": f"html threads: read a {size / 1e6:.1f} MB page of {found} comments",
            "value": round(read_ms, 1),
            "unit": "ms",
            "baseline": round(parse_ms, 1),  # lxml parsing the same page
            "ratio": round(read_ms / parse_ms, 2) if parse_ms else None,
            "target": f"< {TIMING_TARGET_MS:.0f} ms",
            "met": read_ms < TIMING_TARGET_MS,
        },
    ]


def table(rows: list[dict[str, object]]) -> str:
    lines = []
    for row in rows:
        met = {True: "ok", False: "MISSED", None: ""}[row["met"]]  # type: ignore[index]
        lines.append(
            f"{row['name']}: {row['value']} {row['unit']}".rstrip()
            + f"  (baseline {row['baseline']}; target {row['target']}) {met}"
        )
    return "\n".join(lines)


def run(corpus: Path) -> tuple[list[PageResult], Summary]:
    truth = {name: entry["comments"] for name, entry in json.loads(TRUTH.read_text()).items()}
    with tempfile.TemporaryDirectory(prefix="post-reader-threads-") as folder:
        results = read_pages(unpack(corpus, PAGES, Path(folder)), truth)
    return results, summarise(results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus())
    parser.add_argument("--out", type=Path, default=BENCH / "results.jsonl")
    parser.add_argument("--no-write", action="store_true", help="print only, write no figures")
    args = parser.parse_args(argv)
    if not (args.corpus / f"{PAGES}.tar.xz").exists():
        print(f"html_threads: no {PAGES} in {args.corpus} (give --corpus)", file=sys.stderr)
        return 2
    results, summary = run(args.corpus)
    show_pages(results)
    rows = figures(summary, time_thread())
    print()
    print(table(rows))
    if not args.no_write:
        write_figures(args.out, "html_threads", rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
