"""``hinges review``: what is due for review; with an ID, record what a review found.

``hinges review`` lists accepted decisions due or overdue (for people and CI);
``hinges review ID --outcome ... --note ...`` appends a review and moves ``review_by``;
``hinges review --open-issues --repo OWNER/NAME`` keeps one GitHub issue per overdue
decision (the only form that makes network requests).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from hinges.cli._common import DATE, echo, resolve_root, root_option
from hinges.field_values import REVIEW_OUTCOMES
from hinges.visible import visible


@click.command("review")
@click.argument("record_id", metavar="[ID]", required=False)
@click.option(
    "--outcome",
    type=click.Choice(REVIEW_OUTCOMES),
    default=None,
    help="With ID: what the review found.",
)
@click.option("--note", default=None, help="With ID: what the review found, and why.")
@click.option("--by", "by", default=None, metavar="HANDLE", help="With ID: who reviewed.")
@click.option(
    "--next",
    "next_date",
    type=DATE,
    default=None,
    help="With ID: the new review_by (default: the door's review interval from today).",
)
@click.option(
    "--as-of",
    type=DATE,
    default=None,
    help="Judge due dates as of this day; with ID, the day of the review (default: today).",
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
@click.option(
    "--open-issues",
    is_flag=True,
    help="Keep one GitHub issue per overdue decision: open, keep, close (network; needs "
    "GITHUB_TOKEN).",
)
@click.option(
    "--repo",
    default=None,
    metavar="OWNER/NAME",
    help="With --open-issues: the repository (default: $GITHUB_REPOSITORY).",
)
@root_option
def review_command(
    record_id: str | None,
    outcome: str | None,
    note: str | None,
    by: str | None,
    next_date: dt.date | None,
    as_of: dt.date | None,
    within: int,
    strict: bool,
    output_format: str,
    open_issues: bool,
    repo: str | None,
    root: Path | None,
) -> int:
    """List accepted decisions whose review_by date has come, most overdue first; or,
    with ID, record a review of decision ID.

    Recording: 'hinges review ADR-0007 --outcome kept --note "Still the right call"'
    appends {date, outcome, by, note} to the decision's reviews and moves review_by on
    (--next, or review_interval_months for one-way doors and
    review_interval_two_way_months for two-way doors). Outcomes: kept, doubled-down,
    revised, reversed (then supersede or deprecate the decision).

    Exit status: 0 (also when reviews are due, unless --strict), 1 with --strict when a
    review is overdue, or when recording or a network request fails, 2 usage error.
    """
    from hinges.errors import UsageError

    day = as_of or dt.date.today()
    if record_id is not None:
        if open_issues or within or strict:
            raise UsageError("--open-issues, --within and --strict list reviews; drop the ID")
        if outcome is None or note is None:
            raise UsageError(f"recording a review of {record_id} needs --outcome and --note")
        return _record(record_id, outcome, note, by, next_date, day, root)
    if outcome is not None or note is not None or by is not None or next_date is not None:
        raise UsageError("--outcome, --note, --by and --next record a review: give the ID")
    if open_issues:
        from hinges.cli.review_issues import open_issues_for

        return open_issues_for(repo, day, root)
    return _list(day, within, strict, output_format, root)


def _record(
    record_id: str,
    outcome: str,
    note: str,
    by: str | None,
    next_date: dt.date | None,
    day: dt.date,
    root: Path | None,
) -> int:
    from hinges.authoring.outcome import record_review

    registry_root, config = resolve_root(root)
    done = record_review(
        registry_root,
        config,
        record_id,
        outcome=outcome,
        note=note,
        by=by,
        next_date=next_date,
        today=day,
    )
    was = done.previous_review_by.isoformat() if done.previous_review_by else "not set"
    echo(
        f"{visible(str(done.path))}: {visible(done.record_id)} reviewed {day}: {outcome}; "
        f"review_by {was} -> {done.review_by}"
    )
    if (steps := done.next_steps()) is not None:
        echo(f"next: {steps}")
    return 0


def _list(day: dt.date, within: int, strict: bool, output_format: str, root: Path | None) -> int:
    from hinges.authoring import review
    from hinges.cli.listing import note_unloadable
    from hinges.loader import load_registry

    registry_root, config = resolve_root(root)
    registry = load_registry(registry_root, config)
    due = review.due_reviews(registry.decisions, day, within)
    if output_format == "json":
        echo(review.as_json(due, day, within), nl=False)
    elif due:
        echo(review.as_table(due), nl=False)
    else:
        echo(review.nothing_due(day, within), nl=False)
    note_unloadable(registry)
    return 1 if strict and any(item.overdue for item in due) else 0
