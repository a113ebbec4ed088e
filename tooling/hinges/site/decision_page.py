"""A page per decision: banner, metadata panel, then the record's body as written.

Every byte and tag here is paid once per decision by each site generator, so the panel
answers one question per row (status and door together, owner and deciders together,
date and review date together), its tags are plain text rather than a list, its links
carry no class of their own (a style or a test reaches them through the panel and its
row labels), and the successors are named once, in the banner when there is one.
"""

from __future__ import annotations

from hinges.records import Record
from hinges.site.content import Html, PageContent
from hinges.site.markup import door_badge, esc, status_badge
from hinges.site.model import CatalogModel
from hinges.site.record_page import record_page
from hinges.site.review_history import review_history
from hinges.site.scope_sections import guards_section, scope_section
from hinges.site.urls import Linker

_BANNER_TITLES = {
    "superseded": "Superseded",
    "deprecated": "Deprecated",
    "rejected": "Rejected",
}


def banner(model: CatalogModel, linker: Linker, record: Record) -> str:
    """The warning on superseded, deprecated and rejected records ('' for the others)."""
    status = record.status
    if status not in _BANNER_TITLES:
        return ""
    successors = model.successors.get(record.id or "", [])
    links = ", ".join(model.decision_link(linker, new, "") for new in successors)
    if status == "superseded":
        text = (
            f"This decision is superseded by {links}."
            if links
            else ("This decision is superseded; no record names its successor.")
        )
    elif status == "deprecated":
        text = "This decision is deprecated: it no longer applies."
        if links:
            text += f" See {links}."
    else:
        text = "This decision was rejected: it was considered and not taken."
        if links:
            text += f" See {links}."
    return (
        f'<div class="admonition warning hinges-banner">'
        f'<p class="admonition-title">{_BANNER_TITLES[status]}</p><p>{text}</p></div>'
    )


def _review_text(model: CatalogModel, record: Record) -> str | None:
    review_by = record.date_value("review_by")
    if review_by is None:
        return None
    text = f"review by {review_by.isoformat()}"
    overdue = (model.build_date - review_by).days
    if record.status == "accepted" and overdue >= 0:
        due = "due today" if overdue == 0 else f"overdue by {overdue} days"
        text += f' <span class="hinges-overdue">({due})</span>'
    return text


def _dates(model: CatalogModel, record: Record) -> str | None:
    """When it was decided and when to look again: ``2025-06-18; review by 2028-02-15``."""
    date = record.date_value("date")
    review = _review_text(model, record)
    if date is None:
        return None if review is None else f"not set; {review}"
    return date.isoformat() if review is None else f"{date.isoformat()}; {review}"


def metadata_panel(model: CatalogModel, linker: Linker, record: Record) -> str:
    owner = model.owner_link(linker, record.str_value("owner"), None)
    if deciders := record.list_value("deciders"):
        owner += "; deciders " + ", ".join(model.owner_link(linker, d, None) for d in deciders)
    rows: list[tuple[str, str]] = [
        ("Id", esc(record.id or "not set")),
        ("Status", f"{status_badge(record.status)} {door_badge(record.str_value('door'))}"),
        ("Owner", owner),
    ]
    if (dates := _dates(model, record)) is not None:
        rows.append(("Date", dates))
    tenets = record.list_value("tenets")
    if tenets:
        rows.append(("Tenets", ", ".join(model.tenet_link(linker, t, None) for t in tenets)))
    if (exit_path := record.str_value("exit_path")) is not None:
        rows.append(("Exit path", esc(exit_path)))
    own_id = record.id or ""
    predecessors = model.predecessors.get(own_id, [])
    if predecessors:
        links = (model.decision_link(linker, old, "") for old in predecessors)
        rows.append(("Supersedes", ", ".join(links)))
    successors = model.successors.get(own_id, [])
    if successors and record.status not in _BANNER_TITLES:  # else the banner names them
        links = (model.decision_link(linker, new, "") for new in successors)
        rows.append(("Superseded by", ", ".join(links)))
    tags = record.list_value("tags")
    if tags:
        rows.append(("Tags", ", ".join(esc(tag) for tag in tags)))
    rows.append(("Source", f"<code>{esc(record.path)}</code>"))
    # The list is the panel: no wrapper element (definition_list's <dl> has no class). Each
    # term and value ends where the next begins, as HTML allows, like the matrix's cells:
    # the end tags left out (two a row) weigh as much in Zensical's parsers as the rows merged
    # above (a panel measured 0.93 ms with them, 0.76 ms without).
    items = "".join(f"<dt>{term}<dd>{value}" for term, value in rows)
    return f'<dl class="hinges-meta">{items}</dl>'


def decision_page(model: CatalogModel, record: Record) -> PageContent:
    linker = model.layout.linker(model.layout.decision(record))
    panel = metadata_panel(model, linker, record)
    warning = banner(model, linker, record)
    title = record.title or record.id or record.path
    after = (
        *scope_section(model, record),
        *guards_section(model, record),
        *review_history(model, linker, record),
    )
    return record_page(title, record.body, (Html(warning), Html(panel)), after)
