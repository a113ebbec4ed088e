"""One GitHub issue per decision whose review is due: opened once, kept, closed when done.

Each issue carries a marker in its body, ``<!-- hinges-review ADR-0007 2026-05-01 -->``
(the decision and the ``review_by`` date it is about), and the label :data:`LABEL`; the
issues are found again through the list-issues endpoint filtered by that label, never the
search API (which lags behind). So a run is idempotent:

* a due review with no issue gets one;
* a due review whose issue exists keeps it, open or closed (a person who closed it by
  hand meant it: it is not reopened or duplicated);
* an open issue whose review is no longer due (the review was recorded and ``review_by``
  moved on, or the decision was superseded or deprecated) is closed, saying why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from hinges.authoring.review import DueReview
from hinges.field_values import decision_id_pattern
from hinges.gate.mdtext import code, escape
from hinges.loader import Registry
from hinges.net.github import GitHub, Issue
from hinges.net.http import NetworkError
from hinges.reviews import last_review

LABEL = "decision-review"
_MARKER = re.compile(r"<!-- hinges-review (\S+) ([0-9]{4}-[0-9]{2}-[0-9]{2}) -->")


@dataclass
class IssueSync:
    """What a run did, for the report: (decision id, issue number, detail)."""

    opened: list[tuple[str, int, str]] = field(default_factory=list)
    kept: list[tuple[str, int, str]] = field(default_factory=list)
    closed: list[tuple[str, int, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"opened #{number} for {rid} ({detail})" for rid, number, detail in self.opened]
        out += [f"kept #{number} for {rid} ({detail})" for rid, number, detail in self.kept]
        out += [f"closed #{number} for {rid} ({detail})" for rid, number, detail in self.closed]
        return out or ["no review issues to open or close"]


def marker(record_id: str, review_by: dt.date) -> str:
    return f"<!-- hinges-review {record_id} {review_by.isoformat()} -->"


def issue_title(review: DueReview) -> str:
    title = " ".join((review.record.title or "").split())[:150]
    return f"Review due: {review.record.id} {title}".strip()


def issue_body(review: DueReview) -> str:
    record = review.record
    rid = record.id or ""
    return "\n".join(
        [
            f"The review of {escape(rid)} {escape(record.title)} was due on "
            f"{review.review_by.isoformat()} ({review.state}).",
            "",
            f"- Owner: {code(record.str_value('owner')) or 'not set'}",
            f"- Door: {escape(record.str_value('door')) or 'not set'}",
            f"- Record: {code(record.path)}",
            "",
            "Look at it again, then record what you found:",
            "",
            "```",
            f'hinges review {rid} --outcome kept|doubled-down|revised|reversed --note "..."',
            "```",
            "",
            "This issue is closed on the next scheduled run once the review is recorded "
            "(or the decision is superseded or deprecated).",
            "",
            marker(rid, review.review_by),
        ]
    )


def _why_done(registry: Registry, record_id: str, due_on: str) -> str:
    record = next((r for r in registry.decisions if r.id == record_id), None)
    if record is None:
        return f"{record_id} is no longer in the registry"
    if record.status != "accepted":
        return f"{record_id} is now {record.status}"
    latest = last_review(record)
    if latest is not None and latest.date.isoformat() >= due_on:
        return f"reviewed on {latest.date}: {latest.outcome}"
    review_by = record.date_value("review_by")
    return f"review_by moved to {review_by}" if review_by else "review_by was removed"


def sync_issues(github: GitHub, registry: Registry, due: list[DueReview]) -> IssueSync:
    """Open, keep and close review issues so there is one per due review."""
    ids = re.compile(decision_id_pattern(registry.config.id_prefix))
    wanted = {
        (item.record.id, item.review_by.isoformat()): item
        for item in due
        if item.record.id is not None and ids.match(item.record.id)
    }
    existing: dict[tuple[str, str], Issue] = {}
    for issue in github.issues(LABEL):
        found = _MARKER.search(issue.body)
        if found is not None:
            existing.setdefault((found[1], found[2]), issue)
    result = IssueSync()
    for key, item in wanted.items():
        rid = key[0]
        known = existing.get(key)
        if known is None:
            made = github.create(issue_title(item), issue_body(item), [LABEL])
            if made.labels is not None and LABEL not in made.labels:
                raise NetworkError(
                    f"issue #{made.number} for {rid} was opened without the label '{LABEL}', "
                    "so the next run could not find it; give the token permission to label "
                    "issues (issues: write) and close that issue by hand"
                )
            result.opened.append((rid, made.number, item.state))
        elif known.state == "open":
            result.kept.append((rid, known.number, item.state))
        else:
            result.kept.append((rid, known.number, "closed by hand; not reopened"))
    for key, issue in sorted(existing.items()):
        if key in wanted or issue.state != "open":
            continue
        why = _why_done(registry, key[0], key[1])
        github.close(issue.number, f"{issue.body}\n\nClosed by hinges: {escape(why)}.")
        result.closed.append((key[0], issue.number, why))
    return result
