"""Real HTTP servers on 127.0.0.1, in a thread, standing in for GitHub and a webhook.

:class:`FakeGitHub` speaks the three issue endpoints hinges uses (list with ``state``,
``labels``, ``per_page`` and ``page``; create; update) over a real socket, keeps the
issues in memory and records every request, so tests assert what was sent (the token in
the Authorization header) as well as what happened. ``fail_with`` makes the next
requests answer an error status; ``delay`` makes them answer too late.

:class:`LocalServer` is the server this module and site_support.py run: every thread it
starts ends before the ``with`` block that started it does. A ``daemon_threads`` server
leaves request threads running after ``server_close()``: one that answered a client which
had already given up printed the error to ``sys.stderr`` seconds later, into the captured
output of whatever test ran then.
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socketserver import BaseRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "ghs_test0123456789abcdefSECRET"
# Requests to 127.0.0.1 must not go through a proxy the environment may name.
NO_PROXY: dict[str, str | None] = {
    "http_proxy": None,
    "HTTP_PROXY": None,
    "https_proxy": None,
    "HTTPS_PROXY": None,
    "no_proxy": "127.0.0.1,localhost",
    "NO_PROXY": "127.0.0.1,localhost",
}


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


class LocalServer(ThreadingHTTPServer):
    """A threading HTTP server on 127.0.0.1 (a free port) that joins its request threads
    when its block ends and keeps request errors in ``errors`` instead of printing them."""

    daemon_threads = False  # so server_close() joins every request thread

    def __init__(self, handler: Callable[..., BaseRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.errors: list[BaseException] = []
        self.closing = threading.Event()
        """Set when the block ends: a handler waiting to answer late gives up."""
        self._serving = threading.Thread(target=self.serve_forever)
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, ConnectionError):  # a client gave up
            self.errors.append(error)

    def __enter__(self) -> LocalServer:
        self._serving.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self.shutdown()  # no new connections
        with self._lock:  # a connection a browser opened ahead and never used: end it
            still_open = list(self._open)
        for connection in still_open:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self.server_close()  # joins the request threads
        self._serving.join()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@dataclass
class FakeState:
    repo: str = "acme/shop"
    issues: list[dict[str, Any]] = field(default_factory=list)
    requests: list[Seen] = field(default_factory=list)
    fail_with: tuple[int, dict[str, str], bytes] | None = None
    delay: float = 0.0
    drop_labels: bool = False

    def issue(self, number: int) -> dict[str, Any]:
        return next(issue for issue in self.issues if issue["number"] == number)


def _handler(state: FakeState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def _answer(self, status: int, data: Any, headers: dict[str, str] | None = None) -> None:
            body = data if isinstance(data, bytes) else json.dumps(data).encode()
            self.send_response(status)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _handle(self, method: str) -> None:
            url = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            state.requests.append(
                Seen(method, url.path, parse_qs(url.query), dict(self.headers.items()), body)
            )
            server = self.server
            assert isinstance(server, LocalServer)
            if state.delay and server.closing.wait(state.delay):
                return  # the block is over: its client gave up long ago
            if state.fail_with is not None:
                status, headers, payload = state.fail_with
                self._answer(status, payload, headers)
                return
            if url.path.startswith("/hooks/") and method == "POST":
                self._answer(200, b"ok")  # what Slack's incoming webhooks answer
                return
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self._answer(401, {"message": "Bad credentials"})
                return
            prefix = f"/repos/{state.repo}/issues"
            if url.path == prefix and method == "GET":
                self._list(parse_qs(url.query))
            elif url.path == prefix and method == "POST":
                labels = [] if state.drop_labels else body.get("labels", [])
                issue = {
                    "number": len(state.issues) + 1,
                    "title": body["title"],
                    "body": body["body"],
                    "state": "open",
                    "labels": [{"name": name} for name in labels],
                }
                state.issues.append(issue)
                self._answer(201, issue)
            elif url.path.startswith(prefix + "/") and method == "PATCH":
                issue = state.issue(int(url.path.rsplit("/", 1)[1]))
                issue.update({key: body[key] for key in ("state", "body", "title") if key in body})
                self._answer(200, issue)
            else:
                self._answer(404, {"message": "Not Found"})

        def _list(self, query: dict[str, list[str]]) -> None:
            wanted = query.get("state", ["open"])[0]
            labels = set(query.get("labels", [""])[0].split(",")) - {""}
            per_page = int(query.get("per_page", ["30"])[0])
            page = int(query.get("page", ["1"])[0])
            matching = [
                issue
                for issue in state.issues
                if (wanted == "all" or issue["state"] == wanted)
                and labels <= {label["name"] for label in issue["labels"]}
            ]
            self._answer(200, matching[(page - 1) * per_page : page * per_page])

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def do_PATCH(self) -> None:
            self._handle("PATCH")

    return Handler


@contextmanager
def serving(state: FakeState) -> Iterator[str]:
    """Serve ``state`` on 127.0.0.1 (a free port) for the block; yields the base URL.

    A request that failed on the server's side (not a client that gave up) fails the block.
    """
    with LocalServer(_handler(state)) as server:
        yield server.base_url
    assert not server.errors, server.errors
