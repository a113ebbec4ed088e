"""A record page's H1 says the record's title as text, whatever the title holds.

Every record's H1 repeats its title (HG801; `hinges new` writes it so), and the title is a
front-matter value: the navigation, the page title and every list show it as text. The
page's H1 must read the same, through a real Python-Markdown with the extensions
Zensical and Material sites use, while an H1 that says something else stays the body's
own Markdown (record bodies are trusted as repository content, ADR-0012).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import markdown
import pytest

from catalog_fixture import Element, decision, parse_html, write_registry
from hinges.authoring.templates import heading
from hinges.config import Config
from hinges.loader import Registry, load_registry
from hinges.site.catalog import build_catalog
from hinges.site.urls import CatalogLayout

BUILD_DATE = dt.date(2026, 6, 1)
EXTENSIONS = ["toc", "attr_list", "md_in_html", "tables", "admonition", "def_list"]
TITLES = [
    '<script>alert(1)</script> Use "Kafka" & co',
    "Adopt Option<T> in the public API",  # the HTML parser took <T> for a tag
    "Use __init__.py files and *args",  # emphasis
    "Use C #",  # a closing sequence of hashes
    "See [the spec](javascript:alert(1)) first",
    "Keep `uv` & R&D &amp; costs",  # code, and an entity that must not be decoded
    "Title {: onclick=alert(1) }",  # attr_list's syntax
]


def _load(root: Path) -> Registry:
    return load_registry(root, Config())


def _h1(markdown_text: str) -> Element:
    html = markdown.markdown(markdown_text.split("\n---\n", 1)[-1], extensions=EXTENSIONS)
    return next(e for e in parse_html(html).iter() if e.tag == "h1")


def _decision_markdown(tmp_path: Path, title: str, body_heading: str) -> str:
    front = f"id: ADR-0009\ntitle: {_quoted(title)}\nstatus: proposed\ndate: 2026-05-05"
    text = decision(front, "x").replace("# x\n", f"{body_heading}\n", 1)
    registry = _load(write_registry(tmp_path, {"decisions/0009-t.md": text}))
    catalog = build_catalog(registry, BUILD_DATE, CatalogLayout())
    return next(p for p in catalog.pages if p.src_uri == "catalog/decisions/0009-t.md").markdown


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.mark.parametrize("title", TITLES)
def test_an_h1_that_says_the_title_shows_the_title_as_text(tmp_path: Path, title: str) -> None:
    h1 = _h1(_decision_markdown(tmp_path, title, heading(title)))
    assert h1.text == title
    assert [child.tag for child in h1.iter()] == ["h1"]  # no element made from the title
    assert not any(name.startswith("on") for name in h1.attrs)


def test_an_h1_that_says_something_else_stays_the_body_s_markdown(tmp_path: Path) -> None:
    page = _decision_markdown(tmp_path, "Cache sessions", "# Cache *user* sessions")
    assert "\n# Cache *user* sessions\n" in page
    h1 = _h1(page)
    assert h1.text == "Cache user sessions"
    assert [child.tag for child in h1.iter()] == ["h1", "em"]


def test_a_tenet_page_s_h1_says_its_title_as_text(tmp_path: Path) -> None:
    title = "Data <outlives> code"
    tenet = textwrap.dedent(
        f"""\
        ---
        id: T-002
        title: {_quoted(title)}
        status: active
        owner: "@arch"
        priority: 2
        ---
        {heading(title)}

        Why.
        """
    )
    registry = _load(write_registry(tmp_path, {"tenets/T-002-data.md": tenet}))
    catalog = build_catalog(registry, BUILD_DATE, CatalogLayout())
    page = next(p for p in catalog.pages if p.src_uri == "catalog/tenets/T-002-data.md")
    assert _h1(page.markdown).text == title
