"""The benchmark's quick variant runs, so a change that breaks the measuring is caught.

No timing is asserted here: the figures belong to bench/run.py and README.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the paint probe needs a pty")


def test_quick_benchmark_writes_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    names = [figure["name"] for figure in figures]
    for expected in (
        "first paint, book",
        "first paint, thread",
        "first paint, 1 MB web page",
        "peak RSS, book open",
        "parser, book",
        "key ], book, median",
        "key n, book, p99",
        "key page down, book, median",
        "key }, book, median",
        "resize reflow, book, median",
        "search keystroke, book, median",
        "comments draw a screen, 1 MB comment, median",
    ):
        assert expected in names, names
    assert any(name.startswith("--dump json, book") for name in names)
    assert any(name.startswith("parser, thread") for name in names)
    assert any(name.startswith('search "the", book') for name in names)
    assert any(name.startswith("comments toggle") for name in names)
    assert any(name.startswith("comments expand all") for name in names)
    assert any("deep chain" in name for name in names)
    for figure in figures:
        assert set(figure) >= {"name", "value", "unit", "baseline", "ratio"}
        assert figure["value"] > 0 and figure["baseline"] > 0, figure
        assert figure["ratio"] == pytest.approx(figure["value"] / figure["baseline"], rel=0.05)
    # The table a person reads names every figure.
    for name in names:
        assert name in result.stdout


def test_accuracy_benchmark_scores_both_sets(tmp_path: Path) -> None:
    from corpus import corpus_folder

    if not (corpus_folder() / "scrapes-dev.tar.xz").exists():
        pytest.skip(f"the development sets are not at {corpus_folder()}")
    out = tmp_path / "results.jsonl"
    out.write_text('{"name": "parser, book", "value": 1, "bench": "run"}\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "accuracy.py"), "--limit", "12", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = {json.loads(line)["name"]: json.loads(line) for line in out.read_text().splitlines()}
    # Its own figures are added; the other benchmark's are kept.
    assert "parser, book" in figures
    names = [name for name in figures if name.startswith("accuracy")]
    for part in (
        "separated",
        "comment recall",
        "body recall",
        "leak",
        "precision",
        "recall",
        "title right",
    ):
        assert any(name.endswith(f": {part}") for name in names), names
    for name in names:
        assert 0.0 <= figures[name]["value"] <= 1.0
        assert name in result.stdout
    assert "scrapes (12 pages)" in result.stdout and "rendered pages (12)" in result.stdout
    # The HTML reader, scored on the same pages' HTML against trafilatura on its own.
    assert "html pages (12)" in result.stdout and "trafilatura" in result.stdout


def test_html_threads_benchmark(tmp_path: Path) -> None:
    from corpus import corpus_folder

    if not (corpus_folder() / "pages-dev.tar.xz").exists():
        pytest.skip(f"the development sets are not at {corpus_folder()}")
    out = tmp_path / "results.jsonl"
    out.write_text('{"name": "parser, book", "value": 1, "bench": "run"}\n', encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "html_threads.py"),
            "--corpus",
            str(corpus_folder()),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = [json.loads(line) for line in out.read_text().splitlines()]
    assert [figure["name"] for figure in figures if figure["bench"] == "run"] == ["parser, book"]
    own = [figure for figure in figures if figure["bench"] == "html_threads"]
    assert len(own) == 4
    for figure in own:
        assert figure["name"] in result.stdout
    truth = json.loads((ROOT / "bench" / "html_thread_truth.json").read_text())
    for name in truth:
        assert f"  {name}: {truth[name]['comments']} / " in result.stdout
