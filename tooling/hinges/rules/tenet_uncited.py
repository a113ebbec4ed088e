"""An active tenet that no decision cites.

Tenets earn their place by settling real tensions in real decisions. One that no decision
cites is either new (cite it where it was weighed) or no longer guiding anything (consider
retiring it). This is information, not a failure.

Passing:

    tenets/T-001-reversible-choices.md   status: active
    decisions/0001-use-postgres.md       tenets: [T-001]

Failing:

    tenets/T-001-reversible-choices.md   status: active
    decisions/0001-use-postgres.md       tenets: []
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG602", "tenet-uncited", Severity.INFO)


def check(context: Context) -> Iterator[Finding]:
    cited = {
        tenet_id
        for record in context.registry.decisions
        for tenet_id in record.list_value("tenets")
    }
    for tenet in context.registry.tenets:
        if tenet.status != "active" or tenet.id is None or tenet.id in cited:
            continue
        yield RULE.at(
            tenet,
            "id",
            f"{shorten(tenet.id)} is cited by no decision; cite it in the decisions that weigh it, "
            "or retire it if it no longer guides choices",
        )
