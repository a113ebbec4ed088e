"""The catalog home: counts by door and status, and the table of every decision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hinges.field_values import DECISION_STATUSES, DOORS
from hinges.records import Record
from hinges.site.content import Html, PageContent, page
from hinges.site.glance import glance
from hinges.site.markup import css_token, link, table
from hinges.site.model import CatalogModel
from hinges.site.tables import decision_table, plural
from hinges.site.urls import Linker

# (page name or None for the JSON export, label) of the pages the home links to.
SECTIONS = (
    ("tenets", "Tenets, by priority"),
    ("matrix", "Tenet × decision matrix"),
    ("one-way-doors", "One-way-door register"),
    ("review", "Due for review"),
    ("outcomes", "Review outcomes"),
    ("timeline", "Timeline"),
    ("owners", "Owners"),
    ("graph", "Relation graph"),
    ("folders", "Folders and the decisions that govern them"),
)


def section_links(model: CatalogModel, linker: Linker) -> str:
    """The list of catalog pages, shown on the home."""
    layout = model.layout
    items = []
    for name, label in SECTIONS:
        if name == "tenets":
            target = layout.tenets_index
        elif name == "owners":
            target = layout.owners_index
        else:
            target = layout.page(name)
        items.append(f"<li>{link(linker.href(target), label)}</li>")
    export = link(linker.href(layout.registry_json), "registry.json")
    items.append(f"<li>The whole registry as JSON: {export}</li>")
    return '<ul class="hinges-sections">' + "".join(items) + "</ul>"


def counts_table(model: CatalogModel, decisions: Sequence[Record] | None = None) -> str:
    """Decisions (all, or ``decisions``) by status (rows) and door (columns), with totals."""
    counted = model.decisions if decisions is None else decisions
    counts: Counter[tuple[str, str]] = Counter()
    for record in counted:
        status = css_token(record.status, DECISION_STATUSES)
        counts[(status, css_token(record.str_value("door"), DOORS))] += 1
    doors = [*DOORS, *(["other"] if any(door == "other" for _, door in counts) else [])]
    statuses = [*DECISION_STATUSES]
    if any(status == "other" for status, _ in counts):
        statuses.append("other")
    rows = []
    for status in statuses:
        cells = [str(counts[(status, door)]) for door in doors]
        total = sum(counts[(status, door)] for door in doors)
        rows.append(
            f'<tr><th scope="row">{status}</th>'
            + "".join(f"<td>{cell}</td>" for cell in cells)
            + f"<td>{total}</td></tr>"
        )
    totals = [str(sum(counts[(status, door)] for status in statuses)) for door in doors]
    rows.append(
        '<tr class="hinges-total"><th scope="row">all</th>'
        + "".join(f"<td>{cell}</td>" for cell in totals)
        + f"<td>{len(counted)}</td></tr>"
    )
    header = ["Status", *(f"{door} door" if door != "other" else "other" for door in doors)]
    return table([*header, "Total"], rows, ' class="hinges-counts"')


def home_page(model: CatalogModel) -> PageContent:
    linker = model.layout.linker(model.layout.home)
    total = len(model.decisions)
    return page(
        "# Catalog",
        f"{plural(total, 'decision')} and {plural(len(model.tenets), 'tenet')}"
        f" as of {model.build_date.isoformat()}.",
        Html(section_links(model, linker)),
        *glance(model, linker),
        "## Counts",
        Html(counts_table(model)),
        "## Decisions",
        Html('<div id="hinges-filters" class="hinges-filters" hidden></div>'),
        Html(
            '<p class="hinges-count-line">'
            f'<span id="hinges-count">{plural(total, "decision")}</span></p>'
        ),
        Html(decision_table(model, linker, model.decisions, table_id="hinges-catalog")),
    )
