"""An accepted one-way door names enough deciders.

A one-way door is costly or impossible to reverse, so it is not decided alone: an accepted
one-way door lists at least `one_way_min_deciders` (default 2) handles in `deciders`. The
owner stays the one accountable team; deciders are who took part.

Passing:

    ---
    id: ADR-0007
    title: Publish the orders API as protobuf over gRPC
    status: accepted
    door: one-way
    owner: "@payments"
    deciders: ["@alice", "@api-guild"]
    ---

Failing:

    ---
    id: ADR-0007
    title: Publish the orders API as protobuf over gRPC
    status: accepted
    door: one-way
    owner: "@payments"
    deciders: ["@alice"]
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._doors import deciders_missing, is_one_way
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG402", "one-way-deciders", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    needed = context.registry.config.one_way_min_deciders
    for record in context.registry.decisions:
        if record.status != "accepted" or not is_one_way(record):
            continue
        if not deciders_missing(record, context.registry.config):
            continue
        deciders = record.list_value("deciders")
        named = (
            f"it names {len(deciders)} ({shorten(', '.join(deciders))})"
            if deciders
            else "it names none"
        )
        key = "deciders" if "deciders" in record.front.entries else "door"
        yield RULE.at(
            record,
            key,
            f"an accepted one-way door needs at least {needed} deciders; {named}",
        )
