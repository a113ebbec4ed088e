"""A superseded decision does not name its successor, or names one without being superseded.

`status: superseded` and a non-empty `superseded_by` go together. A superseded record
that names no successor leaves its reader without the decision that now holds; a record
that names a successor but keeps another status claims to be in force and replaced at
once. Set both when a decision is replaced (`hinges new --supersedes` does it).

Passing:

    ---
    id: ADR-0003
    status: superseded
    superseded_by: [ADR-0007]
    ---

Failing:

    ---
    id: ADR-0003
    status: superseded
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._relations import SUPERSEDED_BY
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG306", "superseded-status", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        status = record.status
        successors = record.list_value(SUPERSEDED_BY)
        if status == "superseded" and not successors:
            yield RULE.at(
                record,
                "status",
                "status is superseded but superseded_by names no successor; "
                "add the id of the decision that replaces this one",
            )
        elif status is not None and status != "superseded" and successors:
            yield RULE.at(
                record,
                "status",
                f"superseded_by names {shorten(', '.join(successors))} "
                f"but status is {shorten(status)}; "
                "set status: superseded (and date to the day it was replaced), "
                "or remove superseded_by",
            )
