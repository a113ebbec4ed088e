"""The plugin's link conversion: its own relative path against ``posixpath.relpath``."""

from __future__ import annotations

import posixpath

import pytest

from hinges.site.links import relative_path, source_links_to_urls
from hinges.site.urls import CatalogLayout

FOLDERS = ["", ".", "catalog", "catalog/decisions", "catalog/decisions/0001-x", "docs/a/b"]
PATHS = [
    "",
    "catalog",
    "catalog/",
    "catalog/index.html",
    "catalog/decisions/0001-x/",
    "catalog/decisions/0002-y/",
    "catalog/owners/payments/",
    "catalog/assets/catalog.css",
    "docs/a/c.html",
    "../outside/x.md",
    "other/catalog/decisions",
]


@pytest.mark.parametrize("start", FOLDERS)
@pytest.mark.parametrize("path", PATHS)
def test_relative_path_is_what_relpath_says(path: str, start: str) -> None:
    assert relative_path(path, start) == posixpath.relpath(path or ".", start or ".")


def test_links_of_a_decision_page_become_urls_relative_to_its_url() -> None:
    layout = CatalogLayout(source_links=True)
    html = (
        '<a href="../owners/pay%20ments.md">o</a><a href="0002-y.md#top">d</a>'
        '<a href="../index.md">h</a><link href="../assets/catalog.css">'
        '<a href="../../index.md">r</a><a href="https://example.org/a.md">x</a>'
        '<a href="#here">f</a>'
    )
    assert source_links_to_urls(html, "catalog/decisions/0001-x.md", layout) == (
        '<a href="../../owners/pay%20ments/">o</a><a href="../0002-y/#top">d</a>'
        '<a href="../../">h</a><link href="../../assets/catalog.css">'
        '<a href="../../../">r</a><a href="https://example.org/a.md">x</a><a href="#here">f</a>'
    )
    flat = CatalogLayout(directory_urls=False, source_links=True)
    assert source_links_to_urls(html, "catalog/decisions/0001-x.md", flat).startswith(
        '<a href="../owners/pay%20ments.html">o</a><a href="0002-y.html#top">d</a>'
        '<a href="../index.html">h</a><link href="../assets/catalog.css">'
    )


def test_only_href_and_src_attributes_after_whitespace_are_converted() -> None:
    layout = CatalogLayout(source_links=True)
    html = (
        '<a xlink:href="../owners/a.md">x</a><b data-href="../owners/a.md"></b>'
        '<img\nsrc="../assets/i.png"><a\thref="../owners/a.md">t</a>'
        '<p>href=&quot;../owners/a.md&quot; href="../owners/a.md"</p>'
    )
    assert source_links_to_urls(html, "catalog/decisions/0001-x.md", layout) == (
        '<a xlink:href="../owners/a.md">x</a><b data-href="../owners/a.md"></b>'
        '<img\nsrc="../../assets/i.png"><a\thref="../../owners/a/">t</a>'
        '<p>href=&quot;../owners/a.md&quot; href="../../owners/a/"</p>'
    )
