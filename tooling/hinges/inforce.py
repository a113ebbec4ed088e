"""What is in force, and which decisions govern a path: one answer for every caller.

``hinges why``, ``hinges check`` (guards), the pull-request gate, the catalog, CODEOWNERS
and the MCP layer all ask the same two questions; they are answered here only:

* :func:`in_force`: the decisions a team must follow now: ``status: accepted`` and not
  superseded (no ``superseded_by``), one-way doors first, then by number;
* :func:`governing`: for each path, the decisions in force whose ``applies_to`` matches it
  (:func:`governing_any` for a set of paths, such as a folder's files or a change).

Paths and patterns are relative to the registry root with ``/`` separators (see
:mod:`hinges.globs` for the pattern syntax). Patterns that are refused (absolute, ``..``)
are ignored here; the invalid-glob rule reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from hinges.globs import GlobError, compile_glob, matching_sorted
from hinges.loader import Registry
from hinges.records import Record

T = TypeVar("T")

__all__ = [
    "Governing",
    "active_tenets",
    "current_successors",
    "door_order",
    "governing",
    "governing_any",
    "in_force",
    "is_in_force",
    "merge_governing",
    "scope",
    "successors",
    "tenet_order",
    "tenets_of",
]


def is_in_force(record: Record) -> bool:
    """Whether ``record`` is a decision in force: accepted and not superseded."""
    return (
        record.kind == "decision"
        and record.status == "accepted"
        and not record.list_value("superseded_by")
    )


def door_order(record: Record) -> tuple[int, int, str]:
    """Sort key: one-way doors first, then by file number, then by path."""
    one_way = 0 if record.str_value("door") == "one-way" else 1
    number = record.number
    return one_way, number if number is not None else 1 << 62, record.path


def in_force(registry: Registry) -> list[Record]:
    """The decisions in force, one-way doors first, then by number."""
    return list(_memo(registry, "in_force", lambda: _in_force(registry)))


def _in_force(registry: Registry) -> list[Record]:
    return sorted((r for r in registry.decisions if is_in_force(r)), key=door_order)


def _memo(registry: Registry, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept on the registry until its decisions change in number.

    A long-lived caller (the MCP server) asks the same questions of one loaded registry
    thousands of times; records are not edited in place after loading.
    """
    size = len(registry.decisions)
    kept = registry.memo.get(key)
    if kept is None or kept[0] != size:
        kept = registry.memo[key] = (size, compute())
    value: T = kept[1]
    return value


def scope(record: Record) -> list[str]:
    """The usable patterns of a decision's ``applies_to`` (refused ones left out)."""
    usable = []
    for pattern in record.list_value("applies_to"):
        try:
            compile_glob(pattern)
        except GlobError:
            continue
        usable.append(pattern)
    return usable


@dataclass(frozen=True)
class Governing:
    """A decision in force that governs a path, and the patterns of it that match."""

    decision: Record
    patterns: tuple[str, ...]


class _Scopes:
    """The decisions in force that have a usable ``applies_to``, and for each distinct
    pattern the decisions (by index, in :func:`door_order`) that hold it."""

    def __init__(self, registry: Registry) -> None:
        scoped = [(record, scope(record)) for record in in_force(registry)]
        self.scoped = [(record, patterns) for record, patterns in scoped if patterns]
        self.holders: dict[str, list[int]] = {}
        for index, (_record, patterns) in enumerate(self.scoped):
            for pattern in patterns:
                self.holders.setdefault(pattern, []).append(index)


def governing(registry: Registry, paths: Iterable[str]) -> dict[str, list[Governing]]:
    """For each path, the decisions in force whose ``applies_to`` matches it.

    The result has every path given (an empty list: nothing governs it), in the order
    given; each list is in :func:`door_order`.
    """
    paths = list(paths)
    ordered = sorted(set(paths))
    scopes = _memo(registry, "scopes", lambda: _Scopes(registry))
    # Each distinct pattern is tried once, on the run of sorted paths that share its literal
    # prefix, not on every path: a catalog asks about every file of the repository at once,
    # and the MCP server asks again and again about a few.
    hits: dict[str, set[str]] = {}
    for pattern in scopes.holders:
        for path in matching_sorted(ordered, pattern):
            hits.setdefault(path, set()).add(pattern)
    answer: dict[str, list[Governing]] = {}
    for path in paths:
        found = hits.get(path, set())
        indexes = sorted({i for pattern in found for i in scopes.holders[pattern]})
        answer[path] = [
            Governing(record, tuple(p for p in patterns if p in found))
            for record, patterns in (scopes.scoped[i] for i in indexes)
        ]
    return answer


def governing_any(registry: Registry, paths: Iterable[str]) -> list[Governing]:
    """The decisions in force that govern at least one of ``paths`` (a folder's files),
    each with every pattern of it that matched one of them, in :func:`door_order`."""
    return merge_governing(governing(registry, paths).values())


def merge_governing(answers: Iterable[list[Governing]]) -> list[Governing]:
    """Several paths' answers from :func:`governing` as one (what :func:`governing_any`
    returns): for a caller that asked :func:`governing` once about many folders' files."""
    merged: dict[str, tuple[Record, dict[str, None]]] = {}
    for found in answers:
        for entry in found:
            patterns = merged.setdefault(entry.decision.path, (entry.decision, {}))[1]
            patterns.update(dict.fromkeys(entry.patterns))
    ordered = sorted(merged.values(), key=lambda item: door_order(item[0]))
    return [Governing(record, tuple(patterns)) for record, patterns in ordered]


def tenet_order(tenet: Record) -> tuple[bool, int, int, str]:
    """Sort key of tenets: by priority (1 first, none last), then by number and path."""
    priority = tenet.values.get("priority")
    number = tenet.number
    return (
        not isinstance(priority, int),
        priority if isinstance(priority, int) else 0,
        number if number is not None else 1 << 62,
        tenet.path,
    )


def active_tenets(registry: Registry) -> list[Record]:
    """The tenets in force (``status: active``), in the order of their priority."""
    return sorted((t for t in registry.tenets if t.status == "active"), key=tenet_order)


def tenets_of(registry: Registry, record: Record) -> list[Record]:
    """The tenets ``record`` cites that exist, in the order of their priority."""
    by_id = registry.tenets_by_id()
    cited = [by_id[t][0] for t in record.list_value("tenets") if t in by_id]
    return sorted(cited, key=lambda t: (t.values.get("priority", 1 << 30), t.id or ""))


def successors(record: Record) -> list[str]:
    """The ids that replace ``record`` (its ``superseded_by``), as written."""
    return record.list_value("superseded_by")


def current_successors(registry: Registry, record: Record) -> list[str]:
    """The ids at the end of ``record``'s chain of successors: what replaces it now.

    ``superseded_by`` is followed through successors that are superseded in turn (a
    cycle or an unknown id ends the walk there), in the order written, without repeats.
    """
    by_id = registry.decisions_by_id()
    found: dict[str, None] = {}
    seen = {record.id}
    pending = list(successors(record))
    while pending:
        current = pending.pop(0)
        if current in seen:
            continue
        seen.add(current)
        replaced = by_id.get(current, [])
        following = successors(replaced[0]) if replaced else []
        if following:
            pending[:0] = following
        else:
            found[current] = None
    return list(found)
