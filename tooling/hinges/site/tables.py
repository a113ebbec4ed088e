"""The table of decisions (the catalog home's filterable table) and the compact list of them.

A row says each thing once and is complete without JavaScript: the id, the title (the one
link to the decision), status, door, owner (a link to the owner's page), tenet ids and date
as cell text, and the tags, which no cell shows, as ``data-tags`` (space-separated, each
percent-encoded, so a tag holding a space or a comma stays one tag). The header marks the cells
the catalog script filters on (``<th data-filter="door">``); the script reads the values, and
builds the search text, from the cells once at load. The site generators parse every byte and
tag of a page in Python, so what a row repeats costs build time on every build (ADR-0037).
For the same reason a cell's end tag is left out, as HTML allows (a cell ends where the next
cell or its row ends); a row keeps its ``</tr>``, which also keeps Python-Markdown's stack of
open tags short.

Tenet and owner pages list their decisions compactly instead, grouped by status (the status
said once per group, with the group's count; each item the id and title as one link): the
home's table filters by tenet and owner already. One item a line: Zensical's reference
collector scans a line to its end, in Python, before it looks for the list's end tag.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from hinges.field_values import DECISION_STATUSES
from hinges.records import Record
from hinges.site.markup import SEARCH_EXCLUDE, esc, link
from hinges.site.model import CatalogModel
from hinges.site.urls import Linker

# (header, the catalog script's filter reading that column, "text" for the search, or "").
DECISION_COLUMNS = (
    ("Id", "text"),
    ("Title", "text"),
    ("Status", "status"),
    ("Door", "door"),
    ("Owner", "owner"),
    ("Tenets", "tenet"),
    ("Date", ""),
)
MISSING = '<td class="hinges-missing">'
"""A cell that names a missing value ("no owner"): the script reads no value from it."""
NO_STATUS = "no status"


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


def owner_cell(model: CatalogModel, linker: Linker, handle: str | None) -> str:
    """An owner's table cell: a cell without an owner holds no value for the filter."""
    if handle is None:
        return f"{MISSING}no owner"
    return f"<td>{model.owner_link(linker, handle, None)}"


def decision_link(model: CatalogModel, linker: Linker, record: Record, text: str) -> str:
    return link(linker.href(model.layout.decision(record)), text or record.path)


def _row(model: CatalogModel, linker: Linker, record: Record) -> str:
    attributes = ""
    if tags := record.list_value("tags"):
        attributes += f' data-tags="{tags_attribute(tags)}"'
    if model.organisation is not None:  # the repository facet, in an organisation catalog
        attributes += f' data-source="{esc(model.organisation.label(record))}"'
    status = record.status
    door = record.str_value("door")
    tenets = ", ".join(_tenet(model, tenet) for tenet in record.list_value("tenets"))
    date = record.date_value("date")
    return (
        f"<tr{attributes}><td>{esc(record.id or record.path)}"
        f"<td>{decision_link(model, linker, record, record.title or '')}"
        + (f"<td>{esc(status)}" if status else f"{MISSING}status not set")
        + (f"<td>{esc(door)}" if door else f"{MISSING}door not set")
        + owner_cell(model, linker, record.str_value("owner"))
        + f"<td>{tenets}<td>{date.isoformat() if date else ''}</tr>"
    )


def tags_attribute(tags: Iterable[str]) -> str:
    """``data-tags``: the tags space-separated, each percent-encoded, as the catalog script
    reads them. Tags are free text: joined as they are, "machine learning" became two tags
    in the filter. Encoded, a tag holds only letters, digits, ``-._~`` and ``%``, nothing
    HTML would read, so the value needs no further escaping."""
    return " ".join(quote(tag, safe="") for tag in tags)


def _tenet(model: CatalogModel, tenet: str) -> str:
    """A cited tenet's id; one the registry does not hold is marked missing."""
    if tenet in model.tenet_by_id:
        return esc(tenet)
    return f'<span class="hinges-missing">{esc(tenet)}</span>'


def decision_table(
    model: CatalogModel, linker: Linker, records: Iterable[Record], *, table_id: str | None = None
) -> str:
    """The decisions as a table; the catalog home's has ``id="hinges-catalog"``."""
    rows = "".join(f"{decision_row(model, linker, record)}\n" for record in records)
    if table_id is None:
        attributes = ' class="hinges-list"'
    else:
        attributes = f' id="{table_id}" class="hinges-catalog"{SEARCH_EXCLUDE}'
    head = "".join(
        f'<th data-filter="{name}">{label}</th>' if name else f"<th>{label}</th>"
        for label, name in DECISION_COLUMNS
    )
    return f"<table{attributes}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>"


def decision_list(model: CatalogModel, linker: Linker, records: Iterable[Record]) -> str:
    """The decisions grouped by status, known statuses in lifecycle order, then any other
    status alphabetically, then those without one; in each group a link with id and title."""
    groups: dict[str, list[str]] = {}
    for record in records:
        item = f"<li>{decision_link(model, linker, record, id_title(record))}</li>"
        groups.setdefault(record.status or NO_STATUS, []).append(item)
    order = [status for status in DECISION_STATUSES if status in groups]
    order += sorted(status for status in groups if status not in DECISION_STATUSES)
    if NO_STATUS in order:  # a status literally named "no status" groups with the unset
        order.remove(NO_STATUS)
        order.append(NO_STATUS)
    # A description list, not lists in a list: Material's search drops an excluded block by
    # its tag name, so a nested tag of the same name would end the exclusion early.
    parts = [
        f'<dt>{esc(status)} ({len(groups[status])})</dt><dd><ul class="hinges-decision-list">\n'
        + "\n".join(groups[status])
        + "</ul></dd>\n"
        for status in order
    ]
    return f'<dl class="hinges-by-status"{SEARCH_EXCLUDE}>\n{"".join(parts)}</dl>'


def row(*cells: str) -> str:
    """A table row of cells already escaped, their end tags left out (see above)."""
    return "<tr><td>" + "<td>".join(cells) + "</tr>"


def id_title(record: Record) -> str:
    return f"{record.id or ''} {record.title or ''}".strip()


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
