"""``hinges import``: bring in decision records written for adr-tools, MADR or log4brains."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import echo, resolve_root, root_option
from hinges.field_values import IMPORT_FORMATS


@click.command("import")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--from",
    "source_format",
    type=click.Choice(["auto", *IMPORT_FORMATS]),
    default="auto",
    show_default=True,
    help="The tool that wrote the records; auto detects it and says what it found.",
)
@root_option
@click.option("--dry-run", is_flag=True, help="Print what would be imported; write nothing.")
def import_command(source: Path, source_format: str, root: Path | None, dry_run: bool) -> int:
    """Import the decision records in SOURCE (searched with its sub-folders) into the registry.

    SOURCE is only read. The registry must exist (run 'hinges init' first). Records an
    earlier import wrote are recognised by their imported_from and not written again.
    Source numbers are kept, 0 included; only numbers that collide move, and the report
    says why. The report names every Markdown file under SOURCE.
    Exit status: 0 imported (or nothing new), 1 no records found or a write failed,
    2 usage or configuration error.
    """
    import datetime as dt

    from hinges.authoring.create import record_folder
    from hinges.errors import HingesError
    from hinges.importers.plan import build_plan
    from hinges.importers.report import format_report
    from hinges.importers.writing import write_plan

    registry_root, config = resolve_root(root)
    record_folder(registry_root, config.decisions_dir, "decision")
    plan = build_plan(source, registry_root, config, source_format, dt.date.today())
    if not (plan.records or plan.already):
        echo(format_report(plan, dry_run=dry_run), nl=False)
        raise HingesError(f"no decision records found in {source}")
    if not dry_run:
        write_plan(plan, registry_root)
    echo(format_report(plan, dry_run=dry_run), nl=False)
    return 0
