"""A status changed in a way the lifecycle does not allow.

A decision goes `proposed` -> `accepted` or `rejected`, and `accepted` -> `deprecated` or
`superseded`; a tenet goes `active` -> `retired`. Nothing comes back: a rejected or
superseded decision is history, and a new record is the way to revisit it. Compared with
the status at the base ref (`hinges check --base REF`), one step per pull request is
enough for every real change; skipping `accepted` (proposed -> superseded) or reviving a
record (superseded -> accepted) is reported at the new `status`. On a branch behind its
base, a status the base changed since the fork and the branch left alone is not the
branch's change. Without `--base` the rule is silent.

Passing (at the base `status: proposed`):

    status: accepted

Failing (at the base `status: superseded`):

    status: accepted
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import TRANSITIONS, compare
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG905", "status-transition", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    if context.base is None:
        return
    for pair in compare(context.base, context.registry).kept:
        old, new = pair.base.status, pair.head.status
        if old is None or new is None or old == new:
            continue
        if pair.fork is not None and pair.fork.status == new:
            continue  # the base changed the status since the fork; the branch did not
        allowed = TRANSITIONS[pair.head.kind].get(old, ())
        if new in allowed:
            continue
        if allowed:
            advice = (
                f"from {shorten(old)} a {pair.head.kind} may only become {' or '.join(allowed)}"
            )
        else:
            advice = (
                f"a {shorten(old)} {pair.head.kind} keeps its status; write a new record instead"
            )
        yield RULE.at(
            pair.head, "status", f"status changed from {shorten(old)} to {shorten(new)}; {advice}"
        )
