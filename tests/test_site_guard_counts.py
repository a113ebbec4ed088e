"""Each guard's violations on its decision's page, counted as ``hinges check`` counts them,
on real git repositories."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

import hinges.codescan.tally as tally_module
from conftest import run_hinges, write_files
from gate_support import AS_OF, NOT_ON_GITHUB, commit_all, git
from guard_support import GUARDED, STORE, guarded_repo
from hinges.codescan import CodeScan, Listing
from hinges.config import Config, load_config
from hinges.loader import Registry, load_registry
from hinges.site.catalog import build_catalog
from hinges.site.urls import CatalogLayout
from site_support import SiteBuildError, build_site, write_project

DATE = dt.date(2026, 11, 26)
PAGE = "catalog/decisions/0001-use-postgres.md"
EVERY_KIND = GUARDED.replace(
    "guards:\n",
    """guards:
  - require: "authenticate\\\\("
    in: ["services/orders/handlers/*.py"]
    message: Every handler authenticates its caller.
  - forbid_import: {from: ["shop.orders.api.**"], to: ["shop.orders.db"]}
    message: The API goes through the service layer.
  - forbid_dependency: [PyMySQL]
    message: Orders live in PostgreSQL.
""",
)
HOSTILE = "services/orders/<img src=x onerror=alert(1)>&amp;\x1b[2J.py"
KNOWN = {
    "services/orders/legacy.py": "# old\n" + "import mysql.connector\n" * 5,
    "services/orders/handlers/a.py": "def get(request):\n    authenticate(request)\n",
    "services/orders/handlers/b.py": "def get(request):\n    return 1\n",
    "services/orders/handlers/c.py": "def put(request):\n    return 2\n",
    "requirements.txt": "psycopg\nPyMySQL==1.1\n",
    "src/shop/__init__.py": "",
    "src/shop/orders/__init__.py": "",
    "src/shop/orders/api/__init__.py": "",
    "src/shop/orders/db/__init__.py": "",
    "src/shop/orders/db/models.py": "",
}
NEW = {
    HOSTILE: "import mysql\n",
    "services/orders/new.py": "x = 1\nimport mysql\n",
    "src/shop/orders/api/views.py": '"""Views."""\nfrom shop.orders.db import models\n',
}


def _violations(page: str) -> list[str]:
    return re.findall(r"<dt>Violations</dt>(<dd.*?</dd>)", page)


def _page(root: Path, src_uri: str = PAGE, generated: tuple[Path, ...] = ()) -> str:
    registry = load_registry(root, load_config(root))
    catalog = build_catalog(registry, DATE, CatalogLayout(), generated)
    return next(page.markdown for page in catalog.pages if page.src_uri == src_uri)


def _update_baseline(root: Path) -> None:
    done = run_hinges("check", "--root", str(root), "--as-of", AS_OF, "--update-baseline")
    assert done.code == 0, done


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Old violations of each kind recorded in a committed baseline, then new ones."""
    root = guarded_repo(tmp_path / "repo", {"decisions/0001-use-postgres.md": EVERY_KIND, **KNOWN})
    _update_baseline(root)
    commit_all(root, "baseline")
    write_files(root, NEW)
    commit_all(root, "new violations")
    return root


def test_each_kind_shows_its_violations_and_the_known_ones(repo: Path) -> None:
    assert _violations(_page(repo)) == [
        # require: two handlers without authenticate(, both known
        "<dd>"
        '2 violations, 2 known in the baseline<ul class="hinges-guard-hits">'
        '<li><code>services/orders/handlers/b.py:1</code> <span class="hinges-guard-known">'
        "(known)</span></li>"
        '<li><code>services/orders/handlers/c.py:1</code> <span class="hinges-guard-known">'
        "(known)</span></li></ul></dd>",
        # forbid_import: one new import, at its line
        "<dd>"
        '1 violation, 0 known in the baseline<ul class="hinges-guard-hits">'
        "<li><code>src/shop/orders/api/views.py:2</code></li></ul></dd>",
        # forbid_dependency: the old declaration, at the manifest's line
        "<dd>"
        '1 violation, 1 known in the baseline<ul class="hinges-guard-hits">'
        '<li><code>requirements.txt:2</code> <span class="hinges-guard-known">(known)</span>'
        "</li></ul></dd>",
        # forbid: 5 known in legacy.py, 2 new (the hostile file name first, by path)
        "<dd>"
        '7 violations, 5 known in the baseline<ul class="hinges-guard-hits">'
        "<li><code>services/orders/&lt;img src=x onerror=alert(1)&gt;&amp;amp;\\x1b[2J.py:1"
        "</code></li>"
        '<li><code>services/orders/legacy.py:2</code> <span class="hinges-guard-known">'
        "(known)</span></li>"
        '<li><code>services/orders/legacy.py:3</code> <span class="hinges-guard-known">'
        "(known)</span></li>"
        '<li><code>services/orders/legacy.py:4</code> <span class="hinges-guard-known">'
        "(known)</span></li>"
        '<li><code>services/orders/legacy.py:5</code> <span class="hinges-guard-known">'
        "(known)</span></li>"
        "<li>and 2 more (<code>hinges check</code> lists them all)</li></ul></dd>",
    ]


