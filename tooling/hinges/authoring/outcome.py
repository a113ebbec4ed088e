"""Record what a review found: ``hinges review ID --outcome OUTCOME --note TEXT``.

The review is appended to the decision's ``reviews`` list and ``review_by`` moves on (to
the date given, or by the door's review interval from the review date). Nothing else in
the file changes, byte for byte, so the gate sees exactly one new entry and a new date:
both are allowed on an accepted decision. A decision reversed on review stays accepted
until it is superseded or deprecated; the result says so, and the check warns until then.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from hinges.authoring.entries import EntryEditor
from hinges.authoring.relations import find_one
from hinges.authoring.templates import add_months
from hinges.config import Config
from hinges.errors import HingesError, UsageError
from hinges.field_values import HANDLE_PATTERN, REVIEW_OUTCOMES
from hinges.reviews import FIELD, ReviewEntry


@dataclass(frozen=True)
class ReviewRecorded:
    record_id: str
    path: str
    """Relative to the registry root."""
    entry: ReviewEntry
    review_by: dt.date
    previous_review_by: dt.date | None

    def next_steps(self) -> str | None:
        """What a reversal asks for next (None for the other outcomes)."""
        if self.entry.outcome != "reversed":
            return None
        rid = self.record_id
        return (
            f"{rid} was reversed: supersede it with 'hinges new TITLE --supersedes {rid}', "
            f"or retire it with 'hinges status {rid} deprecated'"
        )


def next_review(config: Config, door: str | None, reviewed: dt.date) -> dt.date:
    """When to look again: one-way doors sooner (``review_interval_months``) than two-way."""
    months = (
        config.review_interval_months
        if door == "one-way"
        else config.review_interval_two_way_months
    )
    return add_months(reviewed, months)


def record_review(
    root: Path,
    config: Config,
    record_id: str,
    *,
    outcome: str,
    note: str,
    by: str | None,
    next_date: dt.date | None,
    today: dt.date,
) -> ReviewRecorded:
    """Append a review to ``record_id`` and move its ``review_by``; raise when not allowed."""
    if outcome not in REVIEW_OUTCOMES:
        raise UsageError(f"unknown outcome '{outcome}': use one of {', '.join(REVIEW_OUTCOMES)}")
    note = note.strip()
    if not note:
        raise UsageError("--note must say what the review found")
    if by is not None and not re.match(HANDLE_PATTERN, by):
        raise UsageError(f"--by '{by}' is not a handle (such as @alice or @org/team)")
    if next_date is not None and next_date <= today:
        raise UsageError(f"--next {next_date} must be after the review date {today}")
    record = find_one(root, config, record_id)
    if record.kind != "decision":
        raise HingesError(f"{record_id} is a tenet; only decisions are reviewed", path=record.path)
    if record.status != "accepted":
        described = f"is {record.status}" if record.status else "has no valid status"
        raise HingesError(
            f"{record_id} {described}; only accepted decisions are reviewed", path=record.path
        )
    door = record.str_value("door")
    review_by = next_date or next_review(config, door, today)
    fields = [("date", today.isoformat()), ("outcome", outcome)]
    if by is not None:
        fields.append(("by", by))
    fields.append(("note", note))
    editor = EntryEditor.open(root / record.path, display=record.path)
    editor.append_mapping(FIELD, fields)
    editor.set_date("review_by", review_by)
    editor.save()
    return ReviewRecorded(
        record_id,
        record.path,
        ReviewEntry(today, outcome, note, by),
        review_by,
        record.date_value("review_by"),
    )
