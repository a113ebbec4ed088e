"""The little git knowledge renumbering needs: when a file was added, and renaming it.

Every call runs ``git`` with a fixed argument list (no shell); a registry outside a git
repository, or a machine without git, simply has no history.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from hinges.git import GitUnavailable, git_text, run_git


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return run_git(root, *args, timeout=60)
    except GitUnavailable:
        return None


def in_repository(root: Path) -> bool:
    done = _git(root, "rev-parse", "--is-inside-work-tree")
    return done is not None and done.returncode == 0 and git_text(done.stdout) == "true"


def added_at(root: Path, relpath: str) -> int | None:
    """Unix time of the commit that first added ``relpath``; None if it is not committed."""
    done = _git(root, "log", "--diff-filter=A", "--format=%ct", "--", relpath)
    if done is None or done.returncode != 0:
        return None
    times = [int(line) for line in done.stdout.decode("ascii", "replace").split() if line.isdigit()]
    return min(times) if times else None


def is_tracked(root: Path, relpath: str) -> bool:
    done = _git(root, "ls-files", "--error-unmatch", "--", relpath)
    return done is not None and done.returncode == 0


def move(root: Path, old: str, new: str, *, use_git: bool) -> None:
    """Rename ``old`` to ``new`` (relative to ``root``): ``git mv`` for a tracked file.

    Refuses when ``new`` exists (a plain rename would silently replace it).
    """
    from hinges.errors import HingesError

    if (root / new).exists() or (root / new).is_symlink():
        raise HingesError(f"cannot move to {new}: that file already exists", path=old)
    if use_git and is_tracked(root, old):
        done = _git(root, "mv", "--", old, new)
        if done is not None and done.returncode == 0:
            return
        message = git_text(done.stderr) if done is not None else "git is not available"
        raise HingesError(f"git mv to {new} failed: {message}", path=old)
    (root / old).rename(root / new)
