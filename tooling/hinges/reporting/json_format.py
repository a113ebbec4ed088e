"""Machine-readable findings: ``{"version": 1, "findings": [...], "summary": {...}}``.

The shape is versioned: fields are only ever added within a version.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hinges.checker import CheckResult

VERSION = 1


def render(result: CheckResult) -> str:
    document = {
        "version": VERSION,
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
            }
            for f in result.findings
        ],
        "summary": result.summary(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
