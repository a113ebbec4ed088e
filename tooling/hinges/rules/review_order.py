"""A review is dated in the future, or before the review written above it.

`reviews` is a history, oldest first, and each entry says when the review happened. A date
after today is a typo or a plan (the plan belongs in `review_by`); a date earlier than the
entry above it means an entry was inserted or a date mistyped, and the latest outcome
shown on the site would be the wrong one.

Passing (checked on 2026-11-26):

    ---
    reviews:
      - date: 2026-03-01
        outcome: revised
        note: Moved the cache behind an interface.
      - date: 2026-09-01
        outcome: kept
        note: Still the right call.
    ---

Failing (checked on 2026-11-26):

    ---
    reviews:
      - date: 2026-09-01
        outcome: kept
        note: Still the right call.
      - date: 2026-03-01
        outcome: revised
        note: Moved the cache behind an interface.
      - date: 2027-01-15
        outcome: kept
        note: Planned.
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.field_values import parse_date
from hinges.findings import Finding, Severity
from hinges.rules.base import Context, Rule
from hinges.schema import REVIEWS_FIELD
from hinges.yamltree import Mapping, Scalar, Sequence

RULE = Rule("HG503", "review-order", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        entry = record.front.entries.get(REVIEWS_FIELD.name)
        if entry is None or not isinstance(entry[1], Sequence):
            continue
        previous = None
        for number, item in enumerate(entry[1].items, start=1):
            dated = item.entries.get("date") if isinstance(item, Mapping) else None
            node = dated[1] if dated is not None else None
            date = parse_date(node.text.strip()) if isinstance(node, Scalar) else None
            if node is None or date is None:
                continue  # review-entry reports it
            if date > context.today:
                yield RULE.finding(
                    record.path,
                    node.line,
                    node.column,
                    f"review {number} is dated {date}, after today ({context.today}); "
                    "record a review when it has happened, and plan the next in review_by",
                )
            elif previous is not None and date < previous:
                yield RULE.finding(
                    record.path,
                    node.line,
                    node.column,
                    f"review {number} is dated {date}, before the review above it "
                    f"({previous}); reviews are listed oldest first",
                )
            previous = date if previous is None else max(previous, date)
