"""Records written by ``hinges import``, which some rules judge more gently (not a rule).

An imported record carries ``imported_from`` until a person has filled in what the source
never said (door, owner, exit path, the required body sections). Until then the rules that
ask for those report a warning instead of an error, with a suffix saying how to finish.
"""

from __future__ import annotations

from hinges.findings import Finding, Severity
from hinges.records import Record

IMPORTED_KEY = "imported_from"
SUFFIX = f" (imported record: fill in and remove {IMPORTED_KEY})"


def is_imported(record: Record) -> bool:
    return IMPORTED_KEY in record.front.entries


def gentle(record: Record, finding: Finding) -> Finding:
    """``finding`` as a warning with the suffix if ``record`` is imported, else unchanged."""
    if not is_imported(record):
        return finding
    downgraded = finding.with_severity(Severity.WARNING)
    return Finding(
        downgraded.code,
        downgraded.severity,
        downgraded.path,
        downgraded.line,
        downgraded.column,
        downgraded.message + SUFFIX,
    )
