"""Added lines from git diff, including paths git quotes."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files
from gate_support import commit_all, git, init_repo
from hinges.codescan.diff import added_lines, parse_added_lines


def test_parse_hunks_new_files_deletions_and_quoted_paths() -> None:
    diff = (
        b"diff --git a/a.py b/a.py\n--- a/a.py\n+++ b/a.py\n"
        b"@@ -3 +3,2 @@\n-x\n+y\n+z\n@@ -10,2 +11 @@\n-p\n-q\n+r\n"
        b"diff --git a/gone.py b/gone.py\n--- a/gone.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        b'+++ "b/sp ace/caf\\303\\251\\t.py"\n@@ -0,0 +1 @@\n+x\n'
        b"+++ b/only-deleted.py\n@@ -4,2 +3,0 @@\n-a\n-b\n"
    )
    assert parse_added_lines(diff) == {
        "a.py": {3, 4, 11},
        "sp ace/café\t.py": {1},
        "only-deleted.py": set(),
    }


def test_added_lines_since_the_fork_with_uncommitted_edits(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    write_files(repo, {"a b/x.py": "1\n2\n3\n", "é.py": "a\n", "old.py": "k\n" * 5})
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(repo, {"a b/x.py": "1\nnew\n2\n3\n"})
    git(repo, "mv", "old.py", "renamed.py")
    commit_all(repo, "branch", when="2026-02-01T10:00:00")
    write_files(repo, {"é.py": "a\nb\n"})  # not committed: counts too
    git(repo, "checkout", "-q", "main")
    write_files(repo, {"base-only.py": "later on main\n"})
    commit_all(repo, "main moves on", when="2026-02-02T10:00:00")
    git(repo, "checkout", "-q", "feature")
    write_files(repo, {"é.py": "a\nb\n"})
    assert added_lines(repo, "main") == {"a b/x.py": {2}, "é.py": {2}}
