"""A decision enters the registry already accepted, without having been proposed.

Proposing first gives the people affected a chance to weigh in before the decision binds
them; accepting in the same pull request that adds the record skips that step. This
matters most for one-way doors, which are named in the message. Teams that review a
decision in the pull request that adds it can set this rule to `off` or `info`; teams
that want a proposal on main before any acceptance can make it an `error`
(`severity = { accepted-on-arrival = "error" }`).

Reported with `hinges check --base REF` at the `status` of each added decision whose
status is `accepted`. Without `--base` the rule is silent.

Passing (added in this pull request):

    status: proposed

Failing (added in this pull request):

    status: accepted
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import compare
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG906", "accepted-on-arrival", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    if context.base is None:
        return
    for record in compare(context.base, context.registry).added:
        if record.kind != "decision" or record.status != "accepted":
            continue
        door = "a one-way door " if record.str_value("door") == "one-way" else ""
        yield RULE.at(
            record,
            "status",
            f"{shorten(record.id or record.path)} is {door}added as accepted without having been "
            "proposed on the base branch; add it as proposed and accept it in a later change",
        )
