"""The guard baseline (the ratchet) on real git repositories."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_hinges, write_files
from gate_support import AS_OF, NOT_ON_GITHUB, check_base, commit_all, git
from guard_support import STORE, check_text, guarded_repo

VIOLATION = (
    "error HG1001 ADR-0001 (owner @orders) forbids this here: "
    "Orders live in PostgreSQL; no MySQL clients here."
)
LEGACY = "# old\nimport mysql.connector\n"
KNOWN_2 = "baseline ADR-0001 Use PostgreSQL for orders: 2 known violations, 0 fixed"


def _baselined(tmp_path: Path) -> Path:
    """main: two old violations in legacy.py, recorded in a committed baseline."""
    repo = guarded_repo(
        tmp_path / "repo",
        {"services/orders/legacy.py": LEGACY + "import mysql.connector\n"},
    )
    assert check_text(repo, "--update-baseline") == (
        0,
        [
            KNOWN_2,
            "2 files checked, 2 code files scanned: no problems; "
            "2 known violations in the baseline",
        ],
    )
    commit_all(repo, "baseline")
    return repo


def test_update_baseline_writes_fingerprints_and_the_full_check_passes(tmp_path: Path) -> None:
    repo = _baselined(tmp_path)
    data = json.loads((repo / "hinges-baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["rule"], e["path"], e["decision"], e["text"]) for e in data["entries"]] == [
        ("HG1001", "services/orders/legacy.py", "ADR-0001", "import mysql.connector"),
        ("HG1001", "services/orders/legacy.py", "ADR-0001", "import mysql.connector"),
    ]
    assert check_text(repo) == (
        0,
        [
            KNOWN_2,
            "2 files checked, 2 code files scanned: no problems; "
            "2 known violations in the baseline",
        ],
    )


def test_a_new_violation_fails_even_a_third_copy_of_a_known_line(tmp_path: Path) -> None:
    repo = _baselined(tmp_path)
    write_files(
        repo,
        {
            "services/orders/legacy.py": LEGACY
            + "import mysql.connector\nimport mysql.connector\n",
            "services/orders/store.py": STORE.replace("\n\n", "\nimport mysql\n", 1),
        },
    )
    code, lines = check_text(repo)
    assert code == 1
    assert lines == [
        f"services/orders/legacy.py:4:1: {VIOLATION}",
        f"services/orders/store.py:2:1: {VIOLATION}",
        KNOWN_2,
        "2 files checked, 2 code files scanned: 2 errors, 0 warnings, 0 notes; "
        "2 known violations in the baseline",
    ]


def test_a_moved_line_stays_known(tmp_path: Path) -> None:
    repo = _baselined(tmp_path)
    write_files(
        repo,
        {
            "services/orders/legacy.py": '"""Moved down."""\n\n\n'
            + LEGACY
            + "import mysql.connector\n"
        },
    )
    code, lines = check_text(repo)
    assert (code, lines) == (
        0,
        [
            KNOWN_2,
            "2 files checked, 2 code files scanned: no problems; "
            "2 known violations in the baseline",
        ],
    )


def test_fixed_violations_are_reported_as_stale_entries(tmp_path: Path) -> None:
    repo = _baselined(tmp_path)
    write_files(repo, {"services/orders/legacy.py": LEGACY})
    code, lines = check_text(repo)
    assert code == 0
    assert lines == [
        "hinges-baseline.json:2:1: warning HG1005 baseline entry for services/orders/legacy.py "
        "(ADR-0001) no longer occurs; run hinges check --update-baseline and commit the "
        "smaller file",
        "baseline ADR-0001 Use PostgreSQL for orders: 1 known violation, 1 fixed",
        "2 files checked, 2 code files scanned: 0 errors, 1 warning, 0 notes; "
        "1 known violation in the baseline",
    ]
    assert check_text(repo, "--strict")[0] == 1
    assert check_text(repo, "--update-baseline")[0] == 0
    data = json.loads((repo / "hinges-baseline.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) == 1


def test_base_is_unchanged_by_the_baseline(tmp_path: Path) -> None:
    repo = _baselined(tmp_path)
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(repo, {"services/orders/store.py": STORE.replace("\n\n", "\nimport mysql\n", 1)})
    commit_all(repo, "a mysql client", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 1, done
    assert done.stdout.splitlines() == [
        f"services/orders/store.py:2:1: {VIOLATION}",
        "2 files checked, 1 code file scanned: 1 error, 0 warnings, 0 notes",
    ]
    done = run_hinges("check", "--root", str(repo), "--base", "main", "--update-baseline")
    assert done.code == 2, done
    assert "--update-baseline records a full check" in done.stderr


def test_a_damaged_baseline_is_a_configuration_error(tmp_path: Path) -> None:
    repo = _baselined(tmp_path)
    write_files(repo, {"hinges-baseline.json": "{not json"})
    done = run_hinges("check", "--root", str(repo), "--as-of", AS_OF, env=NOT_ON_GITHUB)
    assert done.code == 2, done
    assert "hinges-baseline.json: the baseline is not one hinges wrote" in done.stderr
