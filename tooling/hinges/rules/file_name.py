"""A record's file name does not have the form `NNNN-slug.md` (tenets: `T-NNN-slug.md`).

The number in the file name is what the record's id must carry, what orders the catalog,
and what `hinges new` counts up from, so every record file needs one: 4 or more digits
for decisions, `T-` and 3 or more digits for tenets. The slug after it is lowercase ASCII
letters, digits and hyphens, at most 60 characters, and does not start with `-` or `.`,
so that names are the same on every file system and in every URL of the catalog.

Files that could not be loaded are checked too. The message suggests a name: the file's
own number (or the number in its id, or the next free number) and a slug made from the
rest of the name or from the title.

Passing:

    decisions/0007-use-postgresql-for-orders.md
    tenets/T-001-reversible-choices.md

Failing:

    decisions/Use_PostgreSQL.md
    decisions/42-use-postgresql.md
    tenets/T-1-reversible-choices.md
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.numbers import number_value
from hinges.records import Record, RecordKind
from hinges.rules._naming import (
    base_name,
    form_of,
    format_number,
    highest_number,
    leading_number,
    name_problem,
    numbered_name,
    slug_source,
    slugify,
)
from hinges.rules.base import Context, Rule
from hinges.visible import quoted

RULE = Rule("HG201", "file-name", Severity.ERROR)
_ID_NUMBER = re.compile(r"-([0-9]+)$")


def _preferred_numbers(relpath: str, kind: RecordKind, record: Record | None) -> list[int]:
    """Numbers the file could keep, best first: its own, then the one in its id."""
    preferred = []
    own = leading_number(kind, relpath)
    if own is not None:
        preferred.append(own)
    if record is not None and record.id is not None:
        match = _ID_NUMBER.search(record.id)
        number = number_value(match[1]) if match else None
        if number is not None:
            preferred.append(number)
    return preferred


def _suggested_slug(relpath: str, kind: RecordKind, record: Record | None) -> str:
    slug = slugify(slug_source(kind, relpath))
    if not slug and record is not None and record.title is not None:
        slug = slugify(record.title)
    return slug


def _check_kind(
    kind: RecordKind, relpaths: list[str], records: dict[str, Record]
) -> Iterator[Finding]:
    problems = {relpath: name_problem(kind, relpath) for relpath in relpaths}
    taken: dict[int, str] = {}
    # A well-named file keeps its number; a misnamed one sharing it is offered a free one.
    for relpath in sorted(relpaths, key=lambda path: problems[path] is not None):
        numbered = numbered_name(kind, relpath)
        if numbered is not None:
            taken.setdefault(numbered.number, relpath)
    next_free = highest_number(kind, relpaths) + 1
    for relpath in relpaths:
        problem = problems[relpath]
        if problem is None:
            continue
        record = records.get(relpath)
        candidates = _preferred_numbers(relpath, kind, record)
        number = next(
            (n for n in candidates if n > 0 and taken.get(n, relpath) == relpath),
            None,
        )
        if number is None:
            number, next_free = next_free, next_free + 1
        taken[number] = relpath
        slug = _suggested_slug(relpath, kind, record)
        prefix = "T-" if kind == "tenet" else ""
        advice = (
            f"; rename it, e.g. to {prefix}{format_number(kind, number)}-{slug}.md" if slug else ""
        )
        yield RULE.finding(
            relpath,
            1,
            1,
            f"file name {quoted(base_name(relpath))} {problem}; {form_of(kind)}{advice}",
        )


def check(context: Context) -> Iterator[Finding]:
    registry = context.registry
    records = {record.path: record for record in registry.records()}
    kinds: tuple[RecordKind, ...] = ("decision", "tenet")
    for kind in kinds:
        relpaths = sorted(path for path, of_kind in registry.files.items() if of_kind == kind)
        yield from _check_kind(kind, relpaths, records)
