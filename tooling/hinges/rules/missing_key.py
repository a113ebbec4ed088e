"""A required front-matter key is missing.

Decisions need `id`, `title`, `status`, `date`, `door` and `owner`; tenets need `id`,
`title`, `status`, `owner` and `priority`. Which other keys a decision needs depends on its
status and door (see the door rules).

A decision written by `hinges import` (it has `imported_from`) gets a warning instead of
an error for a missing `door` or `owner`, which the source format never recorded, until a
person fills them in and removes `imported_from`.

Passing:

    ---
    id: ADR-0001
    title: Use PostgreSQL for orders
    status: proposed
    date: 2026-03-14
    door: one-way
    owner: "@payments"
    ---

Failing:

    ---
    id: ADR-0001
    title: Use PostgreSQL for orders
    status: proposed
    date: 2026-03-14
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._fields import specs_of
from hinges.rules._imported import gentle
from hinges.rules.base import Context, Rule

RULE = Rule("HG101", "missing-key", Severity.ERROR)
# What an imported record may lack, as a warning: the formats hinges imports have no such keys.
_UNKNOWN_TO_IMPORTS = frozenset({"door", "owner"})


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.records():
        for spec in specs_of(record, context):
            if spec.required and spec.name not in record.front.entries:
                finding = RULE.finding(
                    record.path,
                    record.front.line,
                    1,
                    f"missing required key '{spec.name}': {spec.description}",
                )
                is_gap = record.kind == "decision" and spec.name in _UNKNOWN_TO_IMPORTS
                yield gentle(record, finding) if is_gap else finding
