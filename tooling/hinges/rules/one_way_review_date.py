"""An accepted one-way door has a `review_by` date.

A decision that is hard to reverse deserves a date to look at it again: to double down if
it worked, or to plan the costly exit early if it did not. Any accepted decision may have
one; a one-way door must.

Passing:

    ---
    id: ADR-0007
    title: Publish the orders API as protobuf over gRPC
    status: accepted
    door: one-way
    review_by: 2027-03-01
    ---

Failing:

    ---
    id: ADR-0007
    title: Publish the orders API as protobuf over gRPC
    status: accepted
    door: one-way
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._doors import is_one_way
from hinges.rules.base import Context, Rule

RULE = Rule("HG403", "one-way-review-date", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        if record.status != "accepted" or not is_one_way(record) or record.has("review_by"):
            continue
        yield RULE.at(
            record,
            "door",
            "an accepted one-way door needs a review_by date (YYYY-MM-DD) to look at it again",
        )
