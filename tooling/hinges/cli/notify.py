"""``hinges notify``: post what is due for review (and what a merge changed) to a webhook."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from hinges.cli._common import DATE, echo, resolve_root, root_option


@click.command("notify")
@click.option(
    "--webhook",
    envvar="HINGES_WEBHOOK_URL",
    default=None,
    metavar="URL",
    help="The incoming webhook (Slack, Mattermost, Teams); default $HINGES_WEBHOOK_URL, "
    "which keeps the URL out of logs.",
)
@click.option(
    "--as-of", type=DATE, default=None, help="Judge due dates as of this day (default: today)."
)
@click.option(
    "--base",
    "base_ref",
    default=None,
    metavar="REF",
    help="Also report what changed since REF: one-way doors accepted, decisions superseded, "
    "reversals recorded.",
)
@click.option("--dry-run", is_flag=True, help="Print the JSON that would be posted; send nothing.")
@click.option(
    "--timeout", type=click.FloatRange(min=1), default=15.0, show_default=True, metavar="SECONDS"
)
@root_option
def notify_command(
    webhook: str | None,
    as_of: dt.date | None,
    base_ref: str | None,
    dry_run: bool,
    timeout: float,
    root: Path | None,
) -> int:
    """Post accepted decisions due for review to an incoming webhook, as JSON with a
    'text' field. Posts nothing when nothing is due (and nothing changed).

    This command makes a network request (to the webhook only); the URL never appears in
    its output.

    Exit status: 0 posted or nothing to post, 1 the webhook failed, 2 usage error.
    """
    from hinges.authoring.notify import merge_changes, message
    from hinges.authoring.review import due_reviews
    from hinges.errors import UsageError
    from hinges.loader import load_registry

    if webhook is None and not dry_run:
        raise UsageError("no webhook: pass --webhook URL or set HINGES_WEBHOOK_URL")
    if webhook is not None and not webhook.lower().startswith(("https://", "http://")):
        raise UsageError("the webhook must be an https:// (or http://) URL")
    registry_root, config = resolve_root(root)
    registry = load_registry(registry_root, config)
    day = as_of or dt.date.today()
    changes = None
    if base_ref is not None:
        from hinges.gate.gitbase import load_base_registry

        changes = merge_changes(load_base_registry(registry_root, config, base_ref), registry)
    payload = message(due_reviews(registry.decisions, day), day, changes)
    if payload is None:
        echo(f"nothing to notify as of {day}")
        return 0
    if dry_run:
        echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return 0
    from hinges.net.webhook import post

    assert webhook is not None
    status = post(webhook, payload, timeout=timeout)
    facts = payload["hinges"]
    echo(
        f"posted to the webhook ({status}): {len(facts['reviews'])} due for review, "
        f"{len(facts['one_way_doors_accepted'])} one-way doors accepted, "
        f"{len(facts['superseded'])} superseded, {len(facts['reversed'])} reversed"
    )
    return 0
