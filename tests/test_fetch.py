"""`reader URL`: one request for the page named, held to limits, failures in one line.

Every page comes from a server of the tests' own on 127.0.0.1 (``webserver.py``): no test
needs the internet.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import pty
import select
import shlex
import signal
import socket
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from terminal import Terminal
from tests_support import SAMPLE
from webserver import Handler, PageServer, Reply, endless, serving, trickle

from reader import cli
from reader import fetch as fetch_module
from reader.cli import main
from reader.fetch import FetchError, fetch
from reader.load import LoadError
from reader.pipeline import _detected, read_document

READER = Path(sys.executable).with_name("reader")
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")

POST = (
    "A Post From the Web\n\n"
    "The first paragraph says what the post is about, at some length.\n\n"
    "The second paragraph has the word lighthouse in it.\n"
)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's proxy settings must not carry requests for 127.0.0.1 elsewhere."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def server() -> Iterator[PageServer]:
    with serving() as running:
        yield running


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.upper() not in PROXY_VARIABLES}
    return {**env, "NO_PROXY": "*"}


def dump(capsys: pytest.CaptureFixture[str], url: str) -> dict[str, object]:
    assert main(["--dump", "json", url]) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


def one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str], *words: str) -> str:
    """Run the command line, expect exit status 2 and one line on stderr naming ``words``."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("reader: cannot fetch ")
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


# --- pages that open ------------------------------------------------------------------


