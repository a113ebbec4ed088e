"""Which accepted decisions are due for review: a review date that passes must be seen."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from hinges.authoring.listing import JSON_VERSION, format_table, record_order
from hinges.records import Record
from hinges.visible import json_text


@dataclass(frozen=True)
class DueReview:
    record: Record
    review_by: dt.date
    days_overdue: int
    """Days since ``review_by`` (0: due today; negative: due in that many days)."""

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0

    @property
    def state(self) -> str:
        days = abs(self.days_overdue)
        plural = "" if days == 1 else "s"
        if self.days_overdue > 0:
            return f"overdue {days} day{plural}"
        return "due today" if days == 0 else f"due in {days} day{plural}"


def due_reviews(decisions: Iterable[Record], as_of: dt.date, within: int = 0) -> list[DueReview]:
    """Accepted decisions whose ``review_by`` is on or before ``as_of + within`` days.

    Most overdue first; ties in number order.
    """
    horizon = as_of + dt.timedelta(days=within)
    due = []
    for record in decisions:
        review_by = record.date_value("review_by")
        if record.status == "accepted" and review_by is not None and review_by <= horizon:
            due.append(DueReview(record, review_by, (as_of - review_by).days))
    return sorted(due, key=lambda item: (item.review_by, record_order(item.record)))


def nothing_due(as_of: dt.date, within: int) -> str:
    if within == 0:
        return f"nothing due for review as of {as_of}\n"
    horizon = as_of + dt.timedelta(days=within)
    return f"nothing due for review by {horizon} (as of {as_of}, within {within} days)\n"


def as_table(reviews: list[DueReview]) -> str:
    rows = [
        [
            item.record.id or "-",
            item.review_by.isoformat(),
            item.state,
            item.record.str_value("owner") or "-",
            item.record.title or "-",
        ]
        for item in reviews
    ]
    return format_table(rows, ("id", "review_by", "state", "owner", "title"))


def as_json(reviews: list[DueReview], as_of: dt.date, within: int) -> str:
    document = {
        "version": JSON_VERSION,
        "as_of": as_of.isoformat(),
        "within_days": within,
        "reviews": [
            {
                "id": item.record.id,
                "path": item.record.path,
                "title": item.record.title,
                "owner": item.record.str_value("owner"),
                "review_by": item.review_by.isoformat(),
                "days_overdue": item.days_overdue,
            }
            for item in reviews
        ],
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
