"""Resolve duplicate record numbers: the record added later moves to the next free number.

Two branches that each add ``0042-...md`` merge without a conflict (the slugs differ) and
leave two records with one number and one id. For every such group, the file added first
keeps its number; "first" is by the commit that added it where the registry is in git
(uncommitted files count as newest), then by the ``date`` field, then by file name. Each
other file gets the next free number (the highest in use plus one, as ``hinges check``
suggests): it is renamed (``git mv`` when tracked) and its ``id`` changes.

References are updated where they can be told apart. Both records had the same id, so a
``supersedes``/``superseded_by`` entry naming it is taken to mean the moved record when
the moved record links back to the one holding the entry (and the kept one does not).
Body links name files, which differ, so links to the moved file's name are always
updated. Citations of a renumbered tenet cannot be told apart and are listed to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from hinges.authoring import gitinfo
from hinges.authoring.edit import FrontMatterEditor
from hinges.authoring.renumber_mentions import mentions_to_check
from hinges.config import Config
from hinges.errors import HingesError
from hinges.loader import Registry, load_registry
from hinges.records import Record, RecordKind
from hinges.rules._collisions import find_collisions
from hinges.rules._naming import expected_id, format_number, highest_number, numbered_name
from hinges.visible import shorten, visible

_BACK_LINK = {"supersedes": "superseded_by", "superseded_by": "supersedes"}


@dataclass(frozen=True)
class Move:
    old_path: str
    new_path: str
    old_id: str
    new_id: str
    kept_path: str
    """The file that keeps the number."""
    kept_at_base: bool = False
    """Whether ``kept_path`` is the base ref's file (``--base``), not the working tree's."""


@dataclass(frozen=True)
class ReferenceEdit:
    path: str
    key: str
    old_id: str
    new_id: str


@dataclass(frozen=True)
class LinkEdit:
    path: str
    old_name: str
    new_name: str


@dataclass
class Plan:
    moves: list[Move] = field(default_factory=list)
    references: list[ReferenceEdit] = field(default_factory=list)
    links: list[LinkEdit] = field(default_factory=list)
    to_check: list[str] = field(default_factory=list)
    """References that could mean either record, for a person to check."""
    use_git: bool = False


def plan_renumber(
    root: Path, config: Config, base: Registry | None = None, base_ref: str | None = None
) -> Plan:
    """What to move. With ``base`` (the registry at ``base_ref``), first every record the
    branch added whose number the base gives another record, to the number ``hinges check
    --base`` suggests; then duplicates within the working tree, as without it. Mentions of
    a moved record outside the record folders are listed to check
    (:mod:`hinges.authoring.renumber_mentions`)."""
    registry = load_registry(root, config)
    if registry.findings:
        first = min(registry.findings, key=lambda finding: finding.sort_key)
        raise HingesError(
            f"cannot renumber while {len({f.path for f in registry.findings})} file(s) do not "
            f"load (first: {first.path}:{first.line}: {first.message}); "
            "fix them first, 'hinges check' lists every problem"
        )
    plan = Plan(use_git=gitinfo.in_repository(root))
    taken = set(base.files) if base is not None else set()
    kinds: tuple[RecordKind, ...] = ("decision", "tenet")
    next_free: dict[RecordKind, int] = {}
    if base is not None:
        for kind in kinds:
            next_free[kind] = highest_number(kind, base.files) + 1
        base_records = {record.path: record for record in base.records()}
        for collision in find_collisions(base, registry):
            record = collision.record
            kept = base_records.get(collision.other)
            _plan_move(
                root,
                registry,
                record.kind,
                kept,
                collision.other,
                record,
                collision.free,
                plan,
                taken,
            )
            plan.moves[-1] = replace(plan.moves[-1], kept_at_base=True)
            next_free[record.kind] = max(next_free.get(record.kind, 0), collision.free + 1)
    moved = {move.old_path for move in plan.moves}
    for kind in kinds:
        records = list(registry.decisions if kind == "decision" else registry.tenets)
        records = [record for record in records if record.path not in moved]
        _plan_kind(root, registry, kind, records, plan, next_free.get(kind, 0), taken)
    plan.to_check.extend(mentions_to_check(registry, plan.moves, base_ref))
    return plan


def _plan_kind(
    root: Path,
    registry: Registry,
    kind: RecordKind,
    records: list[Record],
    plan: Plan,
    least_free: int,
    taken: set[str],
) -> None:
    groups: dict[int, list[Record]] = {}
    for record in records:
        name = numbered_name(kind, record.path)
        if name is not None:
            groups.setdefault(name.number, []).append(record)
    next_free = max(max(groups, default=0) + 1, least_free)
    for number in sorted(groups):
        group = groups[number]
        if len(group) < 2:
            continue
        ordered = sorted(group, key=lambda record: _added_order(root, record, plan.use_git))
        kept = ordered[0]
        for moved in ordered[1:]:
            _plan_move(root, registry, kind, kept, kept.path, moved, next_free, plan, taken)
            next_free += 1


def _added_order(root: Path, record: Record, use_git: bool) -> tuple[float, str, str]:
    added = gitinfo.added_at(root, record.path) if use_git else None
    date = record.date_value("date")
    return (
        float("inf") if added is None else float(added),
        date.isoformat() if date is not None else "9999-99-99",
        record.path.rsplit("/", 1)[-1],
    )


def _plan_move(
    root: Path,
    registry: Registry,
    kind: RecordKind,
    kept: Record | None,
    kept_path: str,
    moved: Record,
    number: int,
    plan: Plan,
    taken: set[str],
) -> None:
    name = numbered_name(kind, moved.path)
    assert name is not None  # grouped by it
    digits = format_number(kind, number)
    prefix = "T-" if kind == "tenet" else ""
    folder, _, old_name = moved.path.rpartition("/")
    new_name = f"{prefix}{digits}-{name.rest}.md"
    new_path = f"{folder}/{new_name}" if folder else new_name
    target = root / new_path
    if new_path in taken or target.exists() or target.is_symlink():
        # Renumbering never overwrites: not a file here, nor one the base has.
        raise HingesError(
            f"cannot move {moved.path} to {new_path}: that file already exists"
            f"{' at the base ref' if new_path in taken else ''}; move or rename it first"
        )
    old_id = moved.id or expected_id(kind, name.digits, registry.config.id_prefix)
    new_id = expected_id(kind, digits, registry.config.id_prefix)
    plan.moves.append(Move(moved.path, new_path, old_id, new_id, kept_path))
    link = _link_to(old_name)
    for record in registry.records():
        if any(link.search(line) for line in record.body.split("\n")):
            plan.links.append(LinkEdit(record.path, old_name, new_name))
    if kind == "tenet":
        for record in registry.decisions:
            if old_id in record.list_value("tenets"):
                plan.to_check.append(
                    f"{record.path}: cites {old_id}; it now means {kept_path}. If it meant "
                    f"the renumbered {new_path}, change it to {new_id}"
                )
        return
    for record in registry.decisions:
        if record is moved or record is kept:
            continue
        for key, back in _BACK_LINK.items():
            if old_id not in record.list_value(key):
                continue
            to_moved = record.id in moved.list_value(back)
            to_kept = kept is not None and record.id in kept.list_value(back)
            if to_moved and not to_kept:
                plan.references.append(ReferenceEdit(record.path, key, old_id, new_id))
            elif to_moved == to_kept:
                plan.to_check.append(
                    f"{record.path}: {key} names {old_id}, which could be {kept_path} or the "
                    f"renumbered {new_path} (now {new_id}); check which it means"
                )


def _link_to(file_name: str) -> re.Pattern[str]:
    """``file_name`` as the last part of a link target (not inside a longer name)."""
    return re.compile(rf"(?<![\w.-]){re.escape(file_name)}(?=[)#>\s\"']|$)")


def apply(root: Path, plan: Plan) -> None:
    """Carry out ``plan``: every edit first (round-trip, atomic), then the renames."""
    edits: dict[str, list[ReferenceEdit | LinkEdit | Move]] = {}
    for move in plan.moves:
        edits.setdefault(move.old_path, []).append(move)
    for reference in plan.references:
        edits.setdefault(reference.path, []).append(reference)
    for link in plan.links:
        edits.setdefault(link.path, []).append(link)
    for path, changes in edits.items():
        editor = FrontMatterEditor.open(root / path, display=path)
        for change in changes:
            if isinstance(change, Move):
                editor.set_scalar("id", change.new_id)
            elif isinstance(change, ReferenceEdit):
                editor.replace_list_item(change.key, change.old_id, change.new_id)
            else:
                editor.replace_in_body(_link_to(change.old_name), change.new_name)
        editor.save()
    for move in plan.moves:
        gitinfo.move(root, move.old_path, move.new_path, use_git=plan.use_git)


def describe(plan: Plan) -> list[str]:
    """The plan as lines a person reads (the same lines for --dry-run and a real run).

    File names and ids are shown with :func:`hinges.visible.visible`, ids cut to a width.
    """
    lines = []
    for move in plan.moves:
        old_path, new_path, kept_path = map(visible, (move.old_path, move.new_path, move.kept_path))
        old_id, new_id = visible(shorten(move.old_id)), visible(shorten(move.new_id))
        lines.append(
            f"{old_path} -> {new_path} ({old_id} -> {new_id}; "
            f"{kept_path}{' at the base ref' if move.kept_at_base else ''} keeps {old_id})"
        )
    for reference in plan.references:
        old_id, new_id = visible(shorten(reference.old_id)), visible(shorten(reference.new_id))
        lines.append(f"{visible(reference.path)}: {reference.key} {old_id} -> {new_id}")
    for link in plan.links:
        old_name, new_name = visible(link.old_name), visible(link.new_name)
        lines.append(f"{visible(link.path)}: links to {old_name} -> {new_name}")
    return lines
