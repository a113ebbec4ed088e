"""A record that exists at the base ref was moved to another file name.

A record's file name carries its number and is what links, bookmarks and other records'
bodies point at; renaming it breaks them all. The title in the front matter may change
where the rules allow it, but the file keeps the name it was published under.

Reported with `hinges check --base REF` at the old path, line 1, when a base record file
that the branch had is gone and a record the branch added is the same record: it shares
the id, the number or the body, its title is at least 70% alike (by character) and its
body at least 60% alike (by word, headings aside), so a lightly edited title is still the
same record. A record that merely shares a base record's number or id, with another title
and body, is not a rename but a collision (`base-collision`). The advice is a `git mv`
back to the old name, and never a move onto a file that exists; when the id changed too,
it says to restore the id. Renumbering a record that was added in the same pull request
is not a rename: that record is not at the base. Without `--base` the rule is silent.

Passing (the base has `decisions/0001-use-postgresql-for-orders.md`):

    decisions/0001-use-postgresql-for-orders.md

Failing (the base has `decisions/0001-use-postgresql-for-orders.md`):

    git mv decisions/0001-use-postgresql-for-orders.md decisions/0001-use-postgresql.md
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import compare
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG903", "record-renamed", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    if context.base is None:
        return
    root = context.registry.root
    comparison = compare(context.base, context.registry)
    for path, moved in comparison.renamed.items():
        old = comparison.base_records[path]
        name = shorten(old.id or moved.id or path)
        kept = "file name"
        if old.id is not None and moved.id != old.id:
            kept = f"file name and id ({shorten(old.id)})"
        advice = f"keep the {kept} it was published under"
        if not (root / path).exists() and not (root / path).is_symlink():
            # Never advise a move onto a file that exists: it would be overwritten.
            advice += f" (git mv {moved.path} {path})"
        yield RULE.finding(
            path, 1, 1, f"{name} was renamed to {moved.path}; links to {path} break: {advice}"
        )
