"""Guards on real git repositories: full checks, --base, formats, limits."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from conftest import run_hinges, write_files
from gate_support import AS_OF, NOT_ON_GITHUB, check_base, commit_all, git
from guard_support import GUARDED, STORE, check_text, guarded_repo

VIOLATION = (
    "error HG1001 ADR-0001 (owner @orders) forbids this here: "
    "Orders live in PostgreSQL; no MySQL clients here."
)


def _branch_with_new_violation(tmp_path: Path) -> Path:
    """main already has one violation (legacy.py:2); the branch adds one (store.py:2)."""
    repo = guarded_repo(
        tmp_path / "repo", {"services/orders/legacy.py": "# old\nimport mysql.connector\n"}
    )
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(repo, {"services/orders/store.py": STORE.replace("\n\n", "\nimport mysql\n", 1)})
    commit_all(repo, "a mysql client", when="2026-02-01T10:00:00")
    return repo


def test_violation_added_on_the_branch_fails_base_at_its_line(tmp_path: Path) -> None:
    repo = _branch_with_new_violation(tmp_path)
    done = check_base(repo, "main")
    assert done.code == 1, done
    assert done.stdout.splitlines() == [
        f"services/orders/store.py:2:1: {VIOLATION}",
        "2 files checked, 1 code file scanned: 1 error, 0 warnings, 0 notes",
    ]


def test_violation_already_on_the_base_does_not_fail_base(tmp_path: Path) -> None:
    repo = guarded_repo(
        tmp_path / "repo", {"services/orders/legacy.py": "# old\nimport mysql.connector\n"}
    )
    git(repo, "checkout", "-q", "-b", "feature")
    # The branch touches the file with the old violation, but not its line.
    write_files(
        repo, {"services/orders/legacy.py": "# old, to be removed\nimport mysql.connector\n"}
    )
    commit_all(repo, "a comment", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 0, done
    assert done.stdout == "2 files checked, 1 code file scanned: no problems\n"


def test_full_check_lists_old_and_new_violations(tmp_path: Path) -> None:
    repo = _branch_with_new_violation(tmp_path)
    code, lines = check_text(repo)
    assert code == 1
    assert lines == [
        f"services/orders/legacy.py:2:1: {VIOLATION}",
        f"services/orders/store.py:2:1: {VIOLATION}",
        "2 files checked, 2 code files scanned: 2 errors, 0 warnings, 0 notes",
    ]


def test_uncommitted_violation_counts_against_base(tmp_path: Path) -> None:
    repo = guarded_repo(tmp_path / "repo")
    write_files(repo, {"services/orders/store.py": "  import mysql\n" + STORE})
    done = check_base(repo, "HEAD")
    assert done.code == 1, done
    assert done.stdout.splitlines()[0] == f"services/orders/store.py:1:1: {VIOLATION}"


def test_only_files_the_guard_covers_are_searched(tmp_path: Path) -> None:
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "services/payments/db.py": "import mysql\n",  # outside 'in'
            "services/orders/README.md": "import mysql\n",  # not *.py
        },
    )
    code, lines = check_text(repo)
    assert code == 0
    # All three are read for decision ids; the guard searches store.py only.
    assert lines == ["2 files checked, 3 code files scanned: no problems"]


def test_guards_of_decisions_not_in_force_do_not_run(tmp_path: Path) -> None:
    for status, extra in (("proposed", ""), ("superseded", "superseded_by: [ADR-0002]\n")):
        repo = tmp_path / status
        record = GUARDED.replace("status: accepted", f"status: {status}\n{extra}".rstrip())
        guarded_repo(repo, {"services/orders/legacy.py": "import mysql\n"})
        write_files(repo, {"decisions/0001-use-postgres.md": record})
        _code, lines = check_text(repo)
        assert not any("HG1001" in line for line in lines), lines


def test_untracked_files_are_not_scanned_in_a_work_tree(tmp_path: Path) -> None:
    repo = guarded_repo(tmp_path / "repo")
    write_files(repo, {"services/orders/scratch.py": "import mysql\n"})
    code, lines = check_text(repo)
    assert (code, lines) == (0, ["2 files checked, 1 code file scanned: no problems"])


def test_outside_git_every_file_is_walked(tmp_path: Path) -> None:
    repo = guarded_repo(tmp_path / "repo")
    (repo / ".git").rename(tmp_path / "moved-git")
    write_files(repo, {"services/orders/scratch.py": "import mysql\n", ".hidden/x.py": "x\n"})
    code, lines = check_text(repo)
    assert code == 1
    assert lines == [
        f"services/orders/scratch.py:1:1: {VIOLATION}",
        "2 files checked, 2 code files scanned: 1 error, 0 warnings, 0 notes",
    ]


def test_binary_and_oversized_files_are_skipped_and_counted(tmp_path: Path) -> None:
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "services/orders/blob.py": b"import mysql\n\0binary",
            "services/orders/big.py": "import mysql\n" + "#" * 2000 + "\n",
            "hinges.toml": "max_file_bytes = 1500\n",
        },
    )
    code, lines = check_text(repo)
    assert (code, lines) == (
        0,
        [
            "2 files checked, 1 code file scanned (1 binary and 1 over max_file_bytes skipped): "
            "no problems"
        ],
    )
    done = run_hinges("check", "--root", str(repo), "--as-of", AS_OF, "--format", "json")
    assert done.code == 0, done
    summary = json.loads(done.stdout)["summary"]
    assert summary == {
        "files": 2,
        "errors": 0,
        "warnings": 0,
        "infos": 0,
        "code_files": 1,
        "skipped_binary": 1,
        "skipped_large": 1,
    }


def test_scan_exclude_keeps_files_out(tmp_path: Path) -> None:
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "services/orders/vendor/mysql_shim.py": "import mysql\n",
            "hinges.toml": 'scan_exclude = ["services/orders/vendor"]\n',
        },
    )
    code, lines = check_text(repo)
    assert (code, lines) == (0, ["2 files checked, 1 code file scanned: no problems"])


def test_catastrophic_pattern_does_not_hang(tmp_path: Path) -> None:
    record = GUARDED.replace('"^\\\\s*import mysql"', '"(a+)+$"')
    assert "(a+)+$" in record
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "decisions/0001-use-postgres.md": record,
            # Python's re needs about 2**40 steps to give up on this line.
            "services/orders/evil.py": "a" * 40 + "!\n" + "a" * 200_000 + "!\n",
        },
    )
    started = time.monotonic()
    code, lines = check_text(repo)
    elapsed = time.monotonic() - started
    assert code == 0, lines
    assert elapsed < 20  # re would take hours; RE2 takes milliseconds


def test_catastrophic_pattern_that_matches_is_reported(tmp_path: Path) -> None:
    record = GUARDED.replace('"^\\\\s*import mysql"', '"^(a+)+b"')
    repo = guarded_repo(
        tmp_path / "repo",
        {"decisions/0001-use-postgres.md": record, "services/orders/evil.py": "a" * 5000 + "b\n"},
    )
    code, lines = check_text(repo)
    assert code == 1
    assert lines[0].startswith("services/orders/evil.py:1:1: error HG1001 ADR-0001")


def test_every_matching_line_once_with_its_column(tmp_path: Path) -> None:
    record = GUARDED.replace('"^\\\\s*import mysql"', '"mysql"')
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "decisions/0001-use-postgres.md": record,
            "services/orders/a.py": "x = 'é'; mysql mysql\nok\n\tmysql\n",
        },
    )
    _code, lines = check_text(repo)
    assert [line.split(": error")[0] for line in lines[:-1]] == [
        "services/orders/a.py:1:10",  # columns count characters (é is 2 bytes)
        "services/orders/a.py:3:2",
    ]


def test_sarif_and_github_point_at_the_source_line(tmp_path: Path) -> None:
    repo = _branch_with_new_violation(tmp_path)
    done = run_hinges(
        "check",
        "--root",
        str(repo),
        "--as-of",
        AS_OF,
        "--format",
        "github",
        env={**NOT_ON_GITHUB, "GITHUB_WORKSPACE": str(repo)},
    )
    assert done.code == 1, done
    assert done.stdout.splitlines()[1] == (
        "::error file=services/orders/store.py,line=2,col=1,title=HG1001::"
        "ADR-0001 (owner @orders) forbids this here: Orders live in PostgreSQL; no MySQL "
        "clients here."
    )


def test_sarif_validates_and_locates_results_in_source_files(tmp_path: Path) -> None:
    import jsonschema

    repo = _branch_with_new_violation(tmp_path)
    done = run_hinges(
        "check", "--root", str(repo), "--as-of", AS_OF, "--format", "sarif", env=NOT_ON_GITHUB
    )
    assert done.code == 1, done
    document = json.loads(done.stdout)
    schema_path = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    assert [e.message for e in validator.iter_errors(document)] == []
    run = document["runs"][0]
    located = [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in run["results"]
    ]
    assert located == [
        ("HG1001", "services/orders/legacy.py", 2),
        ("HG1001", "services/orders/store.py", 2),
    ]
    rule = run["tool"]["driver"]["rules"][run["results"][0]["ruleIndex"]]
    assert (rule["id"], rule["name"]) == ("HG1001", "guard-violation")


def test_adding_guards_to_an_accepted_decision_passes_the_gate(tmp_path: Path) -> None:
    repo = guarded_repo(tmp_path / "repo")
    plain = GUARDED.split("applies_to:")[0] + "---" + GUARDED.split("---", 2)[2]
    write_files(repo, {"decisions/0001-use-postgres.md": plain})
    commit_all(repo, "before guard rails")
    git(repo, "checkout", "-q", "-b", "guard-rails")
    write_files(repo, {"decisions/0001-use-postgres.md": GUARDED})
    commit_all(repo, "guard rails", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 0, done
    assert "HG901" not in done.stdout


def test_forked_workers_find_exactly_what_one_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hinges.codescan import scanner

    files: dict[str, str | bytes] = {
        f"services/orders/m{i:02d}.py": ("import mysql\n" if i % 7 == 0 else "x = 1\n")
        + ("# ADR-0001 ADR-0042\n" if i % 5 == 0 else "")
        for i in range(40)
    }
    files["services/orders/blob.py"] = b"\0"
    repo = guarded_repo(tmp_path / "repo", files)
    one = check_text(repo)
    monkeypatch.setattr(scanner, "_workers", lambda files: 3)
    forked = check_text(repo)
    assert forked == one
    assert one[1][-1] == (
        "2 files checked, 41 code files scanned (1 binary skipped): 14 errors, 0 warnings, 0 notes"
    )


def test_a_work_tree_git_refuses_is_an_error_not_a_walk(tmp_path: Path) -> None:
    import os

    repo = guarded_repo(tmp_path / "repo")
    if os.geteuid() != 0:
        pytest.skip("needs root to give the work tree another owner")
    os.chown(repo, 4321, 4321)  # git refuses a work tree of another owner: dubious ownership
    done = run_hinges("check", "--root", str(repo), "--as-of", AS_OF, env=NOT_ON_GITHUB)
    assert done.code == 2, done
    assert done.stderr.startswith(f"hinges: git ls-files failed in {repo}: ")
