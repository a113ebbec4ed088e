"""A decision names a successor that is still proposed.

A decision is superseded when its successor is accepted, not when the successor is
first written down: until then the old decision is the one in force. This is a warning,
because the usual fix is simply to accept the successor (or to wait with the
`superseded_by` entry until it is).

Passing:

    # decisions/0003-use-rabbitmq-for-order-events.md
    superseded_by: [ADR-0007]
    # decisions/0007-use-kafka-for-order-events.md
    status: accepted

Failing:

    # decisions/0003-use-rabbitmq-for-order-events.md
    superseded_by: [ADR-0007]
    # decisions/0007-use-kafka-for-order-events.md
    status: proposed
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._relations import successors_with_status
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG307", "successor-proposed", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    for link in successors_with_status(context.registry, "proposed"):
        target_id = link.target_id
        yield RULE.at_item(
            link.source,
            link.key,
            target_id,
            f"successor {shorten(target_id)} is still proposed; this decision stays in force "
            f"until {shorten(target_id)} is accepted",
        )
