"""A web server of the tests' own, on 127.0.0.1 in a thread: routes they set, requests
they can count. No test that fetches needs the internet."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Reply:
    """What a route answers."""

    body: bytes = b""
    content_type: str | None = "text/plain; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    length: bool = True
    """Send Content-Length (otherwise the body ends when the connection closes)."""
    delay: float = 0.0
    """Seconds before anything is sent."""


@dataclass(frozen=True)
class Seen:
    """A request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]


Route = Reply | Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    server: PageServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.server.requests.append(
            Seen(self.command, self.path, {k.lower(): v for k, v in self.headers.items()})
        )
        # A request through a proxy names the whole address; one made directly, the path.
        key = self.path if "://" in self.path else self.path.split("?")[0]
        route = self.server.routes.get(key)
        if route is None:
            self.send_error(404, "Not Found")
            return
        if callable(route):
            route(self)
            return
        time.sleep(route.delay)
        self.send_response(route.status)
        if route.content_type is not None:
            self.send_header("Content-Type", route.content_type)
        if route.length:
            self.send_header("Content-Length", str(len(route.body)))
        for name, value in route.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - its signature
        pass  # the tests read the requests list, not a log


class PageServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.sent = 0
        """Body bytes the streaming routes managed to send."""

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up mid-body (the size cap, a timeout) is expected


@contextmanager
def serving() -> Iterator[PageServer]:
    server = PageServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def endless(content_type: str | None, length: int | None = None) -> Callable[[Handler], None]:
    """A route that sends its body for as long as the client reads it (up to 1 GB),
    declaring ``length`` bytes (None: no Content-Length, the body ends at the close)."""

    def route(handler: Handler) -> None:
        handler.send_response(200)
        if content_type is not None:
            handler.send_header("Content-Type", content_type)
        if length is not None:
            handler.send_header("Content-Length", str(length))
        handler.end_headers()
        chunk = b"All work and no play makes Jack a dull boy.\n" * 1490  # about 64 KB
        try:
            while handler.server.sent < 1 << 30:
                handler.wfile.write(chunk)
                handler.server.sent += len(chunk)
        except OSError:
            pass  # the client hung up: what the tests expect

    return route


def trickle(interval: float, content_type: str = "text/plain") -> Callable[[Handler], None]:
    """A route that sends a byte every ``interval`` seconds, for a minute."""

    def route(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        deadline = time.monotonic() + 60
        try:
            while time.monotonic() < deadline:
                handler.wfile.write(b"x")
                handler.wfile.flush()
                time.sleep(interval)
        except OSError:
            pass

    return route
