"""Findings: what a check reports, as plain values with real locations."""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))}


def visible(text: str) -> str:
    """``text`` with control characters shown as ``\\xNN``.

    For record text (a YAML escape can hold ESC or CR) printed to terminals and CI logs.
    """
    return text.translate(_CONTROLS)


class Severity(enum.Enum):
    """How much a finding matters. ``ERROR`` fails a run, ``WARNING`` fails it under --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one place.

    ``path`` is relative to the registry root with forward slashes; ``line`` and ``column``
    are 1-based (a problem with a whole file points at 1:1). The message says what is wrong
    and, where a fix is known, what to do.
    """

    code: str
    severity: Severity
    path: str
    line: int
    column: int
    message: str

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)
