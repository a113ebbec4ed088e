"""Records the branch added whose number the base already gives another record (not a rule).

One function decides both what ``hinges check --base`` reports (HG904) and what ``hinges
renumber --base`` moves, so the number a finding suggests is the number the record gets.
The branch's record is the one to move: the base's is published, other records and
documents link to it, and it may belong to another team.
"""

from __future__ import annotations

from dataclasses import dataclass

from hinges.gate.compare import BaseRegistry, Comparison, compare
from hinges.loader import Registry
from hinges.records import Record, RecordKind
from hinges.rules._naming import highest_number, numbered_name


@dataclass(frozen=True)
class Collision:
    """An added record whose number the base uses for a different record."""

    record: Record
    """The branch's record, the one to renumber."""
    digits: str
    """Its number as written in its file name."""
    other: str
    """The base's file with that number (the record's own path when both added it)."""
    free: int
    """The number to move it to: the next one free on both sides."""

    @property
    def same_path(self) -> bool:
        return self.other == self.record.path


def renumber_command(base: Registry) -> str:
    """The command that renumbers the collisions found against ``base``."""
    ref = base.ref if isinstance(base, BaseRegistry) and base.ref else "REF"
    return f"hinges renumber --base {ref}"


def _first_by_number(files: dict[str, RecordKind], kind: RecordKind) -> dict[int, str]:
    numbers: dict[int, str] = {}
    for path in sorted(files):
        numbered = numbered_name(kind, path) if files[path] == kind else None
        if numbered is not None:
            numbers.setdefault(numbered.number, path)
    return numbers


def find_collisions(
    base: Registry, head: Registry, comparison: Comparison | None = None
) -> list[Collision]:
    """The branch's records to renumber, in path order, each with its own free number.

    Free numbers start above the highest number used on either side (every file counts,
    loadable or not), so a suggested number is taken by no file at the base or in the
    working tree, and no two suggestions are the same.
    """
    comparison = comparison if comparison is not None else compare(base, head)
    kinds: tuple[RecordKind, ...] = ("decision", "tenet")
    taken = {kind: _first_by_number(base.files, kind) for kind in kinds}
    next_free = {
        kind: max(highest_number(kind, base.files), highest_number(kind, head.files)) + 1
        for kind in kinds
    }
    found = []
    for record in sorted(comparison.added, key=lambda record: record.path):
        numbered = numbered_name(record.kind, record.path)
        if numbered is None:
            continue
        if record.path in comparison.clashes:
            other: str | None = record.path
        else:
            other = taken[record.kind].get(numbered.number)
        if other is None:
            continue
        found.append(Collision(record, numbered.digits, other, next_free[record.kind]))
        next_free[record.kind] += 1
    return found
