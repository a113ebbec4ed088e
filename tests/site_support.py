"""Build a catalog site with the real ``mkdocs build``, serve it locally, drive it in Chromium.

The pieces are plain functions and context managers so any test module can compose them:
:func:`write_project` lays out a registry, ``docs/`` and ``mkdocs.yml`` in a folder;
:func:`build_site` runs ``python -m mkdocs build --strict`` in a subprocess (the same
command a user runs); :class:`SiteServer` serves the result on 127.0.0.1 from a thread;
:func:`launch_chromium` starts Debian's Chromium through playwright; :class:`Recorder`
records every request, console message, page error and dialog of a browser context.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
import yaml

from conftest import current_test
from net_support import LocalServer

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Dialog,
        Page,
        Request,
        Response,
    )

# Found on PATH, as `make browser` finds it (`command -v chromium`).
CHROMIUM = "chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BUILD_TIMEOUT_SECONDS = 300
WAIT_MS = 10_000
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def write_project(
    root: Path, files: dict[str, str], *, plugin_options: dict[str, Any] | None = None
) -> Path:
    """A site project at ``root``: the registry ``files``, docs/index.md and mkdocs.yml.

    The catalog home is the only generated page in the navigation, as the contract asks;
    the theme's web fonts are off, so nothing is fetched from another host.
    """
    for relpath, text in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text(
        "# Example registry\n\nOur decisions and tenets: [the catalog](catalog/index.md).\n",
        encoding="utf-8",
    )
    config = {
        "site_name": "Example registry",
        "docs_dir": "docs",
        "theme": {"name": "material", "font": False},
        "nav": [{"Home": "index.md"}, {"Catalog": "catalog/index.md"}],
        "plugins": ["search", {"hinges": plugin_options or {}}],
        "markdown_extensions": ["admonition", "tables", {"toc": {"permalink": True}}],
    }
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


class SiteBuildError(AssertionError):
    """``mkdocs build`` failed; the message carries its whole log."""


def build_site(config_file: Path, *, strict: bool = True) -> Path:
    """Run the real ``mkdocs build`` on ``config_file``; return the built site folder."""
    site = config_file.parent / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site)]
    if strict:
        command.insert(4, "--strict")
    done = subprocess.run(
        command,
        cwd=config_file.parent,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_SECONDS,
        check=False,
    )
    if done.returncode != 0:
        raise SiteBuildError(
            f"{' '.join(command)} exited {done.returncode}\n"
            f"--- stdout\n{done.stdout}--- stderr\n{done.stderr}"
        )
    return site


class _QuietHandler(SimpleHTTPRequestHandler):
    timeout = 30  # a connection nobody closes cannot keep a request thread forever

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the test output clean; the browser side records every request instead."""


class SiteServer:
    """Serve ``site`` on 127.0.0.1 at a free port from a background thread."""

    def __init__(self, site: Path) -> None:
        # LocalServer: its request threads end with the block and print nothing.
        self._server = LocalServer(functools.partial(_QuietHandler, directory=str(site)))
        self.port = self._server.server_address[1]
        self.origin = f"127.0.0.1:{self.port}"

    def url(self, path: str = "") -> str:
        return f"http://{self.origin}/{path.lstrip('/')}"

    def __enter__(self) -> SiteServer:
        self._server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.__exit__(*exc)


