"""A supersedes link is written on one side only.

`supersedes` and `superseded_by` say the same thing from the two ends, and both records
must say it: if ADR-0007 lists ADR-0003 in `supersedes`, ADR-0003 lists ADR-0007 in
`superseded_by`, and the other way round. A reader of either record then finds the
other, and the catalog shows the same history from both. The finding is at the entry
that exists and says what to add to the other file. Ids that do not resolve are left to
the unknown-decision rule.

Passing:

    # decisions/0003-use-rabbitmq-for-order-events.md
    superseded_by: [ADR-0007]
    # decisions/0007-use-kafka-for-order-events.md
    supersedes: [ADR-0003]

Failing:

    # decisions/0003-use-rabbitmq-for-order-events.md
    status: accepted
    # decisions/0007-use-kafka-for-order-events.md
    supersedes: [ADR-0003]
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._relations import INVERSE, IdIndex, links
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG305", "one-sided-relation", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    decisions = context.registry.decisions
    index = IdIndex(context.registry.decisions_by_id())
    # Sets of the other side's entries, made only for records that are linked to.
    listed: dict[tuple[str, str], set[str]] = {}
    for link in links(decisions, index):
        inverse = INVERSE[link.key]
        other_side = listed.get((link.target.path, inverse))
        if other_side is None:
            other_side = listed[(link.target.path, inverse)] = set(link.target.list_value(inverse))
        if link.source_id in other_side:
            continue
        yield RULE.at_item(
            link.source,
            link.key,
            link.target_id,
            f"{shorten(link.source_id)} lists {shorten(link.target_id)} in {link.key}, "
            f"but {link.target.path} "
            f"does not list {shorten(link.source_id)} in {inverse}; add it there",
        )
