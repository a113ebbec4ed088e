"""A review recorded at the base ref was changed or removed.

`reviews` is history, like the decision itself: what a review found, on which day, stays
as it was written, so the outcomes (how often two-way doors were reversed cheaply, which
one-way doors were regretted) can be trusted. A branch may append reviews; it may not edit
or drop the ones the base already has. To correct a review, append a new one that says
so. Whitespace and quoting changes do not count. Without `--base` the rule is silent.

Passing (at the base `reviews: [{date: 2026-03-01, outcome: kept, note: Still fits.}]`):

    reviews:
      - date: 2026-03-01
        outcome: kept
        note: Still fits.
      - date: 2026-09-01
        outcome: revised
        note: Narrowed to the order service.

Failing (at the base `reviews: [{date: 2026-03-01, outcome: kept, note: Still fits.}]`):

    reviews:
      - date: 2026-03-01
        outcome: doubled-down
        note: Still fits.
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import compare, plain
from hinges.reviews import FIELD
from hinges.rules.base import Context, Rule
from hinges.yamltree import Node, Sequence

RULE = Rule("HG907", "review-rewritten", Severity.ERROR)


def _items(node: Node | None) -> list[Node]:
    return list(node.items) if isinstance(node, Sequence) else []


def check(context: Context) -> Iterator[Finding]:
    if context.base is None:
        return
    for pair in compare(context.base, context.registry).kept:
        if pair.base.kind != "decision":
            continue
        before_entry = pair.base.front.entries.get(FIELD)
        before = _items(before_entry[1] if before_entry else None)
        if not before:
            continue
        after_entry = pair.head.front.entries.get(FIELD)
        after = _items(after_entry[1] if after_entry else None)
        for number, old in enumerate(before, start=1):
            new = after[number - 1] if number <= len(after) else None
            if new is not None and plain(new) == plain(old):
                continue
            if pair.fork is not None:  # judge only the branch's own edits
                forked = pair.fork.front.entries.get(FIELD)
                at_fork = _items(forked[1] if forked else None)
                if number > len(at_fork) or (
                    new is not None and plain(new) == plain(at_fork[number - 1])
                ):
                    continue
            what = "was removed" if new is None else "changed"
            advice = "recorded reviews are history; restore it and append a new review instead"
            if new is None:
                yield RULE.at(pair.head, FIELD, f"review {number} {what}; {advice}")
            else:
                yield RULE.finding(
                    pair.head.path, new.line, new.column, f"review {number} {what}; {advice}"
                )
