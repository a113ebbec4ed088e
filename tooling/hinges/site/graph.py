"""What the relation graph draws: decisions, tenets and the relations between them.

Two kinds of edges: *supersedes* (successor -> the record it replaces) and *follows*
(decision -> tenet). The picture itself is drawn by :mod:`hinges.site.graph_svg`.

Large registries: above :data:`LARGE_GRAPH_DECISIONS` decisions a picture of every record
is unreadable (and heavy), so only decisions in a supersedes chain of two or more records
and one-way doors are drawn; the picture says how many were left out, and the catalog table
still lists them all. References to records that do not exist (or cycles) are findings of
``hinges check``; here they are skipped (and counted) or broken, never fatal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hinges.records import Record

if TYPE_CHECKING:
    from hinges.loader import Registry

LARGE_GRAPH_DECISIONS = 400
_LAST = 1 << 62


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
