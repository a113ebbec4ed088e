"""An accepted decision was edited instead of superseded.

Accepted decisions are history: what was decided, and why, must stay readable as it was
when people relied on it. To change a decision, write a new record that supersedes it
(`hinges new TITLE --supersedes ADR-0007`), which also marks the old one `superseded`.

This rule compares each decision that was `accepted`, `deprecated` or `superseded` at the
base ref (`hinges check --base REF`) with the working tree. Only the front-matter keys of
the `mutable_when_accepted` setting may change (by default `status`, `date`,
`superseded_by`, `review_by` and `tags`); any other key that is added, removed or changed
is reported at that key, and a changed body at its first changed line. Changes of
whitespace only (reflowed paragraphs, trailing spaces, blank lines, line endings) and of
YAML quoting or key order are not content changes. On a branch that has not merged its
base yet, only the branch's own changes count: what the base changed since the branch
forked is not reported, and a record the base renamed since is judged at its old path
against its version at the fork. Without `--base` the rule is silent.

Passing (at the base `status: accepted`, `review_by: 2027-01-10`):

    status: accepted
    review_by: 2027-07-10

Failing (at the base `title: Use PostgreSQL for orders`):

    status: accepted
    title: Use MySQL for orders
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import BODY, DECIDED, branch_changes, compare, first_changed_body_line
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG901", "accepted-changed", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    if context.base is None:
        return
    mutable = set(context.registry.config.mutable_when_accepted)
    for pair in compare(context.base, context.registry).kept:
        base, head = pair.base, pair.head
        if base.kind != "decision" or base.status not in DECIDED:
            continue
        name = shorten(base.id or base.path)
        advice = (
            f"{name} was {shorten(base.status)} at the base ref and its content is history: "
            f"restore it and supersede it instead (hinges new TITLE --supersedes {name})"
        )
        for key in branch_changes(pair):
            if key == BODY:
                line = first_changed_body_line(base, head)
                yield RULE.finding(head.path, line, 1, f"the body changed; {advice}")
            elif key not in mutable:
                entry = head.front.entries.get(key)
                what = "was removed" if entry is None else "changed"
                yield RULE.at(head, key, f"'{key}' {what}; {advice}")
