"""The built catalog in a real headless Chromium: filters, search, links, graph, offline.

One real ``mkdocs build --strict`` of a realistic registry per module, served from
127.0.0.1; every browser context records each request, console error, page error and
dialog, and every test ends by asserting there were none that should not be (above all:
no request to any other host). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from hinges.config import load_config
from hinges.export import export_document
from hinges.loader import load_registry
from site_registry import BUILD_DATE, DECISIONS, SEARCH_RECORD, SEARCH_WORD, TENETS, registry_files
from site_support import (
    SiteServer,
    Visit,
    assert_graph_fits,
    browse,
    build_site,
    decision_path,
    graph_geometry,
    launch_chromium,
    save_screenshot,
    tenet_path,
    write_project,
)

pytestmark = pytest.mark.browser  # deselect with -m "not browser"

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ALL_IDS = sorted(decision.id for decision in DECISIONS)


@dataclass
class Catalog:
    root: Path
    server: SiteServer


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch_chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Catalog]:
    root = tmp_path_factory.mktemp("catalog-site")
    config = write_project(root, registry_files(), plugin_options={"build_date": BUILD_DATE})
    with SiteServer(build_site(config)) as server:
        yield Catalog(root, server)


@pytest.fixture
def visit(browser: Browser, catalog: Catalog) -> Iterator[Visit]:
    with browse(browser, catalog.server) as visit:
        yield visit


def visible_ids(page: Page) -> list[str]:
    """Ids of the catalog rows a reader can see (hidden by attribute or by style)."""
    return sorted(
        page.eval_on_selector_all(
            "#hinges-catalog tbody tr",
            "rows => rows.filter(r => r.getClientRects().length > 0)"
            ".map(r => r.cells[0].textContent)",
        )
    )


def wait_for_rows(page: Page, expected: list[str]) -> list[str]:
    """The visible ids once they equal ``expected`` (or whatever they are after the wait)."""
    # On a timeout the assertion that follows shows what is visible instead.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            """expected => {
                const rows = document.querySelectorAll('#hinges-catalog tbody tr');
                const ids = [...rows].filter(r => r.getClientRects().length > 0)
                    .map(r => r.cells[0].textContent).sort();
                return JSON.stringify(ids) === JSON.stringify(expected);
            }""",
            arg=sorted(expected),
            timeout=5_000,
        )
    return visible_ids(page)


def heading(page: Page) -> str:
    """The page's H1 without the permalink sign the toc extension appends."""
    return page.inner_text("article h1").replace("¶", "").strip()


def ids_where(**wanted: str) -> list[str]:
    return sorted(d.id for d in DECISIONS if all(getattr(d, k) == v for k, v in wanted.items()))


def test_catalog_filters_by_door_status_owner_tenet_tag_and_text(visit: Visit) -> None:
    page = visit.page
    visit.open("/catalog/")
    filters = page.locator("#hinges-filters")
    filters.wait_for(state="visible")  # the script un-hides the controls it built
    for control in ("door", "status", "owner", "tenet", "tag", "text"):
        assert page.locator(f"#hinges-filters #hinges-filter-{control}").is_visible(), control
    assert page.locator("#hinges-filter-source").count() == 0  # a facet only with sources
    assert visible_ids(page) == ALL_IDS

    page.select_option("#hinges-filter-door", "one-way")
    one_way = ids_where(door="one-way")
    assert (
        wait_for_rows(page, one_way) == one_way == ["ADR-0003", "ADR-0004", "ADR-0005", "ADR-0008"]
    )
    assert f"{len(one_way)} of {len(ALL_IDS)} decisions" in page.inner_text("#hinges-count")
    save_screenshot(page, "catalog-home-one-way-filter")

    page.select_option("#hinges-filter-door", "")
    page.fill("#hinges-filter-text", "Session")  # case does not matter
    assert wait_for_rows(page, ["ADR-0006"]) == ["ADR-0006"]
    assert f"1 of {len(ALL_IDS)} decisions" in page.inner_text("#hinges-count")

    # Combined: text and door narrow each other; then status, owner, tenet and tag.
    page.fill("#hinges-filter-text", "order events")
    assert wait_for_rows(page, ["ADR-0001", "ADR-0002", "ADR-0003"]) == [
        "ADR-0001",
        "ADR-0002",
        "ADR-0003",
    ]
    page.select_option("#hinges-filter-door", "two-way")
    assert wait_for_rows(page, ["ADR-0001", "ADR-0002"]) == ["ADR-0001", "ADR-0002"]
    page.fill("#hinges-filter-text", "")
    page.select_option("#hinges-filter-door", "one-way")
    page.select_option("#hinges-filter-owner", "@payments")
    assert wait_for_rows(page, ["ADR-0003", "ADR-0004"]) == ["ADR-0003", "ADR-0004"]
    page.select_option("#hinges-filter-owner", "")
    page.select_option("#hinges-filter-tenet", "T-003")
    assert wait_for_rows(page, ["ADR-0004", "ADR-0005"]) == ["ADR-0004", "ADR-0005"]
    page.select_option("#hinges-filter-door", "")
    page.select_option("#hinges-filter-tenet", "")
    page.select_option("#hinges-filter-status", "superseded")
    assert wait_for_rows(page, ["ADR-0001", "ADR-0002"]) == ids_where(status="superseded")
    page.select_option("#hinges-filter-status", "")
    page.select_option("#hinges-filter-tag", "latency")
    assert wait_for_rows(page, ["ADR-0002", "ADR-0006"]) == ["ADR-0002", "ADR-0006"]

    page.select_option("#hinges-filter-tag", "")  # every filter back to "all"
    assert wait_for_rows(page, ALL_IDS) == ALL_IDS
    assert f"{len(ALL_IDS)}" in page.inner_text("#hinges-count")
    save_screenshot(page, "catalog-home")
    visit.assert_clean()


