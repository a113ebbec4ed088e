"""The owners index and one page per owner: what each team or person is accountable for."""

from __future__ import annotations

from hinges.records import Record
from hinges.site.content import Html, PageContent, page
from hinges.site.markup import esc, link, md_inline, table
from hinges.site.model import CatalogModel
from hinges.site.tables import decision_list, id_title, plural, row


def owned(model: CatalogModel) -> dict[str, tuple[list[Record], list[Record]]]:
    """Owner handle -> (decisions, tenets) it owns, each in page order."""
    by_owner: dict[str, tuple[list[Record], list[Record]]] = {
        handle: ([], []) for handle in model.owner_slugs
    }
    for record in model.decisions:
        if (owner := record.str_value("owner")) is not None:
            by_owner[owner][0].append(record)
    for record in model.tenets:
        if (owner := record.str_value("owner")) is not None:
            by_owner[owner][1].append(record)
    return by_owner


def owners_index_page(
    model: CatalogModel, by_owner: dict[str, tuple[list[Record], list[Record]]]
) -> PageContent:
    linker = model.layout.linker(model.layout.owners_index)
    rows = []
    for handle in sorted(by_owner, key=str.lower):
        decisions, tenets = by_owner[handle]
        one_way = sum(1 for record in decisions if record.str_value("door") == "one-way")
        cells = (
            model.owner_link(linker, handle, None),
            str(len(decisions)),
            str(one_way),
            str(len(tenets)),
        )
        rows.append(row(*cells))
    header = ("Owner", "Decisions", "One-way doors", "Tenets")
    parts: list[str | Html] = [
        "# Owners",
        "Each decision and tenet has one owner: the team or person accountable for it.",
        Html(table(header, rows, ' class="hinges-list"')) if rows else "No owners named yet.",
    ]
    unowned = sum(1 for record in model.decisions if record.str_value("owner") is None)
    if unowned:
        parts.append(f"{plural(unowned, 'decision')} name no owner.")
    return page(*parts)


def owner_page(
    model: CatalogModel, handle: str, decisions: list[Record], tenets: list[Record]
) -> PageContent:
    linker = model.layout.linker(model.layout.owner(model.owner_slugs[handle]))
    parts: list[str | Html] = [
        f"# {md_inline(handle)}",
        f"Owner of {plural(len(decisions), 'decision')} and {plural(len(tenets), 'tenet')}.",
    ]
    if decisions:
        parts += ["## Decisions", Html(decision_list(model, linker, decisions))]
    if tenets:
        items = "".join(
            f"<li>{link(linker.href(model.layout.tenet(record)), id_title(record) or record.path)}"
            f" · {esc(record.status or 'no status')}</li>"
            for record in tenets
        )
        parts += ["## Tenets", Html(f'<ul class="hinges-owned-tenets">{items}</ul>')]
    return page(*parts)
