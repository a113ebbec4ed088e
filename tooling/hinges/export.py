"""The registry as one versioned JSON document, for other tools (Backstage, dashboards).

``hinges export`` prints it and the catalog site publishes it as ``registry.json``; both
call :func:`export_document`, so they can never disagree. The shape is documented in
docs/reference/export.md. Within a ``version``, fields are only ever added.

Every field of the format is always present (``null`` or ``[]`` when a record does not
set it), so consumers need no existence checks. Dates are ISO strings.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from hinges import __version__
from hinges.records import Guard, Record
from hinges.reviews import review_entries

if TYPE_CHECKING:
    from hinges.loader import Registry

EXPORT_VERSION = 1
DECISION_FIELDS = (
    "id", "path", "title", "status", "date", "door", "owner", "deciders", "tenets", "tags",
    "exit_path", "review_by", "supersedes", "superseded_by", "applies_to", "guards",
)  # fmt: skip
# The CSV columns stay those of the first format (id to superseded_by): later fields such
# as guards are not flat values, and a spreadsheet's columns should not move.
CSV_FIELDS = DECISION_FIELDS[: DECISION_FIELDS.index("superseded_by") + 1]
TENET_FIELDS = ("id", "path", "title", "status", "owner", "priority", "date", "tags")
SOURCE_FIELDS = (
    "name", "git", "ref", "path", "status", "stale", "problem", "commit", "fetched_at",
    "synced_at", "decisions", "tenets",
)  # fmt: skip
"""The keys of each entry of an organisation catalog's ``sources`` (hinges.site.organisation)."""
LIST_FIELDS = frozenset({"deciders", "tenets", "tags", "supersedes", "superseded_by", "applies_to"})


def _field(record: Record, name: str) -> Any:
    if name == "path":
        return record.path
    if name == "guards":  # the well-formed ones, as hinges check runs them
        return [guard_dict(guard) for guard in record.guards()]
    value = record.values.get(name)
    if name in LIST_FIELDS:
        return list(value) if isinstance(value, list) else []
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def guard_dict(guard: Guard) -> dict[str, Any]:
    """One guard as the export writes it: its kind's key, ``in`` and ``message``."""
    what: Any
    if guard.kind == "forbid_import":
        what = {"from": list(guard.sources), "to": list(guard.targets)}
    elif guard.kind == "forbid_dependency":
        what = list(guard.targets)
    else:
        what = guard.pattern
    return {guard.kind: what, "in": list(guard.globs), "message": guard.message}


def decision_dict(record: Record) -> dict[str, Any]:
    """A decision's fields, in the documented order."""
    return {name: _field(record, name) for name in DECISION_FIELDS}


def tenet_dict(record: Record) -> dict[str, Any]:
    """A tenet's fields, in the documented order."""
    return {name: _field(record, name) for name in TENET_FIELDS}


def _number_order(record: Record) -> tuple[int, str]:
    number = record.number
    return (number if number is not None else 1 << 62, record.path)


def export_document(
    registry: Registry, *, today: dt.date, with_bodies: bool = True
) -> dict[str, Any]:
    """The whole registry: decisions, tenets, their relations, and review state as of ``today``.

    ``relations`` lists each supersedes edge once (from the successor to the record it
    replaces, whichever side wrote it) and each decision-to-tenet citation.
    """
    decisions = sorted(registry.decisions, key=_number_order)
    tenets = sorted(registry.tenets, key=_number_order)
    cited_by: dict[str, list[str]] = {}
    relations: list[dict[str, str]] = []
    supersedes: set[tuple[str, str]] = set()
    for record in decisions:
        if record.id is None:
            continue
        for tenet_id in record.list_value("tenets"):
            cited_by.setdefault(tenet_id, []).append(record.id)
            relations.append({"type": "follows", "from": record.id, "to": tenet_id})
        supersedes.update((record.id, old) for old in record.list_value("supersedes"))
        supersedes.update((new, record.id) for new in record.list_value("superseded_by"))
    relations.extend(
        {"type": "supersedes", "from": new, "to": old} for new, old in sorted(supersedes)
    )
    exported_decisions = []
    for record in decisions:
        entry = decision_dict(record)
        review_by = record.date_value("review_by")
        entry["review_overdue_days"] = (
            (today - review_by).days
            if review_by is not None and record.status == "accepted" and review_by <= today
            else None
        )
        entry["reviews"] = [review.as_dict() for review in review_entries(record)]
        if with_bodies:
            entry["body"] = record.body
        exported_decisions.append(entry)
    exported_tenets = []
    for record in tenets:
        entry = tenet_dict(record)
        entry["cited_by"] = cited_by.get(record.id or "", [])
        if with_bodies:
            entry["body"] = record.body
        exported_tenets.append(entry)
    return {
        "version": EXPORT_VERSION,
        "generator": f"hinges {__version__}",
        "generated": today.isoformat(),
        "id_prefix": registry.config.id_prefix,
        "decisions": exported_decisions,
        "tenets": exported_tenets,
        "relations": relations,
    }
