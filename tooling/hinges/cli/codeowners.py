"""``hinges codeowners``: the CODEOWNERS block of the one-way doors in force."""

from __future__ import annotations

import os
from pathlib import Path

import click

from hinges.cli._common import echo, resolve_root, root_option
from hinges.errors import UsageError


def _read(path: Path) -> bytes | None:
    if not path.exists() and not path.is_symlink():
        return None
    if not path.is_file():
        raise UsageError("is not a regular file", path=path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read it: {error.strerror or error}", path=path) from None


@click.command("codeowners")
@root_option
@click.option(
    "--write",
    "write_to",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Replace hinges' block in FILE (usually .github/CODEOWNERS), or add it; "
    "other lines stay as they are.",
)
@click.option(
    "--check",
    "check_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Exit 1 when FILE's hinges block is missing or out of date; write nothing.",
)
def codeowners_command(root: Path | None, write_to: Path | None, check_file: Path | None) -> int:
    """Print the CODEOWNERS block of the one-way doors in force: each pattern of their
    applies_to and the owner, so the forge asks that owner to review changes there.

    Owners that are not forge handles (@user, @org/team, an e-mail address) and patterns
    CODEOWNERS cannot express are reported on standard error and left out. Exit status:
    0 printed, written or current; 1 --check found the block stale, or FILE's markers are
    repeated or unbalanced (nothing written); 2 usage or configuration error.
    """
    from hinges.cli.listing import note_unloadable
    from hinges.codeowners_block import MARKERS, build_block
    from hinges.loader import load_registry
    from hinges.marker_block import splice, write_through

    if write_to is not None and check_file is not None:
        raise UsageError("--write and --check cannot be used together")
    registry_root, config = resolve_root(root)
    registry = load_registry(registry_root, config)
    note_unloadable(registry)
    block = build_block(registry)
    for problem in block.problems:
        echo(f"hinges: {problem.format()}", err=True)
    target = write_to or check_file
    if target is None:
        echo("\n".join(block.lines) + "\n", nl=False)
        return 0
    existing = _read(target)
    updated = splice(existing, block.lines[1:-1], MARKERS, str(target))
    if check_file is not None:
        if updated == existing:
            echo(f"{target}: the hinges block is current")
            return 0
        from hinges.marker_block import has_block

        present = existing is not None and has_block(existing, MARKERS, str(target))
        state = "has a stale hinges block" if present else "has no hinges block"
        echo(f"hinges: {target}: {state}; run 'hinges codeowners --write {target}'", err=True)
        return 1
    if updated == existing:
        echo(f"{target}: the hinges block is current; nothing to write")
        return 0
    try:
        Path(os.path.realpath(target)).parent.mkdir(parents=True, exist_ok=True)
        write_through(target, updated)
    except OSError as error:
        raise UsageError(f"cannot write it: {error.strerror or error}", path=target) from None
    echo(f"{target}: hinges block written ({len(block.lines)} lines)")
    return 0
