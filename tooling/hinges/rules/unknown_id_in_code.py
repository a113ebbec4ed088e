"""Code mentions a decision id that does not exist.

A comment such as `# see ADR-0007` is a promise that the reader can look the decision up.
Every mention of an id (the configured prefix, a dash and four or more digits, as a whole
word) in the files the scanner reads must name a decision of the registry. Record folders
are never scanned; add folders that quote ids on purpose (fixtures, other registries,
vendored code) to `scan_exclude`. With `hinges check --base REF` only mentions on the lines
the branch adds are reported.

Passing:

    # decisions/0007-use-postgresql.md exists
    # services/orders/store.py
    # Orders stay in PostgreSQL: see ADR-0007.

Failing:

    # decisions/0007-use-postgresql.md exists
    # services/orders/store.py
    # Orders stay in PostgreSQL: see ADR-0070.
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._ids_in_code import mentions
from hinges.rules.base import Context, Rule

RULE = Rule("HG1002", "unknown-id-in-code", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    folder = context.registry.config.decisions_dir
    for hit, record in mentions(context):
        if record is None:
            message = f"{hit.text} is not a decision in {folder}/; correct or remove the reference"
            yield RULE.finding(hit.path, hit.line, hit.column, message)
