"""A decision cites a tenet that does not exist.

`tenets` lists the ids of the tenets a decision follows, so a reader sees which tensions
were weighed and a change to a tenet shows which decisions to revisit. A citation that
leads nowhere breaks both. The message suggests the tenet with the same number
(`T-001` for `T-1` or `t-001`).

Passing:

    # tenets/T-001-reversible-choices-over-perfect-ones.md exists
    ---
    id: ADR-0007
    tenets: [T-001]
    ---

Failing:

    # there is no tenet T-010
    ---
    id: ADR-0007
    tenets: [T-010]
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._relations import IdIndex, did_you_mean
from hinges.rules.base import Context, Rule
from hinges.source_config import split_qualified
from hinges.visible import shorten

RULE = Rule("HG301", "unknown-tenet", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    registry = context.registry
    tenets = IdIndex(registry.tenets_by_id())
    folder = registry.config.tenets_dir
    for record in registry.decisions:
        for tenet_id in record.list_value("tenets"):
            # A qualified id (org:T-003) is another registry's: unknown-source-id checks it.
            if tenets.get(tenet_id) is not None or split_qualified(tenet_id):
                continue
            hint = did_you_mean(tenets.suggestions(tenet_id))
            yield RULE.at_item(
                record,
                "tenets",
                tenet_id,
                f"tenet {shorten(tenet_id)} does not exist in {folder}/{hint}",
            )
