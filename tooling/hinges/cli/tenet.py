"""``hinges tenet``: create, list and reorder tenets."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import echo, resolve_root, root_option


@click.group("tenet")
def tenet_group() -> None:
    """Create, list and reorder tenets (the principles decisions follow)."""


@tenet_group.command("new")
@click.argument("title")
@click.option("--owner", help="Who keeps the tenet current, e.g. @architecture.")
@click.option(
    "--priority",
    type=click.IntRange(min=1),
    default=None,
    help="Its rank, 1 first (default: after the last). Others move down to make room.",
)
@root_option
@click.option("--no-input", is_flag=True, help="Never prompt; fail if the owner is missing.")
def tenet_new_command(
    title: str, owner: str | None, priority: int | None, root: Path | None, no_input: bool
) -> int:
    """Create the next tenet, titled TITLE, and print its path."""
    import datetime as dt

    from hinges.authoring.naming import clean_title
    from hinges.authoring.new_tenet import create_tenet
    from hinges.authoring.owners import allowed_owners, check_owner
    from hinges.cli import prompts
    from hinges.cli.new import display_path
    from hinges.errors import HingesError

    clean = clean_title(title)
    registry_root, config = resolve_root(root)
    allowed = allowed_owners(registry_root, config)
    if owner is None:
        if not prompts.prompts_enabled(no_input):
            raise HingesError(
                "missing --owner; give it as an option "
                "(prompts only appear on a terminal without --no-input)"
            )
        owner = prompts.ask_owner(allowed, "the tenet")
    else:
        owner = check_owner(owner, allowed)
    created = create_tenet(registry_root, config, clean, owner, priority, dt.date.today())
    echo(display_path(created.path))
    for tenet, rank in created.moved:
        echo(f"hinges: {tenet.id} priority {tenet.priority} -> {rank}", err=True)
    return 0


@tenet_group.command("list")
@root_option
def tenet_list_command(root: Path | None) -> int:
    """List the tenets by priority: id, priority, status and title."""
    from hinges.authoring.listing import format_table
    from hinges.authoring.tenets import load_tenets, sort_by_priority

    registry_root, config = resolve_root(root)
    tenets = load_tenets(registry_root, config)
    rows = []
    for tenet in sort_by_priority(tenets.found):
        priority = "-" if tenet.priority is None else str(tenet.priority)
        rows.append([tenet.id, priority, tenet.status, tenet.title])
    echo(format_table(rows, ("id", "priority", "status", "title")), nl=False)
    for problem in tenets.problems:
        echo(f"hinges: not listed: {problem}", err=True)
    return 1 if tenets.problems else 0


@tenet_group.command("reorder")
@click.argument("tenet_ids", nargs=-1, required=True)
@root_option
def tenet_reorder_command(tenet_ids: tuple[str, ...], root: Path | None) -> int:
    """Put TENET_IDS first, in that order (priorities 1..n); the others follow in order.

    Only the priority line of each tenet whose rank changes is edited; no id and no
    decision changes. Retired tenets keep their priority and take no part in the order.
    """
    from hinges.authoring.tenets import apply_order, load_tenets, new_order, resolve_tenet_id
    from hinges.errors import HingesError

    registry_root, config = resolve_root(root)
    tenets = load_tenets(registry_root, config)
    if tenets.problems:
        raise HingesError(
            "some tenets could not be read, so their order is unknown: "
            + "; ".join(tenets.problems)
        )
    known = tenets.by_id()
    chosen = [resolve_tenet_id(text, known) for text in tenet_ids]
    changed = apply_order(new_order(tenets.active(), chosen))
    for tenet, rank in changed:
        echo(f"{tenet.id} priority {tenet.priority} -> {rank}  {tenet.title}")
    if not changed:
        echo("The tenets are already in that order.")
    return 0
