"""The tests' own local servers end with their ``with`` block and print nothing.

A request thread that outlived its test once printed a broken-pipe traceback into the
captured output of a later test (whose first line of ``stderr`` it then became).
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from hinges.net.http import NetworkError, request
from net_support import NO_PROXY, FakeState, LocalServer, serving
from site_support import SiteServer


def _threads_started_since(before: set[threading.Thread]) -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread not in before]


def test_an_answer_too_late_is_dropped_when_the_block_ends(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in NO_PROXY.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    before = set(threading.enumerate())
    with serving(FakeState(delay=60.0)) as api, pytest.raises(NetworkError):
        request("POST", api + "/hooks/x", service="the webhook", payload={}, timeout=0.2)
    assert _threads_started_since(before) == []  # the handler did not wait out its 60 s
    assert capsys.readouterr().err == ""


def test_a_connection_opened_and_never_used_does_not_outlive_the_site_server(
    tmp_path: Path,
) -> None:
    (tmp_path / "index.html").write_text("<p>hi</p>", "utf-8")
    before = set(threading.enumerate())
    with SiteServer(tmp_path) as server:
        idle = socket.create_connection(("127.0.0.1", server.port))
        idle.sendall(b"GET / HTTP/1.0\r\n")  # a request line, never the blank line after it
        deadline = time.monotonic() + 10
        while len(_threads_started_since(before)) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)  # the server thread, then the request's thread
        assert len(_threads_started_since(before)) == 2
    try:
        assert _threads_started_since(before) == []
    finally:
        idle.close()


class _Failing(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        raise ValueError("the handler's own bug")

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_handler_error_is_kept_for_the_test_not_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with LocalServer(_Failing) as server, pytest.raises(OSError):
        opener.open(server.base_url + "/", timeout=10)
    assert [str(error) for error in server.errors] == ["the handler's own bug"]
    assert capsys.readouterr().err == ""
