"""``hinges tenet new | list | reorder``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from authoring_support import assert_check_passes, record_files, run_with_input
from conftest import GOOD_DECISION, run_hinges, write_files


def tenet(number: int, title: str, priority: int, status: str = "active", extra: str = "") -> str:
    return (
        f'---\nid: T-{number:03d}\ntitle: {title}\nstatus: {status}\nowner: "@arch"\n'
        f"priority: {priority}{extra}\n---\n# {title}\n\nWhy it matters.\n"
    )


@pytest.fixture
def three(tmp_path: Path) -> Path:
    """Three active tenets and one retired one; a decision citing two of them."""
    return write_files(tmp_path, {
        "tenets/T-001-speed.md": tenet(1, "Speed", 1),
        "tenets/T-002-safety.md": tenet(2, "Safety", 2, extra="  # keep this comment"),
        "tenets/T-003-cost.md": tenet(3, "Cost", 3),
        "tenets/T-004-old.md": tenet(4, "Old idea", 2, status="retired"),
        "decisions/0001-use-postgres.md": GOOD_DECISION.replace("[T-001]", "[T-001, T-003]"),
    })  # fmt: skip


def test_list_by_priority(three: Path) -> None:
    result = run_hinges("tenet", "list", cwd=three)
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout == (
        "ID     PRIORITY  STATUS   TITLE\n"
        "T-001  1         active   Speed\n"
        "T-002  2         active   Safety\n"
        "T-004  2         retired  Old idea\n"
        "T-003  3         active   Cost\n"
    )


def test_list_names_unreadable_tenets_and_fails(three: Path) -> None:
    write_files(three, {"tenets/T-005-broken.md": "---\nid: [\n---\n"})
    result = run_hinges("tenet", "list", cwd=three)
    assert result.code == 1
    assert result.stdout.count("\n") == 5
    assert result.stderr == (
        "hinges: not listed: tenets/T-005-broken.md: has no usable id; run 'hinges check'\n"
    )


def test_reorder_edits_only_priority_lines(three: Path) -> None:
    before = {p.name: p.read_bytes() for p in (three / "tenets").iterdir()}
    decision = (three / "decisions/0001-use-postgres.md").read_bytes()
    result = run_hinges("tenet", "reorder", "T-003", "1", cwd=three)
    assert (result.code, result.stderr) == (0, "")
    assert result.stdout == (
        "T-003 priority 3 -> 1  Cost\nT-001 priority 1 -> 2  Speed\nT-002 priority 2 -> 3  Safety\n"
    )
    after = {p.name: p.read_bytes() for p in (three / "tenets").iterdir()}
    assert after["T-003-cost.md"] == before["T-003-cost.md"].replace(b"priority: 3", b"priority: 1")
    assert after["T-001-speed.md"] == before["T-001-speed.md"].replace(
        b"priority: 1", b"priority: 2"
    )
    assert after["T-002-safety.md"] == before["T-002-safety.md"].replace(
        b"priority: 2  # keep this comment", b"priority: 3  # keep this comment"
    )
    assert after["T-004-old.md"] == before["T-004-old.md"]  # retired: not part of the order
    assert (three / "decisions/0001-use-postgres.md").read_bytes() == decision
    assert record_files(three, "tenets") == sorted(before)
    assert_check_passes(three)
    again = run_hinges("tenet", "reorder", "T-003", "T-001", cwd=three)
    assert (again.code, again.stdout) == (0, "The tenets are already in that order.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("T-004",), "T-004 is not an active tenet; only active tenets are ordered"),
        (("T-001", "1"), "T-001 is listed twice"),
        (("T-077",), "there is no tenet 'T-077'; the tenets are: T-001, T-002, T-003, T-004"),
    ],
)
def test_reorder_refusals_change_nothing(three: Path, args: tuple[str, ...], message: str) -> None:
    before = {p.name: p.read_bytes() for p in (three / "tenets").iterdir()}
    result = run_hinges("tenet", "reorder", *args, cwd=three)
    assert (result.code, result.stdout, result.stderr) == (1, "", f"hinges: {message}\n")
    assert {p.name: p.read_bytes() for p in (three / "tenets").iterdir()} == before


def test_new_tenet_comes_last_by_default(three: Path) -> None:
    result = run_hinges("tenet", "new", "Data: outlives code", "--owner", "@arch", cwd=three)
    assert (result.code, result.stdout, result.stderr) == (
        0, "tenets/T-005-data-outlives-code.md\n", ""
    )  # fmt: skip
    assert (three / "tenets/T-005-data-outlives-code.md").read_text("utf-8") == (
        '---\nid: T-005\ntitle: "Data: outlives code"\nstatus: active\nowner: "@arch"\n'
        f"priority: 4\ndate: {dt.date.today()}\n---\n# Data: outlives code\n\n"
        "State the tenet in one or two sentences: what wins over what.\n\n"
        "## Rationale\n\nWhy we hold this tenet, and what we give up by holding it.\n\n"
        "## Tension it settles\n\n"
        "Which recurring disagreement this settles in advance, and in whose favour.\n"
    )
    assert_check_passes(three)


def test_new_tenet_with_a_priority_moves_the_others_down(three: Path) -> None:
    result = run_hinges("tenet", "new", "Privacy", "--owner", "@arch", "--priority", "2",
                        cwd=three)  # fmt: skip
    assert (result.code, result.stdout) == (0, "tenets/T-005-privacy.md\n")
    assert result.stderr == "hinges: T-002 priority 2 -> 3\nhinges: T-003 priority 3 -> 4\n"
    listed = run_hinges("tenet", "list", cwd=three)
    assert listed.code == 0, listed
    listing = listed.stdout.splitlines()
    assert [line.split()[:2] for line in listing[1:]] == [
        ["T-001", "1"], ["T-005", "2"], ["T-004", "2"], ["T-002", "3"], ["T-003", "4"]
    ]  # fmt: skip
    assert_check_passes(three)


def test_new_tenet_needs_an_owner_without_a_terminal(three: Path) -> None:
    result = run_hinges("tenet", "new", "Privacy", cwd=three)
    assert (result.code, result.stderr) == (
        1,
        "hinges: missing --owner; give it as an option "
        "(prompts only appear on a terminal without --no-input)\n",
    )
    assert len(record_files(three, "tenets")) == 4


def test_new_tenet_prompts_for_the_owner(three: Path) -> None:
    result = run_with_input("tenet", "new", "Privacy", input="not a handle\n@privacy\n", cwd=three)
    assert (result.code, result.stdout) == (0, "tenets/T-005-privacy.md\n")
    assert "Error: owner 'not a handle' is not a handle" in result.stderr
    assert "accountable for the tenet over time" in result.stderr
    assert 'owner: "@privacy"\n' in (three / "tenets/T-005-privacy.md").read_text("utf-8")


def test_new_tenet_refuses_bad_titles_and_missing_folder(tmp_path: Path) -> None:
    (tmp_path / "decisions").mkdir()
    result = run_hinges("tenet", "new", "a\nb", "--owner", "@x", cwd=tmp_path)
    assert result.code == 1
    assert "control character" in result.stderr
    result = run_hinges("tenet", "new", "Fine", "--owner", "@x", cwd=tmp_path)
    assert result.code == 2
    assert "no tenets folder: tenets/ does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / "decisions"]


def test_new_tenet_without_a_registry_says_so_as_every_command_does(tmp_path: Path) -> None:
    result = run_hinges("tenet", "new", "Fine", "--owner", "@x", "--root", str(tmp_path))
    assert (result.code, result.stdout, result.stderr) == (
        2,
        "",
        f"hinges: no registry here: decisions/ does not exist in {tmp_path.resolve()}; "
        "run 'hinges init' or pass --root\n",
    )
    assert list(tmp_path.iterdir()) == []
