"""A front-matter key is not part of the format.

A misspelt key is otherwise silently ignored, and the field it was meant to set stays
empty. The message suggests the closest known key.

Passing:

    ---
    owner: "@payments"
    ---

Failing:

    ---
    ownr: "@payments"
    ---
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._fields import specs_of
from hinges.rules.base import Context, Rule
from hinges.visible import quoted

RULE = Rule("HG103", "unknown-key", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.records():
        known = [spec.name for spec in specs_of(record, context)]
        for name, (key, _value) in record.front.entries.items():
            if name in known:
                continue
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(known)}"
            yield RULE.finding(
                record.path,
                key.line,
                key.column,
                f"unknown key {quoted(name)} in a {record.kind}{hint}",
            )
