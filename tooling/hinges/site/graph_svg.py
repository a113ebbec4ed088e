"""The relation graph drawn as one self-contained inline SVG, and its legend.

Tenets sit in a row at the top by priority; decisions sit below in supersedes chains, oldest
to newest (see :mod:`hinges.site.layout`). A *supersedes* edge is a solid arrow, a *follows*
edge dashed and lighter. Node fill says the status, a thick border says one-way door. The
legend is HTML beside the picture (:func:`graph_legend`), so zooming or moving the picture
never hides it.

The page is a few hundred nodes and about a thousand edges, so nothing that repeats is
written per element: each edge kind is one group whose attributes style every path in it,
and a node carries only its position (``transform``), its link and its status and door
classes; the box's size, fill, border and text style come from ``catalog.css`` (linked by
every catalog page), the same classes colouring the legend's swatches. The SVG holds no
script, no foreignObject and no reference outside itself except the node links returned by
``link_for``; every text from a record is XML-escaped, and a status only becomes a class
when it is one of :data:`STATUSES`. Colours that must follow the page's light or dark scheme
(edges, legend text) use ``currentColor``; nodes have light fills with dark text, readable on
either.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from hinges.records import Record
from hinges.site.graph import LARGE_GRAPH_DECISIONS, RelationGraph, relation_graph
from hinges.site.layout import place_decisions

if TYPE_CHECKING:
    from hinges.loader import Registry

XLINK = "http://www.w3.org/1999/xlink"
MAX_COLUMNS, MIN_COLUMNS = 5, 3
NODE_W, NODE_H, GAP_X, GAP_Y, MARGIN = 168, 44, 36, 28, 20
"""A node's box in user units; ``catalog.css`` draws its rectangle to this size."""
CELL_W, CELL_H = NODE_W + GAP_X, NODE_H + GAP_Y
LINE_H, LABEL_H = 22, 24
TITLE_CHARS = 25
STATUSES = ("accepted", "proposed", "superseded", "deprecated", "rejected", "active", "retired")
"""Statuses with a colour (``.hinges-node--<status>`` in ``catalog.css``); others are white."""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _escape(text: str) -> str:
    """Text safe in XML content and in double-quoted attributes (also as inline HTML)."""
    return html.escape(_NOT_XML.sub("\ufffd", text), quote=True)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def node_classes(record: Record) -> list[str]:
    """The status and door classes that colour a node (and nothing from the record)."""
    classes = [f"hinges-node--{record.status}"] if record.status in STATUSES else []
    if record.kind != "tenet" and record.str_value("door") == "one-way":
        classes.append("hinges-node--one-way")
    return classes


def _node(record: Record, x: int, y: int, link: str | None) -> str:
    label = record.id or record.path.rsplit("/", 1)[-1].removesuffix(".md")
    title = record.title or "(untitled)"
    status = record.status or "no status"
    if record.kind == "tenet":
        extra = f"tenet, {status}"
    else:
        door = record.str_value("door")
        extra = f"{status}, {door + ' door' if door else 'no door'}"
    classes = node_classes(record)
    attributes = f' class="{" ".join(classes)}"' if classes else ""
    body = (
        f"<title>{_escape(f'{label}: {title} ({extra})')}</title><rect/>"
        f'<text x="10" y="18">{_escape(_shorten(label, TITLE_CHARS))}</text>'
        f'<text x="10" y="34">{_escape(_shorten(title, TITLE_CHARS))}</text>'
    )
    where = f' transform="translate({x},{y})"'
    if link is None:
        return f"<g{attributes}{where}>{body}</g>"
    # xlink:href, not href: material's instant navigation assigns ``el.href`` on every
    # ``[href]`` element of a page it loads, which throws on SVG links (read-only there).
    return f'<a xlink:href="{_escape(link)}"{attributes}{where}>{body}</a>'


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


_ARROWS = (
    '<defs><marker id="hinges-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5"'
    ' markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0L10,5L0,10z"'
    ' fill="currentColor"/></marker><marker id="hinges-graph-arrow-light" viewBox="0 0 10 10"'
    ' refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
    '<path d="M0,0L10,5L0,10z" fill="currentColor" fill-opacity="0.5"/></marker></defs>'
)
# Each edge kind is one group: its paths inherit these (fill, stroke and marker-end are
# inherited), so an edge is only its path. Attributes, not CSS: the marker's url(#...) then
# always names this document, however a stylesheet's own URL would resolve it.
_EDGE_STYLE = {
    "supersedes": (
        'fill="none" stroke="currentColor" stroke-width="1.6" marker-end="url(#hinges-graph-arrow)"'
    ),
    "follows": (
        'fill="none" stroke="currentColor" stroke-opacity="0.35" stroke-width="1"'
        ' stroke-dasharray="5 4" marker-end="url(#hinges-graph-arrow-light)"'
    ),
}
_LEGEND = (
    [(f"hinges-node--{status}", status) for status in STATUSES[:5]]
    + [("hinges-node--active", "tenet")]
    + [("hinges-node--one-way", "one-way door (thick border)"), ("", "two-way door")]
)
_EDGE_LEGEND = (
    ("supersedes", "supersedes (newer → older)"),
    ("follows", "follows (decision → tenet)"),
)


def graph_legend() -> str:
    """The legend as an HTML list above the picture: it wraps to any width and stays in
    view however the picture is zoomed or moved. A node's sample is a box styled by the
    node's own classes; an edge's sample is a small SVG styled as the edges are."""
    items = [
        f'<li><span class="{f"hinges-graph-key {classes}".rstrip()}"></span>{label}</li>'
        for classes, label in _LEGEND
    ]
    items += [
        f'<li><svg width="30" height="20" aria-hidden="true" {_EDGE_STYLE[kind]}>'
        f'<path d="M1,10H29"/></svg>{label}</li>'
        for kind, label in _EDGE_LEGEND
    ]
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


def _edges(kind: str, paths: list[str]) -> str:
    if not paths:
        return ""
    drawn = "".join(f'<path d="{path}"/>' for path in paths)
    return f'<g class="hinges-graph-edge hinges-graph-edge--{kind}" {_EDGE_STYLE[kind]}>{drawn}</g>'


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
    follows = []
    for decision, tenet in graph.follows:
        (dx, dy), (tx, ty) = decision_at[decision], tenet_at[tenet]
        follows.append(f"M{dx + NODE_W // 2},{dy}L{tx + NODE_W // 2},{ty + NODE_H}")
    body.append(_edges("follows", follows))
    supersedes = [
        _supersedes_path(decision_at[successor], decision_at[predecessor])
        for successor, predecessor in graph.supersedes
    ]
    body.append(_edges("supersedes", supersedes))
    for records, where, kind in (
        (graph.tenets, tenet_at, "tenets"),
        (graph.decisions, decision_at, "decisions"),
    ):
        if records:
            nodes = "".join(_node(r, *where[i], link_for(r)) for i, r in enumerate(records))
            body.append(f'<g class="hinges-graph-nodes hinges-graph-{kind}">{nodes}</g>')
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
        f' font-family="sans-serif" font-size="12">'
        f"{_ARROWS}{''.join(body)}</svg>"
    )
