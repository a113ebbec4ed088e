"""Code mentions a decision that was rejected.

A rejected decision is on record so the reasons are not lost, but code that cites it as
its justification is following something the team decided against.

Passing:

    # decisions/0007-use-postgresql.md exists
    # services/orders/store.py
    # Orders stay in PostgreSQL: see ADR-0007.

Failing:

    # decisions/0005-shard-orders-by-customer.md
    status: rejected
    # services/orders/shards.py
    # Orders are sharded by customer (ADR-0005).
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._ids_in_code import mentions
from hinges.rules.base import Context, Rule

RULE = Rule("HG1004", "rejected-id-in-code", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    for hit, record in mentions(context):
        if record is not None and record.status == "rejected":
            message = f"{hit.text} was rejected; the code should not rely on it"
            yield RULE.finding(hit.path, hit.line, hit.column, message)
