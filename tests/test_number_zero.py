"""Number 0 is a record number like any other: ``ADR-0000`` in ``0000-slug.md``.

MADR numbers its own decisions from 0000, and so do the logs written with it; an import
keeps those numbers, so every command must work on a registry holding ADR-0000.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import GOOD_DECISION, GOOD_TENET, run_hinges, write_files
from gate_support import commit_all, git, init_repo
from hinges.config import Config
from hinges.loader import load_registry
from hinges.site.catalog import build_catalog
from hinges.site.urls import CatalogLayout

ZERO = (
    GOOD_DECISION.replace("ADR-0001", "ADR-0000")
    .replace("Use PostgreSQL for orders", "Record decisions in Markdown")
    .replace("review_by: 2027-01-10", "review_by: 2099-02-01")
)
ONE = (
    GOOD_DECISION.replace("status: accepted", "status: proposed")
    .replace("review_by: 2027-01-10\n", "")
    .replace("We need a store for orders.", "Builds on [ADR-0000](0000-record-decisions.md).")
)


def _registry(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "repo")
    write_files(
        root, {"tenets/T-001-reversible.md": GOOD_TENET, "decisions/0000-record-decisions.md": ZERO}
    )
    commit_all(root, "first")
    return root


def test_every_command_works_on_a_registry_with_adr_0000(tmp_path: Path) -> None:
    root = _registry(tmp_path)

    check = run_hinges("check", cwd=root)
    assert check.code == 0, check
    assert check.stdout == "2 files checked: no problems\n"

    show = run_hinges("show", "ADR-0000", cwd=root)
    assert show.code == 0, show
    assert "id:        ADR-0000\n" in show.stdout

    listing = run_hinges("list", cwd=root)
    assert listing.code == 0, listing
    assert listing.stdout.splitlines()[1].startswith("ADR-0000  accepted")

    new = run_hinges(
        "new", "Use Kafka for events", "--door", "two-way", "--owner", "@arch", cwd=root
    )
    assert new.code == 0, new
    assert new.stdout == "decisions/0001-use-kafka-for-events.md\n"

    review = run_hinges("review", "--as-of", "2099-03-01", "--format", "json", cwd=root)
    assert review.code == 0, review
    assert [item["id"] for item in json.loads(review.stdout)["reviews"]] == ["ADR-0000"]

    exported = run_hinges("export", cwd=root)
    assert exported.code == 0, exported
    ids = [record["id"] for record in json.loads(exported.stdout)["decisions"]]
    assert ids == ["ADR-0000", "ADR-0001"]
    csv = run_hinges("export", "--format", "csv", cwd=root)
    assert csv.code == 0, csv
    assert csv.stdout.splitlines()[1].startswith("ADR-0000,decisions/0000-record-decisions.md,")

    status = run_hinges("status", "ADR-0000", "deprecated", "--date", "2026-03-01", cwd=root)
    assert status.code == 0, status
    assert "status: deprecated\n" in (root / "decisions/0000-record-decisions.md").read_text()

    summary = run_hinges("summary", "--base", "HEAD", "--format", "json", cwd=root)
    assert summary.code == 0, summary
    changed = json.loads(summary.stdout)
    assert "ADR-0000" in json.dumps(changed)

    gate = run_hinges("check", "--base", "HEAD", cwd=root)
    assert gate.code == 0, gate

    registry = load_registry(root, Config())
    catalog = build_catalog(registry, dt.date(2026, 3, 1), CatalogLayout())
    pages = {page.src_uri: page for page in catalog.pages}
    assert "catalog/decisions/0000-record-decisions.md" in pages
    assert "0000-record-decisions/" in pages["catalog/index.md"].content.markdown()


def test_renumber_moves_the_later_of_two_records_numbered_0000(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    other = ONE.replace("ADR-0001", "ADR-0000").replace("Use PostgreSQL for orders", "Use Y")
    write_files(root, {"decisions/0000-use-y.md": other.replace("Builds on", "See")})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "second", when="2026-01-02T10:00:00")
    renumber = run_hinges("renumber", cwd=root)
    assert renumber.code == 0, renumber
    assert sorted(p.name for p in (root / "decisions").iterdir()) == [
        "0000-record-decisions.md",
        "0001-use-y.md",
    ]
    assert "id: ADR-0001\n" in (root / "decisions/0001-use-y.md").read_text()
    assert run_hinges("check", cwd=root).code == 0
