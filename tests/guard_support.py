"""Repositories with governed code, for the guard-rail tests."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import GOOD_TENET, run_hinges, write_files
from gate_support import AS_OF, DECISION, NOT_ON_GITHUB, commit_all, init_repo

GUARDED = DECISION.replace(
    "review_by: 2099-01-10",
    """review_by: 2099-01-10
applies_to: ["services/orders/**"]
guards:
  - forbid: "^\\\\s*import mysql"
    in: ["services/orders/**/*.py"]
    message: Orders live in PostgreSQL; no MySQL clients here.""",
).replace('owner: "@payments"', 'owner: "@orders"')

STORE = "import psycopg\n\n\ndef save(order):\n    return order\n"


def guarded_repo(repo: Path, files: dict[str, str | bytes] | None = None) -> Path:
    """main: one accepted decision with a guard over services/orders, and its code."""
    init_repo(repo)
    write_files(
        repo,
        {
            "tenets/T-001-reversible.md": GOOD_TENET,
            "decisions/0001-use-postgres.md": GUARDED,
            "services/orders/store.py": STORE,
            **(files or {}),
        },
    )
    commit_all(repo, "orders in postgres")
    return repo


def check_text(root: Path, *args: str) -> tuple[int, list[str]]:
    """``hinges check`` in text format outside GitHub: its exit code and stdout lines
    (standard error must stay empty)."""
    done = run_hinges(
        "check", "--root", str(root), "--as-of", AS_OF, "--format", "text", *args, env=NOT_ON_GITHUB
    )
    assert done.stderr == "", done
    return done.code, done.stdout.splitlines()


def assert_one_finding_at(root: Path, path: str, line: int) -> None:
    """JSON and SARIF both report exactly one guard finding (HG1001), at ``path:line``."""
    done = run_hinges(
        "check", "--root", str(root), "--as-of", AS_OF, "--format", "json", env=NOT_ON_GITHUB
    )
    assert done.code == 1, done
    [finding] = json.loads(done.stdout)["findings"]
    assert (finding["path"], finding["line"], finding["code"]) == (path, line, "HG1001")
    done = run_hinges(
        "check", "--root", str(root), "--as-of", AS_OF, "--format", "sarif", env=NOT_ON_GITHUB
    )
    assert done.code == 1, done
    [result] = json.loads(done.stdout)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == path
    assert location["region"]["startLine"] == line
