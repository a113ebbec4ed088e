"""A known key has a value of the wrong type, outside its allowed values, or malformed.

Each field has a declared type (text, ISO date, whole number, or list of text), and some
have allowed values (`status`, `door`) or a form (`id`, handles, tenet ids, dates).
Impossible dates such as `2026-13-45` are reported here rather than crashing the run, and
an owner that looks like a URL is refused: an owner is a handle. A `summary` longer than
200 characters is refused too: it is one line of the digest agents read.

Passing:

    ---
    status: accepted
    door: one-way
    date: 2026-03-14
    owner: "@payments/platform"
    ---

Failing:

    ---
    status: Accepted
    door: yes
    date: 2026-13-45
    owner: https://example.com/team
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._fields import checked_fields
from hinges.rules.base import Context, Rule

RULE = Rule("HG102", "invalid-value", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    for record, spec, _node, problem in checked_fields(context):
        if problem is not None:
            where, message = problem
            yield RULE.finding(record.path, where.line, where.column, f"'{spec.name}' {message}")
