"""The catalog built for real by MkDocs, ProperDocs and Zensical, each site scanned.

Every build must hold a page for every decision and tenet and the short links by id,
keep every hostile front-matter value inert, and ask for nothing from another host.
Each site is also opened in a real headless Chromium: every record page, the short links,
no request to another host (the MkDocs site has its own browser suite in
test_site_browser.py; test_site_browser_escaping.py opens the hostile build of each).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pytest

from generators_support import GENERATORS, build_with, fetched_urls, foreign
from site_registry import (
    DECISIONS,
    HOSTILE_ATTRIBUTE_OWNER,
    HOSTILE_SCRIPT_TITLE,
    HOSTILE_STEMS,
    HOSTILE_TENET_TITLE,
    HOSTILE_TITLE,
    TENETS,
    hostile_registry_files,
    registry_files,
)
from site_support import SiteBuildError, SiteServer, browse, launch_chromium

if TYPE_CHECKING:
    from playwright.sync_api import Browser

HOSTILE_RAW = (
    HOSTILE_TITLE,
    HOSTILE_SCRIPT_TITLE,
    HOSTILE_ATTRIBUTE_OWNER,
    HOSTILE_TENET_TITLE,
    "<b>bold</b>",
    "<img src=y onerror=alert(6)>",
)


@pytest.fixture(scope="module", params=GENERATORS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    generator = request.param
    return build_with(generator, tmp_path_factory.mktemp(generator), registry_files())


@pytest.fixture(scope="module", params=GENERATORS)
def hostile(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    generator = request.param
    root = tmp_path_factory.mktemp(f"hostile-{generator}")
    return build_with(generator, root, hostile_registry_files(), validate=False)


def _html_pages(site: Path) -> Iterator[tuple[Path, str]]:
    for path in sorted(site.rglob("*.html")):
        yield path, path.read_text(encoding="utf-8")


def test_every_record_has_a_page_and_a_short_link(built: Path) -> None:
    for decision in DECISIONS:
        page = built / f"catalog/decisions/{decision.stem}/index.html"
        assert decision.title in page.read_text(encoding="utf-8"), page
        short = (built / f"catalog/{decision.id}/index.html").read_text(encoding="utf-8")
        assert f'content="0; url=../decisions/{decision.stem}/"' in short
    for tenet in TENETS:
        assert (built / f"catalog/tenets/{tenet.stem}/index.html").is_file()
    home = (built / "catalog/index.html").read_text(encoding="utf-8")
    table = home[home.index('id="hinges-catalog"') :]
    assert table[: table.index("</tbody>")].count("<tr") == 1 + len(DECISIONS)
    for name in ("registry.json", "assets/catalog.css", "assets/catalog.js"):
        assert (built / "catalog" / name).is_file()


def test_nothing_is_fetched_from_another_host(built: Path) -> None:
    for path, html in _html_pages(built):
        assert not [url for url in fetched_urls(html) if foreign(url)], path


def test_hostile_values_stay_inert(hostile: Path) -> None:
    pages = list(_html_pages(hostile))
    assert len([p for p, _ in pages if "/catalog/decisions/" in str(p)]) == len(HOSTILE_STEMS)
    for path, html in pages:
        for raw in HOSTILE_RAW:
            assert raw not in html, (path, raw)
    record = (hostile / f"catalog/decisions/{HOSTILE_STEMS[0]}/index.html").read_text("utf-8")
    assert "&lt;img src=y onerror=alert(6)&gt;" in record  # shown, as text


def _search_index(site: Path) -> dict[str, str]:
    """Location -> text of each entry of the site's search index (either generator's)."""
    if (site / "search.json").is_file():  # Zensical
        entries = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
    else:  # material's search plugin, under MkDocs or ProperDocs
        index = (site / "search/search_index.json").read_text(encoding="utf-8")
        entries = json.loads(index)["docs"]
    return {entry["location"]: entry["title"] + " " + entry["text"] for entry in entries}


def _assert_found_only_on_its_own_page(site: Path) -> None:
    index = _search_index(site)
    # A title no other record repeats, of a decision the home's short "at a glance" lists
    # (changed recently, due for review) do not name: those lists stay searchable.
    for decision in DECISIONS[3:4]:
        found = sorted(location for location, text in index.items() if decision.title in text)
        assert found, decision.title
        assert all(f"catalog/decisions/{decision.stem}/" in location for location in found), (
            decision.title,
            found,
        )
    # The registers' own words are still found: only their big blocks are left out.
    text = " ".join(index.values())
    for words in ("Which tenets each decision follows", "decisions that are costly or"):
        assert words in text


def test_search_finds_a_decision_on_its_own_page_not_in_every_register(built: Path) -> None:
    _assert_found_only_on_its_own_page(built)


def test_material_search_leaves_the_rendered_registers_out_too(tmp_path: Path) -> None:
    """MkDocs without the plugin, over the pages `hinges render` wrote: material's search
    then parses the register blocks itself and must leave them out (and not fail)."""
    from generators_support import BIN, _run

    build_with("zensical", tmp_path, registry_files())
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- hinges:", "- x-hinges:"))
    text = config.read_text(encoding="utf-8")
    start = text.index("- x-hinges:")
    end = text.index("markdown_extensions:")
    config.write_text(text[:start] + text[end:], encoding="utf-8")
    _run([str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)], tmp_path)
    _assert_found_only_on_its_own_page(tmp_path / "site")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch_chromium() as launched:
        yield launched


@pytest.mark.browser
@pytest.mark.parametrize("generator", GENERATORS)
def test_in_a_browser_every_record_opens_short_links_lead_to_it_and_nothing_leaves(
    generator: str, browser: Browser, tmp_path: Path
) -> None:
    site = build_with(generator, tmp_path, registry_files())
    target = DECISIONS[1]
    with SiteServer(site) as server, browse(browser, server) as visit:
        visit.open("catalog/")
        rows = visit.page.locator("#hinges-catalog tbody tr")
        assert rows.count() == len(DECISIONS)
        visit.page.wait_for_selector("#hinges-filters:not([hidden])")  # the script ran
        for record, folder in [
            *((d, "decisions") for d in DECISIONS),
            *((t, "tenets") for t in TENETS),
        ]:
            visit.open(f"catalog/{folder}/{record.stem}/")
            assert visit.page.locator(".hinges-meta").count() == 1, record.stem
            assert record.title in visit.page.locator("h1").first.inner_text(), record.stem
        visit.open(f"catalog/{target.id}/")
        visit.page.wait_for_url(f"**/catalog/decisions/{target.stem}/")
        assert visit.page.locator("h1").first.inner_text().strip().startswith(target.title)
        visit.page.wait_for_load_state("networkidle")
        assert visit.recorder.foreign_requests() == []
        visit.assert_clean()


_LINK = re.compile(r'(?:href|src|xlink:href)="([^"]*)"|content="0; url=([^"]*)"')


def test_every_link_of_the_catalog_leads_to_a_file(built: Path) -> None:
    checked = 0
    for path, html in _html_pages(built / "catalog"):
        for match in _LINK.finditer(html):
            reference = (match.group(1) or match.group(2) or "").split("#")[0].split("?")[0]
            if not reference or foreign(reference) or reference.startswith(("/", "data:")):
                continue
            target = (path.parent / unquote(reference)).resolve()
            assert target.is_file() or (target / "index.html").is_file(), (path, reference)
            checked += 1
    assert checked > 500  # the tables, panels, graph and short links were all followed


@pytest.mark.parametrize("generator", GENERATORS)
def test_the_config_init_writes_builds_with_each_generator(generator: str, tmp_path: Path) -> None:
    from conftest import run_hinges
    from generators_support import BIN, _run

    assert run_hinges("init", cwd=tmp_path).code == 0
    created = run_hinges(
        "new", "Use PostgreSQL", "--no-input", "--door", "two-way", "--owner", "@data",
        cwd=tmp_path,
    )  # fmt: skip
    assert created.code == 0, created
    config = str(tmp_path / "mkdocs.yml")
    if generator == "zensical":
        _run([str(BIN / "hinges"), "render"], tmp_path)
        _run([str(BIN / "zensical"), "build", "--strict", "-f", config], tmp_path)
    else:
        _run([str(BIN / generator), "build", "--strict", "-f", config], tmp_path)
    page = tmp_path / "site/catalog/decisions/0001-use-postgresql/index.html"
    assert "Use PostgreSQL" in page.read_text(encoding="utf-8")
    assert (tmp_path / "site/catalog/ADR-0001/index.html").is_file()


def test_the_plugin_takes_the_place_of_rendered_pages_even_stale_ones(tmp_path: Path) -> None:
    from conftest import run_hinges
    from generators_support import BIN, _run
    from hinges.site.render import MANIFEST_NAME
    from site_support import write_project

    config = write_project(tmp_path, registry_files(), plugin_options={"build_date": "2026-06-01"})
    assert run_hinges("render", "--root", str(tmp_path), "--as-of", "2026-06-01").code == 0
    record = tmp_path / f"decisions/{DECISIONS[2].stem}.md"
    record.write_text(record.read_text().replace("Kafka", "Pulsar"), encoding="utf-8")
    done = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "were written by 'hinges render'; the catalog built now takes their place" in (
        done.stderr
    )
    page = tmp_path / f"site/catalog/decisions/{DECISIONS[2].stem}/index.html"
    assert "Pulsar" in page.read_text(encoding="utf-8")
    assert not (tmp_path / "site/catalog" / MANIFEST_NAME).exists()
    # A page of one's own where the catalog goes is still an error.
    (tmp_path / "docs/catalog" / MANIFEST_NAME).unlink()
    with pytest.raises(SiteBuildError, match="is in the way of the catalog"):
        _run([str(BIN / "mkdocs"), "build", "--strict", "-f", str(config)], tmp_path)
