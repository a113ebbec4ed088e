"""A decision's `supersedes` or `superseded_by` names a decision that does not exist.

Both lists hold decision ids, and each must lead to a record in the registry: a reader
follows them to the decision that was replaced or to the one that replaced it. The
message suggests an existing id with the same number (`ADR-42` for `ADR-0042`).

Passing:

    # decisions/0003-use-rabbitmq-for-order-events.md exists
    ---
    id: ADR-0007
    supersedes: [ADR-0003]
    ---

Failing:

    # there is no decision ADR-0030
    ---
    id: ADR-0007
    supersedes: [ADR-0030]
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._relations import IdIndex, did_you_mean, references
from hinges.rules.base import Context, Rule
from hinges.source_config import split_qualified
from hinges.visible import shorten

RULE = Rule("HG302", "unknown-decision", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    registry = context.registry
    decisions = IdIndex(registry.decisions_by_id())
    folder = registry.config.decisions_dir
    for record in registry.decisions:
        for key, target_id in references(record):
            # A qualified id (org:T-003) is another registry's: unknown-source-id checks it.
            if decisions.get(target_id) is not None or split_qualified(target_id):
                continue
            hint = did_you_mean(decisions.suggestions(target_id))
            yield RULE.at_item(
                record,
                key,
                target_id,
                f"{key} names {shorten(target_id)}, which is not a decision in {folder}/{hint}",
            )
