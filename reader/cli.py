"""The ``reader`` command: non-interactive modes, or launch the interactive reader.

Exit codes: 0 ok, 1 ``--search`` found nothing (as grep), 2 bad usage or input.
Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import NoReturn

from reader import __version__, prefetch
from reader.formats.detect import FORMATS
from reader.load import LoadError, control_placeholder
from reader.model import Post
from reader.resources import sample_path
from reader.visible import visible

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_USAGE = 2

_CONTEXT = 36  # characters of context shown on each side of a --search match


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"reader: {message} (see reader --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="Read a blog post and the discussion under it in the terminal.",
        epilog="settings: theme, line_length, remember and [keys] in\n"
        "  $XDG_CONFIG_HOME/post-reader/config.toml (~/.config/post-reader/ by default)\n"
        "places: remembered per document in $XDG_STATE_HOME/post-reader/\n\n"
        "Exit status: 0 ok, 1 --search found nothing, 2 bad usage or input.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="the post to read: a text, Markdown or HTML file, an http(s) URL, or - for "
        "standard input (omitted: the bundled sample)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="read PATH as this format (default: from its name, its content type, its text)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--dump",
        choices=("json", "outline", "markdown"),
        help="print the parsed post and exit",
    )
    mode.add_argument("--search", metavar="QUERY", help="print every match and exit")
    parser.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    parser.add_argument(
        "--case-sensitive",
        action="store_true",
        help="match case exactly (default: smartcase, sensitive only if QUERY has a capital)",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="start at the top: do not restore the place remembered for this document",
    )
    parser.add_argument(
        "--theme",
        metavar="NAME",
        help="the colour theme (a Textual theme such as nord or gruvbox; "
        "overrides the config file)",
    )
    parser.add_argument(
        "--version", action="version", version=f"reader (post-reader) {__version__}"
    )
    return parser


def _fail(message: str) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return EXIT_USAGE


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `reader --dump json | head` is fine
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _print_matches(post: Post, query_text: str, regex: bool, case_sensitive: bool) -> int:
    from reader.search import Query, QueryError, SearchIndex

    query = Query(query_text, regex=regex, case_sensitive=True if case_sensitive else None)
    index = SearchIndex(post)
    try:
        matches = index.find(query)
    except QueryError as error:
        return _fail(str(error))
    texts = {block.id: block.text for block in index.blocks}
    lines = []
    for match in matches:
        text = texts[match.block_id]
        before = text[max(0, match.start - _CONTEXT) : match.start]
        after = text[match.end : match.end + _CONTEXT]
        lead = "…" if match.start > _CONTEXT else ""
        trail = "…" if match.end + _CONTEXT < len(text) else ""
        snippet = " ".join(f"{lead}{before}[{text[match.start : match.end]}]{after}{trail}".split())
        snippet = visible(snippet)  # read in a terminal: hidden characters marked, as in the reader
        lines.append(f"{match.block_id}:{match.start}-{match.end}\t{match.label}\t{snippet}\n")
    _write("".join(lines))
    return EXIT_OK if matches else EXIT_NO_MATCH


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if (args.regex or args.case_sensitive) and args.search is None:
        return _fail("--regex and --case-sensitive go with --search (see reader --help)")
    path = args.path if args.path is not None else str(sample_path())
    if args.dump is None and args.search is None:
        if path == "-" and _is_terminal(sys.stdin):
            # Nothing was piped: the reader would wait for a document typed at a blank screen.
            return _fail("- reads a piped document (e.g. `cat post.txt | reader -`)")
        return _run_reader(path, args.format, fresh=args.fresh, theme=args.theme)
    from reader.pipeline import open_post  # not for the interactive reader: see prefetch

    try:
        with _waiting_for(path):
            post = open_post(path, as_format=args.format)
    except LoadError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    if args.dump:
        from reader import export

        render = {
            "json": export.to_json,
            "outline": export.to_outline,
            "markdown": export.to_markdown,
        }
        output = render[args.dump](post)
        _write(output if output.endswith("\n") else output + "\n")
        return EXIT_OK
    return _print_matches(post, args.search, args.regex, args.case_sensitive)


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except ValueError:  # closed
        return False


def _run_reader(
    path: str, as_format: str | None, *, fresh: bool = False, theme: str | None = None
) -> int:
    try:
        # The post is read and parsed (in a second process where it helps) while Textual
        # loads; a long comment thread is read later, while the post is already shown.
        # The wait is announced from the start: without a second process (one core), the
        # page downloads inside start() itself.
        with _waiting_for(path):
            collect = prefetch.start(path, as_format)
            try:
                from reader.config import config_path, load_config

                settings_file = config_path()
                config, problems = load_config(settings_file)  # while the child parses
                from textual.theme import BUILTIN_THEMES

                from reader.tui import make_app

                if theme is not None and theme not in BUILTIN_THEMES:
                    collect.cancel()
                    known = ", ".join(sorted(BUILTIN_THEMES))
                    return _fail(f"--theme: no theme named {theme!r} ({known})")
                staged = collect()
            except BaseException:  # ctrl+c (or worse) while waiting: no child left reading
                collect.cancel()
                raise
    except LoadError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    if path == "-" and not _attach_terminal():
        return _fail("standard input was the document and there is no terminal to read keys from")
    memory = None
    if config.remember:
        from reader.state import Memory

        memory = Memory.open(staged.body.source.digest, fresh=fresh)
    app = make_app(staged, line_length=config.line_length, memory=memory)
    config, more = config.checked(settings_file, app.available_themes, app.binding_ids())
    problems += more
    if config.keys:
        app.set_keymap(config.keymap)
    if theme or config.theme:
        app.theme = theme or config.theme or app.theme
    for problem in problems:
        print(problem, file=sys.stderr)
    app.notices = [p.removeprefix("reader: ") for p in problems]
    app.run()
    if app.place_warning is not None:
        print(f"reader: {app.place_warning}", file=sys.stderr)
    # Textual sets a non-zero return code when the app ends on an unhandled error.
    return app.return_code or EXIT_OK


@contextmanager
def _waiting_for(path: str) -> Iterator[None]:
    """Say on the terminal what the reader waits for while a page downloads."""
    from reader.pipeline import is_url

    shown = is_url(path) and sys.stderr.isatty()
    if shown:
        sys.stderr.write(_waiting_line(path))
        sys.stderr.flush()
    try:
        yield
    finally:
        if shown:
            sys.stderr.write("\r\x1b[K")  # the line is cleared for the reader or the output
            sys.stderr.flush()


def _waiting_line(url: str) -> str:
    """One row of the terminal (a wrapped line would outlive the clearing of the last
    row), the address safe to show and shortened to fit."""
    url = visible(
        "".join(control_placeholder(c) if c < " " or "\x7f" <= c <= "\x9f" else c for c in url)
    )
    try:
        width = os.get_terminal_size(sys.stderr.fileno()).columns or 80  # 0: not said
    except OSError:
        width = 80
    before, after = "reader: fetching ", " … (ctrl+c stops)"
    room = max(10, width - 1 - len(before) - len(after))
    cells = 0
    for end, char in enumerate(url):
        cells += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if cells > room:
            url = url[: end - 1] + "…"  # room for the ellipsis, whatever the last width
            break
    return before + url + after


def _attach_terminal() -> bool:
    """After the document came through a pipe, read keys from the terminal instead."""
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(terminal, 0)
    os.close(terminal)
    sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115 - lives as long as the app
    return True
