"""Work out an import completely before anything is written: files, numbers, fields, notes."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from hinges.config import Config
from hinges.errors import UsageError
from hinges.field_values import HANDLE_PATTERN
from hinges.importers import FORMATS, detect_format
from hinges.importers.dates import parse_loose_date
from hinges.importers.formats import NameParts, SourceFormat
from hinges.importers.gitdates import AddedDates, added_dates
from hinges.importers.kinds import content_reason
from hinges.importers.names import name_reason, parse_name
from hinges.importers.numbering import number_records
from hinges.importers.reading import ReadProblem, SourceRecord, read_source
from hinges.importers.scan import Skipped, SourceFile, scan_source
from hinges.importers.statuses import map_status

_HANDLE = re.compile(HANDLE_PATTERN)


@dataclass(frozen=True)
class Note:
    relpath: str
    message: str


@dataclass
class Planned:
    """One record to write."""

    source: SourceRecord
    parts: NameParts
    status: str = "proposed"
    date: dt.date = dt.date.min
    deciders: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    """Source front-matter lines kept as YAML comments (what hinges has no field for)."""
    added: dt.date | None = None
    """The day git says the file was added (None outside git or not committed)."""
    number: int = 0
    number_note: str | None = None
    """Why the record's number is not its source number ("renumbered: …"), None if it is."""
    id: str = ""
    file_name: str = ""
    supersedes: list[str] = field(default_factory=list)
    superseded_by: list[str] = field(default_factory=list)
    body: str = ""


@dataclass
class Plan:
    source_format: SourceFormat
    detected: bool
    folder: str
    records: list[Planned] = field(default_factory=list)
    already: list[tuple[str, str]] = field(default_factory=list)
    """(source file, registry file) of records an earlier import wrote."""
    skipped: list[Skipped] = field(default_factory=list)
    """Files that may be records but cannot be imported, and why."""
    not_records: list[Skipped] = field(default_factory=list)
    """Indexes, templates and other files that are not records, and why."""
    not_searched: list[Skipped] = field(default_factory=list)
    """Folders of the source left out of the search (hidden, node_modules, the registry)."""
    unmapped: list[Note] = field(default_factory=list)
    kept_as_text: list[Note] = field(default_factory=list)
    numbering: str = ""


def _previously_imported(root: Path, config: Config) -> dict[str, tuple[str, str]]:
    """Source file -> (id, registry path) of every record that names its import source."""
    from hinges.loader import load_registry

    found = {}
    for record in load_registry(root, config).decisions:
        marker = record.str_value("imported_from")
        if marker and ":" in marker and record.id:
            found[marker.split(":", 1)[1]] = (record.id, record.path)
    return found


def _date_note(source: SourceRecord, planned: Planned, git: AddedDates | None) -> str:
    what = f"date '{source.date_text}' could not be read" if source.date_text else "no date"
    if planned.added is not None:
        cut = " (the clone is shallow: the real day may be earlier)" if git and git.shallow else ""
        return f"{what}; used {planned.added}, the day git says the file was added{cut}"
    why = "the file is not committed" if git is not None else "the source is not in git"
    return f"{what}; used today, {planned.date} ({why})"


def _map_fields(plan: Plan, planned: Planned, git: AddedDates | None, today: dt.date) -> None:
    source = planned.source
    mapped = map_status(source.status_text)
    planned.status = mapped.status
    if mapped.problem:
        plan.unmapped.append(Note(source.relpath, mapped.problem))
    date = parse_loose_date(source.date_text) if source.date_text else None
    planned.date = date or planned.added or today
    if date is None:
        plan.unmapped.append(Note(source.relpath, _date_note(source, planned, git)))
    planned.comments = [
        line for key in source.unmapped_keys for line in source.front_lines.get(key.lower(), [])
    ]
    if source.deciders and all(_HANDLE.match(name) for name in source.deciders):
        planned.deciders = list(dict.fromkeys(source.deciders))
    elif source.deciders:
        names = ", ".join(source.deciders)
        planned.comments.extend(source.front_lines.get("deciders", []))
        planned.comments.extend(source.front_lines.get("decision-makers", []))
        plan.unmapped.append(
            Note(source.relpath, f"deciders '{names}' are names, not handles; left out of deciders")
        )
    if source.unmapped_keys:
        keys = ", ".join(source.unmapped_keys)
        plan.unmapped.append(Note(source.relpath, f"front-matter keys kept as comments: {keys}"))


def _sort_file(plan: Plan, file: SourceFile, imported: dict[str, tuple[str, str]]) -> None:
    """Put one source file where it belongs: a record to import, or a report section."""
    name = file.relpath.rsplit("/", 1)[-1]
    reason = name_reason(name)
    if reason is not None:
        plan.not_records.append(Skipped(file.relpath, reason))
        return
    if file.relpath in imported:
        plan.already.append((file.relpath, imported[file.relpath][1]))
        return
    parts = parse_name(name)
    fallback = " ".join(parts.slug.replace("_", "-").split("-")).strip().capitalize()
    try:
        record = read_source(file.relpath, file.text, fallback or file.relpath)
    except ReadProblem as problem:
        where = f"line {problem.line}: " if problem.line else ""
        plan.skipped.append(Skipped(file.relpath, f"{where}{problem.message}"))
        return
    reason = content_reason(parts, record, record.heading_text or record.front_title or "")
    if reason is not None:
        plan.not_records.append(Skipped(file.relpath, reason))
    else:
        plan.records.append(Planned(record, parts))


def build_plan(source: Path, root: Path, config: Config, format_name: str, today: dt.date) -> Plan:
    """Everything the import of ``source`` into the registry at ``root`` would do."""
    from hinges.importers.relations import link_records

    directory = root / config.decisions_dir
    registry_folders = [directory, root / config.tenets_dir]
    real_source = os.path.realpath(source)
    for folder in registry_folders:
        real = os.path.realpath(folder)
        if os.path.commonpath([real, real_source]) == real:
            raise UsageError(f"{source} is inside the registry's {folder.name}/ folder")
    scan = scan_source(source, registry_folders)
    chosen = detect_format(scan.files) if format_name == "auto" else FORMATS[format_name]
    plan = Plan(chosen, format_name == "auto", config.decisions_dir, skipped=scan.skipped)
    plan.not_searched = scan.not_searched
    imported = _previously_imported(root, config)
    for file in scan.files:
        _sort_file(plan, file, imported)
    git = added_dates(source, [planned.source.relpath for planned in plan.records])
    for planned in plan.records:
        planned.added = git.dates.get(planned.source.relpath) if git else None
    for section in (plan.skipped, plan.not_records):
        section.sort(key=lambda skipped: skipped.relpath)
    number_records(plan, directory, config)
    for planned in plan.records:
        _map_fields(plan, planned, git, today)
    link_records(plan, imported)
    return plan
