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

After a full check with a baseline of known guard violations (``hinges-baseline.json``),
one line per decision it lists comes just before the summary line: the violations the
baseline still knows, and its entries that no longer occur (fixed; with PATHS, never
counted)::

    baseline ADR-0007 Use PostgreSQL for orders: 30 known violations, 2 fixed
    48 files checked, 912 code files scanned: no problems; 37 known violations in the baseline

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
    if not result.baseline:
        return ""
    total = sum(tally.known for tally in result.baseline)
    return f"; {plural(total, 'known violation')} in the baseline"


def baseline_lines(result: CheckResult) -> list[str]:
    """One line per decision the baseline lists: its known violations and fixed entries."""
    lines = []
    for tally in result.baseline or []:
        name = " ".join(visible(part) for part in (tally.id, tally.title) if part)
        lines.append(
            f"baseline {name}: {plural(tally.known, 'known violation')}, {tally.fixed} fixed"
        )
    return lines


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
    lines += baseline_lines(result)
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
