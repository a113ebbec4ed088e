"""``hinges digest``: what is in force, as compact Markdown for coding agents."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import echo, resolve_root, root_option


@click.command("digest")
@root_option
@click.option(
    "--budget",
    type=click.IntRange(min=1),
    default=None,
    help="Size budget in tokens (characters / 4); default: the digest_budget_tokens setting.",
)
@click.option(
    "--write",
    "write_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Put the digest in this file between hinges' markers (created if missing); "
    "the rest of the file is left as it is.",
)
@click.option(
    "--check",
    "check_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Exit 1 when this file's digest block is missing or stale (for CI).",
)
def digest_command(
    root: Path | None, budget: int | None, write_file: Path | None, check_file: Path | None
) -> int:
    """Print the tenets in priority order and the decisions in force (accepted, not
    superseded) by door, with id, title, summary, owner and scope, as Markdown.

    Over the budget, two-way doors shrink to id and title first, and the digest says what
    it left out. The same registry always gives the same bytes. Exit status: 0, or with
    --check 1 when the block is stale; 2 usage or configuration error.
    """
    from hinges.cli.listing import note_unloadable
    from hinges.digest import render_digest
    from hinges.errors import UsageError
    from hinges.loader import load_registry
    from hinges.visible import visible

    if write_file is not None and check_file is not None:
        raise UsageError("give --write or --check, not both")
    registry_root, config = resolve_root(root)
    registry = load_registry(registry_root, config)
    note_unloadable(registry)
    digest = render_digest(registry, budget or config.digest_budget_tokens)
    if write_file is not None:
        from hinges.digest_file import write_block

        changed = write_block(write_file, digest)
        state = "updated" if changed else "already current"
        echo(f"hinges: the digest in {visible(str(write_file))} is {state}", err=True)
        return 0
    if check_file is not None:
        from hinges.digest_file import block_is_current

        current, why = block_is_current(check_file, digest)
        if current:
            return 0
        echo(
            f"hinges: {visible(str(check_file))} {why}; run 'hinges digest --write "
            f"{visible(str(check_file))}' and commit the file",
            err=True,
        )
        return 1
    echo(digest, nl=False)
    return 0
