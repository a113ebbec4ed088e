"""`hinges renumber`: two branches both add 0002; after the merge the later one moves to 0003."""

from __future__ import annotations

import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, GOOD_TENET, run_hinges, write_files

KAFKA = GOOD_DECISION.replace("ADR-0001", "ADR-0002").replace(
    "Use PostgreSQL for orders", "Use Kafka for events"
)
NATS = (
    GOOD_DECISION.replace("ADR-0001", "ADR-0002")
    .replace("Use PostgreSQL for orders", "Use NATS for orders")
    .replace("review_by: 2027-01-10\n", "review_by: 2027-01-10\nsupersedes: [ADR-0001]\n")
    .replace("We need a store for orders.", "Replaces [the old choice](0001-use-postgres.md).")
)
POSTGRES_SUPERSEDED = (
    GOOD_DECISION.replace("status: accepted", "status: superseded")
    .replace("review_by: 2027-01-10\n", "review_by: 2027-01-10\nsuperseded_by: [ADR-0002]\n")
    .replace("We run PostgreSQL.", "See [its successor](0002-use-nats.md#decision).")
)


def git(root: Path, *args: str, when: str = "2026-01-01T10:00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    """A repository where branch 'nats' (committed later) and 'kafka' both added 0002."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    write_files(
        root,
        {"tenets/T-001-reversible.md": GOOD_TENET, "decisions/0001-use-postgres.md": GOOD_DECISION},
    )
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "start")
    git(root, "checkout", "-q", "-b", "kafka")
    write_files(root, {"decisions/0002-use-kafka.md": KAFKA})
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "kafka", when="2026-01-02T10:00:00")
    git(root, "checkout", "-q", "-b", "nats", "main")
    write_files(
        root,
        {"decisions/0002-use-nats.md": NATS, "decisions/0001-use-postgres.md": POSTGRES_SUPERSEDED},
    )
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "nats", when="2026-01-03T10:00:00")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-edit", "nats", when="2026-01-04T10:00:00")
    git(root, "merge", "-q", "--no-edit", "kafka", when="2026-01-05T10:00:00")
    assert sorted(p.name for p in (root / "decisions").iterdir()) == [
        "0001-use-postgres.md",
        "0002-use-kafka.md",
        "0002-use-nats.md",
    ]
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }


PLAN = textwrap.dedent(
    """\
    decisions/0002-use-nats.md -> decisions/0003-use-nats.md (ADR-0002 -> ADR-0003; decisions/0002-use-kafka.md keeps ADR-0002)
    decisions/0001-use-postgres.md: superseded_by ADR-0002 -> ADR-0003
    decisions/0001-use-postgres.md: links to 0002-use-nats.md -> 0003-use-nats.md
    """  # noqa: E501
)


def test_dry_run_prints_the_plan_and_writes_nothing(merged: Path) -> None:
    assert run_hinges("check", "--root", str(merged)).code == 1
    before, status = tree(merged), git(merged, "status", "--porcelain")
    result = run_hinges("renumber", "--dry-run", "--root", str(merged))
    assert (result.code, result.stdout, result.stderr) == (
        0,
        PLAN + "dry run: nothing written\n",
        "",
    )
    assert tree(merged) == before
    assert git(merged, "status", "--porcelain") == status


def test_renumber_moves_the_later_record_and_updates_references(merged: Path) -> None:
    before = tree(merged)
    result = run_hinges("renumber", "--root", str(merged))
    assert (result.code, result.stdout, result.stderr) == (
        0,
        PLAN + "renumbered 1 record; run 'hinges check'\n",
        "",
    ), result
    after = tree(merged)
    assert sorted(set(after) ^ set(before)) == [
        "decisions/0002-use-nats.md",
        "decisions/0003-use-nats.md",
    ]
    assert after["decisions/0002-use-kafka.md"] == before["decisions/0002-use-kafka.md"]
    assert after["tenets/T-001-reversible.md"] == before["tenets/T-001-reversible.md"]
    assert (
        after["decisions/0003-use-nats.md"] == NATS.replace("id: ADR-0002", "id: ADR-0003").encode()
    )
    assert after["decisions/0001-use-postgres.md"] == (
        POSTGRES_SUPERSEDED.replace("superseded_by: [ADR-0002]", "superseded_by: [ADR-0003]")
        .replace("(0002-use-nats.md#decision)", "(0003-use-nats.md#decision)")
        .encode()
    )
    # git mv: the rename is staged (the id edit is left unstaged, like any edit), so git
    # history follows the file.
    status = git(merged, "status", "--porcelain").splitlines()
    assert "RM decisions/0002-use-nats.md -> decisions/0003-use-nats.md" in status
    check = run_hinges("check", "--root", str(merged), "--as-of", "2026-11-26")
    assert check.code == 0, check
    again = run_hinges("renumber", "--root", str(merged))
    assert (again.code, again.stdout) == (0, "no duplicate numbers; nothing to renumber\n")


