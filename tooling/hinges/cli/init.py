"""``hinges init``: make a registry here (or in --root); never overwrites anything."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import echo


@click.command("init")
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to make the registry (default: the current folder). Created if missing.",
)
@click.option(
    "--owner",
    default=None,
    help="Owner of the first tenet (default: the first allowed owner, else @architecture).",
)
@click.option(
    "--backstage",
    is_flag=True,
    help="Also write catalog-info.yaml for Backstage (ADR plugin and TechDocs).",
)
def init_command(root: Path | None, owner: str | None, backstage: bool) -> int:
    """Create decisions/, tenets/ with a first tenet, hinges.toml and mkdocs.yml.

    Only what is missing is created; existing files are left exactly as they are. Running
    it twice is harmless. Exit status: 0 done, 1 refused, 2 configuration error.
    """
    import datetime as dt

    from hinges.authoring.init import DEFAULT_OWNER, init_registry
    from hinges.authoring.owners import allowed_owners, check_owner
    from hinges.config import load_config

    target = (root if root is not None else Path.cwd()).resolve()
    target.mkdir(parents=True, exist_ok=True)
    config = load_config(target)
    allowed = allowed_owners(target, config)
    if owner is None:
        owner = allowed.owners[0] if allowed is not None else DEFAULT_OWNER
    owner = check_owner(owner, allowed)
    steps = init_registry(target, config, dt.date.today(), owner, backstage=backstage)
    for step in steps:
        note = f" ({step.note})" if step.note else ""
        echo(f"{step.action:<7} {step.path}{note}")  # the verbs are at most 7 wide
    example = any(step.created and step.path.endswith(".md") for step in steps)
    if example:
        echo("Next: edit the example tenet, then run 'hinges new \"Your first decision\"'.")
    elif any(step.created for step in steps):
        echo("Next: run 'hinges new \"Your first decision\"'.")
    else:
        echo("Nothing to do: the registry is complete.")
    return 0