def require_chromium() -> str:
    """Chromium's path; skip without it, except on CI, where its absence is a failure."""
    found = shutil.which(CHROMIUM)
    if found is not None:
        return found
    reason = (
        f"{CHROMIUM} is not on PATH; install it with `make browser` (Debian's chromium package)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"CI must run the browser tests: {reason}", pytrace=False)
    pytest.skip(reason)


@contextmanager
def launch_chromium() -> Iterator[Browser]:
    """Debian's headless Chromium driven by playwright (playwright never downloads one).

    Only a test marked ``browser`` may start it, so ``-m "not browser"`` leaves out every
    test that needs Chromium.
    """
    test = current_test()
    if test is not None and test.get_closest_marker("browser") is None:
        pytest.fail(f"{test.nodeid} starts Chromium: mark it @pytest.mark.browser", pytrace=False)
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Recorder:
    """Everything a browser context did that a test may need to account for."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        context.on("requestfailed", self._on_failed)
        context.on("response", self._on_response)
        context.on("console", self._on_console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))
        context.on("dialog", self._on_dialog)

    def _on_request(self, request: Request) -> None:
        self.requests.append(request.url)

    def _on_failed(self, request: Request) -> None:
        # ERR_ABORTED is the browser cancelling what a page still loaded when the test
        # moved on (the search worker, typically); a missing file shows as an HTTP 404.
        if request.failure != "net::ERR_ABORTED":
            self.failures.append(f"{request.url}: {request.failure}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.url}: HTTP {response.status}")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location})")

    def _on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the test server (data: and blob: URLs stay in the page)."""
        offenders = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about"):
                continue
            if parts.scheme not in ("http", "https", "ws", "wss") or parts.netloc != self.origin:
                offenders.append(url)
        return offenders

    def problems(self) -> dict[str, list[str]]:
        """Whatever went wrong, by kind; empty when the visit was clean."""
        found = {
            "requests to other hosts": self.foreign_requests(),
            "failed requests": self.failures,
            "console errors": self.console_errors,
            "page errors": self.page_errors,
            "dialogs": self.dialogs,
        }
        return {kind: items for kind, items in found.items() if items}


@dataclass
class Visit:
    """One browser page on one served site, with the recorder of its context."""

    page: Page
    recorder: Recorder
    server: SiteServer

    def open(self, path: str) -> None:
        response = self.page.goto(self.server.url(path))
        assert response is not None and response.status == 200, f"{path}: {response}"

    def assert_clean(self) -> None:
        problems = self.recorder.problems()
        assert not problems, "the visit was not clean:\n" + json.dumps(problems, indent=2)


@contextmanager
def browse(browser: Browser, server: SiteServer, **options: Any) -> Iterator[Visit]:
    """A fresh, recorded browser context (no shared cache or storage) with one page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(WAIT_MS)
    recorder = Recorder(server.origin)
    recorder.attach(context)
    try:
        yield Visit(context.new_page(), recorder, server)
    finally:
        context.close()


# Where the relation graph and its legend are on screen, and what its viewBox shows.
GRAPH_GEOMETRY = """() => {
    const svg = document.querySelector('.hinges-graph-view svg');
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    const legend = [...document.querySelectorAll('.hinges-graph-legend li')].map(item => {
        const r = item.getBoundingClientRect();
        return {left: r.left, right: r.right, width: r.width, height: r.height,
                shown: getComputedStyle(item).visibility === 'visible'};
    });
    const node = document.querySelector('.hinges-graph-nodes rect').getBoundingClientRect();
    return {
        innerWidth: window.innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        svg: {left: box.left, right: box.right, width: box.width, height: box.height},
        viewBox: [view.x, view.y, view.width, view.height],
        natural: Number(svg.getAttribute('width')),
        legend: legend,
        node: {width: node.width, height: node.height},
    };
}"""


def graph_geometry(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(GRAPH_GEOMETRY)
    return result


def assert_graph_fits(shape: dict[str, Any]) -> None:
    """No horizontal scroll bar, the picture inside the window, every legend item shown."""
    assert shape["scrollWidth"] <= shape["innerWidth"], shape  # no horizontal scroll bar
    assert shape["svg"]["left"] >= 0 and shape["svg"]["right"] <= shape["innerWidth"], shape
    assert len(shape["legend"]) == 10
    for item in shape["legend"]:
        assert item["shown"] and item["width"] > 20 and item["height"] > 5, item
        assert item["left"] >= 0 and item["right"] <= shape["innerWidth"], item


def save_screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot in tests/artifacts/ (kept by CI as a test artifact)."""
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    return target


def decision_path(stem: str) -> str:
    """URL path of a decision's page (the contract's default ``path: catalog``)."""
    return f"/catalog/decisions/{stem}/"


def tenet_path(stem: str) -> str:
    return f"/catalog/tenets/{stem}/"
