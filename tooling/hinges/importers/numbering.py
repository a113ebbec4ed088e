"""Give each imported record its number: its own where it can, the next free one otherwise.

A team's "ADR 27" must stay ADR-0027, so every source number that is unique and free is
kept, 0 included (MADR numbers from 0000). A number moves only when it really collides:

- two source files share it: the one added first keeps it, by the commit that added it
  when the source is in git (files not committed count as newest), then by its date,
  then by path: the order ``hinges renumber`` uses for the same conflict;
- the registry already holds a record with that number (not one this source imported).

Moved records, then records with no number (log4brains' date-named and any-slug files, by
date, then path), take the next free numbers after the highest in use. Every record
whose number is not its source's carries a note saying why, for the report.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from hinges.authoring.naming import file_name, record_id, slugify
from hinges.config import Config
from hinges.importers.dates import parse_loose_date
from hinges.numbers import number_value

if TYPE_CHECKING:
    from hinges.importers.plan import Plan, Planned

_DIGITS = re.compile(r"([0-9]+)$")


def source_number(planned: Planned) -> int | None:
    """The record's number in the source: from its name, else from its front-matter id."""
    if planned.parts.number is not None:
        return planned.parts.number
    front_id = planned.source.front_id
    match = _DIGITS.search(front_id) if front_id else None
    return number_value(match[1]) if match else None


def _registry_numbers(directory: Path) -> dict[int, str]:
    taken: dict[int, str] = {}
    for name in sorted(os.listdir(directory)):
        digits = name.split("-", 1)[0]
        if name.endswith(".md") and digits.isascii() and digits.isdigit():
            number = number_value(digits)
            if number is not None:
                taken.setdefault(number, name)
    return taken


def _first_key(planned: Planned) -> tuple[dt.date, dt.date, str]:
    """Which of several records sharing a number was added first (it keeps the number)."""
    written = parse_loose_date(planned.source.date_text) if planned.source.date_text else None
    return (planned.added or dt.date.max, written or dt.date.max, planned.source.relpath)


def _unnumbered_key(planned: Planned) -> tuple[str, str]:
    """Records without a number follow the others by date: the one in the file name (log4brains),
    else the one they state, else the day git added them; then by path."""
    if planned.parts.date_key:
        return (planned.parts.date_key, planned.source.relpath)
    written = parse_loose_date(planned.source.date_text) if planned.source.date_text else None
    day = written or planned.added
    return (day.strftime("%Y%m%d") if day else "99999999", planned.source.relpath)


def _name(planned: Planned, number: int) -> str:
    has_slug = any(char.isascii() and char.isalnum() for char in planned.parts.slug)
    return file_name(
        "decision", number, slugify(planned.parts.slug if has_slug else planned.source.title)
    )


def number_records(plan: Plan, directory: Path, config: Config) -> None:
    """Set number, id and file name of every planned record, and plan.numbering."""
    taken = _registry_numbers(directory)
    groups: dict[int, list[Planned]] = defaultdict(list)
    unnumbered: list[Planned] = []
    for planned in plan.records:
        number = source_number(planned)
        (unnumbered if number is None else groups[number]).append(planned)
    kept: set[int] = set()
    moving: list[Planned] = []
    for number in sorted(groups):
        group = sorted(groups[number], key=_first_key)
        if number in taken:
            for planned in group:
                planned.number_note = (
                    f"renumbered: {number:04d} is taken in the registry by "
                    f"{plan.folder}/{taken[number]}"
                )
            moving.extend(group)
            continue
        group[0].number = number
        kept.add(number)
        for planned in group[1:]:
            planned.number_note = (
                f"renumbered: {number:04d} is also the number of {group[0].source.relpath}, "
                "which was added first"
            )
        moving.extend(group[1:])
    unnumbered.sort(key=_unnumbered_key)
    for planned in unnumbered:
        planned.number_note = "no number in the source"
    next_number = max([*taken, *kept], default=0) + 1
    for planned in [*moving, *unnumbered]:
        planned.number, next_number = next_number, next_number + 1
    for planned in plan.records:
        planned.id = record_id("decision", planned.number, config.id_prefix)
        planned.file_name = _name(planned, planned.number)
    plan.records.sort(key=lambda planned: planned.number)
    plan.numbering = _summary(len(kept), len(moving), unnumbered)


def _summary(kept: int, moved: int, unnumbered: list[Planned]) -> str:
    if not (kept or moved or unnumbered):
        return "nothing new to number"
    if not (moved or unnumbered):
        return "kept the source numbers"
    parts = [f"kept {kept} source number{'s' if kept != 1 else ''}"] if kept else []
    if moved:
        parts.append(
            f"{moved} record{'s' if moved != 1 else ''} renumbered (the number collides; "
            "each is marked below)"
        )
    if unnumbered:
        first = min(planned.number for planned in unnumbered)
        count = len(unnumbered)
        parts.append(
            f"{count} record{'s' if count != 1 else ''} without a source number numbered from "
            f"{first:04d} (by date, then path)"
        )
    return "; ".join(parts)
