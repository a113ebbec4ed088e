"""``hinges renumber``: give every record a number of its own after parallel branches merge."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import resolve_root, root_option


@click.command("renumber")
@click.option("--dry-run", is_flag=True, help="Print the plan; change nothing.")
@root_option
def renumber_command(dry_run: bool, root: Path | None) -> int:
    """Move records that share a number to the next free numbers.

    In each group the record added first (by git history, else by date, then file name)
    keeps its number; the others are renamed (git mv when tracked), their ids changed, and
    references in supersedes/superseded_by and body links updated.

    Exit status: 0 done (or nothing to do), 1 the registry has files that do not load,
    2 usage error.
    """
    from hinges.authoring import renumber

    registry_root, config = resolve_root(root)
    plan = renumber.plan_renumber(registry_root, config)
    if not plan.moves:
        click.echo("no duplicate numbers; nothing to renumber")
        return 0
    for line in renumber.describe(plan):
        click.echo(line)
    for line in plan.to_check:
        click.echo(f"check: {line}")
    if dry_run:
        click.echo("dry run: nothing written")
        return 0
    renumber.apply(registry_root, plan)
    moved = len(plan.moves)
    click.echo(f"renumbered {moved} record{'s' if moved != 1 else ''}; run 'hinges check'")
    return 0
