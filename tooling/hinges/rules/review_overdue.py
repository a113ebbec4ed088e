"""An accepted decision is past its `review_by` date.

A review date that passes silently is worse than none. On or after the date, the decision
is reported with how overdue it is. Review it and record the outcome with
`hinges review ID --outcome kept|doubled-down|revised|reversed --note TEXT`, which also
moves `review_by` on; or supersede it with a new decision.

Passing (checked on 2026-11-26):

    ---
    id: ADR-0003
    title: Use GitHub Actions for CI
    status: accepted
    review_by: 2027-05-01
    ---

Failing (checked on 2026-11-26):

    ---
    id: ADR-0003
    title: Use GitHub Actions for CI
    status: accepted
    review_by: 2026-05-01
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules.base import Context, Rule

RULE = Rule("HG501", "review-overdue", Severity.WARNING)

_WHAT_TO_DO = (
    "review it and record what you found (hinges review ID --outcome ... --note ...), "
    "or supersede it with a new decision"
)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        due = record.date_value("review_by")
        if record.status != "accepted" or due is None or due > context.today:
            continue
        days = (context.today - due).days
        if days == 0:
            when = "review is due today"
        else:
            when = f"review was due on {due.isoformat()}, {days} day{'s' if days > 1 else ''} ago"
        yield RULE.at(record, "review_by", f"{when}; {_WHAT_TO_DO}")
