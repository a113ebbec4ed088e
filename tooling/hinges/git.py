"""Run git: one place that finds the executable, never uses a shell, and bounds the time.

Callers decide what a missing git means: the pull-request gate makes it a usage error,
renumbering and importing simply have no history.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from hinges.errors import HingesError

DEFAULT_TIMEOUT_SECONDS = 120


class GitUnavailable(HingesError):
    """git is not installed, could not be started, or did not finish in time."""


@functools.cache
def _which_git(path: str | None) -> str | None:
    """Where git is, found once per PATH: a sync runs it hundreds of times."""
    return shutil.which("git", path=path)


def run_git(
    cwd: Path,
    *args: str,
    stdin: bytes | None = None,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """``git -C CWD ARGS`` with output captured as bytes; a failing exit status is returned.

    ``env`` adds to (or overrides) the environment hinges runs in.
    """
    executable = _which_git(os.environ.get("PATH"))
    if executable is None:
        raise GitUnavailable("git is not installed or not on PATH")
    try:
        return subprocess.run(
            [executable, "-C", str(cwd), *args],
            input=stdin,
            capture_output=True,
            check=False,
            timeout=timeout,
            env=None if env is None else {**os.environ, **env},
        )
    except subprocess.TimeoutExpired:
        raise GitUnavailable(f"git {args[0]} took longer than {timeout:.0f} s") from None
    except OSError as error:
        raise GitUnavailable(f"cannot run git: {error.strerror or error}") from None


def git_text(output: bytes) -> str:
    """git's output as text (paths and messages are UTF-8 in practice), stripped."""
    return output.decode("utf-8", "replace").strip()
