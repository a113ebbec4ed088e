"""``hinges why PATH...``: the decisions in force that govern each path."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import resolve_root, root_option


@click.command("why")
@click.argument("paths", nargs=-1, required=True)
@root_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
)
def why_command(paths: tuple[str, ...], root: Path | None, output_format: str) -> int:
    """Show the decisions in force (accepted, not superseded) whose applies_to covers each
    PATH, one-way doors first, with door, owner, tenets and exit path.

    PATHS are files or folders (a folder: what governs any file in it), relative to the
    current folder or to the registry root; they need not exist. Exit status: 0 (also
    when nothing governs a path), 2 for a path outside the registry root or a
    configuration error.
    """
    from hinges.cli.listing import note_unloadable
    from hinges.loader import load_registry
    from hinges.reporting.why import registry_path, render_json, render_text, why_answer

    registry_root, config = resolve_root(root)
    relative = [registry_path(path, registry_root, Path.cwd()) for path in paths]
    registry = load_registry(registry_root, config)
    note_unloadable(registry)
    answer = why_answer(registry, relative)
    render = render_json if output_format == "json" else render_text
    click.echo(render(registry, answer), nl=False)
    return 0
