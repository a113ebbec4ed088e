"""The guard benchmark's generator and baseline command (no timings)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import run_hinges
from test_benchmark_tools import _load

generate_code = _load("generate_code")
bench_guards = _load("bench_guards")


def test_generated_repository_is_checked_and_grepped_alike(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    patterns = generate_code.generate_code_repo(repo, files=300, megabytes=0.15, guards=10)
    assert len(patterns) == len(set(patterns)) == 10
    done = run_hinges("check", "--root", str(repo), "--format", "json")
    assert done.code == 1, done  # the generator plants violations
    codes = {
        line.split('"code": "')[1][:6] for line in done.stdout.splitlines() if '"code"' in line
    }
    assert "HG1001" in codes and "HG1002" not in codes  # every planted id exists
    grep = subprocess.run(
        bench_guards.git_grep_command(patterns), cwd=repo, capture_output=True, check=False
    )
    assert grep.returncode == 0, grep.stderr  # git grep -P runs and finds the violations
    assert b"decisions/" not in grep.stdout


def test_import_benchmark_tools_agree_on_a_small_package(tmp_path: Path) -> None:
    import shutil
    import sys

    bench_imports = _load("bench_imports")
    repo = tmp_path / "repo"
    planted = bench_imports.generate(repo, 400, 5)
    assert planted == 2
    done = run_hinges("check", "--root", str(repo), "--format", "text")
    assert done.code == 1, done
    ours = bench_imports._importers(done.stdout, r"^shop/(\S+)\.py:\d+:\d+: error HG1001")
    assert ours == {"a/p00/m00000", "a/p00/m00100"}
    linter = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    report = subprocess.run(
        [linter, "--no-cache"], cwd=repo, capture_output=True, text=True, check=False
    )
    assert report.returncode == 1, report.stderr  # the contract is broken, as planted
    theirs = bench_imports._importers(report.stdout, r"^-\s+shop\.(\S+) -> shop\.b")
    assert theirs == {"a.p00.m00000", "a.p00.m00100"}
