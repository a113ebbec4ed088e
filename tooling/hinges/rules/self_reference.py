"""A decision lists itself in `supersedes` or `superseded_by`.

A decision cannot replace itself; the id is usually a copy-and-paste slip for the id of
the decision it replaces or the one that replaces it.

Passing:

    ---
    id: ADR-0007
    supersedes: [ADR-0003]
    ---

Failing:

    ---
    id: ADR-0007
    supersedes: [ADR-0007]
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._relations import references
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG303", "self-reference", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        own = record.id
        if own is None:
            continue
        for key, target_id in references(record):
            if target_id == own:
                yield RULE.at_item(
                    record,
                    key,
                    target_id,
                    f"{shorten(own)} lists itself in {key}; name the decision it "
                    + ("replaces" if key == "supersedes" else "is replaced by"),
                )
