"""An http(s) URL → the bytes of the one page it names, within limits.

One GET for the address the user named (and the redirects it answers with); nothing the
page refers to (images, scripts, styles, embeds) is ever requested. The download is held
to a total time, a size cap, a number of redirects, and to the kinds of document the
reader can read: HTML and text. Whatever goes wrong becomes a ``FetchError`` whose
message is one line for the user.

The request runs in a worker thread while the calling thread waits for it with a
deadline: httpx's timeouts are per operation (a server that trickles a byte a second
never trips them) and the name lookup is under none of them, and a thread blocked in a
lookup does not see ctrl+c, while a waiting one does at once.
"""

from __future__ import annotations

import errno
import os
import socket
import ssl
import threading
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import unquote

import httpx

from reader.load import LoadError, control_placeholder
from reader.visible import visible

TIMEOUT = 15.0
"""Seconds for the whole download: connecting, every redirect, the body."""
MAX_BYTES = 20 * 1024 * 1024
"""The largest page read; a longer body is refused, never read whole into memory."""
MAX_REDIRECTS = 10

# Sites give a bare or robot-looking client an error page or a stripped one, so the
# request says what a current desktop browser says (keep it current when updating).
USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"
)
# A browser's Accept with the text the reader reads made explicit: HTML first.
ACCEPT = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,"
    "text/markdown;q=0.8,text/plain;q=0.8,*/*;q=0.5"
)

_READABLE_TYPES = frozenset({"application/xhtml+xml", "application/xml"})
"""Besides ``text/*``: the content types the reader reads."""
_UNKNOWN_TYPES = frozenset({"", "unknown/unknown", "application/unknown", "*/*"})
"""Content types that say nothing: the body itself is looked at (as browsers do)."""

# The opening bytes of files that are not text, named for the message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x01\x00", "an icon"),
)


class FetchError(LoadError):
    """The page cannot be fetched or is not one the reader reads. One line for the user."""


@dataclass(frozen=True)
class Fetched:
    """A downloaded page and what the server said about it."""

    data: bytes
    name: str
    """A display name: the final address's host and path."""
    content_type: str | None
    """The Content-Type header as sent, or None."""
    url: str
    """The final address, after redirects."""
    charset: str | None = None
    """The charset the Content-Type header declares, if any (the loader tries it first)."""


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Fetched:
    """Download the page at ``url`` (http or https). Raises FetchError.

    ``timeout`` (seconds, the whole download) and ``max_bytes`` default to TIMEOUT and
    MAX_BYTES, read at each call.
    """
    seconds = TIMEOUT if timeout is None else timeout
    cap = MAX_BYTES if max_bytes is None else max_bytes
    deadline = time.monotonic() + seconds
    outcome: list[Fetched | BaseException] = []
    done = threading.Event()
    stop = threading.Event()

    def work() -> None:
        try:
            outcome.append(_download(url, seconds, deadline, cap, stop))
        except BaseException as error:  # handed to the waiting thread, raised there
            outcome.append(error)
        finally:
            done.set()

    # A daemon: a download given up on (timed out, ctrl+c) never holds the process open.
    worker = threading.Thread(target=work, name="reader-fetch", daemon=True)
    worker.start()
    try:
        finished = done.wait(max(0.0, deadline - time.monotonic()))
    finally:
        stop.set()  # read no further, whatever happens here (ctrl+c included)
    if not finished or not outcome:
        raise FetchError(f"cannot fetch {_shown(url)}: timed out after {seconds:g} s")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _download(
    url: str, seconds: float, deadline: float, cap: int, stop: threading.Event
) -> Fetched:
    try:
        return _follow(url, deadline, cap, stop)
    except FetchError:
        raise
    except httpx.TimeoutException:
        raise FetchError(f"cannot fetch {_shown(url)}: timed out after {seconds:g} s") from None
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError) as error:
        raise FetchError(f"cannot fetch {_shown(url)}: {_reason(error)}") from None


def _headers() -> dict[str, str]:
    return {
        "User-Agent": USER_AGENT,
        "Accept": ACCEPT,
        "Accept-Language": _accept_language(),
    }


