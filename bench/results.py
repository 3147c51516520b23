"""The figures file shared by the benchmarks: one JSON object per figure, per line.

Each benchmark replaces its own figures (those it wrote last time, marked with its
name under ``"bench"``) and keeps the others', so ``run.py`` and ``accuracy.py`` can
be run in any order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_figures(path: Path, bench: str, figures: Iterable[dict[str, Any]]) -> None:
    new = [{**figure, "bench": bench} for figure in figures]
    kept: list[str] = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                owner = json.loads(line).get("bench")
            except (json.JSONDecodeError, AttributeError):
                continue
            if owner is not None and owner != bench:
                kept.append(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = kept + [json.dumps(figure, ensure_ascii=False) for figure in new]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
