"""``hinges schema``: print the JSON Schema of decision or tenet front matter."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import echo, resolve_root, root_option


@click.command("schema")
@click.argument("kind", type=click.Choice(["decision", "tenet"]))
@root_option
def schema_command(kind: str, root: Path | None) -> int:
    """Print the JSON Schema (draft 2020-12) for KIND's front matter.

    The decision schema uses this registry's configured id prefix.
    """
    from hinges.schema import render_json_schema

    _, config = resolve_root(root)
    echo(render_json_schema(kind, config), nl=False)
    return 0
