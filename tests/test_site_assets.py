"""catalog.js and catalog.css for real in headless Chromium, on a page that follows the
catalog's DOM contract (the table and the filter placeholder the home page builder writes).

Without Chromium these tests skip, except on CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import html
import shutil
from collections.abc import Iterator
from importlib.resources import files
from typing import TYPE_CHECKING

import pytest

from hinges.site.tables import tags_attribute
from site_support import Recorder, SiteServer, launch_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ASSETS = files("hinges.site") / "assets"
HOSTILE_OWNER = '@x"><img src=x onerror=alert(1)>'
ROWS = [
    # id, door, status, owner, tenets, tags, title; lists "|"-separated (a value may hold a space)
    ("ADR-0001", "one-way", "accepted", "@payments", "T-001|T-002", "storage|data",
     "Use PostgreSQL for orders"),
    ("ADR-0002", "two-way", "superseded", "@payments", "T-001", "messaging",
     "Kafka for order events"),
    ("ADR-0003", "two-way", "accepted", "@platform/sre", "T-002", "observability",
     "OpenTelemetry for tracing"),
    ("ADR-0004", "one-way", "proposed", "@platform/sre", "T-004 draft", "",  # cited, not held
     "Protobuf for public contracts"),
    ("ADR-0005", "two-way", "rejected", HOSTILE_OWNER, "T-003",
     "frontend|data|machine learning|c++", "React for the checkout"),
]  # fmt: skip
ALL_IDS = [row[0] for row in ROWS]

pytestmark = pytest.mark.browser  # deselect with -m "not browser"


def _row(row: tuple[str, ...]) -> str:
    record_id, door, status, owner, tenets, tags, title = row
    attributes = f' data-tags="{tags_attribute(tags.split("|"))}"' if tags else ""
    cells = [record_id, title, status, door, owner, ", ".join(tenets.split("|")), "2026-01-10"]
    # Cells without end tags, as hinges.site.tables writes them.
    return f"<tr{attributes}>" + "".join(f"<td>{html.escape(cell)}" for cell in cells) + "</tr>"


# The header marks the columns the filters read, as hinges.site.tables writes it.
HEADER = (
    '<th data-filter="text">Id</th><th data-filter="text">Title</th>'
    '<th data-filter="status">Status</th><th data-filter="door">Door</th>'
    '<th data-filter="owner">Owner</th><th data-filter="tenet">Tenets</th><th>Date</th>'
)


def catalog_page(before_script: str = "") -> str:
    rows = "".join(_row(row) for row in ROWS)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Catalog</title>'
        '<link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="assets/catalog.css"></head><body>'
        '<div id="hinges-filters" class="hinges-filters" hidden></div>'
        '<p class="hinges-count-line"><span id="hinges-count">5 decisions</span></p>'
        f'<table id="hinges-catalog" class="hinges-catalog"><thead><tr>{HEADER}</tr></thead>'
        f"<tbody>{rows}</tbody></table>{before_script}"
        '<script src="assets/catalog.js"></script></body></html>'
    )


# A stand-in for material's document$: it remembers subscribers and replays the page.
INSTANT_NAVIGATION = (
    "<script>window.hingesCalls = []; window.document$ = {subscribe(fn) {"
    " window.hingesCalls.push(fn); fn(); }};</script>"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    site = tmp_path_factory.mktemp("assets-site")
    (site / "assets").mkdir()
    for name in ("catalog.js", "catalog.css"):
        with (ASSETS / name).open("rb") as source, (site / "assets" / name).open("wb") as out:
            shutil.copyfileobj(source, out)
    (site / "index.html").write_text(catalog_page(), encoding="utf-8")
    (site / "instant.html").write_text(catalog_page(INSTANT_NAVIGATION), encoding="utf-8")
    # ADR-0001 names no owner, ADR-0005 has a status catalog.css has no colour for.
    missing = (
        catalog_page()
        .replace("<td>@payments<td>", '<td class="hinges-missing">no owner<td>', 1)
        .replace("<td>rejected<td>", "<td>parked<td>")
    )
    (site / "missing.html").write_text(missing, encoding="utf-8")
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch_chromium() as running:
        yield running


@pytest.fixture
def visit(browser: Browser, server: SiteServer) -> Iterator[tuple[Page, Recorder]]:
    context = browser.new_context()
    recorder = Recorder(server.origin)
    recorder.attach(context)
    page = context.new_page()
    yield page, recorder
    context.close()
    assert recorder.problems() == {}


def open_catalog(page: Page, server: SiteServer, query: str = "", name: str = "index") -> None:
    response = page.goto(server.url(f"{name}.html{query}"))
    assert response is not None and response.status == 200
    page.wait_for_selector("#hinges-filter-text")


def shown(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "#hinges-catalog tbody tr",
        "rows => rows.filter(r => !r.hidden).map(r => r.cells[0].textContent)",
    )


def count(page: Page) -> str:
    return page.inner_text("#hinges-count")


def test_the_filter_bar_is_built_from_the_rows_with_labels(
    visit: tuple[Page, Recorder], server: SiteServer
) -> None:
    page, _ = visit
    open_catalog(page, server)
    assert page.is_visible("#hinges-filters")
    options = {
        name: page.eval_on_selector_all(
            f"#hinges-filter-{name} option", "options => options.map(o => o.value)"
        )
        for name in ("door", "status", "owner", "tenet", "tag")
    }
    assert options == {
        "door": ["", "one-way", "two-way"],
        "status": ["", "accepted", "proposed", "rejected", "superseded"],
        "owner": ["", "@payments", "@platform/sre", HOSTILE_OWNER],
        "tenet": ["", "T-001", "T-002", "T-003", "T-004 draft"],
        "tag": [
            "",
            "c++",
            "data",
            "frontend",
            "machine learning",
            "messaging",
            "observability",
            "storage",
        ],
    }
    labels = page.eval_on_selector_all(
        "#hinges-filters label", "labels => labels.map(l => [l.htmlFor, l.textContent])"
    )
    assert labels == [
        ["hinges-filter-door", "Door"],
        ["hinges-filter-status", "Status"],
        ["hinges-filter-owner", "Owner"],
        ["hinges-filter-tenet", "Tenet"],
        ["hinges-filter-tag", "Tag"],
        ["hinges-filter-text", "Search"],
    ]
    assert page.get_attribute("#hinges-filter-text", "type") == "search"
    # The hostile owner is an option's text, not markup.
    assert page.locator("#hinges-filters img").count() == 0
    assert shown(page) == ALL_IDS and count(page) == "5 of 5 decisions"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("door", "one-way", ["ADR-0001", "ADR-0004"]),
        ("status", "accepted", ["ADR-0001", "ADR-0003"]),
        ("owner", "@platform/sre", ["ADR-0003", "ADR-0004"]),
        ("owner", HOSTILE_OWNER, ["ADR-0005"]),
        ("tenet", "T-001", ["ADR-0001", "ADR-0002"]),
        ("tenet", "T-004 draft", ["ADR-0004"]),  # one value, though it holds a space
        ("tag", "data", ["ADR-0001", "ADR-0005"]),
        ("tag", "machine learning", ["ADR-0005"]),  # one tag, though it holds a space
        ("tag", "c++", ["ADR-0005"]),
    ],
)
def test_each_select_filters_the_rows_and_is_kept_in_the_url(
    visit: tuple[Page, Recorder], server: SiteServer, name: str, value: str, expected: list[str]
) -> None:
    page, _ = visit
    open_catalog(page, server)
    page.select_option(f"#hinges-filter-{name}", value)
    assert shown(page) == expected
    assert count(page) == f"{len(expected)} of 5 decisions"
    assert page.evaluate(f"new URLSearchParams(location.search).get('{name}')") == value


def test_typed_words_must_all_match_in_any_case(
    visit: tuple[Page, Recorder], server: SiteServer
) -> None:
    page, _ = visit
    open_catalog(page, server)
    page.fill("#hinges-filter-text", "ORDER")
    assert shown(page) == ["ADR-0001", "ADR-0002"]
    page.fill("#hinges-filter-text", "  order   postgresql ")
    assert shown(page) == ["ADR-0001"] and count(page) == "1 of 5 decisions"
    assert page.evaluate("location.search") == "?q=order+postgresql"
    page.fill("#hinges-filter-text", "learning")  # a word of a tag, which no cell shows
    assert shown(page) == ["ADR-0005"]
    page.fill("#hinges-filter-text", "")
    assert shown(page) == ALL_IDS and page.evaluate("location.search") == ""


def test_filters_combine_with_and_and_clear_resets_them(
    visit: tuple[Page, Recorder], server: SiteServer
) -> None:
    page, _ = visit
    open_catalog(page, server)
    page.select_option("#hinges-filter-door", "two-way")
    page.select_option("#hinges-filter-tag", "data")
    assert shown(page) == ["ADR-0005"]
    page.fill("#hinges-filter-text", "kafka")
    assert shown(page) == [] and count(page) == "0 of 5 decisions"
    assert page.evaluate("location.search") == "?door=two-way&tag=data&q=kafka"
    page.click("#hinges-filter-reset")
    assert shown(page) == ALL_IDS and count(page) == "5 of 5 decisions"
    assert page.input_value("#hinges-filter-door") == ""
    assert page.evaluate("location.search") == ""


def test_a_linked_filtered_view_is_restored_on_load(
    visit: tuple[Page, Recorder], server: SiteServer
) -> None:
    page, _ = visit
    open_catalog(page, server, "?door=one-way&q=Protobuf&owner=%40nobody&page=2")
    assert page.input_value("#hinges-filter-door") == "one-way"
    assert page.input_value("#hinges-filter-text") == "Protobuf"
    # An owner that no row has cannot be selected: it is dropped, other parameters stay.
    assert page.input_value("#hinges-filter-owner") == ""
    assert shown(page) == ["ADR-0004"] and count(page) == "1 of 5 decisions"
    assert page.evaluate("location.search") == "?door=one-way&q=Protobuf&page=2"


def test_material_instant_navigation_enhances_each_page_once(
    visit: tuple[Page, Recorder], server: SiteServer
) -> None:
    page, _ = visit
    open_catalog(page, server, name="instant")
    assert page.evaluate("window.hingesCalls.length") == 1
    page.evaluate("window.hingesCalls[0]()")  # material announcing the same page again
    assert page.locator("#hinges-filter-door").count() == 1
    page.select_option("#hinges-filter-status", "rejected")
    assert shown(page) == ["ADR-0005"]


def test_the_styles_hide_filtered_rows_and_show_the_filled_filter_bar(
    visit: tuple[Page, Recorder], server: SiteServer
) -> None:
    page, _ = visit
    open_catalog(page, server, "?status=proposed")
    display = page.eval_on_selector_all(
        "#hinges-catalog tbody tr", "rows => rows.map(r => getComputedStyle(r).display)"
    )
    assert display == ["none", "none", "none", "table-row", "none"]
    assert page.eval_on_selector("#hinges-filters", "e => getComputedStyle(e).display") == "flex"
    box = page.locator("#hinges-filter-door").bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0


def test_values_are_read_from_the_marked_cells_and_get_their_badges(
    visit: tuple[Page, Recorder], server: SiteServer
) -> None:
    page, _ = visit
    open_catalog(page, server)
    badges = page.eval_on_selector_all(
        "#hinges-catalog tbody tr:first-child td span",
        "spans => spans.map(s => [s.className, s.textContent])",
    )
    assert badges == [
        ["hinges-status hinges-status--accepted", "accepted"],
        ["hinges-door hinges-door--one-way", "one-way"],
    ]
    # The search reads id, title, owner, tenets and tags: not status, door or date.
    for word in ("accepted", "one-way", "2026-01-10"):
        page.fill("#hinges-filter-text", word)
        assert shown(page) == [], word
    page.fill("#hinges-filter-text", "t-002 storage sre")
    assert shown(page) == []
    page.fill("#hinges-filter-text", "t-002 sre")
    assert shown(page) == ["ADR-0003"]


def test_a_missing_value_cell_holds_no_value_and_an_unknown_status_a_plain_badge(
    visit: tuple[Page, Recorder], server: SiteServer
) -> None:
    page, _ = visit
    open_catalog(page, server, name="missing")
    owners = page.eval_on_selector_all(
        "#hinges-filter-owner option", "options => options.map(o => o.value)"
    )
    assert owners == ["", "@payments", "@platform/sre", HOSTILE_OWNER]
    page.select_option("#hinges-filter-owner", "@payments")
    assert shown(page) == ["ADR-0002"]
    page.select_option("#hinges-filter-owner", "")
    page.fill("#hinges-filter-text", "owner")
    assert shown(page) == []  # "no owner" is a note, not a value the search finds
    assert page.get_attribute("tr:last-child td:nth-child(3) span", "class") == (
        "hinges-status hinges-status--other"
    )
    assert page.locator("tr:first-child td.hinges-missing span").count() == 0
