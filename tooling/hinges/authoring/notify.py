"""The message ``hinges notify`` posts: what is due for review and what a merge changed.

One JSON object with a ``text`` field, which Slack, Mattermost and Microsoft Teams
incoming webhooks display, and a ``hinges`` field with the same facts as data. Record
values are untrusted: whitespace is collapsed (no injected lines) and ``&``, ``<`` and
``>`` are escaped, which is what Slack's mrkdwn asks for and harmless elsewhere.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from hinges.authoring.review import DueReview
from hinges.gate.compare import compare
from hinges.loader import Registry
from hinges.records import Record
from hinges.reviews import last_review

FORMAT_VERSION = 1


def _plain(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _named(record: Record) -> str:
    return _plain(f"{record.id or record.path} {record.title or ''}".strip())


@dataclass
class MergeChanges:
    """What a merge did that people should hear about (``hinges notify --base REF``)."""

    one_way_accepted: list[Record] = field(default_factory=list)
    superseded: list[Record] = field(default_factory=list)
    reversed: list[Record] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.one_way_accepted or self.superseded or self.reversed)


def message(
    due: list[DueReview], as_of: dt.date, changes: MergeChanges | None
) -> dict[str, Any] | None:
    """The webhook payload, or None when there is nothing to say."""
    changes = changes or MergeChanges()
    if not due and not changes:
        return None
    lines: list[str] = []
    if due:
        count = len(due)
        lines.append(f"{count} decision{'s' if count != 1 else ''} due for review as of {as_of}:")
        for item in due:
            owner = item.record.str_value("owner") or "no owner"
            lines.append(f"• {_named(item.record)}: {item.state} (owner {_plain(owner)})")
    for label, records in (
        ("One-way door accepted", changes.one_way_accepted),
        ("Superseded", changes.superseded),
        ("Reversed on review, to supersede or deprecate", changes.reversed),
    ):
        lines += [f"{label}: {_named(record)}" for record in records]
    return {
        "text": "\n".join(lines),
        "hinges": {
            "version": FORMAT_VERSION,
            "as_of": as_of.isoformat(),
            "reviews": [
                {
                    "id": item.record.id,
                    "title": item.record.title,
                    "owner": item.record.str_value("owner"),
                    "review_by": item.review_by.isoformat(),
                    "days_overdue": item.days_overdue,
                }
                for item in due
            ],
            "one_way_doors_accepted": [r.id for r in changes.one_way_accepted],
            "superseded": [r.id for r in changes.superseded],
            "reversed": [r.id for r in changes.reversed],
        },
    }


def merge_changes(base: Registry, head: Registry) -> MergeChanges:
    """One-way doors accepted, decisions superseded and reversals recorded since ``base``."""
    comparison = compare(base, head)
    pairs: list[tuple[Record | None, Record]] = [(None, record) for record in comparison.added]
    pairs += [(pair.base, pair.head) for pair in comparison.kept]
    pairs += [(comparison.base_records[old], new) for old, new in comparison.renamed.items()]
    changes = MergeChanges()
    for before, after in sorted(pairs, key=lambda pair: pair[1].path):
        if after.kind != "decision":
            continue
        was = before.status if before is not None else None
        if (
            after.status == "accepted"
            and was != "accepted"
            and after.str_value("door") == "one-way"
        ):
            changes.one_way_accepted.append(after)
        if after.status == "superseded" and was != "superseded":
            changes.superseded.append(after)
        latest = last_review(after)
        if (
            latest is not None
            and latest.outcome == "reversed"
            and (before is None or last_review(before) != latest)
        ):
            changes.reversed.append(after)
    return changes
