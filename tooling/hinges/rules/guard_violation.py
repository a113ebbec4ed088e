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

A `require` guard asks the opposite: every file its `in` patterns match must contain a
match somewhere (every handler calls `authenticate(`, every source file carries a licence
header). A file without one is reported at its line 1. With `--base`, only the files the
branch adds or changes are judged, on their whole text (an old line that matches still
satisfies the guard).

A `forbid_import` guard (`{from: [MODULES], to: [MODULES]}`) reports each direct import of
a `to` module in Python code of a `from` module, at the import statement, read from
Python's syntax tree; JavaScript, TypeScript and Go imports are read by their syntax, with
path patterns. See the guide on guard rails for module patterns and names.

A `forbid_dependency` guard (a list of package names) reports each declaration of one of
them in a manifest (`pyproject.toml`, `requirements*.txt`, `package.json`, `go.mod`,
`Cargo.toml`), at the manifest's line, names compared as each ecosystem compares them.
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
        guard = active.guard
        if guard.kind == "forbid_dependency":
            message = f"{name} (owner {owner}) forbids depending on {hit.text}: "
        elif guard.kind == "forbid_import":
            message = f"{name} (owner {owner}) forbids importing {hit.text} here: "
        elif guard.kind == "require":
            message = f"{name} (owner {owner}) requires this in every file here, missing: "
        else:
            message = f"{name} (owner {owner}) forbids this here: "
        message += guard.message
        yield RULE.finding(hit.path, hit.line, hit.column, visible(message))
