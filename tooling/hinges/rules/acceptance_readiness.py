"""A proposed decision lacks what acceptance will require.

The door rules apply when a decision is accepted; this rule says so while it is still a
proposal, in one warning listing every gap: an `exit_path`, for a one-way door enough
deciders, a `review_by` date and at least two options weighed in the body, and the
author's own text in place of any text left from a template (`template-text`).

Passing:

    ---
    id: ADR-0009
    title: Adopt Kafka for order events
    status: proposed
    door: two-way
    owner: "@payments"
    exit_path: Producers write through one adapter; replacing Kafka touches that adapter.
    ---

Failing:

    ---
    id: ADR-0009
    title: Adopt Kafka for order events
    status: proposed
    door: one-way
    owner: "@payments"
    deciders: ["@alice"]
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._doors import acceptance_gaps
from hinges.rules._template_files import template_text
from hinges.rules.base import Context, Rule

RULE = Rule("HG405", "acceptance-readiness", Severity.WARNING)


def check(context: Context) -> Iterator[Finding]:
    template = template_text(context.registry)
    for record in context.registry.decisions:
        if record.status != "proposed":
            continue
        gaps = acceptance_gaps(record, context.registry.config, template)
        if gaps:
            yield RULE.at(
                record, "status", f"before this can be accepted it needs: {', '.join(gaps)}"
            )