def test_the_page_agrees_with_the_check(repo: Path) -> None:
    done = run_hinges("check", "--root", str(repo), "--as-of", AS_OF, "--format", "text")
    assert done.code == 1
    new = [line for line in done.stdout.splitlines() if " HG1001 " in line]
    assert [line.split(": error")[0] for line in new] == [
        "services/orders/<img src=x onerror=alert(1)>&amp;\\x1b[2J.py:1:1",
        "services/orders/new.py:2:1",
        "src/shop/orders/api/views.py:2:1",
    ]


def test_without_a_baseline_nothing_is_called_known(tmp_path: Path) -> None:
    root = guarded_repo(tmp_path / "repo", {"services/orders/legacy.py": "import mysql\n"})
    assert _violations(_page(root)) == [
        "<dd>"
        '1 violation<ul class="hinges-guard-hits">'
        "<li><code>services/orders/legacy.py:1</code></li></ul></dd>"
    ]


def test_a_clean_guard_says_none(tmp_path: Path) -> None:
    root = guarded_repo(tmp_path / "repo", {"services/orders/other.py": STORE})
    assert _violations(_page(root)) == ["<dd>none</dd>"]


def test_outside_git_the_page_says_it_could_not_count(tmp_path: Path) -> None:
    root = guarded_repo(tmp_path / "repo", {"services/orders/legacy.py": "import mysql\n"})
    plain = tmp_path / "plain"
    shutil.copytree(root, plain, ignore=shutil.ignore_patterns(".git"))
    assert _violations(_page(plain)) == [
        '<dd class="hinges-guard-uncounted">not counted: the registry is not in a git work '
        "tree, so there is no list of tracked files to count in; run <code>hinges check</code>"
        "</dd>"
    ]


def test_a_rule_turned_off_or_a_broken_baseline_is_said_not_zero(tmp_path: Path) -> None:
    root = guarded_repo(tmp_path / "repo", {"services/orders/legacy.py": "import mysql\n"})
    write_files(root, {"hinges-baseline.json": "{not json"})
    assert _violations(_page(root)) == [
        '<dd class="hinges-guard-uncounted">not counted: hinges-baseline.json: the baseline '
        "is not one hinges wrote (Expecting property name enclosed in double quotes: line 1 "
        "column 2 (char 1)); run hinges check --update-baseline to write it again; run "
        "<code>hinges check</code></dd>"
    ]
    write_files(root, {"hinges.toml": '[severity]\nguard-violation = "off"\n'})
    assert _violations(_page(root)) == [
        '<dd class="hinges-guard-uncounted">not counted: the guard-violation rule (HG1001) is '
        "turned off in the configuration; run <code>hinges check</code></dd>"
    ]


