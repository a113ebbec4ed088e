"""``hinges export``: the whole registry as versioned JSON, or its decisions as CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from hinges.cli._common import DATE, echo, emit, output_option, resolve_root, root_option


def _csv(document: dict[str, Any]) -> str:
    import csv
    import io

    from hinges.export import CSV_FIELDS, LIST_FIELDS

    columns = CSV_FIELDS
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line breaks
    writer.writerow(columns)
    for decision in document["decisions"]:
        writer.writerow(
            ";".join(decision[name])
            if name in LIST_FIELDS
            else ("" if decision[name] is None else decision[name])
            for name in columns
        )
    return buffer.getvalue()


@click.command("export")
@root_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "csv"]),
    default="json",
    show_default=True,
    help="json: decisions, tenets and relations (docs/reference/export.md); csv: decisions.",
)
@output_option("export")
@click.option("--as-of", type=DATE, default=None, help="The export's date (default: today).")
def export_command(
    root: Path | None, output_format: str, output: Path | None, as_of: dt.date | None
) -> int:
    """Export the registry for other tools (catalogs, dashboards, spreadsheets).

    Files that cannot be read are left out and named on standard error. Exit status:
    0 exported, 1 exported without some unreadable files, 2 usage or configuration error
    (including an --output file that cannot be written).
    """
    import json

    from hinges.export import export_document
    from hinges.loader import load_registry
    from hinges.visible import json_text, visible

    registry_root, config = resolve_root(root)
    registry = load_registry(registry_root, config)
    document = export_document(registry, today=as_of or dt.date.today())
    if output_format == "csv":
        text = _csv(document)
    else:
        text = json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
    emit(text, output, "export")
    for finding in registry.findings:
        where = f"{visible(finding.path)}:{finding.line}"
        echo(f"hinges: {where}: not exported: {visible(finding.message)}", err=True)
    return 1 if registry.findings else 0
