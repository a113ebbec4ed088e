"""A decision names a rejected decision as its successor.

A rejected decision was never in force, so it cannot replace anything. Successors that
are accepted are fine, and so are deprecated or superseded ones: a chain of
replacements keeps every link. (A successor that is still proposed is a warning of its
own.)

Passing:

    # decisions/0003-use-rabbitmq-for-order-events.md
    superseded_by: [ADR-0007]
    # decisions/0007-use-kafka-for-order-events.md
    status: accepted

Failing:

    # decisions/0003-use-rabbitmq-for-order-events.md
    superseded_by: [ADR-0007]
    # decisions/0007-use-kafka-for-order-events.md
    status: rejected
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._relations import successors_with_status
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG308", "successor-not-accepted", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    for link in successors_with_status(context.registry, "rejected"):
        target_id = link.target_id
        yield RULE.at_item(
            link.source,
            link.key,
            target_id,
            f"successor {shorten(target_id)} was rejected, and a rejected decision cannot "
            "supersede anything; remove it from superseded_by and name the decision "
            "that did replace this one (or restore this decision's status)",
        )
