"""``hinges mcp``: serve the registry to coding agents over the Model Context Protocol."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import resolve_root, root_option


@click.command("mcp")
@root_option
@click.option(
    "--read-only", is_flag=True, help="Leave out propose_decision: no tool writes anything."
)
@click.option(
    "--poll",
    is_flag=True,
    help="Find changed records by looking at every file before each call (slower on a "
    "large registry), not by asking the kernel; for file systems whose changes the "
    "kernel does not report.",
)
def mcp_command(root: Path | None, read_only: bool, poll: bool) -> int:
    """Serve the registry as an MCP server over standard input and output.

    Tools: search_decisions, get_record, decisions_for_paths, list_tenets, get_digest,
    check_registry and (unless --read-only) propose_decision, which writes a proposed
    record and nothing else. Records are also resources, hinges://ADR-0007. Needs the
    mcp extra: pip install 'hinges[mcp]'. Exit status: 0 when the client closes the
    connection, 2 usage or configuration error.

    Before each call the server notices records edited, added, removed or renamed and
    a changed configuration, and reloads: on Linux the kernel says what changed (inotify,
    on local file systems); elsewhere, or with --poll, it looks at every record file.
    """
    from hinges.errors import UsageError
    from hinges.loader import load_registry

    registry_root, config = resolve_root(root)
    load_registry(registry_root, config)  # no registry here: say so before serving
    try:
        from hinges.mcp_server.server import serve
    except ModuleNotFoundError as error:
        if error.name is None or not error.name.startswith("mcp"):
            raise
        raise UsageError(
            "hinges mcp needs the MCP SDK; install it with pip install 'hinges[mcp]'"
        ) from None
    serve(registry_root, read_only=read_only, poll=poll)
    return 0
