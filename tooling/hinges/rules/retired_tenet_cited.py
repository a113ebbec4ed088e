"""A proposed or accepted decision cites a retired tenet.

A retired tenet stays on record, but it no longer guides choices. A decision being made or
in force that cites one was weighed against a principle the group gave up: cite the tenet
that replaced it, or drop the citation. Deprecated, superseded and rejected decisions are
history and may keep citing what held at the time. An organisation's tenet (`org:T-003`)
is judged by the synced copy of its source (`hinges sources sync`).

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
from hinges.records import Record
from hinges.rules._sources import cached_sources
from hinges.rules.base import Context, Rule
from hinges.source_config import split_qualified
from hinges.visible import quoted, shorten

RULE = Rule("HG601", "retired-tenet-cited", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    tenets = context.registry.tenets_by_id()
    for record in context.registry.decisions:
        if record.status not in ("proposed", "accepted"):
            continue
        for tenet_id in record.list_value("tenets"):
            found = _cited(context, tenet_id, tenets)
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


def _cited(context: Context, tenet_id: str, local: dict[str, list[Record]]) -> list[Record]:
    """The tenets ``tenet_id`` names: here, or in a source's synced copy when qualified."""
    parts = split_qualified(tenet_id)
    if parts is None:
        return local.get(tenet_id, [])
    source = cached_sources(context).get(parts[0])
    found = source.find(parts[1], "tenet") if source is not None else None
    return [found] if found is not None else []
