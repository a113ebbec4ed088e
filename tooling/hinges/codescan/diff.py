"""The lines a branch adds: ``git diff`` of the working tree against where it forked.

``hinges check --base REF`` reports guard violations and id mentions only on these lines,
so a team can adopt a guard on a codebase that still has old violations. The comparison is
with the merge-base of ``REF`` and ``HEAD`` (what the branch itself changed, not what the
base changed since), and with the working tree, so uncommitted edits count too, as they do
for the records. Renamed files count only for the lines they change; deleted files and
binary files have no added lines; a file that only loses lines is listed with none.
"""

from __future__ import annotations

import re
from pathlib import Path

from hinges.errors import HingesError
from hinges.gate.gitbase import diff_start
from hinges.git import git_text, run_git

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {b"n": 10, b"t": 9, b'"': 34, b"\\": 92, b"a": 7, b"b": 8, b"f": 12, b"r": 13, b"v": 11}


def _unquote(raw: bytes) -> bytes:
    """A path as git prints it: C-quoted (``"a\\tb"``, octal escapes) when unusual."""
    if not (raw.startswith(b'"') and raw.endswith(b'"')):
        return raw
    out = bytearray()
    body, index = raw[1:-1], 0
    while index < len(body):
        char = body[index : index + 1]
        if char == b"\\" and index + 1 < len(body):
            following = body[index + 1 : index + 2]
            if following.isdigit():
                out.append(int(body[index + 1 : index + 4], 8))
                index += 4
                continue
            out.append(_ESCAPES.get(following, following[0]))
            index += 2
            continue
        out += char
        index += 1
    return bytes(out)


def parse_added_lines(diff: bytes) -> dict[str, set[int]]:
    """File -> numbers of added lines, from ``git diff -U0`` output (``b/`` prefixes);
    every file the diff changes is a key, even when it only loses lines."""
    added: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.split(b"\n"):
        if line.startswith(b"+++ "):
            target = _unquote(line[4:].rstrip(b"\t"))
            if target == b"/dev/null":
                current = None
                continue
            path = target[2:] if target.startswith(b"b/") else target
            current = added.setdefault(path.decode("utf-8", "surrogateescape"), set())
        elif line.startswith(b"@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match[1]), int(match[2] if match[2] is not None else 1)
                current.update(range(start, start + count))
    # A file the branch only removes lines from stays, with no added lines: a ``require``
    # guard must still judge it (the removed line may have been the required call).
    return added


def added_lines(root: Path, ref: str) -> dict[str, set[int]]:
    """Files under ``root`` (relative to it) -> lines added since the branch forked from ``ref``."""
    since = diff_start(root, ref)
    done = run_git(
        root,
        "-c",
        "core.quotePath=false",
        "diff",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--find-renames",
        "--diff-filter=ACMRT",
        "--relative",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        since,
        "--",
    )
    if done.returncode != 0:
        raise HingesError(f"git diff failed against {ref}: {git_text(done.stderr)}")
    return parse_added_lines(done.stdout)
