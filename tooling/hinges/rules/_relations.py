"""Indexes and the supersedes graph, shared by the reference rules (not a rule itself).

Everything here is built once per check and is linear in the size of the registry; the
graph walks are iterative, so a chain of any length neither recurses nor slows down.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from hinges.loader import Registry
from hinges.numbers import number_value
from hinges.records import Record
from hinges.visible import shorten

SUPERSEDES = "supersedes"
SUPERSEDED_BY = "superseded_by"
RELATION_KEYS = (SUPERSEDES, SUPERSEDED_BY)
INVERSE = {SUPERSEDES: SUPERSEDED_BY, SUPERSEDED_BY: SUPERSEDES}
_TRAILING_NUMBER = re.compile(r"([0-9]+)$")


def id_sort_key(record_id: str) -> tuple[int, str]:
    """Orders ids by number, so ADR-9999 comes before ADR-10000."""
    match = _TRAILING_NUMBER.search(record_id)
    number = number_value(match[1]) if match else None
    return (-1 if number is None else number, record_id)


class IdIndex:
    """Records of one kind by id (the first by file name when an id is shared)."""

    def __init__(self, by_id: dict[str, list[Record]]) -> None:
        self.records = {record_id: records[0] for record_id, records in by_id.items()}
        self._by_number: dict[int, list[str]] | None = None  # built on the first suggestion

    def _numbers(self) -> dict[int, list[str]]:
        if self._by_number is None:
            self._by_number = {}
            for record_id in self.records:
                match = _TRAILING_NUMBER.search(record_id)
                number = number_value(match[1]) if match else None
                if number is not None:
                    self._by_number.setdefault(number, []).append(record_id)
        return self._by_number

    def get(self, record_id: str) -> Record | None:
        return self.records.get(record_id)

    def suggestions(self, reference: str) -> list[str]:
        """Ids with the same number as ``reference`` (``ADR-0042`` for ``ADR-42`` or ``adr-0042``).

        Matching by number (a dictionary look-up) rather than by spelling keeps a registry
        full of broken references fast, and ids differ mostly in their number anyway.
        """
        match = _TRAILING_NUMBER.search(reference)
        number = number_value(match[1]) if match else None
        if number is None:
            return []
        same = [i for i in self._numbers().get(number, []) if i != reference]
        return sorted(same, key=id_sort_key)


def did_you_mean(suggestions: list[str]) -> str:
    if not suggestions:
        return ""
    return f"; did you mean {' or '.join(shorten(s) for s in suggestions)}?"


def references(record: Record) -> Iterator[tuple[str, str]]:
    """Every (key, referenced id) of a decision's supersedes and superseded_by lists."""
    for key in RELATION_KEYS:
        for target in record.list_value(key):
            yield key, target


class Link(NamedTuple):
    """One resolved reference: ``source`` lists ``target_id`` in its ``key`` list."""

    source: Record
    source_id: str
    key: str
    target_id: str
    target: Record


def links(decisions: Iterable[Record], index: IdIndex) -> Iterator[Link]:
    """Every reference that resolves to another decision. Self-references and unknown ids
    are left out (their own rules report them), and so are records without an id."""
    for record in decisions:
        own = record.id
        if own is None:
            continue
        for key in RELATION_KEYS:
            targets = record.values.get(key)
            if not isinstance(targets, list):
                continue
            for target_id in targets:
                target = index.records.get(target_id)
                if target is not None and target_id != own:
                    yield Link(record, own, key, target_id, target)


def successors_with_status(registry: Registry, status: str) -> Iterator[Link]:
    """Every ``superseded_by`` link whose successor has ``status``."""
    index = IdIndex(registry.decisions_by_id())
    for link in links(registry.decisions, index):
        if link.key == SUPERSEDED_BY and link.target.status == status:
            yield link


def supersede_edges(decisions: Iterable[Record], index: IdIndex) -> dict[str, dict[str, None]]:
    """id -> ids it supersedes, from both sides: A.supersedes B and B.superseded_by A."""
    edges: dict[str, dict[str, None]] = {}
    for link in links(decisions, index):
        if link.key == SUPERSEDES:
            edges.setdefault(link.source_id, {})[link.target_id] = None
        else:
            edges.setdefault(link.target_id, {})[link.source_id] = None
    return edges


def strongly_connected(edges: dict[str, dict[str, None]]) -> list[list[str]]:
    """Tarjan's algorithm, iteratively: the strongly connected components of the graph."""
    successors = {node: list(targets) for node, targets in edges.items()}
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in successors:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, position = work[-1]
            targets = successors.get(node, [])
            if position < len(targets):
                work[-1] = (node, position + 1)
                target = targets[position]
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], order[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == order[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


def shortest_cycle_through(
    start: str, members: set[str], edges: dict[str, dict[str, None]]
) -> list[str]:
    """The shortest cycle from ``start`` back to itself inside one component (breadth first)."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for target in edges.get(node, {}):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return path[::-1]
            if target in members and target not in came_from:
                came_from[target] = node
                queue.append(target)
    return [start]  # unreachable for a component of two or more members


def supersede_cycles(edges: dict[str, dict[str, None]]) -> list[list[str]]:
    """One cycle per tangle of decisions that supersede each other in a circle, starting at
    the smallest id of the tangle; self-references are not edges and so never appear."""
    cycles = []
    for component in strongly_connected(edges):
        if len(component) < 2:
            continue
        start = min(component, key=id_sort_key)
        cycles.append(shortest_cycle_through(start, set(component), edges))
    return sorted(cycles, key=lambda cycle: id_sort_key(cycle[0]))