def test_catalog_is_a_complete_plain_table_without_javascript(
    browser: Browser, catalog: Catalog
) -> None:
    with browse(browser, catalog.server, java_script_enabled=False) as visit:
        visit.open("/catalog/")
        assert visible_ids(visit.page) == ALL_IDS
        assert not visit.page.locator("#hinges-filters").is_visible()
        assert visit.page.inner_text("#hinges-count").strip() == f"{len(ALL_IDS)} decisions"
        visit.assert_clean()


def test_search_finds_a_record_by_a_word_of_its_body(visit: Visit) -> None:
    page = visit.page
    visit.open("/catalog/")
    page.keyboard.press("/")  # material's shortcut that opens and focuses search
    page.locator("input.md-search__input:focus").wait_for(state="visible")
    page.keyboard.type(SEARCH_WORD, delay=20)  # material searches on key events, as typed
    results = page.locator(".md-search-result__list a")
    results.first.wait_for(state="visible", timeout=15_000)
    hrefs = results.evaluate_all("links => links.map(link => link.href)")
    pages = {urlsplit(href).path for href in hrefs}
    # The word is in that one body only: every hit is (a section of) that record's page.
    assert pages == {decision_path(SEARCH_RECORD)}, hrefs
    results.first.click()
    page.wait_for_url(f"**{decision_path(SEARCH_RECORD)}*")
    assert heading(page) == "Use Redis for session storage"
    visit.assert_clean()


def test_superseded_decision_links_its_successor_and_tenets(visit: Visit) -> None:
    page = visit.page
    visit.open(decision_path("0002-use-nats-for-order-events"))
    banner = page.locator(".hinges-banner")
    assert banner.is_visible()
    assert banner.locator("a").evaluate_all("links => links.map(l => l.href)") == [
        visit.server.url(decision_path("0003-use-kafka-for-order-events"))
    ]
    meta = page.locator(".hinges-meta")
    assert meta.locator(".hinges-door--two-way").inner_text().strip() == "two-way door"
    assert meta.locator(".hinges-status--superseded").is_visible()
    predecessor = meta.locator("dt:text-is('Supersedes') + dd a")
    assert predecessor.evaluate_all("links => links.map(l => l.href)") == [
        visit.server.url(decision_path("0001-use-rabbitmq-for-order-events"))
    ]

    assert meta.locator("dt:text-is('Superseded by')").count() == 0  # the banner says it
    banner.locator("a").click()
    page.wait_for_url(f"**{decision_path('0003-use-kafka-for-order-events')}")
    assert page.locator(".hinges-banner").count() == 0  # accepted: in force, no banner
    assert page.locator(".hinges-meta .hinges-door--one-way").inner_text().strip() == (
        "one-way door"
    )
    tenet_links = page.locator(".hinges-meta dt:text-is('Tenets') + dd a")
    assert [text.split()[0] for text in tenet_links.all_inner_texts()] == ["T-001", "T-002"]
    meta = page.locator(".hinges-meta")
    rows = dict(
        zip(meta.locator("dt").all_inner_texts(), meta.locator("dd").all_inner_texts(), strict=True)
    )
    assert [rows["Status"], rows["Owner"], rows["Date"], rows["Tags"]] == [
        "accepted one-way door",
        "@payments; deciders @alice, @bob, @chen",
        "2025-03-15; review by 2028-03-01",
        "messaging, data",
    ]
    # One row per question: both badges side by side on the Status row, beside its label.
    label, status, door = (
        page.locator(selector).bounding_box()
        for selector in (
            ".hinges-meta dt:text-is('Status')",
            ".hinges-meta .hinges-status--accepted",
            ".hinges-meta .hinges-door--one-way",
        )
    )
    assert label and status and door
    assert abs(status["y"] - door["y"]) < 2 and door["x"] > status["x"] + status["width"]
    assert status["x"] > label["x"] + label["width"]
    save_screenshot(page, "decision-page")

    tenet_links.nth(1).click()
    page.wait_for_url(f"**{tenet_path('T-002-tail-latency')}")
    assert heading(page) == "Predictable tail latency over peak throughput"
    followers = {
        urlsplit(href).path
        for href in page.locator("article a").evaluate_all("links => links.map(l => l.href)")
    }
    citing = {decision_path(d.stem) for d in DECISIONS if "T-002" in d.tenets}
    assert citing <= followers, f"missing links to {sorted(citing - followers)}"
    save_screenshot(page, "tenet-page")
    visit.assert_clean()


