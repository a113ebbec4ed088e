"""``hinges check``: validate the registry (the pull-request and pre-commit gate)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from hinges.cli._common import DATE, resolve_root, root_option
from hinges.reporting import FORMATS


def _relative_selection(paths: tuple[Path, ...], root: Path) -> list[str] | None:
    if not paths:
        return None
    selection = []
    for path in paths:
        absolute = Path(os.path.abspath(path))
        if absolute.is_relative_to(root):
            selection.append(absolute.relative_to(root).as_posix().removeprefix("."))
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
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of standard output.",
)
def check_command(
    paths: tuple[Path, ...],
    root: Path | None,
    output_format: str,
    strict: bool,
    as_of: dt.date | None,
    output: Path | None,
) -> int:
    """Check every decision and tenet; PATHS limit what is reported, not what is checked.

    Exit status: 0 no errors (warnings allowed unless --strict), 1 findings fail the run,
    2 usage or configuration error.
    """
    from hinges.atomic import write_text
    from hinges.checker import check
    from hinges.reporting import reporter, resolve_format

    registry_root, config = resolve_root(root)
    result = check(
        registry_root, config, today=as_of, select=_relative_selection(paths, registry_root)
    )
    report = reporter(resolve_format(output_format))(result)
    if output is None:
        click.echo(report, nl=False)
    else:
        write_text(output, report)
    return 1 if result.failed(strict=strict) else 0