def test_uncommitted_file_counts_as_newest(merged: Path) -> None:
    write_files(merged, {"decisions/0001-aaa-new.md": GOOD_DECISION.replace("orders", "carts")})
    result = run_hinges("renumber", "--dry-run", "--root", str(merged))
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout.splitlines()[0] == (
        "decisions/0001-aaa-new.md -> decisions/0003-aaa-new.md (ADR-0001 -> ADR-0003; "
        "decisions/0001-use-postgres.md keeps ADR-0001)"
    )
    assert result.stdout.splitlines()[1].startswith("decisions/0002-use-nats.md -> decisions/0004")


def test_without_git_by_date_then_name_and_plain_rename(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "tenets/T-001-reversible.md": GOOD_TENET,
            "tenets/T-001-also.md": GOOD_TENET.replace("title: Reversible", "title: Also"),
            "decisions/0001-use-postgres.md": GOOD_DECISION,
            "decisions/0001-older.md": GOOD_DECISION.replace(
                "date: 2026-01-10", "date: 2025-06-01"
            ),
        },
    )
    result = run_hinges("renumber", "--root", str(root))
    assert result.code == 0, result
    assert result.stdout == textwrap.dedent(
        """\
        decisions/0001-use-postgres.md -> decisions/0002-use-postgres.md (ADR-0001 -> ADR-0002; decisions/0001-older.md keeps ADR-0001)
        tenets/T-001-reversible.md -> tenets/T-002-reversible.md (T-001 -> T-002; tenets/T-001-also.md keeps T-001)
        check: decisions/0001-older.md: cites T-001; it now means tenets/T-001-also.md. If it meant the renumbered tenets/T-002-reversible.md, change it to T-002
        check: decisions/0001-use-postgres.md: cites T-001; it now means tenets/T-001-also.md. If it meant the renumbered tenets/T-002-reversible.md, change it to T-002
        renumbered 2 records; run 'hinges check'
        """  # noqa: E501
    )
    assert sorted(tree(root)) == [
        "decisions/0001-older.md",
        "decisions/0002-use-postgres.md",
        "tenets/T-001-also.md",
        "tenets/T-002-reversible.md",
    ]
    assert "id: T-002\n" in (root / "tenets/T-002-reversible.md").read_text()


def test_refuses_while_a_file_does_not_load(merged: Path) -> None:
    write_files(merged, {"decisions/0009-broken.md": "---\nid: [\n---\n"})
    before = tree(merged)
    result = run_hinges("renumber", "--root", str(merged))
    assert result.code == 1
    assert result.stderr.startswith(
        "hinges: cannot renumber while 1 file(s) do not load (first: decisions/0009-broken.md:"
    )
    assert tree(merged) == before


@pytest.mark.parametrize("in_git", [True, False])
def test_never_moves_a_record_onto_a_file_that_exists(
    merged: Path, in_git: bool, tmp_path: Path
) -> None:
    # An ignored file holds the name renumbering would pick: a plain rename (outside git)
    # would replace it, and git mv would refuse only after the id edits were written.
    root = merged
    if not in_git:
        root = tmp_path / "plain"
        write_files(root, {path: data for path, data in tree(merged).items()})
    write_files(
        root,
        {
            "hinges.toml": 'ignore = ["README.md", "0003-use-nats.md"]\n',
            "decisions/0003-use-nats.md": "notes kept by hand\n",
        },
    )
    before = tree(root)
    result = run_hinges("renumber", "--root", str(root))
    assert (result.code, result.stdout) == (1, ""), result
    assert result.stderr.startswith("hinges: cannot move decisions/")
    assert result.stderr.endswith(
        "to decisions/0003-use-nats.md: that file already exists; move or rename it first\n"
    )
    assert tree(root) == before


def test_with_base_the_base_records_keep_their_numbers(merged: Path) -> None:
    # main holds both records; against the commit before 'kafka' merged, kafka is the one
    # the change adds, whatever the commit times say (nats was committed later).
    result = run_hinges("renumber", "--root", str(merged), "--base", "HEAD~1", "--dry-run")
    assert result.code == 0, result
    assert result.stdout.splitlines()[0] == (
        "decisions/0002-use-kafka.md -> decisions/0003-use-kafka.md (ADR-0002 -> ADR-0003; "
        "decisions/0002-use-nats.md at the base ref keeps ADR-0002)"
    )
    # Against HEAD both are at the base: the duplicate is settled by history, as without it.
    at_head = run_hinges("renumber", "--root", str(merged), "--base", "HEAD", "--dry-run")
    assert at_head.code == 0, at_head
    assert at_head.stdout.splitlines()[0].startswith("decisions/0002-use-nats.md -> ")
