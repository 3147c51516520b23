"""Score the parser on real pages: the development sets of the corpus.

    python bench/accuracy.py                 # both sets, table, figures to results.jsonl
    python bench/accuracy.py --worst 10      # and the ten worst pages of each set
    python bench/accuracy.py --limit 20      # the first 20 pages of each set (a quick look)

The sets are read from ``../shared/corpus/`` beside the project (or ``--corpus``, or the
``POST_READER_CORPUS`` environment variable) and unpacked to a temporary folder; nothing
of them is kept.

Scrapes (a page's text with the truth marker line between article and comments): per
page, the bag of words of the gold article and the gold comments against what the parser
put in the post (title, headings, paragraphs) and in the thread (header, labels, authors,
dates, comment paragraphs). Comment recall and body recall are the shares of gold words
found there; leak is the share of the parsed post that is comment words beyond the
article's own; a page is *separated* when comment recall >= 0.8 and leak <= 0.10.

Rendered pages (the text a terminal browser draws, navigation and footers included):
each ``with`` snippet found in the parsed sections is a true positive, each one missing a
false negative; each ``without`` snippet found there a false positive. The title is right
when it equals the declared title after normalising case, quotes and white space, or is
that title without a site part (``TITLE | Site``, ``Site - TITLE``).

The baseline of those figures is the reader that does nothing: the whole text as the
post, no thread, the first line as the title.

HTML pages (the same pages as HTML, read by the HTML reader with the page's address as
its base): the same snippet measure over the parsed sections (without the ``[3]`` the
reader writes after a link, which is not the page's text), and the same title rule.
Its baseline is trafilatura on its own, in the same run: ``trafilatura.extract()`` with
its default options (plain text) for the snippets, the title of trafilatura's metadata
for the title.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tarfile
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

from results import write_figures  # noqa: E402

from reader.formats.html import parse_html  # noqa: E402
from reader.load import load_bytes  # noqa: E402
from reader.model import Link, Post, Source  # noqa: E402
from reader.parse import parse_post  # noqa: E402

SCRAPES = "scrapes-dev"
PAGES = "pages-dev"
# The truth marker: a line of punctuation ending in COMMENTS (not part of the page).
MARKER = re.compile(r"^[^\w\n]*COMMENTS[^\S\n]*(?:\n|$)", re.MULTILINE)
WORD = re.compile(r"\w+")
SEPARATED_RECALL = 0.8
SEPARATED_LEAK = 0.10


def default_corpus() -> Path:
    named = os.environ.get("POST_READER_CORPUS")
    return Path(named) if named else ROOT.parent / "shared" / "corpus"


def unpack(corpus: Path, name: str, into: Path) -> Path:
    """Unpack ``name.tar.xz`` from the corpus into ``into``; the folder it holds."""
    with tarfile.open(corpus / f"{name}.tar.xz") as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(into, filter="data")
        else:  # Python before 3.10.12 has no extraction filters
            archive.extractall(into)  # noqa: S202 - the corpus is the project's own data
    return into / name


# --- words and text ---------------------------------------------------------------------


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.casefold()))


_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "\u00a0": " "}
)


def normalised(text: str) -> str:
    """Case, quotes and white space out of the way, for comparing snippets and titles."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


def sections_text(post: Post, references: bool = True) -> str:
    """The parsed sections: headings and paragraphs (the post's title is not in them).
    ``references=False``: without the ``[3]`` the reader writes after a link's text, which
    the page does not hold (snippets are the page's words)."""
    links: dict[str, list[Link]] = {}
    if not references:
        for link in post.links:
            links.setdefault(link.block, []).append(link)
    parts: list[str] = []
    for section in post.sections:
        if not section.title_inferred:
            parts.append(section.title)
        for paragraph in section.paragraphs:
            text = paragraph.text
            for link in sorted(links.get(paragraph.id, ()), key=lambda link: -link.end):
                mark = f"[{link.number}]"
                if text.startswith(mark, link.end):
                    text = text[: link.end] + text[link.end + len(mark) :]
            parts.append(text)
    return "\n".join(parts)


def post_text(post: Post) -> str:
    """What the reader shows as the post: its title and its sections."""
    title = "" if post.title_inferred else post.title
    return f"{title}\n{sections_text(post)}"


def thread_text(post: Post) -> str:
    parts = [post.comments_header.text] if post.comments_header else []
    for comment in post.comments:
        parts.extend(part for part in (comment.label, comment.author, comment.date) if part)
        parts.extend(paragraph.text for paragraph in comment.paragraphs)
    return "\n".join(parts)


