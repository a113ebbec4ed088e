"""``hinges renumber``: give every record a number of its own after parallel branches merge."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import echo, resolve_root, root_option


@click.command("renumber")
@click.option("--dry-run", is_flag=True, help="Print the plan; change nothing.")
@click.option(
    "--base",
    "base_ref",
    metavar="REF",
    default=None,
    help="Also move the records this branch added whose number REF gives another record.",
)
@root_option
def renumber_command(dry_run: bool, base_ref: str | None, root: Path | None) -> int:
    """Move records that share a number to the next free numbers.

    In each group the record added first (by git history, else by date, then file name)
    keeps its number; the others are renamed (git mv when tracked), their ids changed, and
    references in supersedes/superseded_by and body links updated. With --base REF, the
    records at REF keep their numbers, and each record this branch added with a number REF
    uses moves to the number 'hinges check --base REF' suggests (the branch need not have
    merged REF). Nothing is ever moved onto a file that exists. Files outside the record
    folders are never edited: mentions there of a moved record's old id (with --base, in
    lines the branch added) or old file name are listed to check.

    Exit status: 0 done (or nothing to do), 1 the registry has files that do not load
    (or a target file exists), 2 usage error (including a REF that is not there).
    """
    from hinges.authoring import renumber

    registry_root, config = resolve_root(root)
    base = None
    if base_ref is not None:
        from hinges.gate.gitbase import load_base_registry

        base = load_base_registry(registry_root, config, base_ref)
    plan = renumber.plan_renumber(registry_root, config, base, base_ref)
    if not plan.moves:
        against = f" and none used at {base_ref}" if base_ref is not None else ""
        echo(f"no duplicate numbers{against}; nothing to renumber")
        return 0
    for line in renumber.describe(plan):
        echo(line)
    for line in plan.to_check:
        echo(f"check: {line}")
    if dry_run:
        echo("dry run: nothing written")
        return 0
    renumber.apply(registry_root, plan)
    moved = len(plan.moves)
    echo(f"renumbered {moved} record{'s' if moved != 1 else ''}; run 'hinges check'")
    return 0
