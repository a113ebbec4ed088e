"""An accepted decision has an `exit_path`.

The exit path says how we would back out if the decision proves wrong, and what that would
cost. Writing it down pushes designs toward reversibility, and for a one-way door it is an
honest statement of the price. A proposed decision without one gets a reminder instead
(see `acceptance-readiness`).

A decision written by `hinges import` (it has `imported_from`) gets a warning instead of
an error: the source never recorded an exit path, and a person has to write one and then
remove `imported_from`.

Passing:

    ---
    id: ADR-0004
    title: Use Redis for session storage
    status: accepted
    date: 2026-02-02
    door: two-way
    owner: "@identity"
    exit_path: Sessions expire within a day; switching stores loses at most one login each.
    ---

Failing:

    ---
    id: ADR-0004
    title: Use Redis for session storage
    status: accepted
    date: 2026-02-02
    door: two-way
    owner: "@identity"
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._imported import gentle
from hinges.rules.base import Context, Rule

RULE = Rule("HG401", "exit-path-required", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        if record.status != "accepted" or record.has("exit_path"):
            continue
        # A blank exit_path is reported at itself; a missing one at the status that needs it.
        key = "exit_path" if "exit_path" in record.front.entries else "status"
        finding = RULE.at(
            record,
            key,
            "an accepted decision needs an exit_path: how we would back out if it proves "
            "wrong, and what that would cost",
        )
        yield gentle(record, finding)
