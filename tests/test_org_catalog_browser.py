"""The organisation catalog's repository facet in a real headless Chromium (MkDocs build)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from org_catalog_support import organisation
from site_registry import BUILD_DATE
from site_support import SiteServer, Visit, browse, build_site, launch_chromium, write_project
from test_site_browser import visible_ids, wait_for_rows

pytestmark = pytest.mark.browser

ALL = ["ADR-0001", "payments:PAY-0007", "payments:PAY-0008", "shipping:SHP-0001"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    root = organisation(tmp_path_factory.mktemp("org-browser"))
    config = write_project(root, {}, plugin_options={"build_date": BUILD_DATE})
    with SiteServer(build_site(config)) as served:
        yield served


@pytest.fixture
def visit(server: SiteServer) -> Iterator[Visit]:
    with launch_chromium() as browser, browse(browser, server) as visit:
        yield visit


def test_the_repository_facet_filters_and_is_kept_in_the_address(visit: Visit) -> None:
    page = visit.page
    visit.open("/catalog/")
    page.locator("#hinges-filters").wait_for(state="visible")
    options = page.eval_on_selector_all(
        "#hinges-filter-source option", "options => options.map(o => o.value)"
    )
    assert options == ["", "payments", "shipping", "this registry"]
    assert visible_ids(page) == ALL
    page.select_option("#hinges-filter-source", "payments")
    expected = ["payments:PAY-0007", "payments:PAY-0008"]
    assert wait_for_rows(page, expected) == expected
    assert "source=payments" in page.url
    page.select_option("#hinges-filter-door", "two-way")
    page.select_option("#hinges-filter-source", "this registry")
    assert wait_for_rows(page, ["ADR-0001"]) == ["ADR-0001"]
    visit.open("/catalog/?source=shipping")
    page.locator("#hinges-filters").wait_for(state="visible")
    assert wait_for_rows(page, ["shipping:SHP-0001"]) == ["shipping:SHP-0001"]
    visit.assert_clean()
