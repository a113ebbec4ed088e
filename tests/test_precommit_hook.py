"""The pre-commit hook, run for real: `pre-commit try-repo` on a copy of this repository.

try-repo installs the hook from the repository's HEAD, so the working tree (with any
uncommitted change) is copied to a temporary git repository and committed there. The
hook's environment is built once per module in a temporary PRE_COMMIT_HOME (pip installs
hinges and its two dependencies, PyYAML and click, from the package index).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import write_files
from gate_support import commit_all, git, init_repo, registry_repo
from guard_support import guarded_repo

THIS_REPOSITORY = Path(__file__).parent.parent


def _working_tree_files() -> list[str]:
    done = subprocess.run(
        ["git", "-C", str(THIS_REPOSITORY), "ls-files", "-z", "-co", "--exclude-standard"],
        capture_output=True,
        check=True,
    )
    return [name for name in done.stdout.decode("utf-8").split("\0") if name]


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A committed copy of this working tree, and the PRE_COMMIT_HOME shared by the tests."""
    base = tmp_path_factory.mktemp("hook")
    copy = base / "hinges"
    for name in _working_tree_files():
        source = THIS_REPOSITORY / name
        if source.is_file() and not source.is_symlink():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    init_repo(copy)
    commit_all(copy, "snapshot of the working tree")
    yield copy, base / "pre-commit-home"


def _pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def _status(repo: Path) -> str:
    return git(repo, "status", "--porcelain")


def test_a_clean_registry_passes_and_a_broken_record_fails(
    tmp_path: Path, hook_repository: tuple[Path, Path]
) -> None:
    hooks, home = hook_repository
    project = registry_repo(tmp_path / "project")
    clean = _pre_commit(project, home, "try-repo", str(hooks), "hinges-check", "--all-files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "hinges check" in clean.stdout and "Passed" in clean.stdout

    write_files(project, {"decisions/0002-broken.md": "---\nid: ADR-0002\ntitel: typo\n---\n"})
    git(project, "add", "-A")
    before = _status(project)
    broken = _pre_commit(project, home, "try-repo", str(hooks), "hinges-check", "--all-files")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "Failed" in broken.stdout
    assert "decisions/0002-broken.md:3:1: error HG103 unknown key 'titel'" in broken.stdout
    assert _status(project) == before  # the hook never modifies files


def test_files_outside_the_registry_do_not_trigger_the_hook(
    tmp_path: Path, hook_repository: tuple[Path, Path]
) -> None:
    hooks, home = hook_repository
    project = init_repo(tmp_path / "project")
    write_files(project, {"README.md": "no registry here\n"})
    commit_all(project, "readme")
    skipped = _pre_commit(project, home, "try-repo", str(hooks), "hinges-check", "--all-files")
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "(no files to check)Skipped" in skipped.stdout


def test_this_repository_runs_its_own_hook(hook_repository: tuple[Path, Path]) -> None:
    hooks, home = hook_repository
    own = _pre_commit(hooks, home, "run", "hinges-check-code", "--all-files")
    assert own.returncode == 0, own.stdout + own.stderr
    assert "Passed" in own.stdout


def test_the_code_hook_runs_guards_when_only_code_changes(
    tmp_path: Path, hook_repository: tuple[Path, Path]
) -> None:
    hooks, home = hook_repository
    project = guarded_repo(tmp_path / "project")
    write_files(project, {"services/orders/db.py": "import mysql\n"})
    git(project, "add", "-A")
    # Only code is staged: the records hook is not triggered, the code hook checks everything.
    records = _pre_commit(project, home, "try-repo", str(hooks), "hinges-check")
    assert records.returncode == 0, records.stdout + records.stderr
    assert "(no files to check)Skipped" in records.stdout
    code = _pre_commit(project, home, "try-repo", str(hooks), "hinges-check-code")
    assert code.returncode == 1, code.stdout + code.stderr
    assert (
        "services/orders/db.py:1:1: error HG1001 ADR-0001 (owner @orders) forbids this here: "
        "Orders live in PostgreSQL; no MySQL clients here."
    ) in code.stdout
