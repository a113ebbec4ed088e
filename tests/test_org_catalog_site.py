"""The organisation catalog built for real: MkDocs (the plugin) and Zensical (``hinges render``).

The same organisation as test_org_catalog.py (three sources synced, one stale, one never
synced); each built site is scanned for a page per record of every source, the source
pages, the stale notices, links that lead to pages, and hostile data kept inert.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from generators_support import build_project
from org_catalog_support import HOSTILE_TITLE, LOCAL_PAGES, SOURCE_PAGES, organisation
from site_registry import BUILD_DATE
from site_support import write_project


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = organisation(tmp_path_factory.mktemp(f"org-{request.param}"))
    config = write_project(root, {}, plugin_options={"build_date": BUILD_DATE})
    return build_project(request.param, root, config)


def _page(site: Path, relative: str) -> str:
    """The built page of a catalog source file (``sources/x/decisions/y.md``)."""
    url = relative.removesuffix(".md").removesuffix("/index")
    return (site / "catalog" / url / "index.html").read_text("utf-8")


def test_every_record_and_source_has_its_page(site: Path) -> None:
    for record_id, relative in {**SOURCE_PAGES, **LOCAL_PAGES}.items():
        # a decision's panel leaves its end tags out, a tenet's definition list has them
        assert re.search(rf"<dt>Id(?:</dt>)?<dd>{re.escape(record_id)}<", _page(site, relative)), (
            relative
        )
    for name in ("org", "payments", "shipping", "billing"):
        page = _page(site, f"sources/{name}/index.md")
        assert re.search(rf"<h1[^>]*>Source {name}\b", page), name
    index = (site / "catalog/sources/index.html").read_text("utf-8")
    assert index.count("<tr data-source=") == 4


def test_the_stale_source_and_the_home_say_so(site: Path) -> None:
    for record_id, relative in SOURCE_PAGES.items():
        stale = "hinges-source-stale" in _page(site, relative)
        assert stale == record_id.startswith("shipping:"), relative
    home = (site / "catalog/index.html").read_text("utf-8")
    assert "2 sources not current" in home
    assert re.findall(r'data-source="([^"]+)"><td>', home) == [
        "this registry",
        "payments",
        "payments",
        "shipping",
    ]


def test_every_catalog_link_leads_to_a_page(site: Path) -> None:
    checked = 0
    for path in sorted((site / "catalog").rglob("index.html")):
        for href in re.findall(r'href="([^"#?]+)', path.read_text("utf-8")):
            if re.match(r"^[a-z]+:", href) or href.startswith("/"):
                continue
            target = (path.parent / unquote(href)).resolve()
            found = target.is_file() or (target / "index.html").is_file()
            assert found, f"{path.relative_to(site)} links to {href}"
            checked += 1
    assert checked > 200


def test_hostile_titles_stay_inert(site: Path) -> None:
    for path in site.rglob("*.html"):
        assert HOSTILE_TITLE not in path.read_text("utf-8"), path
    page = _page(site, SOURCE_PAGES["shipping:SHP-0001"])
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
