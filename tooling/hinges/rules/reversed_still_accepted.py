"""The latest review reversed the decision, but it is still accepted.

Reversing is a review's verdict, not yet the change: readers and agents still see the
decision as in force until it is superseded by what replaces it, or deprecated when
nothing does. The warning stays until one of the two happens.

Passing:

    ---
    status: superseded
    superseded_by: [ADR-0009]
    reviews:
      - date: 2026-09-01
        outcome: reversed
        note: Sessions move to signed cookies; see ADR-0009.
    ---

Failing:

    ---
    status: accepted
    reviews:
      - date: 2026-09-01
        outcome: reversed
        note: Sessions move to signed cookies.
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.reviews import FIELD, last_review
from hinges.rules.base import Context, Rule

RULE = Rule("HG504", "reversed-still-accepted", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        if record.status != "accepted":
            continue
        latest = last_review(record)
        if latest is None or latest.outcome != "reversed":
            continue
        rid = record.id or record.path
        yield RULE.at(
            record,
            FIELD,
            f"reversed on review on {latest.date} but still accepted; supersede it "
            f"(hinges new TITLE --supersedes {rid}) or deprecate it "
            f"(hinges status {rid} deprecated)",
        )
