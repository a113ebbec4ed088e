"""Work out an import completely before anything is written: files, numbers, fields, notes."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from hinges.authoring.naming import file_name, highest_number, record_id, slugify
from hinges.config import Config
from hinges.errors import UsageError
from hinges.importers import FORMATS, detect_format
from hinges.importers.dates import parse_loose_date
from hinges.importers.formats import NameParts, SourceFormat
from hinges.importers.gitdates import last_commit_date
from hinges.importers.reading import ReadProblem, SourceRecord, read_source
from hinges.importers.scan import Skipped, scan_source
from hinges.importers.statuses import map_status
from hinges.schema import HANDLE_PATTERN

_HANDLE = re.compile(HANDLE_PATTERN)
_DIGITS = re.compile(r"([0-9]+)$")


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
    number: int = 0
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


def _source_number(planned: Planned) -> int | None:
    if planned.parts.number is not None:
        return planned.parts.number
    front_id = planned.source.front_id
    match = _DIGITS.search(front_id) if front_id else None
    return int(match[1]) if match else None


def _order_key(planned: Planned) -> tuple[int, int, str, str]:
    number = _source_number(planned)
    date_key = planned.parts.date_key or ""
    return (0 if number is not None else 1, number or 0, date_key, planned.source.relpath)


def _number(plan: Plan, directory: Path, config: Config) -> None:
    taken = {
        int(name.split("-", 1)[0])
        for name in os.listdir(directory)
        if name.endswith(".md") and name.split("-", 1)[0].isdigit()
    }
    numbers = [_source_number(planned) for planned in plan.records]
    keep = (
        all(number is not None and number >= 1 for number in numbers)
        and len(set(numbers)) == len(numbers)
        and not taken.intersection(n for n in numbers if n is not None)
    )
    next_number = highest_number(directory, "decision") + 1
    for planned, number in zip(plan.records, numbers, strict=True):
        if keep and number is not None:
            planned.number = number
        else:
            planned.number, next_number = next_number, next_number + 1
        planned.id = record_id("decision", planned.number, config.id_prefix)
        has_slug = any(char.isascii() and char.isalnum() for char in planned.parts.slug)
        slug = slugify(planned.parts.slug if has_slug else planned.source.title)
        planned.file_name = file_name("decision", planned.number, slug)
    if not plan.records:
        plan.numbering = "nothing new to number"
    elif keep:
        plan.numbering = "kept the source numbers"
    else:
        first = plan.records[0].number
        why = "date" if plan.source_format.name == "log4brains" else "source"
        plan.numbering = (
            f"numbered from {first:04d} in {why} order (the source numbers are missing, "
            "repeated or already taken in the registry)"
            if why == "source"
            else f"numbered from {first:04d} by date, then name"
        )


def _map_fields(plan: Plan, planned: Planned, source_dir: Path, today: dt.date) -> None:
    source = planned.source
    mapped = map_status(source.status_text)
    planned.status = mapped.status
    if mapped.problem:
        plan.unmapped.append(Note(source.relpath, mapped.problem))
    date = parse_loose_date(source.date_text) if source.date_text else None
    if date is None:
        committed = last_commit_date(source_dir / source.relpath)
        date = committed or today
        used = (
            f"used {date}, the day the file was last committed"
            if committed
            else f"used today, {date}"
        )
        what = f"date '{source.date_text}' could not be read" if source.date_text else "no date"
        plan.unmapped.append(Note(source.relpath, f"{what}; {used}"))
    planned.date = date
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
    files, skipped = scan_source(source, registry_folders)
    if format_name == "auto":
        plan = Plan(detect_format(files), True, config.decisions_dir, skipped=skipped)
    else:
        plan = Plan(FORMATS[format_name], False, config.decisions_dir, skipped=skipped)
    imported = _previously_imported(root, config)
    for file in files:
        parts = plan.source_format.parse_name(file.relpath.rsplit("/", 1)[-1])
        if parts is None:
            form = plan.source_format.name_form
            plan.skipped.append(Skipped(file.relpath, f"not named like a record ({form})"))
        elif file.relpath in imported:
            plan.already.append((file.relpath, imported[file.relpath][1]))
        else:
            fallback = " ".join(parts.slug.replace("_", "-").split("-")).strip().capitalize()
            try:
                record = read_source(file.relpath, file.text, fallback or file.relpath)
            except ReadProblem as problem:
                where = f"line {problem.line}: " if problem.line else ""
                plan.skipped.append(Skipped(file.relpath, f"{where}{problem.message}"))
                continue
            plan.records.append(Planned(record, parts))
    plan.skipped.sort(key=lambda skipped: skipped.relpath)
    plan.records.sort(key=_order_key)
    _number(plan, directory, config)
    for planned in plan.records:
        _map_fields(plan, planned, source, today)
    link_records(plan, imported)
    return plan
