"""The report of an import (or of its plan, under --dry-run), as plain text.

Every Markdown file of the source appears in exactly one of the sections Imported,
Already imported, Skipped (a record that cannot be imported, with the reason) or Not
records (indexes, templates, notes, with the reason); folders left out of the search are
listed under Not searched. A record whose number is not its source's says why on its line.
File names are shown with :func:`hinges.visible.visible`: a source is untrusted, and a file
named with an escape sequence must not draw on the terminal of whoever imports it.
"""

from __future__ import annotations

from hinges.importers.plan import Note, Plan
from hinges.visible import visible


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"{title} ({len(lines)}):", *(f"  {line}" for line in lines)] if lines else []


def _notes(notes: list[Note]) -> list[str]:
    return [f"{visible(note.relpath)}: {note.message}" for note in notes]


def format_report(plan: Plan, *, dry_run: bool) -> str:
    how = "detected" if plan.detected else "as given by --from"
    lines = [f"Source format: {plan.source_format.description} ({how})"]
    if plan.records:
        lines.append(f"Numbering: {plan.numbering}")
    imported = [
        f"{visible(planned.source.relpath)} -> {visible(plan.folder)}/{visible(planned.file_name)}"
        + (f" ({planned.number_note})" if planned.number_note else "")
        for planned in plan.records
    ]
    lines += _section("Would import" if dry_run else "Imported", imported)
    lines += _section(
        "Already imported",
        [f"{visible(source)} = {visible(target)}" for source, target in plan.already],
    )
    lines += _section(
        "Skipped", [f"{visible(item.relpath)}: {item.reason}" for item in plan.skipped]
    )
    lines += _section(
        "Not records", [f"{visible(item.relpath)}: {item.reason}" for item in plan.not_records]
    )
    lines += _section(
        "Not searched", [f"{visible(item.relpath)}: {item.reason}" for item in plan.not_searched]
    )
    lines += _section("Not mapped", _notes(plan.unmapped))
    lines += _section("Kept as body text", _notes(plan.kept_as_text))
    if dry_run:
        lines.append("Dry run: nothing was written.")
    elif len(plan.records) == 1:
        lines.append(
            "Wrote 1 record. It keeps imported_from until a person fills in what the source "
            "did not say; 'hinges check' lists it."
        )
    elif plan.records:
        lines.append(
            f"Wrote {len(plan.records)} records. Each keeps imported_from until a person "
            "fills in what the source did not say; 'hinges check' lists them."
        )
    else:
        lines.append("Nothing new to import.")
    return "\n".join(lines) + "\n"
