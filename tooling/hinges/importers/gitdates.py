"""The date a source file was last committed, for records that carry no readable date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hinges.git import GitUnavailable, git_text, run_git


def last_commit_date(path: Path) -> dt.date | None:
    """The committer date of the last commit that touched ``path``; None outside git."""
    try:
        done = run_git(path.parent, "log", "-1", "--format=%cs", "--", path.name, timeout=60)
    except GitUnavailable:
        return None
    try:
        return dt.date.fromisoformat(git_text(done.stdout)) if done.returncode == 0 else None
    except ValueError:  # not committed yet: no output
        return None
