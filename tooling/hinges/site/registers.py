"""The one-way-door register, the due-for-review page and the timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hinges.records import Record
from hinges.site.content import Html, PageContent, page
from hinges.site.markup import SEARCH_EXCLUDE, esc, table
from hinges.site.model import CatalogModel
from hinges.site.tables import decision_link, id_title, plural, row
from hinges.site.urls import Linker

DUE_SOON_DAYS = 30
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _id_and_title(model: CatalogModel, linker: Linker, record: Record) -> tuple[str, str]:
    """The id as text, the title as the row's one link to the decision."""
    return esc(record.id or record.path), decision_link(model, linker, record, record.title or "")


def one_way_doors_page(model: CatalogModel) -> PageContent:
    linker = model.layout.linker(model.layout.page("one-way-doors"))
    doors = [
        record
        for record in model.decisions
        if record.str_value("door") == "one-way" and record.status in ("accepted", "proposed")
    ]
    rows = []
    for record in doors:
        review_by = record.date_value("review_by")
        exit_path = record.str_value("exit_path")
        deciders = record.list_value("deciders")
        rows.append(
            row(
                *_id_and_title(model, linker, record),
                esc(record.status),
                model.owner_link(linker, record.str_value("owner"), None),
                ", ".join(model.owner_link(linker, d, None) for d in deciders) or "none named",
                review_by.isoformat() if review_by else "not set",
                esc(exit_path) if exit_path else '<span class="hinges-missing">not written</span>',
            )
        )
    header = ("Id", "Title", "Status", "Owner", "Deciders", "Review by", "Exit path")
    listing: str | Html = "No one-way doors yet."
    if rows:
        listing = Html(table(header, rows, f' class="hinges-list"{SEARCH_EXCLUDE}'))
    intro = (
        f"{plural(len(doors), 'accepted or proposed one-way door')}: decisions that are costly"
        " or impossible to reverse, who owns them, who decided, when to look again and how"
        " we would back out."
    )
    return page("# One-way-door register", intro, listing)


def review_page(model: CatalogModel) -> PageContent:
    today = model.build_date
    linker = model.layout.linker(model.layout.page("review"))
    overdue: list[tuple[int, Record]] = []
    soon: list[tuple[int, Record]] = []
    for record in model.decisions:
        review_by = record.date_value("review_by")
        if review_by is None or record.status != "accepted":
            continue
        days = (today - review_by).days
        if days >= 0:
            overdue.append((days, record))
        elif -days <= DUE_SOON_DAYS:
            soon.append((-days, record))
    overdue.sort(key=lambda item: -item[0])  # most overdue first; stable: id order within
    soon.sort(key=lambda item: item[0])

    def listing(items: list[tuple[int, Record]], label: str, empty: str) -> str | Html:
        if not items:
            return empty
        rows = [
            row(
                *_id_and_title(model, linker, record),
                esc(record.date_value("review_by") or ""),
                str(days),
                model.owner_link(linker, record.str_value("owner"), None),
            )
            for days, record in items
        ]
        header = ("Id", "Title", "Review by", label, "Owner")
        return Html(table(header, rows, ' class="hinges-list hinges-review"'))

    return page(
        "# Due for review",
        f"Accepted decisions whose review date has come, as of {today.isoformat()},"
        " most overdue first.",
        listing(overdue, "Days overdue", "Nothing is due for review."),
        f"## Due in the next {DUE_SOON_DAYS} days",
        listing(soon, "Days left", f"Nothing is due in the next {DUE_SOON_DAYS} days."),
    )


def timeline_page(model: CatalogModel) -> PageContent:
    linker = model.layout.linker(model.layout.page("timeline"))
    by_month: dict[tuple[int, int], list[tuple[dt.date | None, Record]]] = {}
    undated: list[Record] = []
    for record in model.decisions:
        date = record.date_value("date")
        if date is None:
            undated.append(record)
        else:
            by_month.setdefault((date.year, date.month), []).append((date, record))
    parts: list[str | Html] = [
        "# Timeline",
        "Decisions by the date of their last status change, newest first.",
    ]
    for year, month in sorted(by_month, reverse=True):
        entries = sorted(
            by_month[(year, month)], key=lambda item: item[0] or dt.date.min, reverse=True
        )
        parts.append(f"## {_MONTHS[month - 1]} {year}")
        parts.append(_timeline_list(model, linker, entries))
    if undated:
        parts.append("## Undated")
        parts.append(_timeline_list(model, linker, [(None, record) for record in undated]))
    if not by_month and not undated:
        parts.append("No decisions yet.")
    return page(*parts)


def _timeline_list(
    model: CatalogModel, linker: Linker, entries: Sequence[tuple[dt.date | None, Record]]
) -> Html:
    # One item a line: Zensical's reference collector scans a line to its end, in Python,
    # before it looks for the list's end tag.
    items = "".join(
        f"<li>{date.isoformat() + ' ' if date is not None else ''}"
        f"{decision_link(model, linker, record, id_title(record))}"
        f" · {esc(record.status or 'no status')}</li>\n"
        for date, record in entries
    )
    return Html(f'<ul class="hinges-timeline"{SEARCH_EXCLUDE}>\n{items}</ul>')