# --- scrapes ----------------------------------------------------------------------------


@dataclass
class ScrapeScore:
    name: str
    comment_recall: float
    body_recall: float
    leak: float

    @property
    def separated(self) -> bool:
        return self.comment_recall >= SEPARATED_RECALL and self.leak <= SEPARATED_LEAK


def overlap(found: Counter[str], gold: Counter[str]) -> int:
    return sum((found & gold).values())


def score_split(name: str, article: str, comments: str, body: str, thread: str) -> ScrapeScore:
    gold_article, gold_comments = words(article), words(comments)
    parsed_body, parsed_thread = words(body), words(thread)
    comment_total = sum(gold_comments.values())
    article_total = sum(gold_article.values())
    body_total = sum(parsed_body.values())
    leaked = overlap(parsed_body - gold_article, gold_comments)
    return ScrapeScore(
        name=name,
        comment_recall=overlap(parsed_thread, gold_comments) / comment_total
        if comment_total
        else 1.0,
        body_recall=overlap(parsed_body, gold_article) / article_total if article_total else 1.0,
        leak=leaked / body_total if body_total else 0.0,
    )


def read_scrape(path: Path) -> tuple[str, int, Source]:
    """The page's text without the marker line, where the comments begin, and its source."""
    loaded = load_bytes(path.read_bytes(), path.name)
    marker = MARKER.search(loaded.text)
    if marker is None:
        raise ValueError(f"{path.name}: no truth marker")
    text = loaded.text[: marker.start()] + loaded.text[marker.end() :]
    source = Source(name=path.name, encoding=loaded.encoding, bytes=len(text.encode()))
    return text, marker.start(), source


def score_scrape(path: Path) -> tuple[ScrapeScore, ScrapeScore]:
    """(the parser's score, the do-nothing baseline's) for one scrape."""
    text, split, source = read_scrape(path)
    post = parse_post(text, source)
    article, comments = text[:split], text[split:]
    parsed = score_split(path.stem, article, comments, post_text(post), thread_text(post))
    baseline = score_split(path.stem, article, comments, text, "")
    return parsed, baseline


# --- rendered pages ---------------------------------------------------------------------


@dataclass
class PageScore:
    name: str
    true_positives: int
    false_negatives: int
    false_positives: int
    title_right: bool
    title: str
    declared: str
    missing: list[str]
    leaked: list[str]


_SITE_SEPARATOR = re.compile(r"\s+[|\-–—:·»/]\s+|\s*[|·»]\s*")


def title_matches(title: str, declared: str) -> bool:
    """Equal after normalising, or the declared title's post part: the title less the site
    part(s) after a separator (``TITLE | Site``, ``TITLE - Site | Tagline``), or, in the
    mirrored form ``Site | TITLE``, less a site part shorter than what is left."""
    found, want = normalised(title), normalised(declared)
    if not found:
        return False
    if found == want:
        return True
    pieces = _SITE_SEPARATOR.split(want)
    for cut in range(1, len(pieces)):
        head = want[: _nth_separator(want, cut)[0]].strip()
        tail = want[_nth_separator(want, cut)[1] :].strip()
        if found == head:
            return True
        if found == tail and len(head) <= len(tail):
            return True
    return False


def _nth_separator(text: str, n: int) -> tuple[int, int]:
    matches = list(_SITE_SEPARATOR.finditer(text))
    return matches[n - 1].span()


def score_page_text(name: str, sections: str, title: str, truth: dict[str, object]) -> PageScore:
    shown = normalised(sections)
    with_snippets = [str(s) for s in truth.get("with", []) or []]  # type: ignore[attr-defined]
    without = [str(s) for s in truth.get("without", []) or []]  # type: ignore[attr-defined]
    missing = [s for s in with_snippets if normalised(s) not in shown]
    leaked = [s for s in without if normalised(s) in shown]
    declared = str(truth.get("title") or "")
    return PageScore(
        name=name,
        true_positives=len(with_snippets) - len(missing),
        false_negatives=len(missing),
        false_positives=len(leaked),
        title_right=title_matches(title, declared),
        title=title,
        declared=declared,
        missing=missing,
        leaked=leaked,
    )


def score_page(folder: Path, name: str, truth: dict[str, object]) -> tuple[PageScore, PageScore]:
    path = folder / f"{name}.txt"
    loaded = load_bytes(path.read_bytes(), path.name)
    post = parse_post(loaded.text, Source(name=path.name, encoding=loaded.encoding))
    parsed = score_page_text(name, sections_text(post), post.title, truth)
    first_line = next((line.strip() for line in loaded.text.splitlines() if line.strip()), "")
    baseline = score_page_text(name, loaded.text, first_line, truth)
    return parsed, baseline


