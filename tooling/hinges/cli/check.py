"""``hinges check``: validate the registry (the pull-request and pre-commit gate)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from hinges.cli._common import DATE, emit, output_option, resolve_root, root_option
from hinges.errors import UsageError
from hinges.reporting import FORMATS


def _relative_selection(
    paths: tuple[Path, ...], root: Path, *, allow_missing: bool
) -> list[str] | None:
    """PATHS as registry-relative paths; None (everything) when one of them is the root.

    Paths outside the root are dropped: pre-commit passes every changed file of the
    repository, and only the registry's own files are ours to report on. A path that does
    not exist is a usage error (a typo must not pass silently), except against a base,
    where it may name a record deleted since.
    """
    if not paths:
        return None
    selection = []
    for path in paths:
        if not allow_missing and not os.path.lexists(path):
            raise UsageError(f"no such file or folder: {path}")
        absolute = Path(os.path.abspath(path))
        # Resolve the folder, not the file: the root is resolved, and a record that is a
        # symlink must still be selected by its own name.
        absolute = absolute.parent.resolve() / absolute.name if absolute.name else absolute
        if absolute == root:
            return None
        if absolute.is_relative_to(root):
            selection.append(absolute.relative_to(root).as_posix())
    return selection


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@root_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="auto means github under GitHub Actions, text elsewhere.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--as-of", type=DATE, default=None, help="Judge review dates as of this date.")
@click.option(
    "--base",
    "base_ref",
    metavar="REF",
    default=None,
    help="Also judge the changes since this git ref (e.g. origin/main): rules HG9xx.",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Record every current guard violation in hinges-baseline.json (to commit), so "
    "later checks fail only on new ones.",
)
@output_option("report")
def check_command(
    paths: tuple[Path, ...],
    root: Path | None,
    output_format: str,
    strict: bool,
    as_of: dt.date | None,
    base_ref: str | None,
    update_baseline: bool,
    output: Path | None,
) -> int:
    """Check every decision and tenet; PATHS limit what is reported, not what is checked.

    Exit status: 0 no errors (warnings allowed unless --strict), 1 findings fail the run
    (or an internal error), 2 usage or configuration error (including an --output file
    that cannot be written, or a --base ref that is not in the repository).
    """
    from hinges.checker import check
    from hinges.reporting import reporter, resolve_format

    registry_root, config = resolve_root(root)
    if update_baseline and (base_ref is not None or paths):
        raise UsageError("--update-baseline records a full check: drop --base and PATHS")
    base = None
    if base_ref is not None:
        from hinges.gate.gitbase import load_base_registry

        base = load_base_registry(registry_root, config, base_ref)
    result = check(
        registry_root,
        config,
        today=as_of,
        select=_relative_selection(paths, registry_root, allow_missing=base is not None),
        base=base,
        update_baseline=update_baseline,
    )
    report = reporter(resolve_format(output_format))(result)
    emit(report, output, "report")
    return 1 if result.failed(strict=strict) else 0
