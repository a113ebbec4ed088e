"""Two records of the same kind have the same id.

An id must lead to exactly one record: references in `tenets`, `supersedes` and
`superseded_by`, the catalog's links and `hinges show` all look records up by id. Each
record with a shared id is reported, naming the other files. Records that also share a
file *number* (two branches added a record at once) are left to the duplicate-number
rule, whose fix, renumbering, also gives them different ids.

Passing:

    # decisions/0041-use-kafka-for-order-events.md
    id: ADR-0041
    # decisions/0042-keep-order-history-for-seven-years.md
    id: ADR-0042

Failing:

    # decisions/0041-use-kafka-for-order-events.md
    id: ADR-0042
    # decisions/0042-keep-order-history-for-seven-years.md
    id: ADR-0042
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.records import Record
from hinges.rules._naming import numbered_name
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG203", "duplicate-id", Severity.ERROR)


def _number(record: Record) -> int | None:
    numbered = numbered_name(record.kind, record.path)
    return numbered.number if numbered is not None else None


def _check_group(records: list[Record]) -> Iterator[Finding]:
    for record in records:
        number = _number(record)
        others = [
            other.path
            for other in records
            if other is not record and (number is None or _number(other) != number)
        ]
        if others:
            yield RULE.at(
                record,
                "id",
                f"id {shorten(record.id or '')} is also used by {', '.join(sorted(others))}",
            )


def check(context: Context) -> Iterator[Finding]:
    registry = context.registry
    for index in (registry.decisions_by_id(), registry.tenets_by_id()):
        for records in index.values():
            if len(records) > 1:
                yield from _check_group(records)