def score_html_page(
    folder: Path, name: str, truth: dict[str, object]
) -> tuple[PageScore, PageScore]:
    """(the HTML reader's score, trafilatura.extract()'s) for one page's HTML."""
    import trafilatura

    path = folder / f"{name}.html"
    loaded = load_bytes(path.read_bytes(), path.name)
    url = str(truth.get("url") or "") or None
    source = Source(name=path.name, format="html", encoding=loaded.encoding, url=url)
    post = parse_html(loaded.text, source, url)
    parsed = score_page_text(name, sections_text(post, references=False), post.title, truth)
    extracted = trafilatura.extract(loaded.text) or ""
    metadata = trafilatura.extract_metadata(loaded.text)
    title = (metadata.title if metadata is not None else None) or ""
    baseline = score_page_text(name, extracted, title, truth)
    return parsed, baseline


# --- the sets ---------------------------------------------------------------------------


def scrape_scores(folder: Path, limit: int | None) -> Iterator[tuple[ScrapeScore, ScrapeScore]]:
    paths = sorted(folder.glob("*.txt"))
    for path in paths[:limit]:
        yield score_scrape(path)


def page_scores(folder: Path, limit: int | None) -> Iterator[tuple[PageScore, PageScore]]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    for name in sorted(truth)[:limit]:
        yield score_page(folder, name, truth[name])


def html_scores(folder: Path, limit: int | None) -> Iterator[tuple[PageScore, PageScore]]:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    for name in sorted(truth)[:limit]:
        if (folder / f"{name}.html").exists():
            yield score_html_page(folder, name, truth[name])


@dataclass
class ScrapeSummary:
    pages: int
    separated: float
    comment_recall: float
    body_recall: float
    leak: float


def summarise_scrapes(scores: list[ScrapeScore]) -> ScrapeSummary:
    return ScrapeSummary(
        pages=len(scores),
        separated=sum(score.separated for score in scores) / len(scores),
        comment_recall=statistics.fmean(score.comment_recall for score in scores),
        body_recall=statistics.fmean(score.body_recall for score in scores),
        leak=statistics.fmean(score.leak for score in scores),
    )


@dataclass
class PageSummary:
    pages: int
    precision: float
    recall: float
    f1: float
    title_right: float


def summarise_pages(scores: list[PageScore]) -> PageSummary:
    tp = sum(score.true_positives for score in scores)
    fn = sum(score.false_negatives for score in scores)
    fp = sum(score.false_positives for score in scores)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PageSummary(
        pages=len(scores),
        precision=precision,
        recall=recall,
        f1=f1,
        title_right=sum(score.title_right for score in scores) / len(scores),
    )


# --- the report -------------------------------------------------------------------------


def figure(
    name: str, value: float, baseline: float, target: str, met: bool | None
) -> dict[str, object]:
    return {
        "name": name,
        "value": round(value, 4),
        "unit": "",
        "baseline": round(baseline, 4),
        # Doing nothing can score 0 (no comment found): then there is no ratio to give.
        "ratio": round(value / baseline, 4) if baseline else None,
        "target": target,
        "met": met,
    }


def html_figures(got: PageSummary, base: PageSummary) -> list[dict[str, object]]:
    """The HTML reader against trafilatura.extract() on the same pages: at least as good
    on each snippet measure, and the title right on 95 pages in 100."""
    where = f"html pages ({got.pages})"
    versus = ">= trafilatura.extract"
    return [
        figure(
            f"accuracy, {where}: precision",
            got.precision,
            base.precision,
            versus,
            got.precision >= base.precision,
        ),
        figure(
            f"accuracy, {where}: recall", got.recall, base.recall, versus, got.recall >= base.recall
        ),
        figure(f"accuracy, {where}: F1", got.f1, base.f1, versus, got.f1 >= base.f1),
        figure(
            f"accuracy, {where}: title right",
            got.title_right,
            base.title_right,
            ">= 0.95",
            got.title_right >= 0.95,
        ),
    ]


