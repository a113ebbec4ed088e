"""The organisation catalog rendered by ``hinges render`` from real git repositories.

Three sources synced (one of them stale), one never synced, and the catalog's own records;
every page is scanned: a page per record of every source, the source pages, qualified ids
in the tables, links that resolve, the stale notices, registry.json, determinism.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from conftest import run_hinges, write_files
from hinges.export_schema import export_json_schema
from org_catalog_support import (
    HOSTILE_TITLE,
    LOCAL_PAGES,
    SOURCE_PAGES,
    STALE_REASON,
    organisation,
)

AS_OF = "2026-12-01"
NOT_SYNCED = (
    "hinges: Source billing has never been synced: its records are not in this catalog. "
    "Run hinges sources sync."
)
STALE = (
    f"hinges: Source shipping is shown from a stale copy: {STALE_REASON}. Run hinges sources sync."
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    """(catalog registry, rendered folder, the render's result)."""
    base = tmp_path_factory.mktemp("org")
    root = organisation(base)
    out = base / "out"  # outside the registry: not one of its files on the folders page
    result = run_hinges("render", "--root", str(root), "--as-of", AS_OF, "--out", str(out))
    return root, out, result


def _read(out: Path, relative: str) -> str:
    return (out / relative).read_text(encoding="utf-8")


def test_render_warns_about_sources_it_cannot_show_and_succeeds(
    rendered: tuple[Path, Path, Any],
) -> None:
    _, _, result = rendered
    assert result.code == 0, result
    assert result.stderr.splitlines() == [STALE, NOT_SYNCED]


def test_every_record_of_every_source_has_its_page(rendered: tuple[Path, Path, Any]) -> None:
    _, out, _ = rendered
    for record_id, relative in {**SOURCE_PAGES, **LOCAL_PAGES}.items():
        page = _read(out, relative)
        # a decision's panel leaves its end tags out, a tenet's definition list has them
        assert re.search(rf"<dt>Id(?:</dt>)?<dd>{re.escape(record_id)}<", page), relative
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.md")}
    under_sources = {p for p in pages if p.startswith("sources/") and not p.endswith("index.md")}
    assert under_sources == set(SOURCE_PAGES.values())
    assert {p for p in pages if p.startswith("sources/") and p.endswith("index.md")} == {
        "sources/index.md",
        "sources/org/index.md",
        "sources/payments/index.md",
        "sources/shipping/index.md",
        "sources/billing/index.md",
    }


def test_the_home_table_has_qualified_ids_and_the_repository_facet(
    rendered: tuple[Path, Path, Any],
) -> None:
    _, out, _ = rendered
    home = _read(out, "index.md")
    rows = re.findall(r'<tr data-source="([^"]*)"><td>([^<]*)<td>', home)
    assert rows == [
        ("this registry", "ADR-0001"),
        ("payments", "payments:PAY-0007"),
        ("payments", "payments:PAY-0008"),
        ("shipping", "shipping:SHP-0001"),
    ]


def _links(page: str) -> list[str]:
    return re.findall(r'href="([^"#]+)', page)


def _leads_to_a_page(page: Path, href: str) -> bool:
    """Pages link to source files (``../x.md``), but the graph's SVG links to URLs
    (``../x/``), relative to the page's URL (``graph/``), as MkDocs and Zensical serve it."""
    if not href.endswith("/"):
        return (page.parent / href).resolve().is_file()
    url_folder = page.parent if page.name == "index.md" else page.parent / page.stem
    target = (url_folder / href).resolve()
    return target.with_suffix(".md").is_file() or (target / "index.md").is_file()


def test_every_link_of_every_page_leads_to_a_page(rendered: tuple[Path, Path, Any]) -> None:
    _, out, _ = rendered
    checked = 0
    for path in sorted(out.rglob("*.md")):
        for href in _links(path.read_text(encoding="utf-8")):
            if href.startswith(("http:", "https:")):
                continue
            assert _leads_to_a_page(path, href), f"{path.relative_to(out)} links to {href}"
            checked += 1
    assert checked > 100


def test_relations_across_sources_are_links(rendered: tuple[Path, Path, Any]) -> None:
    _, out, _ = rendered
    shipping = _read(out, SOURCE_PAGES["shipping:SHP-0001"])
    assert (
        '<dt>Supersedes<dd><a href="../../../sources/payments/decisions/0007-use-postgres.md">'
        "payments:PAY-0007 Use PostgreSQL for payments</a><dt>"
    ) in shipping
    assert 'href="../../../sources/org/tenets/T-004-boring-technology.md"' in shipping
    payments = _read(out, SOURCE_PAGES["payments:PAY-0007"])
    # Its own T-001 is payments:T-001, not the catalog's T-001; org:T-003 is the org's.
    assert (
        '<dt>Tenets<dd><a href="../../../sources/payments/tenets/T-001-reversible.md">'
        "payments:T-001 Reversible choices over perfect ones</a>, "
        '<a href="../../../sources/org/tenets/T-003-contracts-outlive-code.md">'
        "org:T-003 Contracts outlive code</a><dt>"
    ) in payments
    # Superseded by both its own PAY-0008 and shipping's SHP-0001.
    assert "payments:PAY-0008 Use Aurora for payments</a>" in payments
    assert 'href="../../../sources/shipping/decisions/0001-share-the-payments-store.md"' in payments
    org_tenet = _read(out, SOURCE_PAGES["org:T-003"])
    followers = re.findall(r"<li><a [^>]+>([^ ]+) ", org_tenet)
    assert followers == ["ADR-0001", "payments:PAY-0007"]
    graph = _read(out, "graph.md")
    assert "missing" not in graph.lower() and "dangling" not in graph.lower()


def test_a_stale_source_is_marked_on_its_pages_and_the_home(
    rendered: tuple[Path, Path, Any],
) -> None:
    _, out, _ = rendered
    notice = '<div class="admonition warning hinges-source-stale">'
    for record_id, relative in SOURCE_PAGES.items():
        assert (notice in _read(out, relative)) == record_id.startswith("shipping:"), relative
    shipping = _read(out, SOURCE_PAGES["shipping:SHP-0001"])
    assert (
        f"Source shipping is shown from a stale copy: {STALE_REASON}. Run hinges sources sync. "
        '<a href="../../../sources/shipping/index.md">About source shipping</a>'
    ) in shipping
    home = _read(out, "index.md")
    assert (
        '<p class="admonition-title">2 sources not current</p><ul>'
        '<li data-source="shipping"><a href="sources/shipping/index.md">shipping</a>: '
        f"stale copy: {STALE_REASON}</li>"
        '<li data-source="billing"><a href="sources/billing/index.md">billing</a>: '
        "never synced</li></ul>"
    ) in home
    assert (
        'This catalog gathers the records of <a href="sources/index.md">4 sources</a> '
        "and 2 records of this registry."
    ) in home


def _state(root: Path, name: str) -> dict[str, str]:
    data: dict[str, str] = json.loads(
        (root / ".hinges/sources" / name / "state.json").read_text("utf-8")
    )
    return data


def test_source_pages_say_where_the_records_come_from(rendered: tuple[Path, Path, Any]) -> None:
    root, out, _ = rendered
    index = _read(out, "sources/index.md")
    rows = re.findall(r'<tr data-source="([^"]+)" data-status="([^"]+)">(.*?)</tr>', index)
    assert [(name, status) for name, status, _ in rows] == [
        ("org", "current"),
        ("payments", "current"),
        ("shipping", "stale"),
        ("billing", "not-synced"),
    ]
    counts = [re.findall(r"<td>(\d+)</td>", cells)[-2:] for _, _, cells in rows]
    assert counts == [["0", "2"], ["2", "1"], ["1", "0"], ["0", "0"]]
    payments = _read(out, "sources/payments/index.md")
    state = _state(root, "payments")
    assert f"<dt>Commit</dt><dd><code>{state['commit']}</code></dd>" in payments
    assert f"<dt>Synced at</dt><dd>{state['checked_at']}</dd>" in payments
    assert "<dt>Path</dt><dd><code>registry</code></dd>" in payments
    assert "2 decisions and 1 tenet." in payments
    assert len(re.findall(r"<tr[^>]*><td>payments:PAY-", payments)) == 2
    billing = _read(out, "sources/billing/index.md")
    assert "<dt>Synced</dt><dd>never</dd>" in billing
    assert "Source billing has never been synced" in billing
    assert "<td>billing:" not in billing


def test_hostile_source_data_is_escaped(tmp_path: Path) -> None:
    root = organisation(tmp_path)
    state_file = root / ".hinges/sources/shipping/state.json"
    state = json.loads(state_file.read_text("utf-8"))
    state["git"] = "<script>alert(3)</script>"
    state["checked_at"] = '"><img src=y onerror=alert(4)>'
    state_file.write_text(json.dumps({"format": 1, **state}), encoding="utf-8")
    out = root / "out"
    result = run_hinges("render", "--root", str(root), "--as-of", AS_OF, "--out", str(out))
    assert result.code == 0, result
    for path in out.rglob("*.md"):
        page = path.read_text(encoding="utf-8")
        for raw in (HOSTILE_TITLE, "<script>alert(3)", "<img src=y", "<img src=x"):
            assert raw not in page, path
    shipping = _read(out, "sources/shipping/index.md")
    assert "<code>&lt;script&gt;alert(3)&lt;/script&gt;</code>" in shipping
    assert "&quot;&gt;&lt;img src=y onerror=alert(4)&gt;" in shipping
    assert f"<dt>Stale because</dt><dd>{STALE_REASON}</dd>" in shipping


def test_registry_json_names_each_records_source(rendered: tuple[Path, Path, Any]) -> None:
    root, out, _ = rendered
    document = json.loads(_read(out, "registry.json"))
    assert list(Draft202012Validator(export_json_schema()).iter_errors(document)) == []
    decisions = [(d["id"], d["source"], d["path"]) for d in document["decisions"]]
    assert decisions == [
        ("ADR-0001", None, "decisions/0001-use-postgres.md"),
        ("payments:PAY-0007", "payments", "decisions/0007-use-postgres.md"),
        ("payments:PAY-0008", "payments", "decisions/0008-use-aurora.md"),
        ("shipping:SHP-0001", "shipping", "decisions/0001-share-the-payments-store.md"),
    ]
    assert [list(entry)[:3] for entry in document["tenets"]] == [["id", "source", "path"]] * 4
    # The organisation's tenets first (configuration order), the catalog's own last.
    assert [(t["id"], t["cited_by"]) for t in document["tenets"]] == [
        ("org:T-003", ["ADR-0001", "payments:PAY-0007"]),
        ("org:T-004", ["shipping:SHP-0001"]),
        ("payments:T-001", ["payments:PAY-0007", "payments:PAY-0008"]),
        ("T-001", ["ADR-0001"]),
    ]
    tenets_index = _read(out, "tenets/index.md")
    assert re.findall(r'class="hinges-tenet-row" data-id="([^"]+)"', tenets_index) == [
        "org:T-003",
        "org:T-004",
        "payments:T-001",
        "T-001",
    ]
    assert {"type": "supersedes", "from": "shipping:SHP-0001", "to": "payments:PAY-0007"} in (
        document["relations"]
    )
    shipping, billing = document["sources"][2:]
    assert shipping == {
        "name": "shipping",
        "git": "../shipping",
        "ref": "release",
        "path": ".",
        "status": "stale",
        "stale": STALE_REASON,
        "problem": None,
        "commit": _state(root, "shipping")["commit"],
        "fetched_at": _state(root, "shipping")["fetched_at"],
        "synced_at": _state(root, "shipping")["checked_at"],
        "decisions": 1,
        "tenets": 0,
    }
    assert (billing["status"], billing["commit"], billing["decisions"]) == ("not-synced", None, 0)


def test_the_render_is_deterministic(rendered: tuple[Path, Path, Any]) -> None:
    root, out, _ = rendered
    again = root.parent / "again"
    result = run_hinges("render", "--root", str(root), "--as-of", AS_OF, "--out", str(again))
    assert result.code == 0, result
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first == second
    check = run_hinges(
        "render", "--root", str(root), "--as-of", AS_OF, "--out", str(out), "--check"
    )
    assert check.code == 0, check


def test_a_catalog_repository_may_hold_only_its_configuration(tmp_path: Path) -> None:
    root = organisation(tmp_path, catalog_files={})
    assert sorted(p.name for p in root.iterdir()) == [".hinges", "hinges.toml"]
    checked = run_hinges("check", "--root", str(root), "--as-of", AS_OF)
    assert checked.code == 0, checked
    out = root / "out"
    result = run_hinges("render", "--root", str(root), "--as-of", AS_OF, "--out", str(out))
    assert result.code == 0, result
    home = _read(out, "index.md")
    assert 'gathers the records of <a href="sources/index.md">4 sources</a>.</p>' in home
    assert "3 decisions and 3 tenets" in home
    assert 'data-source="this registry"' not in home


def test_a_registry_without_sources_renders_no_organisation(tmp_path: Path) -> None:
    # One registry's catalog stays as it was: no sources pages, no facet, no source fields.
    root = write_files(tmp_path / "one", {k: v for k, v in _local_files().items()})
    out = root / "out"
    result = run_hinges("render", "--root", str(root), "--as-of", AS_OF, "--out", str(out))
    assert (result.code, result.stderr) == (0, ""), result
    assert not (out / "sources").exists()
    for path in out.rglob("*.md"):
        page = path.read_text(encoding="utf-8")
        assert "data-source" not in page and "sources/" not in page, path
    document = json.loads(_read(out, "registry.json"))
    assert "sources" not in document
    assert all("source" not in entry for entry in document["decisions"] + document["tenets"])


def _local_files() -> dict[str, str]:
    from org_catalog_support import CATALOG_FILES

    return {
        **CATALOG_FILES,
        "decisions/0001-use-postgres.md": CATALOG_FILES["decisions/0001-use-postgres.md"].replace(
            ", org:T-003", ""
        ),
    }


def test_a_source_record_has_a_short_link_in_its_source_folder(
    rendered: tuple[Path, Path, Any],
) -> None:
    _, out, _ = rendered
    links = sorted(p.relative_to(out).as_posix() for p in out.rglob("index.html"))
    assert links == [
        "ADR-0001/index.html",
        "T-001/index.html",
        "sources/org/T-003/index.html",
        "sources/org/T-004/index.html",
        "sources/payments/PAY-0007/index.html",
        "sources/payments/PAY-0008/index.html",
        "sources/payments/T-001/index.html",
        "sources/shipping/SHP-0001/index.html",
    ]
    redirect = _read(out, "sources/payments/PAY-0007/index.html")
    refresh = '<meta http-equiv="refresh" content="0; url=../decisions/0007-use-postgres/">'
    assert refresh in redirect


def test_a_copy_that_cannot_be_read_is_said_so_and_shows_no_records(tmp_path: Path) -> None:
    root = organisation(tmp_path)
    tree = root / ".hinges/sources/org" / _state(root, "org")["tree"]
    shutil.rmtree(tree / "decisions")  # the copy no longer holds a registry
    out = tmp_path / "out"
    result = run_hinges("render", "--root", str(root), "--as-of", AS_OF, "--out", str(out))
    assert result.code == 0, result
    cache = tree.relative_to(root)  # the site names the cache inside the registry
    problem = (
        f"no registry here: decisions/ does not exist in {cache}; run 'hinges init' or pass --root"
    )
    assert result.stderr.splitlines()[0] == (
        f"hinges: Source org was synced but its copy cannot be read ({problem}): its records "
        "are not in this catalog. Run hinges sources sync."
    )
    page = _read(out, "sources/org/index.md")
    assert '<p class="admonition-title">Source unreadable</p>' in page
    shown = html.escape(problem)
    assert f"<dt>State</dt><dd>unreadable copy</dd><dt>Problem</dt><dd>{shown}</dd>" in page
    assert not (out / "sources/org/tenets").exists()
    # The records that cite the organisation's tenets still render; the id is shown as missing.
    assert '<span class="hinges-missing">org:T-003</span>' in _read(out, LOCAL_PAGES["ADR-0001"])


def test_the_graph_draws_relations_across_sources(rendered: tuple[Path, Path, Any]) -> None:
    from hinges.config import load_config
    from hinges.loader import load_registry
    from hinges.site.graph import relation_graph
    from hinges.site.organisation import catalog_input

    root, _, _ = rendered
    merged, organisation_ = catalog_input(load_registry(root, load_config(root)))
    assert organisation_ is not None
    graph = relation_graph(merged)
    ids = [record.id for record in graph.decisions]
    tenet_ids = [record.id for record in graph.tenets]
    supersedes = sorted((ids[new], ids[old]) for new, old in graph.supersedes)
    assert supersedes == [
        ("payments:PAY-0008", "payments:PAY-0007"),
        ("shipping:SHP-0001", "payments:PAY-0007"),
    ]
    follows = sorted((ids[d], tenet_ids[t]) for d, t in graph.follows)
    assert ("shipping:SHP-0001", "org:T-004") in follows
    assert ("payments:PAY-0007", "org:T-003") in follows
    assert ("payments:PAY-0007", "payments:T-001") in follows
    assert graph.dangling == 0


def test_without_sources_the_catalog_is_built_from_the_registry_itself(tmp_path: Path) -> None:
    # The one-registry catalog takes exactly the path it took before organisations existed.
    from hinges.config import load_config
    from hinges.loader import load_registry
    from hinges.site.organisation import catalog_input

    root = write_files(tmp_path / "one", _local_files())
    registry = load_registry(root, load_config(root))
    shown, organisation_ = catalog_input(registry)
    assert shown is registry and organisation_ is None