@pytest.mark.parametrize("decision", DECISIONS, ids=lambda decision: decision.id)
def test_banner_only_on_records_no_longer_in_force(visit: Visit, decision: Any) -> None:
    visit.open(decision_path(decision.stem))
    retired = decision.status in ("superseded", "deprecated", "rejected")
    assert visit.page.locator(".hinges-banner").count() == (1 if retired else 0)
    assert visit.page.locator(f".hinges-status--{decision.status}").count() >= 1
    visit.assert_clean()


def _graph_links(page: Page) -> list[str]:
    return list(
        page.eval_on_selector_all(
            "figure.hinges-graph .hinges-graph-view svg a",
            """links => links.map(link => new URL(
                link.getAttribute('href') ?? link.getAttribute('xlink:href'),
                document.baseURI).pathname)""",
        )
    )


def test_graph_is_drawn_and_its_nodes_link_to_records(visit: Visit) -> None:
    page = visit.page
    visit.open("/catalog/graph/")
    svg = page.locator("figure.hinges-graph .hinges-graph-view svg")
    assert svg.count() == 1
    assert svg.is_visible()
    box = svg.bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 50, box
    links = _graph_links(page)
    expected = {decision_path(d.stem) for d in DECISIONS} | {tenet_path(t.stem) for t in TENETS}
    assert expected <= set(links), f"nodes without a link: {sorted(expected - set(links))}"
    save_screenshot(page, "graph-page")

    target = decision_path("0003-use-kafka-for-order-events")
    node = page.locator("figure.hinges-graph .hinges-graph-view svg a").nth(links.index(target))
    node_box = node.bounding_box()
    assert node_box is not None and node_box["width"] > 0 and node_box["height"] > 0
    node.click()
    page.wait_for_url(f"**{target}")
    visit.assert_clean()


def test_graph_fits_a_narrow_window_with_its_legend_and_zooms(visit: Visit) -> None:
    page = visit.page
    page.set_viewport_size({"width": 640, "height": 900})
    visit.open("/catalog/graph/")
    page.wait_for_selector(".hinges-graph-controls button")  # the script ran
    fit = graph_geometry(page)
    assert_graph_fits(fit)
    page.click(".hinges-graph-zoom-in")
    zoomed = graph_geometry(page)
    assert zoomed["viewBox"][2] == pytest.approx(fit["viewBox"][2] / 1.5)
    assert zoomed["node"]["width"] == pytest.approx(fit["node"]["width"] * 1.5, rel=0.01)
    assert_graph_fits(zoomed)
    save_screenshot(page, "graph-page-narrow-zoomed")
    visit.assert_clean()


SITE_PAGES = (
    "/",
    "/catalog/",
    "/catalog/tenets/",
    "/catalog/matrix/",
    "/catalog/one-way-doors/",
    "/catalog/review/",
    "/catalog/timeline/",
    "/catalog/outcomes/",
    "/catalog/owners/",
    "/catalog/owners/payments/",
    "/catalog/owners/platform-api/",
    "/catalog/graph/",
    *(decision_path(d.stem) for d in DECISIONS),
    *(tenet_path(t.stem) for t in TENETS),
)


def test_every_page_loads_offline_without_errors(visit: Visit) -> None:
    for path in SITE_PAGES:
        visit.open(path)
        visit.page.wait_for_load_state("networkidle")
    requested = {urlsplit(url).path for url in visit.recorder.requests}
    # The recorder sees what the page fetched on its own (so "no other host" means something).
    assert "/catalog/assets/catalog.js" in requested
    assert "/catalog/assets/catalog.css" in requested
    assert "/search/search_index.json" in requested
    offenders = visit.recorder.foreign_requests()
    assert offenders == [], "requests to other hosts:\n" + "\n".join(offenders)
    visit.assert_clean()


def test_registry_json_is_the_export_document(visit: Visit, catalog: Catalog) -> None:
    visit.open("/catalog/")
    text = visit.page.evaluate("async () => (await fetch('registry.json')).text()")
    published = json.loads(text)
    registry = load_registry(catalog.root, load_config(catalog.root))
    assert published == export_document(registry, today=dt.date.fromisoformat(BUILD_DATE))
    visit.assert_clean()
