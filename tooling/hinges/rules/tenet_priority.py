"""Two active tenets share one priority.

Tenets are ordered so that when two conflict, the higher one (the lower number) wins. Two
active tenets with the same priority leave that conflict unsettled. Give each its own
number; retired tenets keep theirs and take no part in the order.

Passing:

    tenets/T-001-reversible-choices.md   status: active   priority: 1
    tenets/T-002-tail-latency.md         status: active   priority: 2

Failing:

    tenets/T-001-reversible-choices.md   status: active   priority: 1
    tenets/T-002-tail-latency.md         status: active   priority: 1
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.records import Record
from hinges.rules.base import Context, Rule

RULE = Rule("HG603", "tenet-priority", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    holders: dict[int, Record] = {}
    active = [tenet for tenet in context.registry.tenets if tenet.status == "active"]
    priorities = [p for tenet in active if isinstance(p := tenet.values.get("priority"), int)]
    next_free = max(priorities, default=0) + 1
    for tenet in active:
        priority = tenet.values.get("priority")
        if not isinstance(priority, int):
            continue
        first = holders.setdefault(priority, tenet)
        if first is tenet:
            continue
        yield RULE.at(
            tenet,
            "priority",
            f"priority {priority} is shared by {first.path} and {tenet.path}; give each "
            f"active tenet its own priority ({next_free} follows the last one in use)",
        )
