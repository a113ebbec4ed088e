"""The catalog's Scope and Guards sections and its folders page, on a real git repository."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import hinges.codescan.files as files_module
from conftest import run_hinges, write_files
from gate_support import commit_all, git, init_repo
from hinges.config import Config
from hinges.loader import Registry, load_registry
from hinges.site.catalog import build_catalog
from hinges.site.folders_page import folders_of
from hinges.site.urls import CatalogLayout

DATE = dt.date(2026, 6, 1)
LAYOUT = CatalogLayout()


def _decision(number: int, slug: str, front: str) -> tuple[str, str]:
    return (
        f"decisions/{number:04d}-{slug}.md",
        f"---\nid: ADR-{number:04d}\ntitle: {slug}\ndate: 2026-01-05\n{front}---\n# {slug}\n",
    )


REPO: dict[str, str | bytes] = dict(
    [
        _decision(
            1,
            "orders-db",
            'status: accepted\ndoor: two-way\nowner: "@payments"\n'
            'applies_to: ["services/orders/**", "services/missing/**", "../outside"]\n'
            "guards:\n"
            '  - forbid: "<script>alert(1)</script>"\n'
            '    in: ["services/**/*.py", "<b>x</b>"]\n'
            '    message: "Use <em>PostgreSQL</em> & not MySQL"\n',
        ),
        _decision(
            2,
            "events",
            'status: accepted\ndoor: one-way\nowner: "@platform"\napplies_to: ["services/**"]\n',
        ),
        # Not in force: governs no folder, though its pattern matches.
        _decision(3, "draft", 'status: proposed\ndoor: one-way\napplies_to: ["web/**"]\n'),
        _decision(4, "plain", "status: accepted\ndoor: two-way\n"),
        ("services/orders/api.py", "import db\n"),
        ("services/orders/models.py", "x = 1\n"),
        ("services/billing/app.py", "y = 2\n"),
        ("web/index.html", "<p>hi</p>\n"),
        ("README.md", "top-level file, not a folder\n"),
    ]
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "repo")
    write_files(root, REPO)
    commit_all(root, "start")
    # Not tracked: never counted, as hinges check never reads it.
    write_files(root, {"services/orders/untracked.py": "z = 3\n"})
    return root


def _registry(root: Path) -> Registry:
    return load_registry(root, Config())


def _page(root: Path, src_uri: str) -> str:
    catalog = build_catalog(_registry(root), DATE, LAYOUT)
    return next(page.markdown for page in catalog.pages if page.src_uri == src_uri)


def test_scope_lists_each_pattern_with_its_tracked_file_count(repo: Path) -> None:
    page = _page(repo, "catalog/decisions/0001-orders-db.md")
    assert (
        "## Scope\n\n<ul>"
        "<li><code>services/orders/**</code>: 2 files</li>"
        "<li><code>services/missing/**</code>: <strong>matches no file</strong></li>"
        "<li><code>../outside</code>: not a usable pattern ("
    ) in page
    assert "see <code>hinges check</code></li></ul>" in page


def test_guards_are_shown_escaped(repo: Path) -> None:
    page = _page(repo, "catalog/decisions/0001-orders-db.md")
    assert (
        "## Guards\n\n<ul><li><dl>"
        "<dt>Forbids</dt><dd><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></dd>"
        "<dt>In</dt><dd><code>services/**/*.py</code>, <code>&lt;b&gt;x&lt;/b&gt;</code></dd>"
        "<dt>Message</dt><dd>Use &lt;em&gt;PostgreSQL&lt;/em&gt; &amp; not MySQL</dd>"
        "<dt>Violations</dt><dd>none</dd>"
        "</dl></li></ul>"
    ) in page
    assert "<script>" not in page and "<em>" not in page and "<b>" not in page


def test_sections_are_left_out_when_the_decision_has_neither(repo: Path) -> None:
    page = _page(repo, "catalog/decisions/0004-plain.md")
    assert "## Scope" not in page and "## Guards" not in page
    events = _page(repo, "catalog/decisions/0002-events.md")
    assert "<li><code>services/**</code>: 3 files</li>" in events
    assert "## Guards" not in events


def test_the_file_list_is_computed_once_per_build(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    real = files_module.list_files

    def counted(root: Path, config: Config) -> files_module.Listing:
        calls.append(root)
        return real(root, config)

    monkeypatch.setattr(files_module, "list_files", counted)
    build_catalog(_registry(repo), DATE, LAYOUT)
    assert calls == [repo]


def test_folders_of_takes_two_levels() -> None:
    paths = ("README.md", "a/b/c/d.py", "a/e.py", "f/g.py")
    assert folders_of(paths) == {
        "a": ["a/b/c/d.py", "a/e.py"],
        "a/b": ["a/b/c/d.py"],
        "f": ["f/g.py"],
    }


def test_the_folders_page_names_what_governs_each_folder(repo: Path) -> None:
    page = _page(repo, "catalog/folders.md")
    rows = [line for line in page.splitlines() if line.startswith("<tr data-folder")]
    events = (
        '<li data-id="ADR-0002"><a href="../decisions/0002-events/" class="hinges-decision-link">'
        'ADR-0002 events</a> <span class="hinges-door--one-way">one-way door</span>'
        ' <a href="../owners/platform/" class="hinges-owner-link">@platform</a>'
        ' <span class="hinges-via">via <code>services/**</code></span></li>'
    )
    orders = (
        '<li data-id="ADR-0001"><a href="../decisions/0001-orders-db/" '
        'class="hinges-decision-link">ADR-0001 orders-db</a>'
        ' <span class="hinges-door--two-way">two-way door</span>'
        ' <a href="../owners/payments/" class="hinges-owner-link">@payments</a>'
        ' <span class="hinges-via">via <code>services/orders/**</code></span></li>'
    )
    governed_by_both = f'<ul class="hinges-governing">{events}{orders}</ul>'
    assert rows == [
        '<tr data-folder="decisions"><td><code>decisions/</code></td><td>4</td><td>none</td></tr>',
        '<tr data-folder="services"><td><code>services/</code></td><td>3</td>'
        f"<td>{governed_by_both}</td></tr>",
        '<tr data-folder="services/billing"><td><code>services/billing/</code></td><td>1</td>'
        f'<td><ul class="hinges-governing">{events}</ul></td></tr>',
        '<tr data-folder="services/orders"><td><code>services/orders/</code></td><td>2</td>'
        f"<td>{governed_by_both}</td></tr>",
        # ADR-0003 is proposed: not in force, so web/ is governed by nothing.
        '<tr data-folder="web"><td><code>web/</code></td><td>1</td><td>none</td></tr>',
    ]


def test_the_home_links_the_folders_page(repo: Path) -> None:
    home = _page(repo, "catalog/index.md")
    assert '<li><a href="folders/">Folders and the decisions that govern them</a></li>' in home


def test_render_counts_stay_put_when_the_catalog_is_committed(repo: Path) -> None:
    write_files(repo, {"mkdocs.yml": "site_name: T\nplugins:\n  - hinges\n"})
    first = run_hinges("render", "--root", str(repo), "--as-of", DATE.isoformat())
    assert first.code == 0, first
    git(repo, "add", "mkdocs.yml", "docs")  # the catalog's own pages are now tracked
    git(repo, "commit", "-q", "-m", "the catalog")
    again = run_hinges("render", "--root", str(repo), "--check", "--as-of", DATE.isoformat())
    assert again.code == 0, again
    folders = (repo / "docs/catalog/folders.md").read_text(encoding="utf-8")
    assert 'data-folder="docs/catalog"' not in folders
    assert '<tr data-folder="docs"><td><code>docs/</code></td>' not in folders
    page = (repo / "docs/catalog/decisions/0001-orders-db.md").read_text(encoding="utf-8")
    assert "<li><code>services/orders/**</code>: 2 files</li>" in page


def test_the_folders_page_stops_at_its_cap_and_says_how_many_are_left(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("hinges.site.folders_page.MAX_FOLDERS", 2)
    page = _page(repo, "catalog/folders.md")
    shown = [line.split('"')[1] for line in page.splitlines() if line.startswith("<tr data-")]
    assert shown == ["decisions", "services"]
    assert page.endswith("\n\n3 more folders not shown.\n")


def test_only_output_folders_inside_the_registry_are_left_out(repo: Path) -> None:
    def folders(*generated: Path) -> list[str]:
        catalog = build_catalog(_registry(repo), DATE, LAYOUT, generated)
        page = next(p.markdown for p in catalog.pages if p.src_uri == "catalog/folders.md")
        return [line.split('"')[1] for line in page.splitlines() if line.startswith("<tr data-")]

    everything = ["decisions", "services", "services/billing", "services/orders", "web"]
    assert folders() == everything
    # The root itself and a folder outside it never hide the repository's files.
    assert folders(repo, repo.parent / "site") == everything
    assert folders(repo / "services" / "orders") == [
        "decisions",
        "services",
        "services/billing",
        "web",
    ]
