"""``hinges schema``: print the JSON Schema of decision or tenet front matter, or of the export."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import echo, resolve_root, root_option


@click.command("schema")
@click.argument("kind", type=click.Choice(["decision", "tenet", "export"]))
@root_option
def schema_command(kind: str, root: Path | None) -> int:
    """Print the JSON Schema (draft 2020-12) of KIND.

    decision and tenet: their front matter; the decision schema uses this registry's
    configured id prefix. export: the document 'hinges export' writes (the same for every
    registry; it needs none).
    """
    if kind == "export":
        from hinges.export_schema import render_export_schema

        echo(render_export_schema(), nl=False)
        return 0

    from hinges.front_matter_schema import render_json_schema

    _, config = resolve_root(root)
    echo(render_json_schema(kind, config), nl=False)
    return 0