def _accept_language() -> str:
    """The user's language first (from the locale), as their browser would ask."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        code = value.split(".")[0].split("@")[0]
        if code and code not in ("C", "POSIX"):
            language, _, country = code.partition("_")
            if language.isalpha() and 2 <= len(language) <= 3:
                if country.isalpha():
                    return f"{language}-{country},{language};q=0.9,*;q=0.5"
                return f"{language},*;q=0.5"
    return "en-US,en;q=0.9,*;q=0.5"


def _remaining(deadline: float) -> httpx.Timeout:
    """Each step may take what is left of the whole (the waiting thread holds the line;
    this only keeps an abandoned worker from lingering)."""
    return httpx.Timeout(max(0.1, deadline - time.monotonic()))


def _follow(url: str, deadline: float, cap: int, stop: threading.Event) -> Fetched:
    # Redirects are followed here rather than by httpx, which reads each redirect's body
    # whole (any size) and cannot tell a loop from a long chain.
    with httpx.Client(headers=_headers(), follow_redirects=False, trust_env=True) as client:
        request = client.build_request("GET", url, timeout=_remaining(deadline))
        seen = {_asked(client, request)}
        for _ in range(MAX_REDIRECTS + 1):
            request.extensions["timeout"] = _remaining(deadline).as_dict()
            response = client.send(request, stream=True)
            try:
                following = response.next_request
                if following is None:
                    return _page(url, response, cap, stop)
                target = str(following.url)
                if following.url.scheme not in ("http", "https"):
                    raise FetchError(
                        f"cannot fetch {_shown(url)}: it redirects to {_shown(target)}, "
                        "which is not an http or https address"
                    )
                if _asked(client, following) in seen:
                    raise FetchError(
                        f"cannot fetch {_shown(url)}: its redirects go round in a loop "
                        f"(back to {_shown(target)})"
                    )
                seen.add(_asked(client, following))
                request = following
            finally:
                response.close()
        raise FetchError(f"cannot fetch {_shown(url)}: more than {MAX_REDIRECTS} redirects")


def _asked(client: httpx.Client, request: httpx.Request) -> tuple[str, frozenset[str]]:
    """A request as the server sees it: asking again for the same address with the same
    cookies is a loop; coming back with a cookie a redirect just set is not (sites check
    that cookies work that way)."""
    cookies = frozenset(f"{c.domain}\t{c.path}\t{c.name}={c.value}" for c in client.cookies.jar)
    return str(request.url), cookies


def _page(url: str, response: httpx.Response, cap: int, stop: threading.Event) -> Fetched:
    # A password in the address is for the server, not for the dump or the messages.
    final = str(response.url.copy_with(userinfo=b"") if response.url.userinfo else response.url)
    where = "" if response.url == httpx.URL(url) else f" (at {_shown(final)})"
    status = response.status_code
    if status >= 300:
        reason = response.reason_phrase or httpx.codes.get_reason_phrase(status)
        said = f"HTTP {status} {_shown(reason)}".rstrip()
        raise FetchError(f"cannot fetch {_shown(url)}: {said}{where}")
    content_type = response.headers.get("content-type")
    media = (content_type or "").split(";")[0].strip().lower()
    if not _readable(media):
        raise FetchError(
            f"cannot fetch {_shown(url)}: it is {_shown(media)}{where}, not a web page or text"
        )
    length = response.headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > cap:
        raise FetchError(f"cannot fetch {_shown(url)}: {_too_large(cap)}")
    data = b"".join(_body(url, response, cap, stop))
    if media in _UNKNOWN_TYPES:
        kind = _binary_kind(data)
        if kind is not None:
            raise FetchError(
                f"cannot fetch {_shown(url)}: it is {kind}{where}, not a web page or text"
            )
    return Fetched(
        data=data,
        name=_name(response.url),
        content_type=content_type,
        url=final,
        charset=response.charset_encoding,
    )


def _body(url: str, response: httpx.Response, cap: int, stop: threading.Event) -> Iterator[bytes]:
    """The body, decompressed, in chunks; FetchError as soon as it passes the cap."""
    total = 0
    for chunk in response.iter_bytes():
        if stop.is_set():  # given up on (the deadline, ctrl+c): nobody reads the rest
            raise FetchError(f"cannot fetch {_shown(url)}: stopped")
        total += len(chunk)
        if total > cap:
            raise FetchError(f"cannot fetch {_shown(url)}: {_too_large(cap)}")
        yield chunk


def _readable(media: str) -> bool:
    return media.startswith("text/") or media in _READABLE_TYPES or media in _UNKNOWN_TYPES


def _binary_kind(data: bytes) -> str | None:
    """What a body sent without a content type is, when its first bytes say it is no text."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return None


def _too_large(cap: int) -> str:
    mib = 1024 * 1024
    size = f"{cap // mib} MB" if cap % mib == 0 else f"{cap:,} bytes"
    return f"the page is larger than {size}, the most the reader downloads"


def _name(url: httpx.URL) -> str:
    """The host and path, as a person reads them (percent escapes undone where safe)."""
    host = url.host + (f":{url.port}" if url.port is not None else "")
    raw_path = url.raw_path.decode("ascii", errors="replace").split("?")[0]
    path = unquote(raw_path, errors="replace")
    if any(unicodedata.category(char) == "Cc" for char in path) or visible(path) != path:
        path = raw_path  # escapes that hide control or invisible characters stay escapes
    return (host + path).rstrip("/") or host


def _shown(text: str) -> str:
    """Text for a one-line message: control characters as visible marks, no line breaks."""
    marked = "".join(
        control_placeholder(char) if unicodedata.category(char) == "Cc" else char for char in text
    )
    return visible(marked)


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _reason(error: BaseException) -> str:
    """What went wrong, in words, from an httpx error and the OS error under it."""
    for cause in _causes(error):
        if isinstance(cause, socket.gaierror):
            return "the server's name was not found (is the address right, or the network down?)"
        if isinstance(cause, ConnectionRefusedError):
            return "the connection was refused (nothing is serving at that address)"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"its certificate is not valid ({_shown(cause.verify_message or str(cause))})"
        if isinstance(cause, ssl.SSLError):
            return f"the secure connection failed ({_shown(cause.reason or str(cause))})"
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "the network is unreachable (offline?)"
        if isinstance(cause, ConnectionResetError):
            return "the server closed the connection"
    if isinstance(error, httpx.ProxyError):
        return f"the proxy refused ({_line(error)})"
    if isinstance(error, httpx.UnsupportedProtocol):
        return "only http and https addresses can be fetched"
    if isinstance(error, httpx.DecodingError):
        return "the page came compressed and could not be decompressed"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server's answer was not valid HTTP ({_line(error)})"
    if isinstance(error, httpx.InvalidURL | ValueError):
        return f"not a valid address ({_line(error)})"
    if isinstance(error, httpx.NetworkError):
        return f"the connection failed ({_line(error)})"
    return _line(error)


def _line(error: BaseException) -> str:
    return _shown(" ".join(str(error).split()) or type(error).__name__)
