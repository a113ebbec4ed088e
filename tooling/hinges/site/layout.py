"""Grid placement for the relation graph: which cell each decision occupies.

Pure and near-linear, so that a catalog of thousands of records does not spend its build
time laying out a picture. Decisions are numbered ``0..count-1`` in age order (the caller
sorts them by file number) and supersedes edges are ``(successor, predecessor)`` pairs.

The picture reads left to right, oldest to newest:

- decisions linked by supersedes edges form a *chain* (a connected component); each chain is
  layered by longest path (a decision sits one column right of the newest record it
  replaces), and a chain longer than the grid is wide wraps onto further lines, like text;
- chains become rectangular blocks of cells, packed onto shelves of ``columns`` cells:
  multi-record chains first (oldest first), then single decisions, so that chains stay
  together and lone decisions fill rows densely.

Cycles (a finding elsewhere) are broken at their oldest record, so every input terminates.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Placement:
    """Cells of the decision grid: ``cells[i]`` is ``(column, row)`` of decision ``i``."""

    cells: list[tuple[int, int]]
    columns: int
    rows: int


def chains(count: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components of the supersedes edges, each in age order, oldest chain first."""
    parent = list(range(count))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]  # path halving keeps finds near constant
            node = parent[node]
        return node

    for successor, predecessor in edges:
        a, b = find(successor), find(predecessor)
        if a != b:
            parent[max(a, b)] = min(a, b)  # the oldest node is the root: stable output
    groups: dict[int, list[int]] = {}
    for node in range(count):
        groups.setdefault(find(node), []).append(node)
    return list(groups.values())


def layers(nodes: Sequence[int], edges: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Longest-path layer of each node of one chain (0 = replaces nothing in the chain).

    Kahn's algorithm from the predecessors to the successors; when only cycles remain, the
    oldest unplaced node is placed as if its unplaced predecessors did not exist.
    """
    successors: dict[int, list[int]] = {node: [] for node in nodes}
    predecessors: dict[int, list[int]] = {node: [] for node in nodes}
    for successor, predecessor in edges:
        if successor != predecessor:
            successors[predecessor].append(successor)
            predecessors[successor].append(predecessor)
    waiting = {node: len(predecessors[node]) for node in nodes}
    layer: dict[int, int] = {}
    ready = deque(node for node in nodes if waiting[node] == 0)
    unplaced = iter(nodes)  # age order: the next candidate for breaking a cycle
    while len(layer) < len(nodes):
        if not ready:
            breaker = next(node for node in unplaced if node not in layer)
            waiting[breaker] = 0
            ready.append(breaker)
        node = ready.popleft()
        if node in layer:
            continue
        placed = [layer[p] for p in predecessors[node] if p in layer]
        layer[node] = max(placed) + 1 if placed else 0
        for successor in successors[node]:
            waiting[successor] -= 1
            if waiting[successor] == 0 and successor not in layer:
                ready.append(successor)
    return layer


@dataclass(frozen=True)
class _Block:
    width: int
    height: int
    cells: dict[int, tuple[int, int]]
    """Node -> (column, row) relative to the block's top-left cell."""


def _chain_block(nodes: Sequence[int], layer: dict[int, int], columns: int) -> _Block:
    by_layer: dict[int, list[int]] = {}
    for node in nodes:  # age order, so each layer lists its nodes oldest first
        by_layer.setdefault(layer[node], []).append(node)
    depth = max(by_layer) + 1
    line_heights = [
        max(len(by_layer.get(index, ())) for index in range(start, min(start + columns, depth)))
        for start in range(0, depth, columns)
    ]
    line_tops = [0]
    for height in line_heights[:-1]:
        line_tops.append(line_tops[-1] + height)
    cells: dict[int, tuple[int, int]] = {}
    for index, members in by_layer.items():
        line, column = divmod(index, columns)
        for row, node in enumerate(members):
            cells[node] = (column, line_tops[line] + row)
    return _Block(min(depth, columns), sum(line_heights), cells)


def place_decisions(
    count: int, edges: Sequence[tuple[int, int]], max_columns: int, min_columns: int = 1
) -> Placement:
    """Place ``count`` decisions on a grid at most ``max_columns`` wide (see the module doc)."""
    components = chains(count, edges)
    edges_of: dict[int, list[tuple[int, int]]] = {}
    root_of = {node: component[0] for component in components for node in component}
    for edge in edges:
        edges_of.setdefault(root_of[edge[0]], []).append(edge)
    ordered = [c for c in components if len(c) > 1] + [c for c in components if len(c) == 1]
    blocks = [_chain_block(c, layers(c, edges_of.get(c[0], [])), max_columns) for c in ordered]
    used = sum(block.width for block in blocks)
    columns = max(min_columns, min(max_columns, used))
    cells: list[tuple[int, int]] = [(0, 0)] * count
    shelf_top = shelf_height = cursor = 0
    for block in blocks:
        if cursor + block.width > columns and cursor > 0:
            shelf_top, shelf_height, cursor = shelf_top + shelf_height, 0, 0
        for node, (column, row) in block.cells.items():
            cells[node] = (cursor + column, shelf_top + row)
        cursor += block.width
        shelf_height = max(shelf_height, block.height)
    return Placement(cells, columns, shelf_top + shelf_height)
