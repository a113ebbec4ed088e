"""Pair the records of the base registry with those of the working tree, and diff them.

Records are paired when they are the same record, not merely when they share a number or
an id: two teams that each add "the next" decision give two different records one number.
The evidence is the path (a record at the same path on both sides), or, for a file that
moved, its content (:mod:`hinges.gate.identity`). Which side changed a path comes from the
fork (the merge-base of the base ref and HEAD, :class:`Fork`) when the branch is behind
its base: a base file the branch lacks is *deleted* or *renamed* only if the branch had it.

* A base file missing from the working tree, that the branch had at the fork, is
  *renamed* when a record the branch added is the same record, and *deleted* otherwise;
  one the fork did not have was added by the base since, and is not the branch's doing.
* A record at a path the fork did not have is *added* by the branch; if the base has a
  different record at that very path (both added it), it is also a *clash*.
* A record the base moved or removed since the fork, still at its old path in the working
  tree, is paired with its version at the fork, so only the branch's own edits are judged.

Content is compared as meaning, not bytes: front-matter values by key (quoting style, key
order and comments do not count), the body with runs of whitespace collapsed (reflowing a
paragraph, trailing spaces, blank lines and line endings do not change what Markdown
renders, so they are not content changes).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hinges.gate.identity import same_record
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
class Fork:
    """The registry where the branch forked from the base (their merge-base), when it differs.

    It tells which side changed a path: a base file the fork did not have was added by the
    base after the branch forked (the branch is behind, it did not delete it), and a file
    the fork had that the base no longer has was removed or moved by the base.
    """

    files: dict[str, RecordKind]
    """Every record file at the fork: relative path -> kind."""
    records: dict[str, Record]
    """The fork's version of each record the base has changed or removed since (loadable)."""


@dataclass
class BaseRegistry(Registry):
    """The registry at the base ref, with what the gate knows of its history."""

    ref: str = ""
    """The ref as the user named it (for advice such as ``hinges renumber --base REF``)."""
    fork: Fork | None = None
    """None: the base is where the branch forked (a merge result), or it cannot be known."""


@dataclass(frozen=True)
class Pair:
    """The same record at the base and in the working tree (both loadable)."""

    base: Record
    head: Record
    fork: Record | None = None
    """Its version at the fork when the base changed it since: the branch changed a field
    only where ``head`` differs from this (see :func:`branch_changes`)."""


@dataclass
class Comparison:
    """How the working tree's registry differs from the base's."""

    added: list[Record] = field(default_factory=list)
    """Records the branch added (renamed records excluded, clashes included)."""
    kept: list[Pair] = field(default_factory=list)
    """Records on both sides: at the same path, or where the base moved them."""
    deleted: list[str] = field(default_factory=list)
    """Base record files (relative paths) the branch removed and did not rename."""
    renamed: dict[str, Record] = field(default_factory=dict)
    """Base path -> the working tree's same record at a new path (see identity)."""
    clashes: set[str] = field(default_factory=set)
    """Paths of added records whose path the base uses for a different record (both added it)."""
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


def branch_changes(pair: Pair) -> list[str]:
    """:func:`changed_fields` of ``pair`` that the branch made (not those the base made since)."""
    changed = changed_fields(pair.base, pair.head)
    if pair.fork is None or not changed:
        return changed
    touched = set(changed_fields(pair.fork, pair.head))
    return [key for key in changed if key in touched]


def _by_path(records: Iterable[Record]) -> dict[str, Record]:
    return {record.path: record for record in records}


def _rename_target(old: Record, candidates: list[Record], taken: set[str]) -> Record | None:
    """The branch-added record that is ``old`` under a new name: same id, number or body."""
    body = normalized_body(old.body)
    related = [
        record
        for record in candidates
        if record.path not in taken
        and record.kind == old.kind
        and (
            (old.id is not None and record.id == old.id)
            or (old.number is not None and record.number == old.number)
            or normalized_body(record.body) == body
        )
    ]
    related.sort(key=lambda record: (record.id != old.id, record.number != old.number))
    return next((record for record in related if same_record(old, record)), None)


def compare(base: Registry, head: Registry) -> Comparison:
    """Pair ``base`` and ``head`` records; find additions, deletions, renames and clashes.

    Two records are paired when they are the same record: at the same path (unless both
    sides added that path since the fork, with different records), at the path the base
    moved it to, or renamed by the branch as :func:`hinges.gate.identity.same_record` shows.
    """
    fork = base.fork if isinstance(base, BaseRegistry) else None
    at_fork = fork.files if fork is not None else base.files
    base_records = _by_path(base.records())
    head_records = _by_path(head.records())
    comparison = Comparison(base_records=base_records)
    branch_added: list[Record] = []
    for path in sorted(head_records):
        record = head_records[path]
        if path not in at_fork:
            before = base_records.get(path)
            if path in base.files and before is not None and same_record(before, record):
                comparison.kept.append(Pair(before, record))
                continue
            branch_added.append(record)
            if path in base.files:
                comparison.clashes.add(path)
        elif path in base_records:
            older = fork.records.get(path) if fork is not None else None
            comparison.kept.append(Pair(base_records[path], record, older))
        elif fork is not None and path not in base.files and path in fork.records:
            comparison.kept.append(Pair(fork.records[path], record))  # the base moved it
    taken: set[str] = set()
    for path in sorted(base.files):
        if path in head.files or path not in at_fork:
            continue  # kept, or added by the base since the fork (the branch is behind)
        old = base_records.get(path)
        moved = _rename_target(old, branch_added, taken) if old is not None else None
        if moved is None:
            comparison.deleted.append(path)
        else:
            comparison.renamed[path] = moved
            taken.add(moved.path)
    comparison.added = [record for record in branch_added if record.path not in taken]
    comparison.clashes -= taken
    return comparison
