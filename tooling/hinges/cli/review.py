"""``hinges review``: accepted decisions due or overdue for review (for people and CI)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from hinges.cli._common import DATE, echo, resolve_root, root_option


@click.command("review")
@click.option(
    "--as-of", type=DATE, default=None, help="Judge due dates as of this day (default: today)."
)
@click.option(
    "--within",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    metavar="DAYS",
    help="Also list reviews falling due within this many days.",
)
@click.option(
    "--strict", is_flag=True, help="Exit 1 when any review is overdue (for scheduled CI)."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("table", "json")),
    default="table",
    show_default=True,
)
@root_option
def review_command(
    as_of: dt.date | None, within: int, strict: bool, output_format: str, root: Path | None
) -> int:
    """List accepted decisions whose review_by date has come, most overdue first.

    Exit status: 0 (also when reviews are due, unless --strict), 1 with --strict when a
    review is overdue, 2 usage error.
    """
    from hinges.authoring import review
    from hinges.cli.listing import note_unloadable
    from hinges.loader import load_registry

    registry_root, config = resolve_root(root)
    registry = load_registry(registry_root, config)
    day = as_of or dt.date.today()
    due = review.due_reviews(registry.decisions, day, within)
    if output_format == "json":
        echo(review.as_json(due, day, within), nl=False)
    elif due:
        echo(review.as_table(due), nl=False)
    else:
        echo(review.nothing_due(day, within), nl=False)
    note_unloadable(registry)
    return 1 if strict and any(item.overdue for item in due) else 0
