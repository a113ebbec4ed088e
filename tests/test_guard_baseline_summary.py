"""How many known violations each decision still has: the check's text, GitHub and JSON
output, and the pull-request summary, on a real git repository with a baseline."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_hinges, write_files
from gate_support import AS_OF, NOT_ON_GITHUB, commit_all, git
from guard_support import GUARDED, guarded_repo

LEGACY = "# old\nimport mysql.connector\nimport mysql.connector\n"
NO_EVAL = (
    GUARDED.replace("ADR-0001", "ADR-0002")
    .replace("title: Use PostgreSQL for orders", 'title: "Ban `eval` | <b>x</b> *now* \\u202e"')
    .replace('"^\\\\s*import mysql"', '"eval\\\\("')
    .replace('["services/orders/**/*.py"]', '["services/**/*.py"]')
    .replace("Orders live in PostgreSQL; no MySQL clients here.", "No eval.")
    .replace("# Use PostgreSQL for orders", "# Ban `eval` | <b>x</b> *now* \u202e")
)
FIXED = (
    "hinges-baseline.json:2:1: warning HG1005 baseline entry for services/orders/legacy.py "
    "(ADR-0001) no longer occurs; run hinges check --update-baseline and commit the smaller "
    "file"
)
NEW = "services/tools/y.py:1:1: error HG1001 ADR-0002 (owner @orders) forbids this here: No eval."
ADR_1 = "baseline ADR-0001 Use PostgreSQL for orders: 1 known violation, 1 fixed"
ADR_2 = "baseline ADR-0002 Ban `eval` | <b>x</b> *now* \\u202e: 2 known violations, 0 fixed"


def _check(root: Path, *args: str) -> tuple[int, list[str]]:
    done = run_hinges("check", "--root", str(root), "--as-of", AS_OF, *args, env=NOT_ON_GITHUB)
    assert done.stderr == "", done
    return done.code, done.stdout.splitlines()


def _repo(tmp_path: Path) -> Path:
    """Known violations of two decisions; then one fixed and one new, on a branch."""
    repo = guarded_repo(
        tmp_path / "repo",
        {
            "decisions/0002-no-eval.md": NO_EVAL,
            "services/orders/legacy.py": LEGACY,
            "services/tools/x.py": "eval(1)\neval(2)\n",
        },
    )
    assert _check(repo, "--update-baseline")[0] == 0
    commit_all(repo, "baseline")
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(
        repo,
        {
            "services/orders/legacy.py": "# old\nimport mysql.connector\n",
            "services/tools/y.py": "eval(3)\n",
        },
    )
    commit_all(repo, "one fixed, one new", when="2026-02-01T10:00:00")
    return repo


def test_text_and_github_list_each_decision_before_the_summary_line(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    summary = (
        "3 files checked, 4 code files scanned: 1 error, 1 warning, 0 notes; "
        "3 known violations in the baseline"
    )
    assert _check(repo, "--format", "text") == (1, [FIXED, NEW, ADR_1, ADR_2, summary])
    # Written to a file, the report is not filtered on its way out: the title was made
    # visible where it was placed.
    report = tmp_path / "report.txt"
    assert _check(repo, "--format", "text", "--output", str(report)) == (1, [])
    assert report.read_text(encoding="utf-8").splitlines() == [FIXED, NEW, ADR_1, ADR_2, summary]
    code, lines = _check(repo, "--format", "github")
    assert code == 1
    assert lines[-3:] == [ADR_1, ADR_2, summary]


def test_json_lists_id_title_known_and_fixed_per_decision(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    code, lines = _check(repo, "--format", "json")
    assert code == 1
    document = json.loads("\n".join(lines))
    assert document["summary"]["known_violations"] == 3
    assert document["baseline"] == [
        {"id": "ADR-0001", "title": "Use PostgreSQL for orders", "known": 1, "fixed": 1},
        {"id": "ADR-0002", "title": "Ban `eval` | <b>x</b> *now* \u202e", "known": 2, "fixed": 0},
    ]
    assert "\\u202e" in "\n".join(lines)  # written as an escape, safe to print


def test_a_check_of_some_paths_counts_no_fixed_entries(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    code, lines = _check(repo, "--format", "text", str(repo / "decisions"))
    assert (code, lines[-3:-1]) == (
        0,
        [
            "baseline ADR-0001 Use PostgreSQL for orders: 1 known violation, 0 fixed",
            ADR_2,
        ],
    )


def test_without_a_baseline_there_is_no_tally(tmp_path: Path) -> None:
    repo = guarded_repo(tmp_path / "repo", {"services/orders/legacy.py": LEGACY})
    code, lines = _check(repo, "--format", "json")
    document = json.loads("\n".join(lines))
    assert code == 1 and "baseline" not in document
    assert "known_violations" not in document["summary"]
    done = run_hinges(
        "summary", "--root", str(repo), "--base", "main", "--format", "json", env=NOT_ON_GITHUB
    )
    assert done.code == 0 and json.loads(done.stdout)["baseline"] is None


def test_the_pull_request_summary_has_a_row_per_decision(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    args = ("summary", "--root", str(repo), "--base", "main")
    done = run_hinges(*args, env=NOT_ON_GITHUB)
    assert done.code == 0, done
    assert done.stdout == (
        "## Decision records: changes since ` main `\n"
        "\n"
        "No decision or tenet changed.\n"
        "\n"
        "### Decisions governing the changed files\n"
        "\n"
        "| Decision | Door | Owner | Changed files |\n"
        "| --- | --- | --- | --- |\n"
        "| ADR-0001 Use PostgreSQL for orders | two-way | ` @orders ` "
        "| ` services/orders/legacy.py ` |\n"
        "| ADR-0002 Ban \\`eval\\` \\| &lt;b&gt;x&lt;/b&gt; \\*now\\* \\\\u202e | two-way "
        "| ` @orders ` | ` services/orders/legacy.py ` |\n"
        "\n"
        "### Known guard violations\n"
        "\n"
        "The baseline (` hinges-baseline.json `) lets a full `hinges check` pass with these\n"
        "violations; each decision's count should only go down.\n"
        "\n"
        "| Decision | Known violations | Fixed entries |\n"
        "| --- | --- | --- |\n"
        "| ADR-0001 Use PostgreSQL for orders | 1 | 1 |\n"
        "| ADR-0002 Ban \\`eval\\` \\| &lt;b&gt;x&lt;/b&gt; \\*now\\* \\\\u202e | 2 | 0 |\n"
        "\n"
        "Fixed entries no longer occur: run `hinges check --update-baseline` and\n"
        "commit the smaller file.\n"
    )
    done = run_hinges(*args, "--format", "json", env=NOT_ON_GITHUB)
    assert done.code == 0, done
    document = json.loads(done.stdout)
    assert document["baseline"] == [
        {"id": "ADR-0001", "title": "Use PostgreSQL for orders", "known": 1, "fixed": 1},
        {"id": "ADR-0002", "title": "Ban `eval` | <b>x</b> *now* \u202e", "known": 2, "fixed": 0},
    ]
