"""Code mentions a decision that has been superseded.

The code still points readers at a decision that no longer holds. The message names its
successor, and when that one has been superseded in turn, the decision that replaces it
now, so the reference can be updated (or the code changed to follow the new one).

Passing:

    # decisions/0012-cache-prices-for-a-minute.md exists
    # services/prices/cache.py
    # Prices are cached for 60 seconds (ADR-0012).

Failing:

    # decisions/0002-cache-prices-for-an-hour.md
    status: superseded
    superseded_by: ADR-0012
    # decisions/0012-cache-prices-for-a-minute.md
    supersedes: [ADR-0002]
    # services/prices/cache.py
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
