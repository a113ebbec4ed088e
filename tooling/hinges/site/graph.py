"""The relation graph of the catalog: decisions and tenets as one self-contained inline SVG.

Two kinds of edges: *supersedes* (successor -> the record it replaces, a solid arrow) and
*follows* (decision -> tenet, dashed and lighter). Tenets sit in a row at the top by priority;
decisions sit below in supersedes chains, oldest to newest (see :mod:`hinges.site.layout`).
Node fill says the status, a thick border says one-way door. The legend is HTML beside
the picture (:func:`graph_legend`), so zooming or moving the picture never hides it.

The SVG holds no script, no foreignObject and no reference outside itself except the node
links returned by ``link_for``; every text from a record is XML-escaped. Colours that must
follow the page's light or dark scheme (edges, legend text) use ``currentColor``; nodes have
light fills with dark text, readable on either.

Large registries: above :data:`LARGE_GRAPH_DECISIONS` decisions a picture of every record
is unreadable (and heavy), so only decisions in a supersedes chain of two or more records
and one-way doors are drawn; the legend says how many were left out, and the catalog table
still lists them all. References to records that do not exist (or cycles) are findings of
``hinges check``; here they are skipped (and counted) or broken, never fatal.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hinges.records import Record
from hinges.site.layout import place_decisions

if TYPE_CHECKING:
    from hinges.loader import Registry

LARGE_GRAPH_DECISIONS = 400
XLINK = "http://www.w3.org/1999/xlink"
MAX_COLUMNS, MIN_COLUMNS = 5, 3
NODE_W, NODE_H, GAP_X, GAP_Y, MARGIN = 168, 44, 36, 28, 20
CELL_W, CELL_H = NODE_W + GAP_X, NODE_H + GAP_Y
LINE_H, LABEL_H = 22, 24
TITLE_CHARS = 25
TEXT_FILL = "#1f2937"
STATUS_COLORS = {  # fill, stroke
    "accepted": ("#d1fae5", "#047857"),
    "proposed": ("#dbeafe", "#1d4ed8"),
    "superseded": ("#e5e7eb", "#4b5563"),
    "deprecated": ("#fef3c7", "#b45309"),
    "rejected": ("#fee2e2", "#b91c1c"),
    "active": ("#ede9fe", "#6d28d9"),  # tenets
    "retired": ("#f3f4f6", "#6b7280"),
}
UNKNOWN_COLORS = ("#ffffff", "#6b7280")
ONE_WAY_STROKE, TWO_WAY_STROKE = 4, 1.25
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LAST = 1 << 62


def _escape(text: str) -> str:
    """Text safe in XML content and in double-quoted attributes (also as inline HTML)."""
    return html.escape(_NOT_XML.sub("\ufffd", text), quote=True)


@dataclass(frozen=True)
class RelationGraph:
    """What is drawn: records in drawing order and edges as index pairs."""

    decisions: list[Record]
    tenets: list[Record]
    supersedes: list[tuple[int, int]]
    """(successor, predecessor) indices into :attr:`decisions`."""
    follows: list[tuple[int, int]]
    """(decision, tenet) indices into :attr:`decisions` and :attr:`tenets`."""
    omitted: int
    """Decisions left out because the registry is large."""
    dangling: int
    """References to records that do not exist (not drawn)."""


def _age(record: Record) -> tuple[int, str]:
    number = record.number
    return (number if number is not None else _LAST, record.path)


def _priority(record: Record) -> tuple[int, int, str]:
    priority = record.values.get("priority")
    return (priority if isinstance(priority, int) else _LAST, *_age(record))


def _first_by_id(records: Sequence[Record]) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, record in enumerate(records):
        if record.id is not None:
            index.setdefault(record.id, position)  # a duplicate id links to the oldest
    return index


def relation_graph(registry: Registry) -> RelationGraph:
    """The nodes and edges to draw for ``registry`` (see the module doc for large ones)."""
    decisions = sorted(registry.decisions, key=_age)
    by_id = _first_by_id(decisions)
    pairs: dict[tuple[int, int], None] = {}  # ordered and deduplicated
    dangling = 0
    for position, record in enumerate(decisions):
        for other, forward in [(i, True) for i in record.list_value("supersedes")] + [
            (i, False) for i in record.list_value("superseded_by")
        ]:
            found = by_id.get(other)
            if found is None:
                dangling += 1
            elif found != position:
                pairs[(position, found) if forward else (found, position)] = None
    omitted = 0
    if len(decisions) > LARGE_GRAPH_DECISIONS:
        chained = {end for pair in pairs for end in pair}
        kept = [
            i
            for i, record in enumerate(decisions)
            if i in chained or record.str_value("door") == "one-way"
        ]
        renumber = {old: new for new, old in enumerate(kept)}
        omitted = len(decisions) - len(kept)
        decisions = [decisions[i] for i in kept]
        pairs = {(renumber[a], renumber[b]): None for a, b in pairs}
    tenets = sorted(registry.tenets, key=_priority)
    tenet_index = _first_by_id(tenets)
    follows: dict[tuple[int, int], None] = {}
    for position, record in enumerate(decisions):
        for tenet_id in record.list_value("tenets"):
            found = tenet_index.get(tenet_id)
            if found is None:
                dangling += 1
            else:
                follows[(position, found)] = None
    return RelationGraph(decisions, tenets, list(pairs), list(follows), omitted, dangling)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _node(record: Record, x: int, y: int, link: str | None) -> str:
    label = record.id or record.path.rsplit("/", 1)[-1].removesuffix(".md")
    title = record.title or "(untitled)"
    status = record.status or "no status"
    fill, stroke = STATUS_COLORS.get(record.status or "", UNKNOWN_COLORS)
    if record.kind == "tenet":
        width, rounding, extra = TWO_WAY_STROKE, NODE_H // 2, f"tenet, {status}"
    else:
        door = record.str_value("door")
        width = ONE_WAY_STROKE if door == "one-way" else TWO_WAY_STROKE
        rounding, extra = 6, f"{status}, {door + ' door' if door else 'no door'}"
    inset = width / 2  # keep a thick border inside the cell
    node = (
        f'<g class="hinges-graph-node hinges-graph-node--{record.kind}"'
        f' data-id="{_escape(label)}"><title>{_escape(f"{label}: {title} ({extra})")}</title>'
        f'<rect x="{x + inset:g}" y="{y + inset:g}" width="{NODE_W - width:g}"'
        f' height="{NODE_H - width:g}" rx="{rounding}" fill="{fill}" stroke="{stroke}"'
        f' stroke-width="{width:g}"/>'
        f'<text x="{x + 10}" y="{y + 18}" fill="{TEXT_FILL}" font-weight="bold">'
        f"{_escape(_shorten(label, TITLE_CHARS))}</text>"
        f'<text x="{x + 10}" y="{y + 34}" fill="{TEXT_FILL}">'
        f"{_escape(_shorten(title, TITLE_CHARS))}</text></g>"
    )
    # xlink:href, not href: material's instant navigation assigns ``el.href`` on every
    # ``[href]`` element of a page it loads, which throws on SVG links (read-only there).
    return node if link is None else f'<a xlink:href="{_escape(link)}">{node}</a>'


def _supersedes_path(successor: tuple[int, int], predecessor: tuple[int, int]) -> str:
    """An elbow from the successor's left side to the predecessor's right side.

    When the predecessor is not to the left (a wrapped chain or a cycle), the path first
    leaves the successor into the row gap above or below it, so it runs through gaps only.
    """
    sx, sy = successor
    px, py = predecessor
    s_mid, p_mid, p_right = sy + NODE_H // 2, py + NODE_H // 2, px + NODE_W
    if p_right < sx:
        bend = sx - GAP_X // 2
        return f"M{sx},{s_mid}H{bend}V{p_mid}H{p_right}"
    up = py < sy
    gap_y = sy - GAP_Y // 2 if up else sy + NODE_H + GAP_Y // 2
    start_y = sy if up else sy + NODE_H
    start_x = sx + NODE_W // 2
    return f"M{start_x},{start_y}V{gap_y}H{p_right + GAP_X // 2}V{p_mid}H{p_right}"


_LEGEND = (
    [("swatch", status, status) for status in list(STATUS_COLORS)[:5]]
    + [("swatch", "active", "tenet"), ("door", "one-way", "one-way door (thick border)")]
    + [("door", "two-way", "two-way door")]
    + [("supersedes", "", "supersedes (newer → older)")]
    + [("follows", "", "follows (decision → tenet)")]
)
_ARROWS = (
    '<defs><marker id="hinges-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5"'
    ' markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0L10,5L0,10z"'
    ' fill="currentColor"/></marker><marker id="hinges-graph-arrow-light" viewBox="0 0 10 10"'
    ' refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
    '<path d="M0,0L10,5L0,10z" fill="currentColor" fill-opacity="0.5"/></marker></defs>'
)
_SUPERSEDES_STYLE = (
    'fill="none" stroke="currentColor" stroke-width="1.6" marker-end="url(#hinges-graph-arrow)"'
)
_FOLLOWS_STYLE = (
    'fill="none" stroke="currentColor" stroke-opacity="0.35" stroke-width="1"'
    ' stroke-dasharray="5 4" marker-end="url(#hinges-graph-arrow-light)"'
)


def graph_legend() -> str:
    """The legend as an HTML list above the picture: it wraps to any width and stays in
    view however the picture is zoomed or moved. Each item's sample is a small SVG."""
    items = []
    for kind, key, label in _LEGEND:
        if kind in ("swatch", "door"):
            fill, stroke = STATUS_COLORS[key] if kind == "swatch" else UNKNOWN_COLORS
            width = ONE_WAY_STROKE if key == "one-way" else TWO_WAY_STROKE
            shape = (
                f'<rect x="2" y="3" width="26" height="14" rx="3" fill="{fill}"'
                f' stroke="{stroke}" stroke-width="{width:g}"/>'
            )
        else:
            style = _SUPERSEDES_STYLE if kind == "supersedes" else _FOLLOWS_STYLE
            shape = f'<path d="M1,10H29" {style}/>'
        sample = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"'
            f' viewBox="0 0 30 20" aria-hidden="true">{shape}</svg>'
        )
        items.append(f"<li>{sample}<span>{label}</span></li>")
    return f'<ul class="hinges-graph-legend" aria-label="Legend">{"".join(items)}</ul>'


