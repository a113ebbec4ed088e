"""The review history of a decision: what each review found (the ``reviews`` field).

Entries are read leniently here: one that lacks a real date or a known outcome is left
out, and the review-entry rule reports it with its line. Everything downstream (the CLI,
the export, the site, the outcomes page) sees only well-formed entries, oldest first as
written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from hinges.field_values import REVIEW_OUTCOMES, parse_date
from hinges.records import Record

FIELD = "reviews"


@dataclass(frozen=True)
class ReviewEntry:
    date: dt.date
    outcome: str
    """One of :data:`hinges.field_values.REVIEW_OUTCOMES`."""
    note: str
    by: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The entry as JSON-ready data (the export's and ``hinges show``'s shape)."""
        return {
            "date": self.date.isoformat(),
            "outcome": self.outcome,
            "by": self.by,
            "note": self.note,
        }


def review_entries(record: Record) -> list[ReviewEntry]:
    """The record's well-formed review entries, in the order they are written."""
    raw = record.values.get(FIELD)
    if not isinstance(raw, list):
        return []
    entries = []
    for item in raw:
        date = parse_date(item.get("date", ""))
        outcome = item.get("outcome")
        if date is None or outcome not in REVIEW_OUTCOMES:
            continue
        entries.append(ReviewEntry(date, outcome, item.get("note", ""), item.get("by")))
    return entries


def last_review(record: Record) -> ReviewEntry | None:
    """The most recent review (by date; the later-written one on a tie)."""
    entries = review_entries(record)
    if not entries:
        return None
    return max(enumerate(entries), key=lambda pair: (pair[1].date, pair[0]))[1]
