"""``hinges status ID STATUS``: move a decision or tenet along its lifecycle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from hinges.cli._common import DATE, echo, resolve_root, root_option
from hinges.field_values import DECISION_STATUSES, TENET_STATUSES


@click.command("status")
@click.argument("record_id", metavar="ID")
@click.argument(
    "new_status", metavar="STATUS", type=click.Choice(DECISION_STATUSES + TENET_STATUSES)
)
@root_option
@click.option(
    "--date", "date", type=DATE, default=None, help="The date of the change (default: today)."
)
def status_command(record_id: str, new_status: str, root: Path | None, date: dt.date | None) -> int:
    """Change the status of decision or tenet ID and set its date.

    Decisions: proposed -> accepted | rejected; accepted -> deprecated | superseded (to
    supersede, use 'hinges new TITLE --supersedes ID'). Tenets: active -> retired.
    Accepting checks what the rules require (an exit path; for a one-way door also
    deciders, a review date and two options weighed) and lists what is missing.

    Exit status: 0 changed, 1 not allowed or unknown ID, 2 usage error.
    """
    from hinges.authoring.status import change_status
    from hinges.visible import shorten, visible

    registry_root, config = resolve_root(root)
    change = change_status(registry_root, config, record_id, new_status, date or dt.date.today())
    record_id, old = visible(shorten(change.record_id)), visible(shorten(change.old))
    echo(f"{visible(str(change.path))}: {record_id} {old} -> {change.new}, date {change.date}")
    return 0
