"""The table of decisions (the catalog home's filterable table) and the compact list of them.

Each row of the table carries its values as ``data-*`` attributes (the catalog script filters
on them) and is complete without JavaScript. Tenet and owner pages list their decisions
compactly instead (id, title and status, one link each): the home's table filters by tenet
and owner already, and the site generators parse every tag of a page in Python, so repeating
the full table on every tenet page cost more build time than every other page together
(ADR-0035).
"""

from __future__ import annotations

from collections.abc import Iterable

from hinges.records import Record
from hinges.site.markup import door_badge, esc, link, status_badge, table
from hinges.site.model import CatalogModel
from hinges.site.urls import Linker

DECISION_COLUMNS = ("Id", "Title", "Status", "Door", "Owner", "Tenets", "Date")


# Where a row's links climb to the catalog folder. A row is the same on every page but for
# that climb, so it is built once with a marker there and the marker replaced per page.
# Escaping keeps '"' out of record text, so a row has one 'href="' per link; a record whose
# text holds the marker itself makes the counts differ and is simply not cached.
_UP = "\x00"


def decision_row(model: CatalogModel, linker: Linker, record: Record) -> str:
    """The record's row as seen from ``linker``'s page (built once per record)."""
    if linker.to_prefix is None:
        return _row(model, linker, record)
    template = model.row_cache.get(record.path)
    if template is None:
        template = _row(model, Linker(linker.layout, _UP, _UP), record)
        if template.count(_UP) != template.count('href="'):
            return _row(model, linker, record)
        model.row_cache[record.path] = template
    return template.replace(_UP, linker.to_prefix)


def _row(model: CatalogModel, linker: Linker, record: Record) -> str:
    record_id = record.id or ""
    title = record.title or ""
    owner = record.str_value("owner")
    tenets = record.list_value("tenets")
    tags = record.list_value("tags")
    date = record.date_value("date")
    href = linker.href(model.layout.decision(record))
    searchable = " ".join([record_id, title, owner or "", *tenets, *tags]).lower()
    door = record.str_value("door") or ""
    attributes = (
        f'class="hinges-row" data-id="{esc(record_id)}" data-door="{esc(door)}"'
        f' data-status="{esc(record.status or "")}" data-owner="{esc(owner or "")}"'
        f' data-tenets="{esc(" ".join(tenets))}" data-tags="{esc(" ".join(tags))}"'
        f' data-text="{esc(searchable)}"'
    )
    if model.organisation is not None:  # the repository facet, in an organisation catalog
        attributes += f' data-source="{esc(model.organisation.label(record))}"'

    tenet_links = ", ".join(model.tenet_link(linker, tenet, with_title=False) for tenet in tenets)
    cells = (
        link(href, record_id or record.path),
        link(href, title or record.path),
        status_badge(record.status),
        door_badge(record.str_value("door")),
        model.owner_link(linker, owner),
        tenet_links,
        date.isoformat() if date else "",
    )
    return f"<tr {attributes}>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


def decision_table(
    model: CatalogModel, linker: Linker, records: Iterable[Record], *, table_id: str | None = None
) -> str:
    """The decisions as a table; the catalog home's has ``id="hinges-catalog"``."""
    rows = [decision_row(model, linker, record) for record in records]
    if table_id is None:
        attributes = ' class="hinges-list"'
    else:
        attributes = f' id="{table_id}" class="hinges-catalog"'
    return table(DECISION_COLUMNS, rows, attributes)


def decision_list(model: CatalogModel, linker: Linker, records: Iterable[Record]) -> str:
    """The decisions as one compact list: a link with id and title, then the status."""
    items = []
    for record in records:
        text = f"{record.id or ''} {record.title or ''}".strip() or record.path
        href = linker.href(model.layout.decision(record))
        items.append(
            f'<li class="hinges-row" data-id="{esc(record.id or "")}">{link(href, text)}'
            f" · {esc(record.status or 'no status')}</li>"
        )
    return '<ul class="hinges-decision-list">' + "".join(items) + "</ul>"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
