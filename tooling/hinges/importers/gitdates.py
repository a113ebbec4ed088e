"""The date a source file was last committed, for records that carry no readable date."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path


def last_commit_date(path: Path) -> dt.date | None:
    """The committer date of the last commit that touched ``path``; None outside git."""
    executable = shutil.which("git")
    if executable is None:
        return None
    try:
        done = subprocess.run(
            [executable, "-C", str(path.parent), "log", "-1", "--format=%cs", "--", path.name],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(done.stdout.strip()) if done.returncode == 0 else None
    except ValueError:  # not committed yet: no output
        return None
