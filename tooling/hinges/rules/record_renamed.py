"""A record that exists at the base ref was moved to another file name.

A record's file name carries its number and is what links, bookmarks and other records'
bodies point at; renaming it breaks them all. The title in the front matter may change
where the rules allow it, but the file keeps the name it was published under.

Reported with `hinges check --base REF` when a base record file is gone and a record
with the same id appears at a new path, at the old path, line 1. (Renumbering a record
that was added in the same pull request is not a rename: that record is not at the
base.) Without `--base` the rule is silent.

Passing (the base has `decisions/0001-use-postgresql-for-orders.md`):

    decisions/0001-use-postgresql-for-orders.md

Failing (the base has `decisions/0001-use-postgresql-for-orders.md`):

    decisions/0001-use-postgres-everywhere.md     id: ADR-0001
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import compare
from hinges.rules.base import Context, Rule

RULE = Rule("HG903", "record-renamed", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    if context.base is None:
        return
    for path, moved in compare(context.base, context.registry).renamed.items():
        yield RULE.finding(
            path,
            1,
            1,
            f"{moved.id} was renamed to {moved.path}; links to {path} break: "
            f"keep the file name it was published under (git mv {moved.path} {path})",
        )
