"""Reading the registry at a git ref: the loader's limits, failures as values."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import write_files
from gate_support import commit_all, decision, registry_repo
from hinges.config import Config, load_config
from hinges.errors import UsageError
from hinges.gate import gitbase
from hinges.gate.gitbase import load_base_registry


def test_reads_every_record_with_six_git_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {f"decisions/{n:04d}-d{n}.md": decision(n, f"D {n}") for n in range(2, 30)})
    commit_all(repo, "many")
    calls: list[list[str]] = []
    real_run = subprocess.run

    def spy(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(args[3:5])
        return real_run(args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(gitbase.subprocess, "run", spy)
    base = load_base_registry(repo, load_config(repo), "HEAD")
    assert [call[0] for call in calls] == [
        "rev-parse",
        "rev-parse",
        "ls-tree",
        "ls-tree",
        "merge-base",
        "cat-file",
    ]
    assert len(base.decisions) == 29 and len(base.tenets) == 1
    assert base.findings == []
    assert base.decisions[0].title == "Use PostgreSQL for orders"


def test_broken_and_oversized_records_at_the_ref_are_findings(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(
        repo,
        {
            "decisions/0002-broken.md": "---\nid: [unclosed\n---\n# x\n",
            "decisions/0003-big.md": decision(3, "Big") + "x" * 5000,
            "decisions/README.md": "not a record\n",
        },
    )
    commit_all(repo, "odd files")
    base = load_base_registry(repo, Config(max_file_bytes=4000), "HEAD")
    assert sorted(base.files) == [
        "decisions/0001-use-postgres.md",
        "decisions/0002-broken.md",
        "decisions/0003-big.md",
        "tenets/T-001-reversible.md",
    ]
    assert [(f.code, f.path, f.line) for f in base.findings] == [
        ("HG001", "decisions/0003-big.md", 1),
        ("HG006", "decisions/0002-broken.md", 2),
    ]
    assert "more than max_file_bytes (4000)" in base.findings[0].message
    assert [record.path for record in base.decisions] == ["decisions/0001-use-postgres.md"]


def test_the_working_tree_is_not_what_is_read(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    (repo / "decisions" / "0001-use-postgres.md").unlink()
    write_files(repo, {"decisions/0002-new.md": decision(2, "New")})
    base = load_base_registry(repo, load_config(repo), "main")
    assert list(base.files) == ["decisions/0001-use-postgres.md", "tenets/T-001-reversible.md"]


def test_a_ref_that_looks_like_an_option_is_refused(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    with pytest.raises(UsageError, match="is not a git ref"):
        load_base_registry(repo, load_config(repo), "--output=x")


def test_a_branch_behind_its_base_also_reads_the_fork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"decisions/0002-kafka.md": decision(2, "Kafka")})
    commit_all(repo, "fork point")
    subprocess.run(["git", "-C", str(repo), "branch", "feature"], check=True)
    write_files(
        repo,
        {
            "decisions/0002-kafka.md": decision(2, "Kafka", status="accepted"),
            "decisions/0003-flags.md": decision(3, "Flags"),
        },
    )
    (repo / "decisions" / "0001-use-postgres.md").unlink()
    commit_all(repo, "main moves on")
    subprocess.run(["git", "-C", str(repo), "checkout", "-q", "feature"], check=True)
    calls: list[str] = []
    real_run = subprocess.run

    def spy(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        calls.append(args[3])
        return real_run(args, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(gitbase.subprocess, "run", spy)
    base = load_base_registry(repo, load_config(repo), "main")
    at_base = ["rev-parse", "rev-parse", "ls-tree", "ls-tree", "merge-base"]
    assert calls == [*at_base, "ls-tree", "ls-tree", "cat-file"]  # one batch for both sides
    assert base.ref == "main"
    assert base.fork is not None
    assert sorted(base.fork.files) == [
        "decisions/0001-use-postgres.md",
        "decisions/0002-kafka.md",
        "tenets/T-001-reversible.md",
    ]
    # The fork's version of what main changed or removed since; nothing else is read.
    assert {path: record.status for path, record in base.fork.records.items()} == {
        "decisions/0001-use-postgres.md": "accepted",
        "decisions/0002-kafka.md": "proposed",
    }
    at_head = load_base_registry(repo, load_config(repo), "feature")
    assert at_head.fork is None
