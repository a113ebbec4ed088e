"""`hinges renumber` lists, and never edits, mentions of a moved record outside the records."""

from __future__ import annotations

from pathlib import Path

from conftest import run_hinges, write_files
from gate_support import commit_all, init_repo
from test_cli_renumber import KAFKA, NATS, git, merged, tree

__all__ = ["merged"]  # the fixture, shared with test_cli_renumber

OUTSIDE = {
    "src/orders.py": "# Orders go through NATS (ADR-0002).\nimport nats\n",
    "README.md": (
        "# Shop\n\nWhy NATS: [the decision](decisions/0002-use-nats.md).\n"
        "Not this one: [other](decisions/10002-use-nats.md), nor 0002-use-nats.mdx.\n"
    ),
    "assets/logo.bin": "\0binary 0002-use-nats.md ADR-0002\n",
    "hinges.toml": "",
}
CHECK_LINES = [
    "check: README.md:3: names 0002-use-nats.md, which moves to decisions/0003-use-nats.md; "
    "change the link",
    "check: src/orders.py:1: mentions ADR-0002; it now means decisions/0002-use-kafka.md. "
    "If it meant the renumbered decisions/0003-use-nats.md, change it to ADR-0003",
]


def test_mentions_outside_the_records_are_listed_not_edited(merged: Path) -> None:
    write_files(merged, OUTSIDE)
    git(merged, "add", ".")
    git(merged, "commit", "-q", "-m", "code and docs")
    before = tree(merged)
    dry = run_hinges("renumber", "--dry-run", "--root", str(merged))
    assert dry.code == 0, dry
    assert [line for line in dry.stdout.splitlines() if line.startswith("check:")] == CHECK_LINES
    result = run_hinges("renumber", "--root", str(merged))
    assert result.code == 0, result
    assert [line for line in result.stdout.splitlines() if line.startswith("check:")] == (
        CHECK_LINES
    )
    after = tree(merged)
    for path in OUTSIDE:
        assert after[path] == before[path], path


def test_with_base_only_lines_the_branch_added_are_listed(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "repo")
    kafka = {"decisions/0002-use-kafka.md": KAFKA, "hinges.toml": ""}
    write_files(root, {**kafka, "src/events.py": "# Events on Kafka: ADR-0002.\n"})
    commit_all(root, "kafka")
    git(root, "checkout", "-q", "-b", "nats")
    nats = NATS.replace("supersedes: [ADR-0001]\n", "").replace("(0001-use-postgres.md)", "")
    write_files(
        root,
        {
            "decisions/0002-use-nats.md": nats,
            "src/orders.py": "import nats\n# ADR-0002 chose NATS\n",
        },
    )
    commit_all(root, "nats")
    result = run_hinges("renumber", "--dry-run", "--root", str(root), "--base", "main")
    assert result.code == 0, result
    assert [line for line in result.stdout.splitlines() if line.startswith("check:")] == [
        "check: src/orders.py:2: mentions ADR-0002; it now means decisions/0002-use-kafka.md. "
        "If it meant the renumbered decisions/0003-use-nats.md, change it to ADR-0003"
    ]
