"""Code mentions a decision that has been superseded.

The code still points readers at a decision that no longer holds. The message names its
successor, and when that one has been superseded in turn, the decision that replaces it
now, so the reference can be updated (or the code changed to follow the new one).

Passing (ADR-0012 is accepted):

    # Prices are cached for 60 seconds (ADR-0012).

Failing (ADR-0002 is superseded by ADR-0012):

    # Prices are cached for 60 seconds (ADR-0002).
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.inforce import current_successors, successors
from hinges.rules._ids_in_code import is_superseded, mentions
from hinges.rules.base import Context, Rule

RULE = Rule("HG1003", "superseded-id-in-code", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    for hit, record in mentions(context):
        if record is None or not is_superseded(record):
            continue
        replaced = successors(record)
        now = current_successors(context.registry, record)
        if replaced and now and now != replaced:
            message = (
                f"{hit.text} is superseded by {', '.join(replaced)}, itself superseded since; "
                f"refer to {', '.join(now)} instead"
            )
        elif replaced:
            message = f"{hit.text} is superseded by {', '.join(replaced)}; refer to that instead"
        else:
            message = f"{hit.text} is superseded; refer to the decision that replaced it"
        yield RULE.finding(hit.path, hit.line, hit.column, message)
