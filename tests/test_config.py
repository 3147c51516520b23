"""The settings file: what it may say, and one line naming the file, the key and the fault
for anything wrong (the reader then starts with the default for that setting).

Every test has config and state folders of its own (``XDG_CONFIG_HOME``,
``XDG_STATE_HOME`` in a temporary folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_support import SAMPLE

from reader import cli
from reader.config import DEFAULT_LINE_LENGTH, Config, config_path, load_config
from reader.tui import ReaderApp

THEMES = ("textual-dark", "nord", "gruvbox")
BINDINGS = ("text.page_down", "toggle_sidebar", "quit")


@pytest.fixture(autouse=True)
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state-home"))
    return tmp_path


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_is_in_the_xdg_config_folder(homes: Path) -> None:
    assert config_path() == homes / "config-home" / "post-reader" / "config.toml"


def test_no_file_is_the_defaults() -> None:
    assert load_config() == (Config(), [])
    assert Config().line_length == DEFAULT_LINE_LENGTH and Config().remember


def test_every_setting_is_read() -> None:
    write_config(
        'theme = "nord"\nline_length = 72\nremember = false\n'
        '[keys]\n"text.page_down" = "f, space"\ntoggle_sidebar = "S"\n'
    )
    config, problems = load_config()
    assert problems == []
    assert config == Config(
        theme="nord",
        line_length=72,
        remember=False,
        keys=(("text.page_down", "f,space"), ("toggle_sidebar", "S")),
    )
    assert config.checked(config_path(), THEMES, BINDINGS) == (config, [])


def test_zero_line_length_is_the_full_width() -> None:
    write_config("line_length = 0\n")
    assert load_config() == (Config(line_length=0), [])


def one_problem(text: str) -> tuple[Config, str]:
    path = write_config(text)
    config, problems = load_config()
    config, more = config.checked(path, THEMES, BINDINGS)
    problems += more
    assert len(problems) == 1, problems
    assert "\n" not in problems[0]
    assert problems[0].startswith(f"reader: {path}: ")
    return config, problems[0]


@pytest.mark.parametrize(
    ("text", "key", "what"),
    [
        ('line_length = "wide"\n', "line_length", "expected a number of columns"),
        ("line_length = -4\n", "line_length", "got -4"),
        ("line_length = true\n", "line_length", "got true"),
        ("line_length = 7.5\n", "line_length", "got 7.5"),
        ('remember = "yes"\n', "remember", "expected true or false, got 'yes'"),
        ("theme = 3\n", "theme", "expected a theme name"),
        ('theme = "no-such-theme"\n', "theme", "no theme named 'no-such-theme'"),
        ("colour = 1\n", "colour", "no such setting"),
        ('keys = "j"\n', "keys", "expected a table"),
        ('[keys]\n"text.page_down" = 5\n', "keys.text.page_down", 'expected keys such as "j,down"'),
        ('[keys]\nquit = ",,"\n', "keys.quit", 'expected keys such as "j,down"'),
        ('[keys]\nno_such_action = "x"\n', "keys.no_such_action", "no binding has this id"),
    ],
)
def test_a_wrong_setting_is_one_line_naming_the_file_the_key_and_the_fault(
    text: str, key: str, what: str
) -> None:
    config, problem = one_problem(
        "line_length = 66\n" + text if "line_length" not in text else text
    )
    assert f": {key}: " in problem and what in problem
    # That setting only is the default; the others are read.
    default = Config()
    if key == "line_length":
        assert config.line_length == DEFAULT_LINE_LENGTH
    else:
        assert config.line_length == 66
    assert config.theme == default.theme and config.remember == default.remember
    assert config.keys == ()


@pytest.mark.parametrize("text", ["theme = \n", "[keys\n", "a = 1\na = 2\n"])
def test_a_file_that_is_not_toml_is_one_line_and_the_defaults(text: str) -> None:
    path = write_config(text)
    config, problems = load_config()
    assert config == Config()
    assert len(problems) == 1 and "\n" not in problems[0]
    assert problems[0].startswith(f"reader: {path}: not a valid TOML file (")


def test_a_file_that_is_not_text_is_one_line_and_the_defaults() -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b'theme = "\xff"\n')
    config, problems = load_config()
    assert config == Config() and len(problems) == 1 and str(path) in problems[0]


# --- the command line with the settings -------------------------------------------------


class Launched:
    """The app the command line would run (run is stubbed: no terminal here)."""

    app: ReaderApp | None = None


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> type[Launched]:
    def run(self: ReaderApp, *args: object, **kwargs: object) -> None:
        Launched.app = self

    Launched.app = None
    monkeypatch.setattr(ReaderApp, "run", run)
    return Launched


def test_the_theme_comes_from_the_file(launched: type[Launched]) -> None:
    write_config('theme = "nord"\n')
    assert cli.main([str(SAMPLE)]) == 0
    assert launched.app is not None and launched.app.theme == "nord"


def test_theme_on_the_command_line_overrides_the_file(launched: type[Launched]) -> None:
    write_config('theme = "nord"\n')
    assert cli.main(["--theme", "gruvbox", str(SAMPLE)]) == 0
    assert launched.app is not None and launched.app.theme == "gruvbox"


def test_an_unknown_theme_on_the_command_line_is_a_usage_error(
    launched: type[Launched], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--theme", "no-such-theme", str(SAMPLE)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "--theme: no theme named 'no-such-theme'" in error
    assert "nord" in error
    assert launched.app is None


def test_a_wrong_setting_is_said_on_stderr_and_in_the_reader(
    launched: type[Launched], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('theme = "no-such-theme"\nline_length = 60\n')
    assert cli.main([str(SAMPLE)]) == 0
    error = capsys.readouterr().err.splitlines()
    assert len(error) == 1
    assert error[0].startswith(f"reader: {path}: theme: no theme named 'no-such-theme'")
    app = launched.app
    assert app is not None and app.theme == "textual-dark" and app.line_length == 60
    assert app.notices == [error[0].removeprefix("reader: ")]


def test_the_line_length_reaches_the_app(launched: type[Launched]) -> None:
    assert cli.main([str(SAMPLE)]) == 0
    assert launched.app is not None and launched.app.line_length == DEFAULT_LINE_LENGTH
    write_config("line_length = 0\n")
    assert cli.main([str(SAMPLE)]) == 0
    assert launched.app.line_length == 0


async def test_a_key_remapped_in_the_file_works_and_is_shown(launched: type[Launched]) -> None:
    write_config('[keys]\ntoggle_sidebar = "S"\n"text.page_down" = "f"\n')
    assert cli.main([str(SAMPLE)]) == 0
    app = launched.app
    assert app is not None
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # no longer the sidebar's key
        assert not app.section_list.has_class("-hidden")
        await pilot.press("S")
        assert app.section_list.has_class("-hidden")
        top = app.document.top_row
        await pilot.press("f")
        assert app.document.top_row > top
        toggle = next(b for g in app.key_groups() for b in g.bindings if b.id == "toggle_sidebar")
        assert app.keys_of(toggle) == "S"


def test_remember_false_neither_reads_nor_writes_a_place(
    launched: type[Launched], homes: Path
) -> None:
    write_config("remember = false\n")
    assert cli.main([str(SAMPLE)]) == 0
    assert launched.app is not None and launched.app._memory is None
    launched.app.save_place()
    assert not (homes / "state-home").exists()


def test_fresh_does_not_read_the_place(launched: type[Launched], homes: Path) -> None:
    from reader import state
    from reader.pipeline import open_post
    from reader.state import Place

    key = open_post(str(SAMPLE)).source.digest
    state.save(key, Place(block="p9"))
    assert cli.main([str(SAMPLE)]) == 0
    assert launched.app is not None and launched.app._memory is not None
    assert launched.app._memory.place == Place(block="p9")
    assert cli.main(["--fresh", str(SAMPLE)]) == 0
    assert launched.app._memory is not None and launched.app._memory.place is None
