"""The relation graph of 1,000 decisions in a real headless Chromium, at a narrow width.

The page is the catalog's own graph page (its figure as the page builder writes it) with
the catalog's stylesheet and script, served from 127.0.0.1. The picture must fit the page
without a horizontal scroll bar, every legend item must stay in view however the picture
is zoomed or moved, zoom and drag must change what is shown, and a drag that ends on a
node must not follow its link. Nothing may be requested from another host.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from hinges.config import load_config
from hinges.loader import load_registry
from hinges.site.graph_page import graph_page
from hinges.site.model import build_model
from hinges.site.urls import CatalogLayout
from site_support import (
    Recorder,
    SiteServer,
    assert_graph_fits,
    graph_geometry,
    launch_chromium,
    save_screenshot,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser  # deselect with -m "not browser"

ASSETS = files("hinges.site") / "assets"
DECISIONS = 1_000
VIEWPORT = {"width": 720, "height": 800}


def write_registry(root: Path) -> None:
    """1,000 decisions: every third supersedes the one before it, every fifth is one-way."""
    (root / "decisions").mkdir(parents=True)
    (root / "tenets").mkdir()
    for number in range(1, 6):
        (root / "tenets" / f"T-{number:03d}-tenet.md").write_text(
            f'---\nid: T-{number:03d}\ntitle: Tenet {number}\nstatus: active\nowner: "@arch"\n'
            f"priority: {number}\n---\n# Tenet {number}\n",
            encoding="utf-8",
        )
    for number in range(1, DECISIONS + 1):
        fields = [
            f"id: ADR-{number:04d}",
            f"title: Decision number {number} with a long title",
            "status: superseded" if number % 3 == 2 else "status: accepted",
            f"door: {'one-way' if number % 5 == 0 else 'two-way'}",
            'owner: "@team"',
            f"tenets: [T-{number % 5 + 1:03d}]",
        ]
        if number % 3 == 0:
            fields.append(f"supersedes: [ADR-{number - 1:04d}]")
        front = "\n".join(fields)
        (root / "decisions" / f"{number:04d}-decision.md").write_text(
            f"---\n{front}\n---\n# Decision {number}\n", encoding="utf-8"
        )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    root = tmp_path_factory.mktemp("graph-registry")
    write_registry(root)
    registry = load_registry(root, load_config(root))
    model = build_model(registry, CatalogLayout(), dt.date(2026, 6, 1))
    figure = graph_page(model).markdown().split("\n\n", 1)[1]  # without its heading
    site = tmp_path_factory.mktemp("graph-site")
    for name in ("catalog.css", "catalog.js"):
        with (ASSETS / name).open("rb") as source, (site / name).open("wb") as out:
            shutil.copyfileobj(source, out)
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Graph</title>'
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="catalog.css">'
        "<style>body { margin: 0 auto; padding: 0 16px; max-width: 800px; }</style></head>"
        f'<body><h1>Relation graph</h1>{figure}<script src="catalog.js"></script></body></html>',
        encoding="utf-8",
    )
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch_chromium() as running:
        yield running


@pytest.fixture
def page(browser: Browser, server: SiteServer) -> Iterator[Page]:
    context = browser.new_context(viewport=VIEWPORT)
    recorder = Recorder(server.origin)
    recorder.attach(context)
    opened = context.new_page()
    response = opened.goto(server.url("index.html"))
    assert response is not None and response.status == 200
    opened.wait_for_selector(".hinges-graph-controls button")  # the script ran
    yield opened
    context.close()
    assert recorder.foreign_requests() == []
    assert recorder.problems() == {}


def test_the_graph_fits_the_page_with_its_whole_legend(page: Page) -> None:
    shape = graph_geometry(page)
    assert_graph_fits(shape)
    # Drawn wider than the page (five columns), it is scaled down, not cut or scrolled.
    assert shape["natural"] > shape["svg"]["width"] > 600
    assert shape["viewBox"][:2] == [0, 0] and shape["viewBox"][2] == shape["natural"]
    assert page.locator(".hinges-graph-nodes > *").count() > 500  # chains and one-way doors
    save_screenshot(page, "graph-1000-fit")


def test_zoom_and_drag_change_the_view_and_the_legend_stays(page: Page) -> None:
    fit = graph_geometry(page)
    page.click(".hinges-graph-zoom-in")
    page.click(".hinges-graph-zoom-in")
    zoomed = graph_geometry(page)
    assert zoomed["viewBox"][2] == pytest.approx(fit["viewBox"][2] / 2.25)
    assert zoomed["node"]["width"] == pytest.approx(fit["node"]["width"] * 2.25, rel=0.01)
    assert zoomed["svg"]["width"] == fit["svg"]["width"]  # the element keeps its size
    assert_graph_fits(zoomed)

    svg = page.locator(".hinges-graph-view svg")
    box = svg.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + 100
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 150, y - 60, steps=5)
    page.mouse.up()  # over a node or not, the drag must not navigate
    moved = graph_geometry(page)
    scale = zoomed["viewBox"][2] / zoomed["svg"]["width"]
    assert moved["viewBox"][0] == pytest.approx(zoomed["viewBox"][0] + 150 * scale, abs=1)
    assert moved["viewBox"][1] == pytest.approx(zoomed["viewBox"][1] + 60 * scale, abs=1)
    assert page.url.endswith("/index.html")
    assert_graph_fits(moved)
    save_screenshot(page, "graph-1000-zoomed")

    page.click(".hinges-graph-zoom-out")
    assert graph_geometry(page)["viewBox"][2] == pytest.approx(fit["viewBox"][2] / 1.5)
    page.click(".hinges-graph-fit")
    assert graph_geometry(page)["viewBox"] == fit["viewBox"]


def test_at_full_view_dragging_does_nothing_and_a_click_follows_the_link(page: Page) -> None:
    before = graph_geometry(page)["viewBox"]
    node = page.locator(".hinges-graph-view svg a").first
    box = node.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 10, box["y"] + 10)
    page.mouse.down()
    page.mouse.move(box["x"] + 200, box["y"] + 80, steps=4)
    page.mouse.up()
    assert graph_geometry(page)["viewBox"] == before
    href = node.evaluate("a => a.href.baseVal")
    record_page = lambda url: "/tenets/" in url or "/decisions/" in url  # noqa: E731
    page.route(record_page, lambda route: route.fulfill(body="<p>record</p>"))
    with page.expect_navigation():
        node.click()
    assert page.url.endswith(href.removeprefix(".."))
