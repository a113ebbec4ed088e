"""``hinges list`` (decisions, filtered) and ``hinges show ID`` (one record in full).

The module is not called ``list``: a submodule named so would shadow the builtin in the
package namespace of :mod:`hinges.cli`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from hinges.cli._common import echo, resolve_root, root_option
from hinges.field_values import DECISION_STATUSES, DOORS

if TYPE_CHECKING:
    from hinges.loader import Registry


def note_unloadable(registry: Registry) -> None:
    """One line on stderr when some files could not be loaded (they are left out)."""
    count = len({finding.path for finding in registry.findings})
    if count:
        files = "file" if count == 1 else "files"
        verb = "is" if count == 1 else "are"
        echo(
            f"hinges: note: {count} {files} could not be loaded and {verb} left out; "
            "run 'hinges check' to see why",
            err=True,
        )


@click.command("list")
@click.option("--status", type=click.Choice(DECISION_STATUSES), help="Only this status.")
@click.option("--door", type=click.Choice(DOORS), help="Only this kind of door.")
@click.option("--owner", metavar="HANDLE", help="Only this owner ('@' and case ignored).")
@click.option(
    "--tenet", metavar="T-NNN", help="Only decisions citing this tenet (T-003, t-3 or 3)."
)
@click.option("--tag", metavar="TAG", help="Only decisions with this tag.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("table", "json", "csv")),
    default="table",
    show_default=True,
)
@root_option
def list_command(
    status: str | None,
    door: str | None,
    owner: str | None,
    tenet: str | None,
    tag: str | None,
    output_format: str,
    root: Path | None,
) -> int:
    """List decisions, in number order, optionally filtered.

    Files that cannot be loaded are left out with a note on stderr ('hinges check' says
    why). Exit status: 0 listed (even if nothing matched), 1 unknown tenet, 2 usage error.
    """
    from hinges.authoring import listing
    from hinges.loader import load_registry

    registry_root, config = resolve_root(root)
    registry = load_registry(registry_root, config)
    if tenet is not None:
        from hinges.authoring.tenets import load_tenets, resolve_tenet_id

        tenet = resolve_tenet_id(tenet, load_tenets(registry_root, config).by_id())
    filters = listing.Filters(status, door, owner, tenet, tag)
    records = listing.select(registry.decisions, filters)
    if output_format == "json":
        echo(listing.as_json(records), nl=False)
    elif output_format == "csv":
        echo(listing.as_csv(records), nl=False)
    elif records:
        echo(listing.as_table(records), nl=False)
    else:
        echo("no decisions match")
    note_unloadable(registry)
    return 0


@click.command("show")
@click.argument("record_id", metavar="ID")
@root_option
def show_command(record_id: str, root: Path | None) -> int:
    """Show decision or tenet ID: its fields, then its body (for a tenet, who cites it).

    Exit status: 0 shown, 1 unknown or ambiguous ID, 2 usage error.
    """
    from hinges.authoring import listing
    from hinges.authoring.relations import find_one, record_kind
    from hinges.loader import load_registry

    registry_root, config = resolve_root(root)
    record = find_one(registry_root, config, record_id)
    cited_by = None
    if record_kind(record_id, config) == "tenet":
        registry = load_registry(registry_root, config)
        citing = (r for r in registry.decisions if record_id in r.list_value("tenets"))
        cited_by = sorted(citing, key=listing.record_order)
    echo(listing.show(record, cited_by), nl=False)
    return 0
