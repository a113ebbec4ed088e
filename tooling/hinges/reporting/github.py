"""GitHub Actions workflow commands: one annotation per finding, on the offending line.

Paths are made relative to ``GITHUB_WORKSPACE`` (the checkout) so annotations land on the
right file even when the registry lives in a subfolder.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from hinges.findings import Severity
from hinges.reporting.text import summary_line

if TYPE_CHECKING:
    from hinges.checker import CheckResult

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult) -> str:
    workspace = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    lines = []
    for f in result.findings:
        path = os.path.relpath(result.root / f.path, workspace).replace(os.sep, "/")
        properties = ",".join(
            (
                f"file={_escape_property(path)}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={_escape_property(f.code)}",
            )
        )
        lines.append(f"::{_COMMAND[f.severity]} {properties}::{_escape_data(f.message)}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
