"""The browser-test helpers themselves: when Chromium is required, what counts as foreign."""

from __future__ import annotations

from pathlib import Path

import pytest

import site_support
from site_support import Recorder


def test_chromium_is_found_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert site_support.require_chromium() == str(fake)


def test_missing_chromium_fails_on_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser tests"):
        site_support.require_chromium()


def test_missing_chromium_skips_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
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


def test_a_test_without_the_browser_marker_may_not_start_chromium() -> None:
    with pytest.raises(pytest.fail.Exception, match="starts Chromium: mark it"):  # noqa: SIM117
        with site_support.launch_chromium():
            pass  # never reached


@pytest.mark.browser
def test_browser_marked_tests_are_the_ones_that_start_chromium() -> None:
    with site_support.launch_chromium() as browser:
        assert browser.version


def test_ci_run_sets_ci_before_running_the_tests() -> None:
    # So a missing Chromium fails wherever .ci/run runs, whatever the caller's environment.
    lines = (Path(__file__).parent.parent / ".ci/run").read_text("utf-8").splitlines()
    assert lines.index("export CI=true") < lines.index("make test")
