"""The browser-test helpers themselves: when Chromium is required, what counts as foreign."""

from __future__ import annotations

from pathlib import Path

import pytest

import site_support
from site_support import Recorder


def test_missing_chromium_fails_on_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_support, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser tests"):
        site_support.require_chromium()


def test_missing_chromium_skips_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_support, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="make browser"):
        site_support.require_chromium()


def test_only_the_test_server_is_not_foreign() -> None:
    recorder = Recorder("127.0.0.1:8123")
    recorder.requests = [
        "http://127.0.0.1:8123/catalog/",
        "data:image/svg+xml,%3Csvg%3E",
        "blob:http://127.0.0.1:8123/0b8c",
        "https://fonts.googleapis.com/css?family=Roboto",
        "http://127.0.0.1:9999/elsewhere",
        "http://localhost:8123/catalog/",
        "ws://127.0.0.1:8123/livereload",
        "chrome-extension://abc/script.js",
    ]
    assert recorder.foreign_requests() == [
        "https://fonts.googleapis.com/css?family=Roboto",
        "http://127.0.0.1:9999/elsewhere",
        "http://localhost:8123/catalog/",
        "chrome-extension://abc/script.js",
    ]
    assert recorder.problems() == {"requests to other hosts": recorder.foreign_requests()}
