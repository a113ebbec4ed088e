"""The catalog home's "at a glance" section: pictures first, lists second, all escaped.

Status by door and decisions per quarter by door as inline SVG (:mod:`hinges.site.charts`),
what is due for review now and next, what changed recently, and the tenets in priority
order with how many decisions cite each.
"""

from __future__ import annotations

from collections import Counter

from hinges.field_values import DECISION_STATUSES, DOORS
from hinges.records import Record
from hinges.site.charts import DOOR_COLORS, STATUS_COLORS, column_bars, stacked_bars
from hinges.site.content import Html
from hinges.site.markup import css_token, esc, link
from hinges.site.model import CatalogModel
from hinges.site.tables import decision_link, id_title
from hinges.site.urls import Linker

QUARTERS = 8
RECENT = 8
DUE_SHOWN = 5
DUE_NEXT_DAYS = 90


def _door(record: Record) -> str:
    return css_token(record.str_value("door"), DOORS)


def status_by_door(model: CatalogModel) -> str:
    counts: Counter[tuple[str, str]] = Counter()
    for record in model.decisions:
        counts[(_door(record), css_token(record.status, DECISION_STATUSES))] += 1
    statuses = [*DECISION_STATUSES, "other"]
    doors = [door for door in (*DOORS, "other") if any(d == door for d, _ in counts)]
    rows = [(f"{door} door", [counts[(door, s)] for s in statuses]) for door in doors]
    return stacked_bars("Decisions by door and status", rows, statuses, STATUS_COLORS)


def per_quarter(model: CatalogModel) -> str:
    counts: Counter[tuple[tuple[int, int], str]] = Counter()
    for record in model.decisions:
        if (date := record.date_value("date")) is not None:
            counts[((date.year, (date.month - 1) // 3 + 1), _door(record))] += 1
    quarters = sorted({quarter for quarter, _ in counts})[-QUARTERS:]
    doors = [*DOORS, "other"]
    columns = [(f"{y} Q{q}", [counts[((y, q), door)] for door in doors]) for y, q in quarters]
    return column_bars("Decisions per quarter, by door", columns, doors, DOOR_COLORS)


def _item(model: CatalogModel, linker: Linker, record: Record, note: str) -> str:
    target = decision_link(model, linker, record, id_title(record))
    return f"<li>{target} <small>{esc(note)}</small></li>"


def due_for_review(model: CatalogModel, linker: Linker) -> str:
    today = model.build_date
    overdue: list[tuple[int, Record]] = []
    upcoming: list[tuple[int, Record]] = []
    for record in model.decisions:
        review_by = record.date_value("review_by")
        if review_by is None or record.status != "accepted":
            continue
        days = (review_by - today).days
        if days <= 0:
            overdue.append((days, record))
        elif days <= DUE_NEXT_DAYS:
            upcoming.append((days, record))
    overdue.sort(key=lambda item: item[0])
    upcoming.sort(key=lambda item: item[0])
    now = "".join(
        _item(model, linker, r, "due today" if d == 0 else f"{-d} days overdue")
        for d, r in overdue[:DUE_SHOWN]
    )
    soon = "".join(_item(model, linker, r, f"in {d} days") for d, r in upcoming[:DUE_SHOWN])
    review = link(linker.href(model.layout.page("review")), "all reviews")
    return (
        '<div class="hinges-glance-due">'
        f"<p><strong>{len(overdue)}</strong> due now, <strong>{len(upcoming)}</strong> in the"
        f" next {DUE_NEXT_DAYS} days ({review}).</p>"
        + (f'<ul class="hinges-due-now">{now}</ul>' if now else "")
        + (f'<ul class="hinges-due-next">{soon}</ul>' if soon else "")
        + "</div>"
    )


def recently_changed(model: CatalogModel, linker: Linker) -> str:
    dated = [(d, r) for r in model.decisions if (d := r.date_value("date")) is not None]
    dated.sort(key=lambda item: item[0], reverse=True)  # stable: id order within a day
    items = "".join(_item(model, linker, r, d.isoformat()) for d, r in dated[:RECENT])
    return f'<ul class="hinges-recent">{items}</ul>' if items else "<p>No dated decisions.</p>"


def tenets_by_priority(model: CatalogModel, linker: Linker) -> str:
    active = [t for t in model.tenets if t.status != "retired" and t.id is not None]
    if not active:
        return "<p>No tenets yet.</p>"
    top = max(len(model.followers.get(t.id or "", [])) for t in active) or 1
    items = []
    for tenet in active:
        count = len(model.followers.get(tenet.id or "", []))
        width = round(6 * count / top, 2)  # rem: the longest bar is 6rem
        items.append(
            "<li>"
            + link(linker.href(model.layout.tenet(tenet)), id_title(tenet) or tenet.path)
            + ' <span class="hinges-cites">'
            f'<span class="hinges-cites-bar" style="width:{width}rem"></span>'
            f"{count} {'decision' if count == 1 else 'decisions'}</span></li>"
        )
    return '<ol class="hinges-tenet-glance">' + "".join(items) + "</ol>"


def glance(model: CatalogModel, linker: Linker) -> tuple[str | Html, ...]:
    """The section's parts, in page order."""
    return (
        "## At a glance",
        Html(f'<div class="hinges-glance">{status_by_door(model)}{per_quarter(model)}</div>'),
        "### Due for review",
        Html(due_for_review(model, linker)),
        "### Changed recently",
        Html(recently_changed(model, linker)),
        "### Tenets, by priority",
        Html(tenets_by_priority(model, linker)),
    )
