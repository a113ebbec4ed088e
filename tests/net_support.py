"""Real HTTP servers on 127.0.0.1, in a thread, standing in for GitHub and a webhook.

:class:`FakeGitHub` speaks the three issue endpoints hinges uses (list with ``state``,
``labels``, ``per_page`` and ``page``; create; update) over a real socket, keeps the
issues in memory and records every request, so tests assert what was sent (the token in
the Authorization header) as well as what happened. ``fail_with`` makes the next
requests answer an error status; ``delay`` makes them answer too late.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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
            if state.delay:
                time.sleep(state.delay)
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
    """Serve ``state`` on 127.0.0.1 (a free port) for the block; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
