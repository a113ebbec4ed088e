"""A decision page's review history: what each review found, newest first."""

from __future__ import annotations

from hinges.field_values import REVIEW_OUTCOMES
from hinges.records import Record
from hinges.reviews import review_entries
from hinges.site.content import Html
from hinges.site.markup import css_token, esc, table
from hinges.site.model import CatalogModel
from hinges.site.urls import Linker

OUTCOME_LABELS = {
    "kept": "kept",
    "doubled-down": "doubled down",
    "revised": "revised",
    "reversed": "reversed",
}


def outcome_badge(outcome: str) -> str:
    token = css_token(outcome, REVIEW_OUTCOMES)
    label = OUTCOME_LABELS.get(outcome, esc(outcome))
    return f'<span class="hinges-outcome hinges-outcome--{token}">{label}</span>'


def review_history(model: CatalogModel, linker: Linker, record: Record) -> tuple[str | Html, ...]:
    """The "Review history" section (heading and table), or nothing when never reviewed."""
    entries = review_entries(record)
    if not entries:
        return ()
    rows = [
        f"<tr><td><time>{entry.date.isoformat()}</time></td>"
        f"<td>{outcome_badge(entry.outcome)}</td>"
        f"<td>{model.owner_link(linker, entry.by) if entry.by else ''}</td>"
        f"<td>{esc(entry.note)}</td></tr>"
        for entry in sorted(entries, key=lambda entry: entry.date, reverse=True)
    ]
    header = ("Date", "Outcome", "By", "Note")
    return ("## Review history", Html(table(header, rows, ' class="hinges-list hinges-reviews"')))
