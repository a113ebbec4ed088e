"""Tenet pages, the tenets index (by priority) and the tenet × decision matrix."""

from __future__ import annotations

import itertools

from hinges.records import Record
from hinges.site.content import Html, PageContent, page
from hinges.site.markup import SEARCH_EXCLUDE, definition_list, esc, link, status_badge, table
from hinges.site.model import CatalogModel
from hinges.site.record_page import record_page
from hinges.site.tables import decision_list, plural
from hinges.site.urls import Linker


def _priority(record: Record) -> str:
    priority = record.values.get("priority")
    return str(priority) if isinstance(priority, int) else "not set"


def tenet_page(model: CatalogModel, record: Record) -> PageContent:
    linker = model.layout.linker(model.layout.tenet(record))
    rows: list[tuple[str, str]] = [
        ("Id", esc(record.id or "not set")),
        ("Priority", esc(_priority(record))),
        ("Status", status_badge(record.status)),
        ("Owner", model.owner_link(linker, record.str_value("owner"))),
    ]
    if (date := record.date_value("date")) is not None:
        rows.append(("Date", date.isoformat()))
    tags = record.list_value("tags")
    if tags:
        rows.append(("Tags", ", ".join(f'<span class="hinges-tag">{esc(t)}</span>' for t in tags)))
    rows.append(("Source", f"<code>{esc(record.path)}</code>"))
    panel = Html(f'<div class="hinges-meta">{definition_list(rows)}</div>')
    followers = model.followers.get(record.id or "", []) if record.id else []
    if followers:
        listing = decision_list(model, linker, followers)
        intro = f"{plural(len(followers), 'decision')} follow this tenet."
        if len(followers) == 1:
            intro = "1 decision follows this tenet."
        after: tuple[str | Html, ...] = (intro, Html(listing))
    else:
        after = ("No decision cites this tenet yet.",)
    title = record.title or record.id or record.path
    return record_page(
        title, record.body, (panel,), ("## Decisions that follow this tenet", *after)
    )


def _tenet_row(model: CatalogModel, linker: Linker, record: Record) -> str:
    href = linker.href(model.layout.tenet(record))
    count = len(model.followers.get(record.id or "", [])) if record.id else 0
    cells = (  # one link a row: the title (the id beside it goes to the same page)
        esc(_priority(record)),
        esc(record.id or "not set"),
        link(href, record.title or record.id or record.path),
        status_badge(record.status),
        model.owner_link(linker, record.str_value("owner")),
        str(count),
    )
    return (
        f'<tr class="hinges-tenet-row" data-id="{esc(record.id or "")}">'
        + "".join(f"<td>{cell}</td>" for cell in cells)
        + "</tr>"
    )


def tenets_index_page(model: CatalogModel) -> PageContent:
    linker = model.layout.linker(model.layout.tenets_index)
    header = ("Priority", "Id", "Title", "Status", "Owner", "Decisions")
    active = [record for record in model.tenets if record.status != "retired"]
    retired = [record for record in model.tenets if record.status == "retired"]
    parts: list[str | Html] = [
        "# Tenets",
        "Tenets in priority order: when two conflict, the one listed first wins.",
    ]
    rows = [_tenet_row(model, linker, record) for record in active]
    parts.append(Html(table(header, rows, ' class="hinges-list"')) if rows else "No tenets yet.")
    if retired:
        rows = [_tenet_row(model, linker, record) for record in retired]
        parts += [
            "## Retired tenets",
            "Kept on record; no longer followed.",
            Html(table(header, rows, ' class="hinges-list"')),
        ]
    return page(*parts)


def matrix_page(model: CatalogModel) -> PageContent:
    """Rows: decisions; columns: tenets in priority order; a mark where a decision cites one.

    A thousand rows of eight cells, most of them empty: a cited cell is only ``<td>●``, and
    a run of empty cells one ``<td colspan="N">`` (one ``<td>`` for a single one), end tags
    left out as HTML allows (a cell ends where the next cell or its row ends; Python-Markdown
    passes the block through unchanged). Each mark stays in its tenet's column; the table
    draws no vertical rules, so a spanning cell looks like the cells it replaces. The intro
    says what the mark means, and the decision (``scope="row"``: Chromium does not infer
    it) and the tenet head each cell's row and column for a screen reader.
    """
    linker = model.layout.linker(model.layout.page("matrix"))
    columns = [tenet for tenet in model.tenets if tenet.id is not None]
    header = ["Decision"] + [
        link(linker.href(model.layout.tenet(tenet)), tenet.id or "", "hinges-tenet-link")
        for tenet in columns
    ]
    rows = []
    for record in model.decisions:
        cited = set(record.list_value("tenets"))
        title = f"{record.id or ''} {record.title or ''}".strip() or record.path
        cells = matrix_cells([tenet.id in cited for tenet in columns])
        row_link = link(linker.href(model.layout.decision(record)), title)
        rows.append(f'<tr><th scope="row">{row_link}{cells}</tr>')
    body: str | Html = "No decisions or no tenets yet."
    if rows and columns:
        body = Html(table(header, rows, f' class="hinges-matrix"{SEARCH_EXCLUDE}'))
    return page(
        "# Tenet × decision matrix",
        "Which tenets each decision follows (●); tenets in priority order.",
        body,
    )


def matrix_cells(marks: list[bool]) -> str:
    """A row's cells: ``<td>●`` where marked, each run of empty cells one cell spanning it."""
    cells = []
    for marked, run in itertools.groupby(marks):
        count = len(list(run))
        if marked:
            cells.append("<td>●" * count)
        else:
            cells.append(f'<td colspan="{count}">' if count > 1 else "<td>")
    return "".join(cells)
