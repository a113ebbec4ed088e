"""A proposed or accepted decision cites a retired tenet.

A retired tenet stays on record, but it no longer guides choices. A decision being made or
in force that cites one was weighed against a principle the group gave up: cite the tenet
that replaced it, or drop the citation. Deprecated, superseded and rejected decisions are
history and may keep citing what held at the time.

Passing:

    # tenets/T-002-predictable-latency.md
    status: active
    # decisions/0005-cache-product-pages-at-the-edge.md
    status: accepted
    tenets: [T-002]

Failing:

    # tenets/T-004-build-everything-in-house.md
    status: retired
    # decisions/0005-cache-product-pages-at-the-edge.md
    status: accepted
    tenets: [T-004]
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules.base import Context, Rule
from hinges.visible import quoted, shorten

RULE = Rule("HG601", "retired-tenet-cited", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    tenets = context.registry.tenets_by_id()
    for record in context.registry.decisions:
        if record.status not in ("proposed", "accepted"):
            continue
        for tenet_id in record.list_value("tenets"):
            found = tenets.get(tenet_id, [])
            if not found or any(tenet.status != "retired" for tenet in found):
                continue
            title = found[0].title or tenet_id
            yield RULE.at_item(
                record,
                "tenets",
                tenet_id,
                f"cites {shorten(tenet_id)} {quoted(title)}, which is retired; "
                "cite the tenet that guides this choice now, or remove the citation",
            )
