"""The model and the non-interactive modules never import Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

MODULES = [
    "reader.model",
    "reader.load",
    "reader.parse",
    "reader.search",
    "reader.export",
    "reader.pipeline",
    "reader.cli",
]


@pytest.mark.parametrize("module", MODULES)
def test_module_does_not_import_textual(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_dump_does_not_import_textual() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--dump', 'json'])\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("module", ["reader.cli", "reader.prefetch", "reader.staged", "reader.tui"])
def test_the_interactive_path_does_not_load_the_parser(module: str) -> None:
    # The reader starts while a second process parses: loading the parser's patterns
    # here would only delay the first frame.
    code = f"import sys, {module}\nprint('reader.parse' in sys.modules)\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
