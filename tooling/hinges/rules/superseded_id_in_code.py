"""Code mentions a decision that has been superseded.

The code still points readers at a decision that no longer holds. The message names its
successor, so the reference can be updated (or the code changed to follow the new one).

Passing (ADR-0012 is accepted):

    # Prices are cached for 60 seconds (ADR-0012).

Failing (ADR-0002 is superseded by ADR-0012):

    # Prices are cached for 60 seconds (ADR-0002).
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.inforce import successors
from hinges.rules._ids_in_code import is_superseded, mentions
from hinges.rules.base import Context, Rule

RULE = Rule("HG1003", "superseded-id-in-code", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    for hit, record in mentions(context):
        if record is None or not is_superseded(record):
            continue
        replaced = successors(record)
        if replaced:
            message = f"{hit.text} is superseded by {', '.join(replaced)}; refer to that instead"
        else:
            message = f"{hit.text} is superseded; refer to the decision that replaced it"
        yield RULE.finding(hit.path, hit.line, hit.column, message)
