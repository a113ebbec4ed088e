"""A qualified id names a record its source does not have.

`org:T-003` in `tenets` must be a tenet of the source `org`, and `payments:PAY-0007` in
`supersedes` or `superseded_by` a decision of `payments`, as the last `hinges sources
sync` fetched them into `.hinges/sources/`. The message suggests the record with the same
number. A source that was never synced is not judged here (stale-source says to sync).

Passing (source `org` synced, holding T-003):

    id: ADR-0007
    tenets: [T-001, org:T-003]

Failing (source `org` synced, holding T-003):

    # org has no tenet T-004
    id: ADR-0007
    tenets: [org:T-004]
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._relations import IdIndex, did_you_mean
from hinges.rules._sources import cached_sources, qualified_references
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG1102", "unknown-source-id", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    indexes: dict[tuple[str, str], IdIndex] = {}
    for ref in qualified_references(context):
        found = cached_sources(context).get(ref.source)
        if found is None or found.registry is None:
            continue  # unknown-source or stale-source reports it
        if found.find(ref.local_id, ref.kind) is not None:
            continue
        index = indexes.get((ref.source, ref.kind))
        if index is None:
            by_id = (
                found.registry.tenets_by_id()
                if ref.kind == "tenet"
                else found.registry.decisions_by_id()
            )
            index = indexes[(ref.source, ref.kind)] = IdIndex(by_id)
        hint = did_you_mean([f"{ref.source}:{s}" for s in index.suggestions(ref.local_id)])
        commit = found.state.commit[:12] if found.state else "?"
        yield RULE.at_item(
            ref.record,
            ref.key,
            ref.value,
            f"{ref.key} names {shorten(ref.value)}, but source '{ref.source}' has no "
            f"{ref.kind} {shorten(ref.local_id)} (synced copy at {commit}){hint}",
        )