def test_a_text_page_opens_like_a_file(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/2012/07/a-post/"] = Reply(POST.encode(), "text/plain; charset=utf-8")
    url = server.url("/2012/07/a-post/")
    data = dump(capsys, url)
    source = data["source"]
    assert isinstance(source, dict)
    assert source["url"] == url
    assert source["format"] == "text"
    assert source["encoding"] == "utf-8"
    assert source["bytes"] == len(POST.encode())
    assert source["name"].endswith("/2012/07/a-post")
    assert data["title"] == "A Post From the Web"
    assert len(server.requests) == 1


def test_a_markdown_page_is_read_as_markdown(server: PageServer) -> None:
    server.routes["/notes.txt"] = Reply(
        b"# Notes\n\nSome *text*.\n", "text/markdown; charset=utf-8"
    )
    document = read_document(server.url("/notes.txt"))
    assert document.content_type == "text/markdown; charset=utf-8"
    assert document.url == server.url("/notes.txt")
    # The server's type outranks the address's suffix.
    assert _detected(document) == "markdown"


def test_a_markdown_page_dumps_as_markdown(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("reader.formats.markdown")
    server.routes["/notes"] = Reply(
        b"# Notes\n\nSome *text* and [a link](https://example.com/).\n",
        "text/markdown; charset=utf-8",
    )
    source = dump(capsys, server.url("/notes"))["source"]
    assert isinstance(source, dict)
    assert (source["format"], source["url"]) == ("markdown", server.url("/notes"))
    assert len(server.requests) == 1


HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>A page</title>"
    b'<link rel="stylesheet" href="/style.css"><script src="/script.js"></script></head>'
    b'<body><article><h1>A page</h1><p>Its text. <img src="/picture.png"></p>'
    b'<iframe src="/embed"></iframe><video src="/film.mp4"></video></article></body></html>'
)


def test_an_html_page_comes_back_with_its_type(server: PageServer) -> None:
    server.routes["/page.html"] = Reply(HTML_PAGE, "text/html; charset=utf-8")
    fetched = fetch(server.url("/page.html"))
    assert fetched.data == HTML_PAGE
    assert fetched.content_type == "text/html; charset=utf-8"
    assert fetched.charset == "utf-8"
    assert fetched.url == server.url("/page.html")
    assert fetched.name == f"127.0.0.1:{server.server_address[1]}/page.html"
    assert [seen.path for seen in server.requests] == ["/page.html"]


def test_an_html_page_opens_as_html_and_nothing_it_names_is_fetched(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("reader.formats.html")
    server.routes["/page"] = Reply(HTML_PAGE, "text/html; charset=utf-8")
    source = dump(capsys, server.url("/page"))["source"]
    assert isinstance(source, dict)
    assert source["format"] == "html"
    assert [seen.path for seen in server.requests] == ["/page"]


def test_a_scrape_with_a_thread_has_its_comments(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/scrape"] = Reply(SAMPLE.read_bytes(), "text/plain; charset=utf-8")
    data = dump(capsys, server.url("/scrape"))
    comments = data["comments"]
    assert isinstance(comments, list)
    assert len(comments) == 3
    header = data["comments_header"]
    assert isinstance(header, dict)
    assert header["declared_count"] == 12
    assert data["title"] == "Social Media and The Police 3yrs On"


THREAD_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pruning Roses in Winter | A Garden Blog</title>
<link rel="stylesheet" href="/theme.css"><script src="/comments.js"></script>
</head><body>
<article class="post">
<h1 class="entry-title">Pruning Roses in Winter</h1>
<div class="entry-content">
<p>Roses want cutting back hard while they sleep, to an outward-facing bud.</p>
<p>Take out anything dead, crossing or thinner than a pencil, then feed and mulch.</p>
</div>
</article>
<div id="comments" class="comments-area">
<h2 class="comments-title">3 thoughts on &ldquo;Pruning Roses in Winter&rdquo;</h2>
<ol class="comment-list">
<li id="comment-11" class="comment even depth-1 parent">
<article class="comment-body">
<footer class="comment-meta">
<div class="comment-author vcard"><img alt="" src="/avatar/ann.png" class="avatar">
<b class="fn">Ann Thorn</b> <span class="says">says:</span></div>
<div class="comment-metadata">
<time datetime="2024-01-05T09:00:00+00:00">January 5, 2024</time></div>
</footer>
<div class="comment-content"><p>Do you prune climbers the same way?</p></div>
<div class="reply"><a class="comment-reply-link" href="?replytocom=11#respond">Reply</a></div>
</article>
<ul class="children">
<li id="comment-12" class="comment odd depth-2">
<article class="comment-body">
<footer class="comment-meta">
<div class="comment-author vcard"><img alt="" src="/avatar/ben.png" class="avatar">
<b class="fn">Ben Briar</b> <span class="says">says:</span></div>
<div class="comment-metadata">
<time datetime="2024-01-05T11:30:00+00:00">January 5, 2024</time></div>
</footer>
<div class="comment-content">
<p>No: climbers keep their long canes and lose only side shoots.</p></div>
<div class="reply"><a class="comment-reply-link" href="?replytocom=12#respond">Reply</a></div>
</article>
</li>
</ul>
</li>
<li id="comment-13" class="comment even depth-1">
<article class="comment-body">
<footer class="comment-meta">
<div class="comment-author vcard"><img alt="" src="/avatar/cat.png" class="avatar">
<b class="fn">Cat Hips</b> <span class="says">says:</span></div>
<div class="comment-metadata">
<time datetime="2024-01-06T08:15:00+00:00">January 6, 2024</time></div>
</footer>
<div class="comment-content"><p>Mulch made all the difference to mine last spring.</p></div>
<div class="reply"><a class="comment-reply-link" href="?replytocom=13#respond">Reply</a></div>
</article>
</li>
</ol>
<div id="respond" class="comment-respond"><form action="/wp-comments-post.php" method="post">
<textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div>
</div>
</body></html>
"""


def dump_thread_page(server: PageServer, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    pytest.importorskip("reader.formats.html")
    server.routes["/2024/01/pruning-roses/"] = Reply(THREAD_PAGE, "text/html; charset=utf-8")
    data = dump(capsys, server.url("/2024/01/pruning-roses/"))
    # Nothing the page names (styles, scripts, avatars, the form's target) is fetched.
    assert [seen.path for seen in server.requests] == ["/2024/01/pruning-roses/"]
    return data


def test_a_page_with_a_comment_thread_has_its_article(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = dump_thread_page(server, capsys)
    source = data["source"]
    assert isinstance(source, dict)
    assert (source["format"], source["url"]) == ("html", server.url("/2024/01/pruning-roses/"))
    assert data["title"] == "Pruning Roses in Winter"
    text = json.dumps(data["sections"])
    assert "outward-facing bud" in text and "thinner than a pencil" in text
    assert "long canes" not in text  # the thread is not part of the article


def test_a_page_with_a_comment_thread_has_its_thread(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    comments = dump_thread_page(server, capsys)["comments"]
    assert isinstance(comments, list)
    by_author = {comment["author"]: comment for comment in comments}
    assert list(by_author) == ["Ann Thorn", "Ben Briar", "Cat Hips"]
    assert by_author["Ben Briar"]["parent"] == by_author["Ann Thorn"]["id"]
    assert by_author["Ann Thorn"]["parent"] is None and by_author["Cat Hips"]["parent"] is None
    assert "long canes" in json.dumps(by_author["Ben Briar"])


def test_search_on_a_url(server: PageServer, capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/post"] = Reply(POST.encode())
    assert main(["--search", "lighthouse", server.url("/post")]) == 0
    out = capsys.readouterr().out
    assert "[lighthouse]" in out
    assert out.count("\n") == 1
    assert main(["--search", "submarine", server.url("/post")]) == 1
    assert len(server.requests) == 2  # one per run


@pytest.mark.parametrize(
    "argv",
    [["--dump", "json"], ["--dump", "outline"], ["--dump", "markdown"], ["--search", "png"]],
)
def test_one_request_per_run(
    argv: list[str], server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # The page names pictures, scripts and pages on the same server: none is fetched.
    page = (
        POST + "\nSee /picture.png and /script.js, <img src='/picture.png'>, "
        f"{server.url('/other')} and ![a picture]({server.url('/picture.png')}).\n"
    )
    server.routes["/post"] = Reply(page.encode())
    server.routes["/picture.png"] = Reply(b"\x89PNG\r\n\x1a\n", "image/png")
    assert main([*argv, server.url("/post")]) == 0
    capsys.readouterr()
    assert [seen.path for seen in server.requests] == ["/post"]


def test_the_outline_names_the_address(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/post"] = Reply(POST.encode())
    assert main(["--dump", "outline", server.url("/post")]) == 0
    assert server.url("/post") in capsys.readouterr().out


def test_the_request_looks_like_a_browser(server: PageServer) -> None:
    server.routes["/post"] = Reply(POST.encode())
    fetch(server.url("/post"))
    headers = server.requests[0].headers
    agent = headers["user-agent"]
    assert agent.startswith("Mozilla/5.0 (")
    assert "Chrome/" in agent or "Firefox/" in agent
    assert "python" not in agent.lower() and "httpx" not in agent.lower()
    assert headers["accept"].startswith("text/html,")
    assert headers["accept-language"]


def test_a_proxy_from_the_environment_is_used(
    server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The test server plays the proxy: it is asked for the whole address.
    server.routes["http://blog.example/post"] = Reply(POST.encode())
    monkeypatch.setenv("HTTP_PROXY", server.url(""))
    fetched = fetch("http://blog.example/post")
    assert fetched.data == POST.encode()
    assert fetched.name == "blog.example/post"
    assert [seen.path for seen in server.requests] == ["http://blog.example/post"]


def test_a_password_in_the_address_is_sent_but_not_kept(server: PageServer) -> None:
    server.routes["/post"] = Reply(POST.encode())
    port = server.server_address[1]
    fetched = fetch(f"http://ann:secret@127.0.0.1:{port}/post")
    assert server.requests[0].headers["authorization"].startswith("Basic ")
    assert fetched.url == server.url("/post")
    assert "secret" not in fetched.name


def test_a_body_without_a_type_that_is_text_opens(server: PageServer) -> None:
    server.routes["/post"] = Reply(POST.encode(), content_type=None)
    fetched = fetch(server.url("/post"))
    assert fetched.content_type is None
    assert fetched.data == POST.encode()


def test_a_compressed_page_is_decompressed(server: PageServer) -> None:
    server.routes["/post"] = Reply(
        gzip.compress(POST.encode()), headers={"Content-Encoding": "gzip"}
    )
    assert fetch(server.url("/post")).data == POST.encode()


def test_a_body_of_exactly_the_cap_is_read(server: PageServer) -> None:
    server.routes["/post"] = Reply(b"x" * 1000)
    assert len(fetch(server.url("/post"), max_bytes=1000).data) == 1000


# --- the declared charset ------------------------------------------------------------

POLISH = "Łódź: zażółć gęślą jaźń — “cytat”."


@pytest.mark.parametrize(
    ("body", "content_type", "encoding", "text"),
    [
        (POLISH.encode("cp1250"), "text/plain; charset=windows-1250", "cp1250", POLISH),
        (
            POLISH.encode("iso-8859-2", "replace"),
            'text/plain; charset="ISO-8859-2"',
            "iso8859-2",
            None,
        ),
        # A server's default label on a UTF-8 page: the UTF-8 reading stands.
        (POLISH.encode("utf-8"), "text/plain; charset=iso-8859-1", "utf-8", POLISH),
        # A label the bytes do not decode with: found as if there were none.
        ("Café – “quoted”".encode("cp1252"), "text/plain; charset=utf-8", "cp1252", None),
        ("Привет, мир".encode("koi8-r"), "text/plain; charset=koi8-r", "koi8-r", "Привет, мир"),
        (b"plain ASCII", "text/plain; charset=no-such-charset", "utf-8", "plain ASCII"),
    ],
)
def test_the_declared_charset_is_used_when_it_fits(
    server: PageServer, body: bytes, content_type: str, encoding: str, text: str | None
) -> None:
    server.routes["/post"] = Reply(body, content_type)
    loaded = read_document(server.url("/post")).loaded
    assert loaded.encoding == encoding
    assert loaded.text == (text if text is not None else body.decode(encoding))


# --- redirects ------------------------------------------------------------------------


def test_redirects_are_followed_and_the_final_address_kept(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/old"] = Reply(status=301, headers={"Location": server.url("/moved")})
    server.routes["/moved"] = Reply(status=302, headers={"Location": "/posts/final.txt"})
    server.routes["/posts/final.txt"] = Reply(POST.encode())
    source = dump(capsys, server.url("/old"))["source"]
    assert isinstance(source, dict)
    assert source["url"] == server.url("/posts/final.txt")
    assert source["name"].endswith("/posts/final.txt")
    assert [seen.path for seen in server.requests] == ["/old", "/moved", "/posts/final.txt"]


def test_a_redirect_loop_fails_in_one_line(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/a"] = Reply(status=302, headers={"Location": "/b"})
    server.routes["/b"] = Reply(status=301, headers={"Location": "/a"})
    one_line_error(capsys, ["--dump", "json", server.url("/a")], server.url("/a"), "loop")
    assert len(server.requests) == 2


def test_coming_back_with_a_cookie_a_redirect_set_is_no_loop(server: PageServer) -> None:
    def post(handler: Handler) -> None:
        if "checked=yes" in handler.headers.get("Cookie", ""):
            handler.send_response(200)
            handler.send_header("Content-Type", "text/plain")
            handler.send_header("Content-Length", str(len(POST.encode())))
            handler.end_headers()
            handler.wfile.write(POST.encode())
        else:
            handler.send_response(302)
            handler.send_header("Location", "/cookie-check")
            handler.send_header("Content-Length", "0")
            handler.end_headers()

    server.routes["/post"] = post
    server.routes["/cookie-check"] = Reply(
        status=302, headers={"Location": "/post", "Set-Cookie": "checked=yes; Path=/"}
    )
    assert fetch(server.url("/post")).data == POST.encode()
    assert [seen.path for seen in server.requests] == ["/post", "/cookie-check", "/post"]


def test_too_many_redirects_fail_in_one_line(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    for step in range(20):
        server.routes[f"/{step}"] = Reply(status=302, headers={"Location": f"/{step + 1}"})
    one_line_error(capsys, ["--dump", "json", server.url("/0")], "more than 10 redirects")
    assert len(server.requests) == 11


def test_a_redirect_to_another_scheme_is_not_followed(server: PageServer) -> None:
    server.routes["/post"] = Reply(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="not an http or https address"):
        fetch(server.url("/post"))


# --- failures -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "Not Found"), (500, "Internal Server Error"), (403, "Forbidden")]
)
def test_an_error_status_fails_with_its_code(
    status: int, reason: str, server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/post"] = Reply(b"<h1>oops</h1>", "text/html", status=status)
    one_line_error(capsys, ["--dump", "json", server.url("/post")], f"HTTP {status} {reason}")


def test_an_error_status_after_a_redirect_says_where(server: PageServer) -> None:
    server.routes["/post"] = Reply(status=301, headers={"Location": "/gone"})
    with pytest.raises(FetchError) as failed:
        fetch(server.url("/post"))
    assert str(failed.value) == (
        f"cannot fetch {server.url('/post')}: HTTP 404 Not Found (at {server.url('/gone')})"
    )


def test_a_slow_server_times_out(
    server: PageServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/post"] = Reply(POST.encode(), delay=5)
    monkeypatch.setattr(fetch_module, "TIMEOUT", 1.0)
    began = time.monotonic()
    one_line_error(capsys, ["--dump", "json", server.url("/post")], "timed out after 1 s")
    assert time.monotonic() - began < 3


def test_a_trickling_body_times_out_on_the_whole(server: PageServer) -> None:
    # A byte every 0.1 s never trips a per-read timeout; the whole download has one.
    server.routes["/post"] = trickle(0.1)
    began = time.monotonic()
    with pytest.raises(FetchError, match="timed out after 1 s"):
        fetch(server.url("/post"), timeout=1.0)
    assert time.monotonic() - began < 3


def test_a_body_larger_than_the_cap_is_refused_while_streaming(
    server: PageServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    server.routes["/big"] = endless("text/plain")  # no Content-Length: ends at the close
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 1024 * 1024)
    one_line_error(capsys, ["--dump", "json", server.url("/big")], "larger than 1 MB")
    # It stopped reading at the cap: the server could send only what the buffers took.
    time.sleep(0.2)
    assert server.sent < 16 * 1024 * 1024


def test_a_declared_length_over_the_cap_is_refused_before_the_body(server: PageServer) -> None:
    server.routes["/big"] = endless("text/plain", length=1 << 30)
    with pytest.raises(FetchError, match="larger than 100,000 bytes"):
        fetch(server.url("/big"), max_bytes=100_000)
    time.sleep(0.2)
    assert server.sent < 16 * 1024 * 1024


def test_a_compressed_body_is_capped_by_its_size_unpacked(server: PageServer) -> None:
    packed = gzip.compress(b"x" * 5_000_000)
    server.routes["/bomb"] = Reply(packed, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="larger than 1,000,000 bytes"):
        fetch(server.url("/bomb"), max_bytes=1_000_000)


@pytest.mark.parametrize(
    "content_type", ["image/png", "application/pdf", "application/zip", "video/mp4"]
)
def test_what_is_not_a_page_or_text_is_refused(
    content_type: str, server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/file"] = endless(content_type)
    line = one_line_error(capsys, ["--dump", "json", server.url("/file")], content_type)
    assert "not a web page or text" in line
    time.sleep(0.2)
    assert server.sent < 16 * 1024 * 1024  # refused on its headers, not downloaded


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "a PDF document"),
    ],
)
def test_a_body_without_a_type_is_refused_by_its_look(
    server: PageServer, body: bytes, kind: str
) -> None:
    server.routes["/file"] = Reply(body, content_type=None)
    with pytest.raises(FetchError, match=f"it is {kind}"):
        fetch(server.url("/file"))


def test_binary_served_as_text_is_refused_by_the_loader(
    server: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/file"] = Reply(bytes(range(256)) * 16, "text/plain")
    assert main(["--dump", "json", server.url("/file")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "binary" in err


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_refused_connection(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{closed_port()}/post"
    one_line_error(capsys, ["--dump", "outline", url], url, "refused")


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), "name was not found"),
        (OSError(errno.ENETUNREACH, "Network is unreachable"), "network is unreachable"),
    ],
)
def test_offline(
    error: OSError, words: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_network(*args: object, **kwargs: object) -> object:
        raise error

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    one_line_error(capsys, ["--dump", "json", "https://blog.example/post"], words)


@pytest.mark.parametrize("url", ["http://", "http://[::1/post", "https://exa mple.com/"])
def test_a_malformed_address(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    one_line_error(capsys, ["--dump", "json", url])


def test_only_http_and_https() -> None:
    with pytest.raises(FetchError, match="only http and https"):
        fetch("ftp://example.com/post.txt")


def test_fetch_errors_are_load_errors() -> None:
    assert issubclass(FetchError, LoadError)


def test_control_characters_in_a_reason_are_shown_not_sent(server: PageServer) -> None:
    def route(handler: Handler) -> None:
        handler.wfile.write(b"HTTP/1.0 404 Not \x1b[31mFound\r\n\r\n")

    server.routes["/post"] = route
    with pytest.raises(FetchError) as failed:
        fetch(server.url("/post"))
    message = str(failed.value)
    assert "\x1b" not in message and "\n" not in message
    assert "HTTP 404" in message


# --- the interactive reader, and the real command -------------------------------------


def test_the_interactive_reader_reports_a_failed_fetch_in_line(
    server: PageServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # One core: no second process, the page is fetched in this one (and not twice).
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    one_line_error(capsys, [server.url("/missing")], "HTTP 404 Not Found")
    assert len(server.requests) == 1


def run_reader(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(READER), *args], capture_output=True, text=True, timeout=timeout, env=child_env()
    )


def assert_one_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


def test_the_installed_command_on_a_404(server: PageServer) -> None:
    result = run_reader("--dump", "outline", server.url("/missing"))
    assert_one_line(result, "reader: cannot fetch", "HTTP 404 Not Found")
    assert len(server.requests) == 1


def test_the_installed_command_reads_a_url(server: PageServer) -> None:
    server.routes["/post"] = Reply(POST.encode())
    result = run_reader("--dump", "outline", server.url("/post"))
    assert result.returncode == 0, result.stderr
    assert "A Post From the Web" in result.stdout
    assert server.url("/post") in result.stdout


def test_the_interactive_reader_reports_a_failed_fetch_from_its_second_process(
    server: PageServer,
) -> None:
    # Without --dump the page is fetched in a forked child; its error comes back.
    server.routes["/post"] = Reply(b"", "image/png")
    result = run_reader(server.url("/post"))
    assert_one_line(result, "reader: cannot fetch", "image/png")
    assert len(server.requests) == 1


def test_the_interactive_reader_fetches_in_its_second_process(server: PageServer) -> None:
    # The page is downloaded by the prefetch child, as a file is read there: the
    # reader's own process never loads the network stack.
    server.routes["/post"] = Reply(POST.encode())
    code = (
        "import os, sys\n"
        "os.cpu_count = lambda: 4\n"
        "from reader import prefetch\n"
        f"staged = prefetch.start({server.url('/post')!r})()\n"
        "print(staged.body.title, staged.body.source.url)\n"
        "print(sorted(m for m in ('httpx', 'reader.fetch') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, env=child_env()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"A Post From the Web {server.url('/post')}", "[]"]
    assert len(server.requests) == 1


def spawn_in_terminal(argv: list[str]) -> tuple[subprocess.Popen[bytes], int]:
    """Run ``argv`` with a pseudo-terminal for its standard streams, in a process group
    of its own (as a shell runs a command); returns the process and the terminal's end."""
    main_end, side = pty.openpty()
    process = subprocess.Popen(
        argv, stdin=side, stdout=side, stderr=side, env=child_env(), start_new_session=True
    )
    os.close(side)
    return process, main_end


def read_until(fd: int, text: str, timeout: float = 20) -> str:
    seen = b""
    deadline = time.monotonic() + timeout
    while text.encode() not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            seen += chunk
    return seen.decode("utf-8", errors="replace")


def drain(fd: int, process: subprocess.Popen[bytes], timeout: float = 20) -> str:
    """Everything the process still writes, until it ends."""
    out = read_until(fd, "\x00never\x00", timeout)
    process.wait(timeout)
    os.close(fd)
    return out


def group_is_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("to_group", [True, False])
def test_ctrl_c_while_the_reader_waits_for_a_slow_server(
    server: PageServer, to_group: bool
) -> None:
    server.routes["/post"] = Reply(POST.encode(), delay=30)
    process, terminal = spawn_in_terminal([str(READER), server.url("/post")])
    shown = read_until(terminal, "ctrl+c stops")
    assert f"reader: fetching {server.url('/post')}" in shown
    # ctrl+c in a terminal signals the whole group (the reader and the child fetching
    # for it); a signal to the reader alone must end the child too.
    if to_group:
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGINT)
    rest = drain(terminal, process)
    assert process.returncode == 130
    assert "Traceback" not in shown + rest
    deadline = time.monotonic() + 5
    while not group_is_gone(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert group_is_gone(process.pid), "the fetching child outlived the reader"


def test_ctrl_c_while_dumping_a_slow_page() -> None:
    with serving() as server:
        server.routes["/post"] = Reply(POST.encode(), delay=30)
        process = subprocess.Popen(
            [str(READER), "--dump", "json", server.url("/post")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 130
    assert (out, err) == (b"", b"")


def test_the_reader_waits_for_a_slow_server_then_says_it_timed_out(server: PageServer) -> None:
    server.routes["/post"] = Reply(POST.encode(), delay=30)
    code = (
        "import sys, reader.fetch\n"
        "reader.fetch.TIMEOUT = 1.0\n"
        "from reader.cli import main\n"
        f"sys.exit(main([{server.url('/post')!r}]))\n"
    )
    process, terminal = spawn_in_terminal([sys.executable, "-c", code])
    out = drain(terminal, process)
    assert process.returncode == 2, out
    assert "Traceback" not in out
    assert f"reader: fetching {server.url('/post')}" in out
    # The waiting line is wiped, and the error is the one line left.
    last = out.rsplit("\x1b[K", 1)[1]
    assert last.strip().splitlines() == [
        f"reader: cannot fetch {server.url('/post')}: timed out after 1 s"
    ]


# --- in a real terminal ---------------------------------------------------------------


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[[str], Terminal]]:
    opened: list[Terminal] = []

    def start(command: str) -> Terminal:
        opened.append(Terminal(command, tmp_path))
        return opened[-1]

    yield start
    for term in opened:
        term.close()


@pytest.mark.e2e
def test_a_person_waits_for_a_slow_page_and_reads_it(
    server: PageServer, terminal: Callable[[str], Terminal]
) -> None:
    server.routes["/scrape"] = Reply(SAMPLE.read_bytes(), delay=2)
    url = server.url("/scrape")
    term = terminal(f"{shlex.quote(str(READER))} {shlex.quote(url)}")
    term.wait_for(f"reader: fetching {url} … (ctrl+c stops)")
    screen = term.wait_for("3 of 12 comments")
    assert "Social Media and The Police 3yrs On" in screen.splitlines()[0]
    assert "fetching" not in screen
    term.type("q")
    assert term.exit_status() == 0
    assert len(server.requests) == 1


@pytest.mark.e2e
def test_a_person_gives_up_on_a_slow_page_with_ctrl_c(
    server: PageServer, terminal: Callable[[str], Terminal]
) -> None:
    server.routes["/post"] = Reply(POST.encode(), delay=30)
    url = server.url("/post")
    # The shell around the reader (which records its exit status) must outlive ctrl+c;
    # a trap that runs a command, unlike one that ignores, leaves the reader the default.
    term = terminal(f"trap true INT; {shlex.quote(str(READER))} {shlex.quote(url)}")
    term.wait_for("(ctrl+c stops)")
    term.press("C-c")
    assert term.exit_status() == 130
    screen = term.screen()
    assert "Traceback" not in screen
    assert "fetching" not in screen  # the waiting line was wiped


@pytest.mark.parametrize(
    "url",
    [
        "http://blog.example/post",
        "https://blog.example/" + "a-very-long-slug-" * 20,
        "https://ja.wikipedia.example/wiki/" + "日本語" * 30,
        "http://blog.example/\x1b]0;title\x07\u202e",
    ],
)
def test_the_waiting_line_is_one_safe_row(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((60, 20)))
    line = cli._waiting_line(url)
    assert line.startswith("reader: fetching ") and line.endswith(" … (ctrl+c stops)")
    cells = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line)
    assert cells < 60
    assert not any(unicodedata.category(char) in ("Cc", "Cf") for char in line)
