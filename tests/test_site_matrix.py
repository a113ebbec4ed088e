"""The tenet x decision matrix and the tenets index, read back from their markup.

The matrix is a thousand rows at scale, so its cells carry nothing but the mark: these tests
pin what each row and column still says (and, in Chromium, that a decision is still the
header of its row without a ``scope`` attribute).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from catalog_fixture import BUILD_DATE, Element, parse_html, write_registry
from hinges.config import load_config
from hinges.loader import load_registry
from hinges.site.model import CatalogModel, build_model
from hinges.site.tenet_pages import matrix_cells, matrix_page, tenets_index_page
from hinges.site.urls import CatalogLayout


def model(root: Path) -> CatalogModel:
    write_registry(root)
    return build_model(load_registry(root, load_config(root)), CatalogLayout(), BUILD_DATE)


def cells(row: Element) -> list[str]:
    return [cell.text for cell in row.children if cell.tag in ("th", "td")]


def test_a_cited_tenet_is_a_bare_mark_under_its_column(tmp_path: Path) -> None:
    text = matrix_page(model(tmp_path)).markdown()
    assert "Which tenets each decision follows (●); tenets in priority order." in text
    (table,) = parse_html(text).find_all("table", "hinges-matrix")
    (head,) = table.find_all("thead")
    assert cells(head.find_all("tr")[0]) == ["Decision", "T-001", "T-002"]
    assert [link.attrs["href"] for link in head.find_all("a", "hinges-tenet-link")] == [
        "../tenets/T-001-reversible/",
        "../tenets/T-002-boring/",
    ]
    # Nothing per cell or row but the mark and the row header's scope; end tags are left
    # out (HTML ends a cell at the next cell or the row's end: see the browser test), and a
    # run of empty cells is one cell spanning them.
    rows = [line for line in text.splitlines() if line.startswith("<tr><th")]
    assert rows == [
        '<tr><th scope="row"><a href="../decisions/0001-use-mysql/">ADR-0001 Use MySQL for'
        " orders</a><td>●<td></tr>",
        '<tr><th scope="row"><a href="../decisions/0002-use-postgres/">ADR-0002 Use PostgreSQL'
        " for orders</a><td>●<td>●</tr>",
        '<tr><th scope="row"><a href="../decisions/0003-adopt-kafka/">ADR-0003 Adopt Kafka for'
        " events</a><td><td>●</tr>",
        '<tr><th scope="row"><a href="../decisions/0004-feature-flags/">ADR-0004 Feature flags'
        ' in config files</a><td colspan="2"></tr>',
    ]


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ("........", '<td colspan="8">'),
        ("x.......", '<td>●<td colspan="7">'),
        (".x..x..x", '<td><td>●<td colspan="2"><td>●<td colspan="2"><td>●'),
        ("xx.x", "<td>●<td>●<td><td>●"),
        ("xxxx", "<td>●<td>●<td>●<td>●"),
        ("", ""),
    ],
)
def test_a_run_of_empty_cells_is_one_cell_spanning_it(marks: str, expected: str) -> None:
    assert matrix_cells([mark == "x" for mark in marks]) == expected


def test_the_tenets_index_links_each_tenet_once(tmp_path: Path) -> None:
    document = parse_html(tenets_index_page(model(tmp_path)).markdown())
    rows = document.find_all("tr", "hinges-tenet-row")
    assert [row.attrs["data-id"] for row in rows] == ["T-001", "T-002"]
    assert [cells(row) for row in rows] == [
        ["1", "T-001", "Reversible choices over perfect ones", "active", "@arch", "2"],
        ["2", "T-002", "Boring technology unless the upside is large", "active", "@arch", "2"],
    ]
    links = [[a.attrs["href"] for a in row.find_all("a")] for row in rows]
    assert links == [  # the title and the owner; the id beside the title is text
        ["../tenets/T-001-reversible/", "../owners/arch/"],
        ["../tenets/T-002-boring/", "../owners/arch/"],
    ]


@pytest.mark.browser
def test_each_decision_heads_its_row_for_assistive_technology(tmp_path: Path) -> None:
    from site_support import launch_chromium

    text = matrix_page(model(tmp_path)).markdown()
    body = text[text.index("<table") :]  # a raw HTML block: Markdown passes it through
    with launch_chromium() as browser:
        page = browser.new_page()
        page.set_content(f'<!doctype html><html lang="en"><body>{body}</body></html>')
        headers = page.get_by_role("rowheader").all_inner_texts()
        assert headers == [
            "ADR-0001 Use MySQL for orders",
            "ADR-0002 Use PostgreSQL for orders",
            "ADR-0003 Adopt Kafka for events",
            "ADR-0004 Feature flags in config files",
        ]
        assert page.get_by_role("columnheader").all_inner_texts() == ["Decision", "T-001", "T-002"]
        assert page.get_by_role("cell", name="●").count() == 4
        # Each row covers one column per tenet (a spanning cell several), the mark under the
        # tenet the decision follows; a screen reader names that tenet as the mark's column.
        marks = page.eval_on_selector_all(
            "tbody tr",
            "rows => rows.map(row => [...row.cells].flatMap("
            "cell => Array(cell.colSpan).fill(cell.textContent)))",
        )
        assert [row[1:] for row in marks] == [["●", ""], ["●", "●"], ["", "●"], ["", ""]]
