"""Real git repositories for the gate tests: init, commit with fixed dates, branch, merge."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import GOOD_DECISION, GOOD_TENET, Run, run_hinges, write_files

AS_OF = "2026-11-26"
NOT_ON_GITHUB = {"GITHUB_ACTIONS": "", "GITHUB_WORKSPACE": ""}
# Far enough ahead that runs without --as-of (the action's) never see an overdue review.
DECISION = GOOD_DECISION.replace("review_by: 2027-01-10", "review_by: 2099-01-10")


def git(repo: Path, *args: str, when: str = "2026-01-01T10:00:00") -> str:
    """Run git in ``repo`` (commits dated ``when``); fail the test with git's output."""
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, f"git {' '.join(args)}:\n{done.stdout}{done.stderr}"
    return done.stdout


def init_repo(repo: Path) -> Path:
    """An empty repository on branch main with a local identity (no global config needed)."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Gate Test")
    git(repo, "config", "user.email", "gate@example.com")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def commit_all(repo: Path, message: str, when: str = "2026-01-01T10:00:00") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


def registry_repo(repo: Path, prefix: str = "") -> Path:
    """A repository whose registry (at ``prefix``) has one tenet and one accepted decision."""
    init_repo(repo)
    write_files(
        repo / prefix if prefix else repo,
        {"tenets/T-001-reversible.md": GOOD_TENET, "decisions/0001-use-postgres.md": DECISION},
    )
    commit_all(repo, "first decision")
    return repo


def decision(number: int, title: str, *, status: str = "proposed", door: str = "two-way") -> str:
    """A valid decision record numbered ``number``."""
    return (
        DECISION.replace("ADR-0001", f"ADR-{number:04d}")
        .replace("Use PostgreSQL for orders", title)
        .replace("status: accepted", f"status: {status}")
        .replace("door: two-way", f"door: {door}")
    )


def assert_exit_agrees(result: Run) -> None:
    """``hinges check --format text`` ran (no usage error) and exits 1 exactly when it reports
    an error: for runs whose findings a test filters rather than compares whole."""
    errors = [line for line in result.stdout.splitlines() if ": error HG" in line]
    assert (result.code, result.stderr) == (1 if errors else 0, ""), result


def check_base(root: Path, base: str, *args: str) -> Run:
    return run_hinges(
        "check",
        "--root",
        str(root),
        "--as-of",
        AS_OF,
        "--format",
        "text",
        "--base",
        base,
        *args,
        env=NOT_ON_GITHUB,
    )
