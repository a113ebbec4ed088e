"""Pair the records of the base registry with those of the working tree, and diff them.

Records are paired by path: a record's file name is its number and slug, and other records
and documents link to it, so a file that moved is a rename, not the same record. A base
file missing from the working tree is *renamed* when a record with the same id and kind
appears at a path the base did not have, and *deleted* otherwise.

Content is compared as meaning, not bytes: front-matter values by key (quoting style, key
order and comments do not count), the body with runs of whitespace collapsed (reflowing a
paragraph, trailing spaces, blank lines and line endings do not change what Markdown
renders, so they are not content changes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hinges.loader import Registry
from hinges.records import Record, RecordKind
from hinges.yamltree import Mapping, Node, Scalar, Sequence

BODY = "body"
"""The name :func:`changed_fields` gives a change of the Markdown body."""

# The lifecycle: where each status may go next (the same as ``hinges status`` allows).
TRANSITIONS: dict[RecordKind, dict[str, tuple[str, ...]]] = {
    "decision": {"proposed": ("accepted", "rejected"), "accepted": ("deprecated", "superseded")},
    "tenet": {"active": ("retired",)},
}
# A decision in one of these states at the base is history: its content is frozen.
DECIDED = frozenset({"accepted", "deprecated", "superseded"})


@dataclass(frozen=True)
class Pair:
    """A record present at the same path at the base and in the working tree."""

    base: Record
    head: Record


@dataclass
class Comparison:
    """How the working tree's registry differs from the base's."""

    added: list[Record] = field(default_factory=list)
    """Records at paths the base did not have (renamed records excluded)."""
    kept: list[Pair] = field(default_factory=list)
    """Records at the same path on both sides (both loadable)."""
    deleted: list[str] = field(default_factory=list)
    """Base record files (relative paths) that are gone and were not renamed."""
    renamed: dict[str, Record] = field(default_factory=dict)
    """Base path -> the working tree's record with the same id at a new path."""
    base_records: dict[str, Record] = field(default_factory=dict)
    """Loadable base records by path."""


def plain(node: Node) -> Any:
    """A node as comparable plain data: scalars as stripped text, lists, dicts."""
    if isinstance(node, Scalar):
        return node.text.strip()
    if isinstance(node, Sequence):
        return [plain(item) for item in node.items]
    if isinstance(node, Mapping):
        return {key: plain(value) for key, (_, value) in node.entries.items()}
    return None


def normalized_body(body: str) -> str:
    return " ".join(body.split())


def changed_fields(base: Record, head: Record) -> list[str]:
    """Front-matter keys whose value changed (added and removed keys too), then :data:`BODY`."""
    before = base.front.entries
    after = head.front.entries
    changed = [
        key
        for key in [*after, *(key for key in before if key not in after)]
        if key not in before or key not in after or plain(before[key][1]) != plain(after[key][1])
    ]
    if normalized_body(base.body) != normalized_body(head.body):
        changed.append(BODY)
    return changed


def first_changed_body_line(base: Record, head: Record) -> int:
    """The file line of the first body line of ``head`` that differs from ``base``."""
    old = [" ".join(line.split()) for line in base.body.splitlines() if line.strip()]
    index = 0
    for offset, line in enumerate(head.body.splitlines()):
        if not line.strip():
            continue
        if index >= len(old) or " ".join(line.split()) != old[index]:
            return head.body_line + offset
        index += 1
    return head.body_line


def _by_path(records: Iterable[Record]) -> dict[str, Record]:
    return {record.path: record for record in records}


def compare(base: Registry, head: Registry) -> Comparison:
    """Pair ``base`` and ``head`` records by path; find additions, deletions and renames."""
    base_records = _by_path(base.records())
    head_records = _by_path(head.records())
    comparison = Comparison(base_records=base_records)
    new_paths = [path for path in head_records if path not in base.files]
    by_identity = {
        (record.kind, record.id): record
        for path in new_paths
        if (record := head_records[path]).id is not None
    }
    for path in sorted(base.files):
        if path in head.files:
            continue
        old = base_records.get(path)
        moved = None
        if old is not None and old.id is not None:
            moved = by_identity.pop((old.kind, old.id), None)
        if moved is None:
            comparison.deleted.append(path)
        else:
            comparison.renamed[path] = moved
    renamed_to = {record.path for record in comparison.renamed.values()}
    for path in sorted(head_records):
        record = head_records[path]
        if path not in base.files:
            if path not in renamed_to:
                comparison.added.append(record)
        elif path in base_records:
            comparison.kept.append(Pair(base_records[path], record))
    return comparison
