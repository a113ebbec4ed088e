"""Decisions supersede each other in a circle.

Supersession runs one way: the newer decision replaces the older. If ADR-0001 supersedes
ADR-0002, which supersedes ADR-0003, which supersedes ADR-0001, no decision in the circle
is the current one. Links are read from both sides (`A.supersedes: [B]` and
`B.superseded_by: [A]` are the same link). Each tangle of decisions is reported once, at
the decision with the smallest id, with one cycle through it listed in order. The check
walks the graph iteratively, in time linear in the number of links, so chains of any
length are fine. A decision that lists itself is left to the self-reference rule.

Passing:

    # decisions/0001-use-rabbitmq-for-events.md
    status: superseded
    # decisions/0002-use-kafka-for-events.md
    supersedes: [ADR-0001]

Failing:

    # decisions/0001-use-rabbitmq-for-events.md
    supersedes: [ADR-0003]
    # decisions/0002-use-kafka-for-events.md
    supersedes: [ADR-0001]
    # decisions/0003-use-nats-for-events.md
    supersedes: [ADR-0002]
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.records import Record
from hinges.rules._relations import (
    SUPERSEDED_BY,
    SUPERSEDES,
    IdIndex,
    supersede_cycles,
    supersede_edges,
)
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG304", "supersede-cycle", Severity.ERROR)


def _where(record: Record, successor_in_cycle: str, predecessor_in_cycle: str) -> tuple[int, int]:
    """The list item that makes the first link of the cycle, as written in ``record``."""
    if successor_in_cycle in record.list_value(SUPERSEDES):
        return record.where_item(SUPERSEDES, successor_in_cycle)
    if predecessor_in_cycle in record.list_value(SUPERSEDED_BY):
        return record.where_item(SUPERSEDED_BY, predecessor_in_cycle)
    return record.where("id")


def check(context: Context) -> Iterator[Finding]:
    decisions = context.registry.decisions
    index = IdIndex(context.registry.decisions_by_id())
    for cycle in supersede_cycles(supersede_edges(decisions, index)):
        record = index.records[cycle[0]]  # cycles are built from resolved ids only
        line, column = _where(record, cycle[1], cycle[-1])
        chain = " -> ".join(shorten(rid) for rid in [*cycle, cycle[0]])
        yield RULE.finding(
            record.path,
            line,
            column,
            f"supersedes links form a cycle: {chain} (each supersedes the next); "
            "a decision cannot replace itself, so remove one of these links",
        )
