"""Hostile front-matter values in the built catalog, opened in a real headless Chromium.

Titles, owners, tags, exit paths and a tenet title written to break out of HTML text and
attributes; the site is built with validation off (the checker would reject the owners),
where escaping is the only defence. Built by each generator in turn: MkDocs and ProperDocs
with the plugin, Zensical after ``hinges render``. Nothing may run: no dialog, no injected
element or handler, no ``javascript:`` link, and the values read back as the literal text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from generators_support import GENERATORS, build_with
from site_registry import (
    HOSTILE_ATTRIBUTE_OWNER,
    HOSTILE_OWNER,
    HOSTILE_SCRIPT_TITLE,
    HOSTILE_STEMS,
    HOSTILE_TENET_TITLE,
    HOSTILE_TITLE,
    hostile_registry_files,
)
from site_support import (
    SiteServer,
    browse,
    decision_path,
    launch_chromium,
    save_screenshot,
    tenet_path,
)

pytestmark = pytest.mark.browser  # deselect with -m "not browser"

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch_chromium() as launched:
        yield launched


@pytest.fixture(scope="module", params=GENERATORS)
def hostile_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SiteServer]:
    """The hostile registry built by MkDocs, ProperDocs and Zensical in turn."""
    generator = request.param
    root = tmp_path_factory.mktemp(f"hostile-site-{generator}")
    # validate: False, because the checker would reject them (render does not check).
    with SiteServer(
        build_with(generator, root, hostile_registry_files(), validate=False)
    ) as server:
        yield server


# Anything that would run had a value broken out of its text or attribute.
ACTIVE_CONTENT = """() => ({
    handlers: document.querySelectorAll('[onerror], [onload], [onmouseover]').length,
    injected: document.querySelectorAll('img[src="x"], img[src="y"], svg[onload], b').length,
    scripts: [...document.scripts].filter(s => s.text.includes('alert(')).length,
    javascriptLinks: [...document.querySelectorAll('a')].filter(
        a => (a.getAttribute('href') ?? '').trim().toLowerCase().startsWith('javascript:')).length,
})"""
NOTHING_ACTIVE = {"handlers": 0, "injected": 0, "scripts": 0, "javascriptLinks": 0}


def test_hostile_front_matter_stays_inert_text(browser: Browser, hostile_site: SiteServer) -> None:
    with browse(browser, hostile_site) as visit:
        page = visit.page
        pages = [
            "/catalog/", "/catalog/tenets/", "/catalog/matrix/", "/catalog/one-way-doors/",
            "/catalog/review/", "/catalog/timeline/", "/catalog/owners/", "/catalog/graph/",
            "/catalog/outcomes/",
            *(decision_path(stem) for stem in HOSTILE_STEMS), tenet_path("T-001-hostile"),
        ]  # fmt: skip
        for path in pages:
            visit.open(path)
            page.wait_for_load_state("networkidle")
            for link in page.locator("article a").all():
                if link.is_visible():  # Zensical's skip link is in the article, hidden
                    link.hover()  # an injected onmouseover would fire now
            found = (page.evaluate(ACTIVE_CONTENT), visit.recorder.dialogs)
            assert found == (NOTHING_ACTIVE, []), path

        visit.open(decision_path(HOSTILE_STEMS[0]))
        assert HOSTILE_TITLE in page.title()
        # The record's H1 says its title, and shows it as text.
        assert page.inner_text("article h1").startswith(HOSTILE_TITLE)
        assert HOSTILE_OWNER in page.inner_text(".hinges-meta")
        assert (
            page.inner_text(".hinges-meta dt:text-is('Tenets') + dd a").find(HOSTILE_TENET_TITLE)
            >= 0
        )
        # The merged rows read the values back as text: owner and deciders, plain-text tags.
        assert page.inner_text(".hinges-meta dt:text-is('Owner') + dd") == (
            f"{HOSTILE_OWNER}; deciders {HOSTILE_OWNER}"
        )
        assert page.inner_text(".hinges-meta dt:text-is('Tags') + dd") == "<b>bold</b>"
        visit.open(decision_path(HOSTILE_STEMS[1]))
        assert HOSTILE_SCRIPT_TITLE in page.title()
        assert page.inner_text("article h1").startswith(HOSTILE_SCRIPT_TITLE)
        assert page.inner_text(".hinges-meta dt:text-is('Owner') + dd") == (
            f"{HOSTILE_ATTRIBUTE_OWNER}; deciders {HOSTILE_ATTRIBUTE_OWNER}"
        )
        visit.open(decision_path(HOSTILE_STEMS[2]))
        assert HOSTILE_TITLE in page.inner_text(".hinges-banner")

        visit.open("/catalog/")
        first = page.locator("#hinges-catalog tbody tr").nth(0)
        assert first.locator("td").nth(0).inner_text() == "ADR-0001"
        assert HOSTILE_TITLE in first.inner_text()
        assert HOSTILE_OWNER in first.inner_text()
        second = page.locator("#hinges-catalog tbody tr").nth(1)
        assert second.locator("td").nth(0).inner_text() == "ADR-0002"
        assert second.locator("td").nth(4).inner_text() == HOSTILE_ATTRIBUTE_OWNER
        owners = page.eval_on_selector_all(
            "#hinges-filter-owner option", "options => options.map(o => o.value)"
        )
        assert HOSTILE_ATTRIBUTE_OWNER in owners
        assert HOSTILE_SCRIPT_TITLE in second.inner_text()
        save_screenshot(page, "hostile-catalog-home")
        assert visit.recorder.dialogs == []
        visit.assert_clean()
