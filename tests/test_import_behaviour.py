"""``hinges import``: idempotence, dry runs, an untouched source, git dates, refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import write_files
from gate_support import commit_all, git, init_repo
from import_support import copy_fixture, import_into, new_registry, tree_digest


def test_second_import_writes_nothing_new(tmp_path: Path) -> None:
    source, root = copy_fixture("adr-tools", tmp_path), new_registry(tmp_path)
    assert import_into(root, source).code == 0
    before = tree_digest(root)
    again = import_into(root, source)
    assert again.code == 0, again
    assert tree_digest(root) == before
    assert "Already imported (4):\n  0001-record-architecture-decisions.md = " \
        "decisions/0001-record-architecture-decisions.md\n" in again.stdout  # fmt: skip
    assert again.stdout.endswith("Nothing new to import.\n")


def test_new_source_record_is_added_after_the_imported_ones(tmp_path: Path) -> None:
    source, root = copy_fixture("log4brains", tmp_path), new_registry(tmp_path)
    assert import_into(root, source).code == 0
    write_files(source, {"docs/adr/20220101-use-vite.md": "# Use Vite\n\n- Status: accepted\n"
                                                          "- Date: 2022-01-01\n"})  # fmt: skip
    again = import_into(root, source)
    assert again.code == 0, again
    assert "Imported (1):\n  docs/adr/20220101-use-vite.md -> decisions/0005-use-vite.md " \
        "(no number in the source)\n" in again.stdout  # fmt: skip
    assert again.stdout.endswith(
        "Wrote 1 record. It keeps imported_from until a person fills in what the source did "
        "not say; 'hinges check' lists it.\n"
    )
    assert len(list((root / "decisions").glob("*.md"))) == 5


def test_dry_run_writes_nothing_and_source_is_never_modified(tmp_path: Path) -> None:
    source, root = copy_fixture("madr3", tmp_path), new_registry(tmp_path)
    source_before, root_before = tree_digest(source), tree_digest(root)
    dry = import_into(root, source, "--dry-run")
    assert dry.code == 0, dry
    assert "Would import (4):" in dry.stdout
    assert dry.stdout.endswith("Dry run: nothing was written.\n")
    assert tree_digest(root) == root_before
    assert import_into(root, source).code == 0
    assert tree_digest(source) == source_before


def test_undated_record_takes_the_date_git_added_it(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    write_files(repo, {"doc/adr/0001-use-x.md": "# 1. Use X\n\n## Status\n\nAccepted\n"})
    commit_all(repo, "add", when="2021-05-04T12:00:00")
    git(repo, "mv", "doc/adr/0001-use-x.md", "doc/adr/0002-use-x.md")
    write_files(repo, {"doc/adr/0002-use-x.md": "# 2. Use X\n\n## Status\n\nAccepted\n\nEdited.\n"})
    commit_all(repo, "renumber and edit", when="2022-03-01T12:00:00")
    write_files(repo, {"doc/adr/0002-use-x.md": "# 2. Use X\n\n## Status\n\nAccepted\n\nAgain.\n"})
    commit_all(repo, "edit again", when="2023-01-01T12:00:00")
    write_files(repo, {"doc/adr/0003-use-y.md": "# 3. Use Y\n\n## Status\n\nProposed\n"})
    root = new_registry(tmp_path)
    result = import_into(root, repo / "doc/adr")
    assert result.code == 0, result
    assert "Not mapped (2):\n" \
        "  0002-use-x.md: no date; used 2021-05-04, the day git says the file was added\n" \
        f"  0003-use-y.md: no date; used today, {dt.date.today()} (the file is not committed)\n" \
        in result.stdout  # fmt: skip
    assert "date: 2021-05-04\n" in (root / "decisions/0002-use-x.md").read_text("utf-8")


def test_numbers_taken_in_the_registry_move_only_the_records_that_collide(tmp_path: Path) -> None:
    source, root = copy_fixture("adr-tools", tmp_path), new_registry(tmp_path)
    write_files(root, {"decisions/0002-own.md": "x\n"})
    result = import_into(root, source, "--dry-run")
    assert result.code == 0, result
    assert result.stdout.splitlines()[1:6] == [
        "Numbering: kept 3 source numbers; 1 record renumbered (the number collides; each is "
        "marked below)",
        "Would import (4):",
        "  0001-record-architecture-decisions.md -> decisions/0001-record-architecture-"
        "decisions.md",
        "  0003-use-y.md -> decisions/0003-use-y.md",
        "  0004-try-z.md -> decisions/0004-try-z.md",
    ]
    assert "  0002-use-x.md -> decisions/0005-use-x.md (renumbered: 0002 is taken in the " \
        "registry by decisions/0002-own.md)\n" in result.stdout  # fmt: skip


def test_refusals(tmp_path: Path) -> None:
    source = copy_fixture("adr-tools", tmp_path)
    no_registry = import_into(tmp_path / "source", source)
    assert (no_registry.code, no_registry.stdout, no_registry.stderr) == (
        2,
        "",
        f"hinges: no registry here: decisions/ does not exist in {(tmp_path / 'source').resolve()}"
        "; run 'hinges init' or pass --root\n",
    )
    root = new_registry(tmp_path)
    empty = write_files(tmp_path / "empty", {"README.md": "# nothing\n"})
    nothing = import_into(root, empty, "--from", "madr")
    assert nothing.code == 1
    assert nothing.stderr == f"hinges: no decision records found in {empty}\n"
    unknown = write_files(tmp_path / "plain", {"0001-x.md": "Just text.\n"})
    undetected = import_into(root, unknown)
    assert (undetected.code, undetected.stderr) == (
        2,
        "hinges: cannot tell which tool wrote these records; pass --from adr-tools, madr or "
        "log4brains\n",
    )
    inside = import_into(root, root / "decisions")
    assert inside.code == 2
    assert "is inside the registry's decisions/ folder" in inside.stderr


def test_broken_front_matter_is_skipped_with_its_line(tmp_path: Path) -> None:
    source = write_files(tmp_path / "src", {
        "0001-a.md": "---\nstatus: [accepted\n---\n# A\n",
        "0002-b.md": "---\nstatus: accepted\n---\n# B\n",
    })  # fmt: skip
    result = import_into(new_registry(tmp_path), source, "--from", "madr")
    assert result.code == 0, result
    assert (
        "Skipped (1):\n  0001-a.md: line 2: front matter is not valid YAML: YAML syntax error: "
        "unclosed '[': close the list opened on line 2, column 9 with ']'" in result.stdout
    )
