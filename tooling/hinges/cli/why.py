"""``hinges why PATH...``: the decisions in force that govern each path."""

from __future__ import annotations

import os
from pathlib import Path

import click

from hinges.cli._common import resolve_root, root_option
from hinges.errors import UsageError


def registry_path(argument: str, root: Path, cwd: Path) -> str:
    """``argument`` as a path relative to the registry root, with ``/``.

    A path is read relative to the current folder when that lands inside the root (as a
    shell completes it), else relative to the root itself (as patterns are written), so
    ``hinges why services/orders/store.py`` works from the root and from anywhere below.
    The path need not exist: a file about to be created is governed too.
    """
    if not argument.strip():
        raise UsageError("an empty path")
    if os.path.isabs(argument):
        candidate = Path(os.path.abspath(argument))
    else:
        candidate = Path(os.path.abspath(cwd / argument))
        inside = candidate == root or candidate.is_relative_to(root)
        if not inside or (not candidate.exists() and (root / argument).exists()):
            candidate = Path(os.path.abspath(root / argument))
    if candidate == root:
        raise UsageError(f"'{argument}' is the registry root; name a file or folder in it")
    if not candidate.is_relative_to(root):
        raise UsageError(f"'{argument}' is outside the registry root {root}")
    return candidate.relative_to(root).as_posix()


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
    from hinges.inforce import governing
    from hinges.loader import load_registry
    from hinges.reporting.why import render_json, render_text

    registry_root, config = resolve_root(root)
    relative = [registry_path(path, registry_root, Path.cwd()) for path in paths]
    registry = load_registry(registry_root, config)
    note_unloadable(registry)
    answer = governing(registry, relative)
    folders = [path for path in relative if (registry_root / path).is_dir()]
    if folders:  # a folder is governed by what governs the files in it
        from hinges.codescan.files import list_files
        from hinges.inforce import governing_any

        files = list_files(registry_root, config).paths
        for folder in folders:
            inside = [file for file in files if file.startswith(folder + "/")]
            answer[folder] = governing_any(registry, [folder, *inside])
    render = render_json if output_format == "json" else render_text
    click.echo(render(registry, answer), nl=False)
    return 0