def test_guards_that_do_not_run_are_said_not_checked(tmp_path: Path) -> None:
    proposed = GUARDED.replace("ADR-0001", "ADR-0002").replace("accepted", "proposed")
    invalid = GUARDED.replace("ADR-0001", "ADR-0003").replace("^\\\\s*import mysql", "(?=x)")
    root = guarded_repo(
        tmp_path / "repo",
        {"decisions/0002-draft.md": proposed, "decisions/0003-invalid.md": invalid},
    )
    assert _violations(_page(root, "catalog/decisions/0002-draft.md")) == [
        '<dd class="hinges-guard-uncounted">not checked: the decision is not in force '
        "(only accepted decisions that are not superseded are)</dd>"
    ]
    assert _violations(_page(root, "catalog/decisions/0003-invalid.md")) == [
        '<dd class="hinges-guard-uncounted">not checked: the guard is not valid; see '
        "<code>hinges check</code></dd>"
    ]


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = tally_module.scan_registry

    def counted(registry: Registry, listing: Listing, **options: object) -> CodeScan:
        calls.append(len(listing.scanned))
        return real(registry, listing, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(tally_module, "scan_registry", counted)
    return calls


def test_the_scan_runs_once_per_build_and_never_without_guards_in_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _spy(monkeypatch)
    second = GUARDED.replace("ADR-0001", "ADR-0002")
    root = guarded_repo(tmp_path / "repo", {"decisions/0002-again.md": second})
    build_catalog(load_registry(root, Config()), DATE, CatalogLayout())
    assert calls == [1]  # services/orders/store.py: the records are never scanned
    calls.clear()
    draft = GUARDED.replace("accepted", "proposed")
    write_files(
        root,
        {
            "decisions/0001-use-postgres.md": draft,
            "decisions/0002-again.md": draft.replace("ADR-0001", "ADR-0002"),
        },
    )
    build_catalog(load_registry(root, Config()), DATE, CatalogLayout())
    assert calls == []


def test_render_is_the_same_bytes_and_never_counts_its_own_pages(repo: Path) -> None:
    # The guard's message is printed on the page: were the rendered pages scanned, the
    # committed catalog would hold one more violation at each render.
    marker = (
        GUARDED.replace("ADR-0001", "ADR-0002")
        .replace('"^\\\\s*import mysql"', "HACK-MARKER")
        .replace('["services/orders/**/*.py"]', '["**"]')
        .replace("Orders live in PostgreSQL; no MySQL clients here.", "No HACK-MARKER here.")
    )
    write_files(repo, {"decisions/0002-markers.md": marker})
    commit_all(repo, "a guard whose message the page shows")
    out = repo / "docs" / "catalog"
    args = ("render", "--root", str(repo), "--out", str(out), "--as-of", AS_OF)
    first = run_hinges(*args, env=NOT_ON_GITHUB)
    assert first.code == 0, first
    page = (out / "decisions" / "0002-markers.md").read_bytes()
    commit_all(repo, "the catalog")
    assert git(repo, "ls-files", "docs/catalog/decisions/0002-markers.md") != ""
    again = run_hinges(*args, env=NOT_ON_GITHUB)
    assert again.code == 0
    assert again.stdout.endswith(": 0 written, 0 removed, 21 unchanged\n"), again
    assert run_hinges(*args, "--check", env=NOT_ON_GITHUB).code == 0
    assert (out / "decisions" / "0002-markers.md").read_bytes() == page
    assert _violations(page.decode()) == ["<dd>none</dd>"]


def test_a_real_mkdocs_build_shows_the_counts_escaped(repo: Path) -> None:
    # Validation off: the fixture holds new violations, which fail --strict (as check fails).
    config_file = write_project(repo, {}, plugin_options={"validate": False})
    commit_all(repo, "the site")
    site = build_site(config_file)
    html = (site / "catalog" / "decisions" / "0001-use-postgres" / "index.html").read_text()
    assert (
        "<li><code>services/orders/&lt;img src=x onerror=alert(1)&gt;&amp;amp;\\x1b[2J.py:1"
        "</code></li>"
    ) in html
    assert html.count("<dt>Violations</dt>") == 4
    assert "<img src=x" not in html and "\x1b" not in html
    # The built site is not the repository's code: building again counts the same.
    assert build_site(config_file) == site
    again = (site / "catalog" / "decisions" / "0001-use-postgres" / "index.html").read_text()
    assert re.findall("<dt>Violations</dt>.*?</dd>", again) == re.findall(
        "<dt>Violations</dt>.*?</dd>", html
    )


def test_the_plugin_judges_guard_violations_as_hinges_check_does(tmp_path: Path) -> None:
    """Known violations do not fail a --strict build with validation on; a new one does."""
    root = guarded_repo(tmp_path / "repo", {"decisions/0001-use-postgres.md": EVERY_KIND, **KNOWN})
    _update_baseline(root)
    config_file = write_project(root, {})
    commit_all(root, "baseline and site")
    assert run_hinges("check", "--root", str(root), "--as-of", AS_OF).code == 0
    build_site(config_file)  # raises when the build fails
    write_files(root, {"services/orders/new.py": "x = 1\nimport mysql\n"})
    commit_all(root, "a new violation")
    assert run_hinges("check", "--root", str(root), "--as-of", AS_OF).code == 1
    with pytest.raises(SiteBuildError) as failed:
        build_site(config_file)
    assert "services/orders/new.py:2:1: HG1001 ADR-0001 (owner @orders) forbids" in str(
        failed.value
    )
    assert "legacy.py" not in str(failed.value)
