"""Plain text for people: one line per finding, then a summary line.

Each finding, in the order of the findings (path, line, column, code)::

    decisions/0001-use-postgres.md:3:1: error HG103 unknown key 'ownr' in a decision; ...

that is ``path:line:col: severity CODE message``, where ``path`` is relative to the registry
root with ``/`` separators, ``line`` and ``col`` are 1-based, and ``severity`` is ``error``,
``warning`` or ``info``. The last line always comes, even with no findings::

    3 files checked: no problems
    3 files checked: 1 error, 2 warnings, 0 notes

(``notes`` counts findings of severity ``info``; ``files`` counts the selected record files.)

Paths and messages are shown with :func:`hinges.visible.visible`: a control character, a
bidi override, a line break or a backslash in a file name or a record value appears as an
escape (``\\x1b``, ``\\u202e``, ``\\n``, ``\\\\``), so one finding is always one line and
nothing in a record can move the cursor, retitle the window or reorder the text.

When guards ran, or the code scan (guards and decision ids) skipped files, the line says how
many code files were scanned and how many were skipped::

    3 files checked, 9 code files scanned (2 binary and 1 over max_file_bytes skipped): no problems
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinges.visible import visible

if TYPE_CHECKING:
    from hinges.checker import CheckResult


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _code_part(result: CheckResult) -> str:
    code = result.code
    if code is None or not code.worth_reporting:
        return ""
    part = f", {plural(code.files_read, 'code file')} scanned"
    skipped = []
    if code.skipped_binary:
        skipped.append(f"{code.skipped_binary} binary")
    if code.skipped_large:
        skipped.append(f"{code.skipped_large} over max_file_bytes")
    if skipped:
        part += f" ({' and '.join(skipped)} skipped)"
    return part


def _known_part(result: CheckResult) -> str:
    if not result.known:
        return ""
    each = ", ".join(f"{visible(name)} {count}" for name, count in sorted(result.known.items()))
    total = sum(result.known.values())
    return f"; {plural(total, 'known violation')} in the baseline ({each})"


def summary_line(result: CheckResult) -> str:
    counts = result.summary()
    checked = f"{plural(counts['files'], 'file')} checked{_code_part(result)}"
    if not result.findings:
        return f"{checked}: no problems{_known_part(result)}"
    parts = [
        plural(counts["errors"], "error"),
        plural(counts["warnings"], "warning"),
        plural(counts["infos"], "note"),
    ]
    return f"{checked}: {', '.join(parts)}{_known_part(result)}"


def render(result: CheckResult) -> str:
    lines = [
        f"{visible(f.path)}:{f.line}:{f.column}: {f.severity.value} {f.code} {visible(f.message)}"
        for f in result.findings
    ]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
