"""Numbers of any size: digits people type or write into records never crash hinges.

Python refuses to turn more than 4,300 digits into an int, and ``str.isdigit`` accepts
characters ``int`` refuses (``²``). Each of these reached an ``int()`` call and became an
internal error; now a number longer than any registry uses is no record's number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_hinges, write_files
from hinges.numbers import MAX_DIGITS, number_value

HUGE = "9" * 5000
ELLIPSIS = "…"


@pytest.mark.parametrize(
    ("digits", "value"),
    [
        ("0042", 42),
        ("0000", 0),
        ("0" * 5000 + "7", 7),  # leading zeros do not count
        ("9" * MAX_DIGITS, int("9" * MAX_DIGITS)),
        ("1" + "0" * MAX_DIGITS, None),
        (HUGE, None),
        ("²", None),  # isdigit() is true, int() refuses it
        ("٣", None),  # int() accepts it, but it is no record number
        ("", None),
        ("12a", None),
    ],
)
def test_number_value(digits: str, value: int | None) -> None:
    assert number_value(digits) == value


def _registry(root: Path) -> Path:
    decision = (
        "---\nid: ADR-0001\ntitle: A\nstatus: accepted\ndate: 2026-01-10\ndoor: two-way\n"
        f'owner: "@plat"\nexit_path: Revert.\nsupersedes: ["ADR-{HUGE}"]\n---\n'
        "# A\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n"
    )
    return write_files(
        root,
        {
            "decisions/0001-a.md": decision,
            "tenets/T-001-huge.md": (
                f'---\nid: T-001\ntitle: T\nstatus: active\nowner: "@plat"\npriority: {HUGE}\n'
                "---\n# T\n"
            ),
            "tenets/T-002-squared.md": (
                '---\nid: T-002\ntitle: U\nstatus: active\nowner: "@plat"\npriority: ²\n---\n# U\n'
            ),
        },
    )


def test_check_reports_huge_and_odd_numbers(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry")
    result = run_hinges("check", "--root", str(root), "--as-of", "2026-11-26")
    assert result.code == 1, result
    assert result.stderr == ""
    cut = "9" * 79 + ELLIPSIS
    assert result.stdout.splitlines() == [
        f"decisions/0001-a.md:9:14: error HG302 supersedes names ADR-{'9' * 75}{ELLIPSIS}, "
        "which is not a decision in decisions/",
        "tenets/T-001-huge.md:2:5: info HG602 T-001 is cited by no decision; cite it in the "
        "decisions that weigh it, or retire it if it no longer guides choices",
        f"tenets/T-001-huge.md:6:11: error HG102 'priority' must be a whole number of 1 or "
        f"more, not '{cut}'",
        "tenets/T-002-squared.md:2:5: info HG602 T-002 is cited by no decision; cite it in "
        "the decisions that weigh it, or retire it if it no longer guides choices",
        "tenets/T-002-squared.md:6:11: error HG102 'priority' must be a whole number of 1 or "
        "more, not '²'",
        "3 files checked: 3 errors, 0 warnings, 2 notes",
    ]


def test_commands_given_huge_numbers_answer_briefly(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry")
    shown = run_hinges("show", f"ADR-{HUGE}", "--root", str(root))
    assert (shown.code, shown.stdout) == (1, "")
    assert shown.stderr == f"hinges: no record has the id ADR-{'9' * 75}{ELLIPSIS}\n"
    listed = run_hinges("list", "--tenet", HUGE, "--root", str(root))
    assert listed.code == 1
    assert listed.stderr == (
        f"hinges: there is no tenet '{'9' * 79}{ELLIPSIS}'; the tenets are: T-001, T-002\n"
    )
    new = run_hinges(
        "new",
        "X",
        "--door",
        "two-way",
        "--owner",
        "@x",
        "--supersedes",
        HUGE,
        "--no-input",
        "--root",
        str(root),
    )
    assert new.code == 1
    # A number of any size is an id (new_decision.normalise_decision_id); no record has it.
    assert new.stderr == f"hinges: no record has the id ADR-{'9' * 75}{ELLIPSIS}\n"
    assert not (root / "decisions" / "0002-x.md").exists()
    tenets = run_hinges("tenet", "list", "--root", str(root))
    assert tenets.code == 0, tenets
    assert tenets.stdout == (
        "ID     PRIORITY  STATUS  TITLE\nT-001  -         active  T\nT-002  -         active  U\n"
    )


def test_a_long_but_plausible_number_is_just_unknown(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry")
    shown = run_hinges("show", "ADR-999999999999999999999", "--root", str(root))
    assert shown.code == 1
    assert shown.stderr == "hinges: no record has the id ADR-999999999999999999999\n"
