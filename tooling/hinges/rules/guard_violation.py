"""A line of code does what an accepted decision forbids there.

A guard turns a decision's "we do not do X here" into a check on the code: each guard of a
decision in force (accepted, not superseded) is searched for in the files its `in`
patterns match, and every matching line is reported at that file and line, with the
decision, its owner and the guard's message. With `hinges check --base REF` only the lines
the branch adds are reported, so a guard can be adopted on a codebase that still has old
violations; a full `hinges check` lists them all. Files in `scan_exclude`, binary files and
files larger than `max_file_bytes` are not read (the summary line counts the skipped ones).

Passing:

    # decisions/0007-use-postgresql.md
    guards:
      - forbid: "^import mysql"
        in: ["services/orders/**/*.py"]
        message: "Orders live in PostgreSQL; no MySQL clients here."
    # services/orders/store.py
    import psycopg

Failing:

    # decisions/0007-use-postgresql.md
    guards:
      - forbid: "^import mysql"
        in: ["services/orders/**/*.py"]
        message: "Orders live in PostgreSQL; no MySQL clients here."
    # services/orders/store.py
    import mysql.connector
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity, visible
from hinges.rules._code import code_scan
from hinges.rules.base import Context, Rule

RULE = Rule("HG1001", "guard-violation", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    scan = code_scan(context)
    if scan is None:
        return
    for hit in scan.scan.hits:
        active = scan.guards[hit.index]
        decision = active.decision
        owner = decision.str_value("owner") or "no owner"
        name = decision.id or decision.path
        message = f"{name} (owner {owner}) forbids this here: {active.guard.message}"
        yield RULE.finding(hit.path, hit.line, hit.column, visible(message))
