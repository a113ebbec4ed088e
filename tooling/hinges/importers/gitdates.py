"""The day each source file was added, from git, for records that carry no readable date.

One ``git log`` over the source folder lists every commit that added or renamed a file in
it, newest first; following renames back, each file gets the author date of the commit
that first added it under any of its names in the folder. A file not committed yet has
no date here (the import then uses today's, and says so). In a shallow clone the history
is cut, so the oldest commits seen may be later than the real ones: the caller is told.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from hinges.git import GitUnavailable, git_text, run_git


@dataclass
class AddedDates:
    dates: dict[str, dt.date] = field(default_factory=dict)
    """Source-relative path (forward slashes) -> the day the file was added."""
    shallow: bool = False


def _parse_log(output: bytes, wanted: set[str]) -> dict[str, dt.date]:
    """Walk ``git log -z --name-status`` output (newest first), following renames back."""
    tokens = output.decode("utf-8", "surrogateescape").split("\0")
    following = {path: path for path in wanted}  # name in history -> path today
    found: dict[str, dt.date] = {}
    day: dt.date | None = None
    index = 0
    while index < len(tokens):
        token = tokens[index].strip("\n")
        index += 1
        if token.startswith("\x01"):
            try:
                day = dt.date.fromisoformat(token[1:])
            except ValueError:
                day = None
        elif token == "A" and index < len(tokens):
            today_path = following.pop(tokens[index], None)
            index += 1
            if today_path is not None and day is not None:
                found[today_path] = day
        elif token.startswith("R") and index + 1 < len(tokens):
            old, new = tokens[index], tokens[index + 1]
            index += 2
            today_path = following.pop(new, None)
            if today_path is not None:
                following[old] = today_path
    return found


def added_dates(source: Path, relpaths: list[str]) -> AddedDates | None:
    """When each of ``relpaths`` (files of ``source``) was added; None outside git."""
    try:
        probe = run_git(
            source, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", timeout=60
        )
        lines = git_text(probe.stdout).splitlines() if probe.returncode == 0 else []
        if not lines or lines[0] != "true":
            return None
        log = run_git(
            source,
            "-c",
            "log.showSignature=false",
            "log",
            "--format=%x01%as",
            "-z",
            "--name-status",
            "--diff-filter=AR",
            "-M",
            "--relative",
            "--",
            ".",
        )
    except GitUnavailable:
        return None
    if log.returncode != 0:  # no commits yet: nothing is dated by git
        return AddedDates(shallow=len(lines) > 1 and lines[1] == "true")
    return AddedDates(_parse_log(log.stdout, set(relpaths)), len(lines) > 1 and lines[1] == "true")
