"""`hinges status ID STATUS`: allowed transitions only, the rules' acceptance gate, exact output."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, run_hinges, write_files

ONE_WAY_PROPOSAL = """\
---
id: ADR-0002
title: Pick a storage format
status: proposed
date: 2026-01-10
door: one-way
owner: "@data"
deciders: ["@alice"]  # more to come
---
# Pick a storage format

## Context

We store events.

## Decision

Parquet.

## Consequences

Readers need Parquet.
"""

READY_ONE_WAY = (
    ONE_WAY_PROPOSAL.replace('deciders: ["@alice"]', 'deciders: ["@alice", "@bob"]')
    .replace(
        "---\n# Pick",
        "exit_path: Convert the files to Avro; about a month.\nreview_by: 2027-06-01\n---\n# Pick",
    )
    .replace(
        "## Decision\n",
        "## Options considered\n\n- Parquet\n- Avro\n\n## Decision\n",
    )
)


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.unified_diff(
        before.decode().splitlines(), after.decode().splitlines(), n=0, lineterm=""
    )
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def change(registry: Path, record_id: str, status: str, path: str, was: str) -> list[str]:
    """Run ``hinges status`` dated 2026-11-26; assert its exact output and that only
    ``path`` changed; return the lines that changed in it."""
    before = snapshot(registry)
    result = run_hinges(
        "status", record_id, status, "--date", "2026-11-26", "--root", str(registry)
    )
    assert (result.code, result.stdout, result.stderr) == (
        0,
        f"{path}: {record_id} {was} -> {status}, date 2026-11-26\n",
        "",
    ), result
    after = snapshot(registry)
    assert set(after) == set(before)
    assert [p for p in after if after[p] != before[p]] == [path]
    return changed_lines(before[path], after[path])


def test_accept_a_ready_one_way_door(registry: Path) -> None:
    write_files(registry, {"decisions/0002-pick-a-format.md": READY_ONE_WAY})
    assert change(
        registry, "ADR-0002", "accepted", "decisions/0002-pick-a-format.md", "proposed"
    ) == [
        "-status: proposed",
        "-date: 2026-01-10",
        "+status: accepted",
        "+date: 2026-11-26",
    ]
    check = run_hinges("check", "--root", str(registry), "--as-of", "2026-11-26")
    assert check.code == 0, check


def test_accepting_lists_everything_the_rules_require(registry: Path) -> None:
    write_files(registry, {"decisions/0002-pick-a-format.md": ONE_WAY_PROPOSAL})
    before = snapshot(registry)
    result = run_hinges("status", "ADR-0002", "accepted", "--root", str(registry))
    assert result.code == 1, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "hinges: decisions/0002-pick-a-format.md: ADR-0002 cannot be accepted yet "
        "(nothing changed); it needs:"
    )
    assert [line.rsplit(" ", 1)[-1] for line in lines[1:]] == [
        "[HG401]",
        "[HG402]",
        "[HG403]",
        "[HG404]",
    ]
    assert lines[1].startswith("  - line 4: an accepted decision needs an exit_path")
    assert lines[2].startswith("  - line 8: an accepted one-way door needs at least 2 deciders")
    assert snapshot(registry) == before


def test_a_two_way_door_needs_only_an_exit_path(registry: Path) -> None:
    proposal = GOOD_DECISION.replace("ADR-0001", "ADR-0002").replace(
        "status: accepted", "status: proposed"
    )
    without_exit = "".join(
        line for line in proposal.splitlines(keepends=True) if not line.startswith("exit_path")
    )
    write_files(registry, {"decisions/0002-two-way.md": without_exit})
    before = snapshot(registry)
    result = run_hinges("status", "ADR-0002", "accepted", "--root", str(registry))
    assert (result.code, result.stdout) == (1, ""), result
    assert snapshot(registry) == before
    assert result.stderr.splitlines()[1:] == [
        "  - line 4: an accepted decision needs an exit_path: how we would back out if it "
        "proves wrong, and what that would cost [HG401]"
    ]


def test_a_rule_configured_off_does_not_block(registry: Path) -> None:
    write_files(
        registry,
        {
            "decisions/0002-pick-a-format.md": READY_ONE_WAY.replace(
                'deciders: ["@alice", "@bob"]', 'deciders: ["@alice"]'
            ),
            "hinges.toml": '[severity]\none-way-deciders = "off"\n',
        },
    )
    assert change(
        registry, "ADR-0002", "accepted", "decisions/0002-pick-a-format.md", "proposed"
    ) == [
        "-status: proposed",
        "-date: 2026-01-10",
        "+status: accepted",
        "+date: 2026-11-26",
    ]


@pytest.mark.parametrize(
    ("status", "new", "message"),
    [
        (
            "proposed",
            "deprecated",
            "ADR-0002 is proposed; it can become accepted or rejected, not deprecated",
        ),
        ("proposed", "proposed", "ADR-0002 is already proposed; nothing changed"),
        (
            "accepted",
            "proposed",
            "ADR-0002 is accepted; it can become deprecated or superseded, not proposed",
        ),
        (
            "accepted",
            "superseded",
            "ADR-0002 needs a successor to be superseded: create it with "
            "'hinges new TITLE --supersedes ADR-0002', which updates both records",
        ),
        (
            "rejected",
            "accepted",
            "ADR-0002 is rejected, a final status; it cannot become accepted; "
            "write a new decision instead ('hinges new TITLE')",
        ),
        (
            "superseded",
            "accepted",
            "ADR-0002 is superseded, a final status; it cannot become accepted; "
            "write a new decision instead ('hinges new TITLE')",
        ),
    ],
)
def test_disallowed_transitions(registry: Path, status: str, new: str, message: str) -> None:
    record = READY_ONE_WAY.replace("status: proposed", f"status: {status}")
    write_files(registry, {"decisions/0002-pick-a-format.md": record})
    before = snapshot(registry)
    result = run_hinges("status", "ADR-0002", new, "--root", str(registry))
    assert (result.code, result.stdout, result.stderr) == (
        1,
        "",
        f"hinges: decisions/0002-pick-a-format.md: {message}\n",
    )
    assert snapshot(registry) == before


def test_superseded_allowed_when_the_successor_is_named(registry: Path) -> None:
    record = READY_ONE_WAY.replace("status: proposed", "status: accepted").replace(
        "review_by: 2027-06-01\n", "review_by: 2027-06-01\nsuperseded_by: [ADR-0003]\n"
    )
    write_files(registry, {"decisions/0002-pick-a-format.md": record})
    path = "decisions/0002-pick-a-format.md"
    assert change(registry, "ADR-0002", "superseded", path, "accepted") == [
        "-status: accepted",
        "-date: 2026-01-10",
        "+status: superseded",
        "+date: 2026-11-26",
    ]


def test_retire_a_tenet(registry: Path) -> None:
    path = "tenets/T-001-reversible.md"
    # The tenet had no date: it is added after the last key, not in place of another.
    assert change(registry, "T-001", "retired", path, "active") == [
        "-status: active",
        "+status: retired",
        "+date: 2026-11-26",
    ]
    retired = snapshot(registry)
    text = retired[path].decode()
    assert text.index("date: 2026-11-26\n") > text.index("priority: 1\n")  # added at the end
    again = run_hinges("status", "T-001", "active", "--root", str(registry))
    assert (again.code, again.stdout) == (1, "")
    assert snapshot(registry) == retired
    assert again.stderr == (
        "hinges: tenets/T-001-reversible.md: T-001 is retired, a final status; it cannot "
        "become active; write a new tenet instead\n"
    )


@pytest.mark.parametrize(
    ("record_id", "code", "stderr"),
    [
        ("ADR-0009", 1, "hinges: no record has the id ADR-0009\n"),
        (
            "nonsense",
            1,
            "hinges: 'nonsense' is not a record id: decisions are ADR-NNNN and tenets T-NNN\n",
        ),
    ],
)
def test_unknown_ids(registry: Path, record_id: str, code: int, stderr: str) -> None:
    before = snapshot(registry)
    result = run_hinges("status", record_id, "accepted", "--root", str(registry))
    assert (result.code, result.stdout, result.stderr) == (code, "", stderr)
    assert snapshot(registry) == before


def test_unknown_status_is_a_usage_error(registry: Path) -> None:
    before = snapshot(registry)
    result = run_hinges("status", "ADR-0001", "done", "--root", str(registry))
    assert (result.code, result.stdout) == (2, "")
    assert snapshot(registry) == before
    assert "'done' is not one of 'proposed', 'accepted'" in result.stderr


def test_a_broken_record_is_named_with_its_line(registry: Path) -> None:
    write_files(registry, {"decisions/0002-broken.md": "---\nid: ADR-0002\nid: ADR-0003\n---\n"})
    before = snapshot(registry)
    result = run_hinges("status", "ADR-0002", "accepted", "--root", str(registry))
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr.startswith("hinges: decisions/0002-broken.md:3: duplicate key 'id'")
    assert snapshot(registry) == before


def test_no_registry_is_a_usage_error(tmp_path: Path) -> None:
    result = run_hinges("status", "ADR-0001", "accepted", "--root", str(tmp_path))
    assert result.code == 2
    assert result.stderr == (
        f"hinges: no registry here: decisions/ does not exist in {tmp_path.resolve()}; "
        "run 'hinges init' or pass --root\n"
    )
    assert list(tmp_path.iterdir()) == []