def _notes(graph: RelationGraph) -> list[str]:
    notes = []
    if graph.omitted:
        shown = len(graph.decisions)
        notes.append(f"Showing {shown} of {shown + graph.omitted} decisions: above")
        notes.append(
            f"{LARGE_GRAPH_DECISIONS} decisions only supersedes chains and one-way doors are drawn."
        )
    if graph.dangling:
        notes.append(f"{graph.dangling} references to missing records are not drawn.")
    return notes


def relation_graph_svg(registry: Registry, link_for: Callable[[Record], str | None]) -> str:
    """One inline ``<svg>`` of ``registry``'s relations; nodes link to ``link_for(record)``."""
    graph = relation_graph(registry)
    placement = place_decisions(len(graph.decisions), graph.supersedes, MAX_COLUMNS, MIN_COLUMNS)
    columns = max(placement.columns, min(MAX_COLUMNS, len(graph.tenets)))
    body: list[str] = []
    y = MARGIN
    notes = _notes(graph)
    for note in notes:
        body.append(f'<text x="{MARGIN}" y="{y + 15}" fill="currentColor">{_escape(note)}</text>')
        y += LINE_H
    y += GAP_Y // 2
    sections: list[tuple[str, int]] = []
    tenet_at: list[tuple[int, int]] = []
    decision_at: list[tuple[int, int]] = []
    if graph.tenets:
        sections.append(("Tenets, by priority", y))
        y += LABEL_H
        tenet_at = [
            (MARGIN + (i % columns) * CELL_W, y + (i // columns) * CELL_H)
            for i in range(len(graph.tenets))
        ]
        y += -(-len(graph.tenets) // columns) * CELL_H
    if graph.decisions:
        sections.append(("Decisions, each chain from oldest to newest", y))
        y += LABEL_H
        decision_at = [(MARGIN + c * CELL_W, y + r * CELL_H) for c, r in placement.cells]
        y += placement.rows * CELL_H
    if not sections:
        body.append(
            f'<text x="{MARGIN}" y="{y + 15}" fill="currentColor">No records to draw.</text>'
        )
        y += LINE_H + GAP_Y
    for label, top in sections:
        body.append(
            f'<text x="{MARGIN}" y="{top + 15}" fill="currentColor" font-weight="bold">'
            f"{label}</text>"
        )
    for decision, tenet in graph.follows:
        (dx, dy), (tx, ty) = decision_at[decision], tenet_at[tenet]
        body.append(
            f'<path class="hinges-graph-edge hinges-graph-edge--follows"'
            f' d="M{dx + NODE_W // 2},{dy}L{tx + NODE_W // 2},{ty + NODE_H}" {_FOLLOWS_STYLE}/>'
        )
    for successor, predecessor in graph.supersedes:
        path = _supersedes_path(decision_at[successor], decision_at[predecessor])
        body.append(
            f'<path class="hinges-graph-edge hinges-graph-edge--supersedes" d="{path}"'
            f" {_SUPERSEDES_STYLE}/>"
        )
    for records, places in ((graph.tenets, "tenet"), (graph.decisions, "decision")):
        where = tenet_at if places == "tenet" else decision_at
        body.extend(_node(r, *where[i], link_for(r)) for i, r in enumerate(records))
    width = 2 * MARGIN + columns * CELL_W - GAP_X
    height = y - GAP_Y + MARGIN
    summary = (
        f"Relation graph: {len(graph.decisions)} decisions, {len(graph.tenets)} tenets,"
        f" {len(graph.supersedes)} supersedes links, {len(graph.follows)} tenet links."
    )
    label = " ".join([summary, *notes])
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="{XLINK}"'
        f' class="hinges-graph-svg" width="{width}"'
        f' height="{height}" viewBox="0 0 {width} {height}" role="img"'
        f' aria-label="{_escape(label)}" data-omitted="{graph.omitted}"'
        f' font-family="sans-serif" font-size="12"><desc>{_escape(label)}</desc>'
        f"{_ARROWS}{''.join(body)}</svg>"
    )
