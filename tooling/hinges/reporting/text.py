"""One line per finding, ``path:line:col: severity CODE message``, then a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hinges.checker import CheckResult


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(result: CheckResult) -> str:
    counts = result.summary()
    checked = f"{plural(counts['files'], 'file')} checked"
    if not result.findings:
        return f"{checked}: no problems"
    parts = [
        plural(counts["errors"], "error"),
        plural(counts["warnings"], "warning"),
        plural(counts["infos"], "note"),
    ]
    return f"{checked}: {', '.join(parts)}"


def render(result: CheckResult) -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.message}"
        for f in result.findings
    ]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
