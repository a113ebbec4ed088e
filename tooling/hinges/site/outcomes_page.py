"""The outcomes page: were the door calls right, and what is worth doubling down on.

Each reviewed decision counts once, by its latest review. Two-way doors reversed are the
system working (cheap to walk back, as intended); one-way doors reversed are the costly
regrets, listed with what their exit path promised. The tenets behind decisions that were
doubled down on are the evidence for holding those tenets.
"""

from __future__ import annotations

from collections import Counter

from hinges.field_values import DOORS, REVIEW_OUTCOMES
from hinges.records import Record
from hinges.reviews import ReviewEntry, last_review
from hinges.site.content import Html, PageContent, page
from hinges.site.markup import door_badge, esc, link, status_badge, table
from hinges.site.model import CatalogModel
from hinges.site.review_history import OUTCOME_LABELS
from hinges.site.tables import plural
from hinges.site.urls import Linker


def _latest(model: CatalogModel) -> list[tuple[Record, ReviewEntry]]:
    found = []
    for record in model.decisions:
        latest = last_review(record)
        if latest is not None:
            found.append((record, latest))
    return found


def _door(record: Record) -> str:
    door = record.str_value("door")
    return door if door in DOORS else "other"


def _counts(model: CatalogModel, reviewed: list[tuple[Record, ReviewEntry]]) -> str:
    counts: Counter[tuple[str, str]] = Counter((_door(r), e.outcome) for r, e in reviewed)
    never: Counter[str] = Counter(
        _door(record)
        for record in model.decisions
        if record.status == "accepted" and last_review(record) is None
    )
    doors = [*DOORS, *(["other"] if any(door == "other" for door, _ in counts) else [])]
    rows = []
    for door in doors:
        cells = [str(counts[(door, outcome)]) for outcome in REVIEW_OUTCOMES]
        total = sum(counts[(door, outcome)] for outcome in REVIEW_OUTCOMES)
        label = f"{door} door" if door != "other" else "door not set"
        rows.append(
            f'<tr data-door="{door}"><th scope="row">{label}</th><td>{total}</td>'
            + "".join(f"<td>{cell}</td>" for cell in cells)
            + f"<td>{never[door]}</td></tr>"
        )
    header = ["Door", "Reviewed", *(OUTCOME_LABELS[o] for o in REVIEW_OUTCOMES)]
    return table(
        [*header, "Accepted, never reviewed"], rows, ' class="hinges-counts hinges-outcomes"'
    )


_NOT_WRITTEN = '<span class="hinges-missing">not written</span>'


def _reversed(
    model: CatalogModel, linker: Linker, reviewed: list[tuple[Record, ReviewEntry]]
) -> str | Html:
    rows = []
    for record, entry in reviewed:
        if entry.outcome != "reversed":
            continue
        href = linker.href(model.layout.decision(record))
        exit_path = record.str_value("exit_path")
        exit_text = esc(exit_path) if exit_path else _NOT_WRITTEN
        rows.append(
            f'<tr data-id="{esc(record.id or "")}" data-door="{esc(_door(record))}">'
            f"<td>{link(href, record.id or record.path)}</td>"
            f"<td>{link(href, record.title or record.path)}</td>"
            f"<td>{door_badge(record.str_value('door'))}</td>"
            f"<td><time>{entry.date.isoformat()}</time></td>"
            f"<td>{esc(entry.note)}</td>"
            f"<td>{exit_text}</td>"
            f"<td>{status_badge(record.status)}</td></tr>"
        )
    if not rows:
        return "No decision has been reversed on review."
    header = ("Id", "Title", "Door", "Reversed on", "Why", "What the exit path said", "Status now")
    return Html(table(header, rows, ' class="hinges-list hinges-reversed"'))


def _doubled_down(
    model: CatalogModel, linker: Linker, reviewed: list[tuple[Record, ReviewEntry]]
) -> str | Html:
    backing: dict[str, list[Record]] = {}
    for record, entry in reviewed:
        if entry.outcome == "doubled-down":
            for tenet_id in record.list_value("tenets"):
                backing.setdefault(tenet_id, []).append(record)
    if not backing:
        return "No decision has been doubled down on yet."
    order = {tenet.id: index for index, tenet in enumerate(model.tenets)}
    rows = []
    for tenet_id in sorted(backing, key=lambda t: (-len(backing[t]), order.get(t, 1 << 30), t)):
        decisions = ", ".join(
            link(linker.href(model.layout.decision(r)), f"{r.id or r.path} {r.title or ''}".strip())
            for r in backing[tenet_id]
        )
        rows.append(
            f'<tr data-id="{esc(tenet_id)}"><td>{model.tenet_link(linker, tenet_id)}</td>'
            f"<td>{len(backing[tenet_id])}</td><td>{decisions}</td></tr>"
        )
    header = ("Tenet", "Decisions doubled down on", "Which")
    return Html(table(header, rows, ' class="hinges-list hinges-doubled-down"'))


def outcomes_page(model: CatalogModel) -> PageContent:
    linker = model.layout.linker(model.layout.page("outcomes"))
    reviewed = _latest(model)
    by_door = Counter((_door(r), e.outcome) for r, e in reviewed)
    summary = (
        f"{plural(len(reviewed), 'reviewed decision')}, each counted by its latest review, "
        f"as of {model.build_date.isoformat()}. Two-way doors reversed: "
        f"{by_door[('two-way', 'reversed')]} (walked back cheaply, as intended). "
        f"One-way doors reversed: {by_door[('one-way', 'reversed')]} (the costly regrets)."
    )
    return page(
        "# Outcomes",
        summary,
        Html(_counts(model, reviewed)),
        "## Reversed",
        "What each reversed decision's exit path promised, next to why it was reversed.",
        _reversed(model, linker, reviewed),
        "## Doubled down: the tenets behind them",
        "Tenets cited by decisions a review extended to more places: the evidence for "
        "holding them.",
        _doubled_down(model, linker, reviewed),
    )
