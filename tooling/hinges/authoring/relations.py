"""Supersede: find the records a new decision replaces, and mark them superseded.

``hinges new --supersedes X`` validates every predecessor with :func:`check_supersedable`
before it creates anything, then calls :func:`mark_superseded` on each. Finding a record by
id reads only the files whose name carries its number (a registry of 10,000 records is not
loaded); only if none of those holds the id are the other files read, to find a misnamed one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from hinges.config import Config
from hinges.errors import HingesError, no_registry_error
from hinges.field_values import TENET_ID_PATTERN, decision_id_pattern
from hinges.findings import Finding
from hinges.fsscan import Candidate, scan_folder
from hinges.loader import load_record
from hinges.numbers import number_value
from hinges.records import Record, RecordKind, file_number
from hinges.visible import quoted, shorten

_TRAILING_NUMBER = re.compile(r"-(?P<digits>[0-9]+)$")


def record_kind(record_id: str, config: Config) -> RecordKind | None:
    """``decision`` or ``tenet`` by the shape of the id, None when it is neither."""
    if re.match(decision_id_pattern(config.id_prefix), record_id):
        return "decision"
    if re.match(TENET_ID_PATTERN, record_id):
        return "tenet"
    return None


def find_records(root: Path, config: Config, record_id: str) -> list[Record]:
    """Every loadable record whose ``id`` is ``record_id`` (normally one).

    Raises :class:`HingesError` for an id of the wrong shape, and for a file that should
    hold the id (its name has the id's number) but does not load.
    """
    kind = record_kind(record_id, config)
    if kind is None:
        raise HingesError(
            f"{quoted(record_id)} is not a record id: decisions are {config.id_prefix}-NNNN "
            "and tenets T-NNN"
        )
    if not (root / config.decisions_dir).is_dir():
        raise no_registry_error(root, config.decisions_dir)
    folder = config.decisions_dir if kind == "decision" else config.tenets_dir
    match = _TRAILING_NUMBER.search(record_id)
    number = number_value(match["digits"]) if match else None
    candidates = list(
        scan_folder(root, folder, ignore=config.ignore, max_bytes=config.max_file_bytes)
    )
    named = [c for c in candidates if file_number(kind, c.relpath) == number]
    found = _with_id(kind, named, record_id, config, strict=True)
    if found:
        return found
    others = [c for c in candidates if file_number(kind, c.relpath) != number]
    return _with_id(kind, others, record_id, config, strict=False)


def _with_id(
    kind: RecordKind, candidates: list[Candidate], record_id: str, config: Config, *, strict: bool
) -> list[Record]:
    records = []
    for candidate in candidates:
        if candidate.data is None:
            if strict:
                raise HingesError(candidate.problem or "cannot be read", path=candidate.relpath)
            continue
        loaded = load_record(kind, candidate.relpath, candidate.data, config)
        if isinstance(loaded, Finding):
            if strict:
                raise HingesError(
                    f"{loaded.message} (cannot tell whether this is {record_id}; "
                    "fix it first, 'hinges check' shows every problem)",
                    path=loaded.path,
                    line=loaded.line,
                )
            continue
        if loaded.id == record_id:
            records.append(loaded)
    return records


def find_one(root: Path, config: Config, record_id: str) -> Record:
    """The single record with ``record_id``; a clear error when there is none or several."""
    records = find_records(root, config, record_id)
    if not records:
        raise HingesError(f"no record has the id {shorten(record_id)}")
    if len(records) > 1:
        paths = ", ".join(record.path for record in records)
        raise HingesError(
            f"{record_id} is ambiguous: {paths} all have it; run 'hinges renumber' first"
        )
    return records[0]


def check_supersedable(root: Path, config: Config, old_ids: Sequence[str]) -> list[Path]:
    """The files of the decisions ``old_ids``, once each, all accepted and so supersedable.

    Raises :class:`HingesError` naming the id (and file) when one does not exist, is
    ambiguous, is not a decision, or is not accepted (only accepted -> superseded is allowed).
    """
    paths: list[Path] = []
    for old_id in dict.fromkeys(old_ids):
        if record_kind(old_id, config) != "decision":
            raise HingesError(
                f"'{old_id}' is not a decision id ({config.id_prefix}-NNNN); "
                "only decisions can be superseded"
            )
        record = find_one(root, config, old_id)
        status = record.status
        if status != "accepted":
            raise HingesError(
                f"{old_id} is {status or 'without a valid status'}; only an accepted decision "
                f"can be superseded{_instead(old_id, status)}",
                path=record.path,
            )
        paths.append(root / record.path)
    return paths


def _instead(record_id: str, status: str | None) -> str:
    if status == "proposed":
        return f" (to drop a proposal: hinges status {record_id} rejected)"
    if status == "superseded":
        return " (it already is superseded; supersede its successor instead)"
    return ""


def mark_superseded(path: Path, new_id: str, today: dt.date) -> None:
    """Mark the record at ``path`` superseded by ``new_id`` (round-trip edit, atomic).

    Sets ``status: superseded`` and ``date: today``, and adds ``new_id`` to
    ``superseded_by`` unless it is already there. Nothing else in the file changes.
    """
    from hinges.authoring.edit import FrontMatterEditor

    editor = FrontMatterEditor.open(path)
    editor.set_scalar("status", "superseded")
    editor.set_date("date", today)
    if new_id not in [item.strip() for item in editor.list_value("superseded_by")]:
        editor.append_to_list("superseded_by", new_id)
    editor.save()