def figures(
    scrapes: tuple[ScrapeSummary, ScrapeSummary] | None,
    pages: tuple[PageSummary, PageSummary] | None,
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    if scrapes is not None:
        got, base = scrapes
        where = f"scrapes ({got.pages} pages)"
        out += [
            figure(
                f"accuracy, {where}: separated",
                got.separated,
                base.separated,
                ">= 0.85",
                got.separated >= 0.85,
            ),
            figure(
                f"accuracy, {where}: comment recall",
                got.comment_recall,
                base.comment_recall,
                ">= 0.90",
                got.comment_recall >= 0.90,
            ),
            figure(
                f"accuracy, {where}: body recall",
                got.body_recall,
                base.body_recall,
                ">= 0.97",
                got.body_recall >= 0.97,
            ),
            figure(f"accuracy, {where}: leak", got.leak, base.leak, "(lower is better)", None),
        ]
    if pages is not None:
        got_p, base_p = pages
        where = f"rendered pages ({got_p.pages})"
        out += [
            figure(
                f"accuracy, {where}: precision",
                got_p.precision,
                base_p.precision,
                ">= 0.80",
                got_p.precision >= 0.80,
            ),
            figure(
                f"accuracy, {where}: recall",
                got_p.recall,
                base_p.recall,
                ">= 0.95",
                got_p.recall >= 0.95,
            ),
            figure(f"accuracy, {where}: F1", got_p.f1, base_p.f1, "", None),
            figure(
                f"accuracy, {where}: title right",
                got_p.title_right,
                base_p.title_right,
                ">= 0.80",
                got_p.title_right >= 0.80,
            ),
        ]
    return out


def table(rows: list[dict[str, object]], baseline: str = "do nothing") -> str:
    header = ("figure", "value", baseline, "target", "")
    cells = [
        (
            str(row["name"]),
            f"{row['value']:.3f}",
            f"{row['baseline']:.3f}",
            str(row["target"]),
            {True: "ok", False: "MISSED", None: ""}[row["met"]],  # type: ignore[index]
        )
        for row in rows
    ]
    widths = [max(len(row[i]) for row in [header, *cells]) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [header, *cells]
    )


def show_worst_scrapes(scores: list[ScrapeScore], count: int) -> None:
    print("\nworst scrapes (comment recall, body recall, leak):")
    ranked = sorted(scores, key=lambda s: (s.separated, s.comment_recall - s.leak + s.body_recall))
    for score in ranked[:count]:
        print(
            f"  {score.name:>6}  {score.comment_recall:.2f}  {score.body_recall:.2f}  "
            f"{score.leak:.2f}"
        )


def show_worst_pages(scores: list[PageScore], count: int, kind: str = "rendered") -> None:
    print(f"\nworst {kind} pages (missing, leaked; title found / declared):")
    ranked = sorted(
        scores, key=lambda s: -(2 * s.false_negatives + s.false_positives + (not s.title_right))
    )
    for score in ranked[:count]:
        print(
            f"  {score.name}: -{score.false_negatives} +{score.false_positives}"
            f"  title {'ok' if score.title_right else 'WRONG'}: {score.title[:60]!r}"
            f" / {score.declared[:60]!r}"
        )
        for snippet in score.missing:
            print(f"      missing: {snippet[:70]!r}")
        for snippet in score.leaked:
            print(f"      leaked:  {snippet[:70]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=default_corpus(),
        help="folder holding the dev sets (default: ../shared/corpus)",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="score only the first N pages of each set"
    )
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages of each set")
    parser.add_argument(
        "--out",
        type=Path,
        default=BENCH / "results.jsonl",
        help="where the figures go (default: bench/results.jsonl)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only, write no figures")
    args = parser.parse_args(argv)
    if not (args.corpus / f"{SCRAPES}.tar.xz").exists():
        print(f"accuracy: no dev sets in {args.corpus} (give --corpus)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="post-reader-accuracy-") as folder:
        scrapes = list(scrape_scores(unpack(args.corpus, SCRAPES, Path(folder)), args.limit))
        pages_folder = unpack(args.corpus, PAGES, Path(folder))
        pages = list(page_scores(pages_folder, args.limit))
        html = list(html_scores(pages_folder, args.limit))
    scrape_summary = (
        summarise_scrapes([got for got, _ in scrapes]),
        summarise_scrapes([base for _, base in scrapes]),
    )
    page_summary = (
        summarise_pages([got for got, _ in pages]),
        summarise_pages([base for _, base in pages]),
    )
    rows = figures(scrape_summary, page_summary)
    print(table(rows))
    html_rows = html_figures(
        summarise_pages([got for got, _ in html]), summarise_pages([base for _, base in html])
    )
    print()
    print(table(html_rows, "trafilatura"))
    if args.worst:
        show_worst_scrapes([got for got, _ in scrapes], args.worst)
        show_worst_pages([got for got, _ in pages], args.worst)
        show_worst_pages([got for got, _ in html], args.worst, "html")
    if not args.no_write:
        write_figures(args.out, "accuracy", rows + html_rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
