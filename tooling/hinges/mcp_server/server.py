"""The MCP server: each tool and resource is argument passing over :mod:`.tools`.

Errors the agent can fix (a bad id, an unknown owner, a path outside the registry) come
back as MCP error results carrying hinges' message, with control characters made
visible; the server keeps serving. Arguments of the wrong type are refused by the SDK
against each tool's schema, also as error results.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ToolError
from mcp.types import ToolAnnotations

from hinges import __version__
from hinges.errors import HingesError
from hinges.mcp_server import tools
from hinges.mcp_server.state import LiveRegistry

T = TypeVar("T")

INSTRUCTIONS = (
    "hinges holds this repository's technology decisions and the tenets behind them. Read "
    "get_digest first: the tenets in priority order and the decisions in force. Before "
    "changing files, call decisions_for_paths. Inside a two-way door, act freely. A change "
    "that touches a one-way door must be escalated to its owner, never made on your own. "
    "You may propose a decision (propose_decision); you never accept one."
)
_READ = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True)


def _answer(call: Callable[[], T]) -> T:
    try:
        return call()
    except HingesError as error:
        raise ToolError(error.format()) from None


def build_server(root: Path, *, read_only: bool = False, poll: bool = False) -> MCPServer:
    """The server for the registry at ``root`` (loaded now, once; ``poll``: find changes
    by looking at every file, not by asking the kernel)."""
    live = LiveRegistry(root, poll=poll)
    server = MCPServer("hinges", version=__version__, instructions=INSTRUCTIONS)

    @server.tool(annotations=_READ)
    def search_decisions(
        query: str | None = None,
        door: str | None = None,
        status: str | None = None,
        owner: str | None = None,
        tenet: str | None = None,
        tag: str | None = None,
    ) -> dict[str, Any]:
        """Find decisions. Every argument is optional and they combine: query (words that
        must all appear in the id, title, summary, tags or body), door (one-way, two-way),
        status (proposed, accepted, rejected, deprecated, superseded), owner (a handle),
        tenet (T-001), tag. At most 100 results, in number order; total counts them all."""
        return _answer(lambda: tools.search_decisions(live, query, door, status, owner, tenet, tag))

    @server.tool(annotations=_READ)
    def get_record(id: str) -> dict[str, Any]:
        """One decision (ADR-0007) or tenet (T-001): its fields, its body, whether it is in
        force and, when superseded, what replaces it now."""
        return _answer(lambda: tools.get_record(live, id))

    @server.tool(annotations=_READ)
    def decisions_for_paths(paths: list[str]) -> dict[str, Any]:
        """The decisions in force that govern each path (files or folders, relative to the
        repository root; they need not exist), one-way doors first: the hinges why answer.
        Call it before changing files."""
        return _answer(lambda: tools.decisions_for_paths(live, paths))

    @server.tool(annotations=_READ)
    def list_tenets() -> dict[str, Any]:
        """Every tenet: active ones first, in priority order (when two conflict, the higher
        wins), then the retired ones."""
        return _answer(lambda: tools.list_tenets(live))

    @server.tool(annotations=_READ)
    def get_digest() -> str:
        """What is in force, as compact Markdown: tenets in order, then the accepted
        decisions by door. Read it before you start."""
        return _answer(lambda: tools.get_digest(live))

    @server.tool(annotations=_READ)
    def check_registry() -> dict[str, Any]:
        """Run hinges check on the registry: findings (path, line, column, code, severity,
        message) and a summary, as hinges check --format json gives them."""
        return _answer(lambda: tools.check_registry(live))

    if not read_only:

        @server.tool(
            annotations=ToolAnnotations(
                read_only_hint=False, destructive_hint=False, idempotent_hint=False
            )
        )
        def propose_decision(
            title: str,
            door: str,
            owner: str,
            context: str,
            decision: str,
            tenets: list[str] | None = None,
            options: list[str] | None = None,
            consequences: str | None = None,
            exit_path: str | None = None,
            applies_to: list[str] | None = None,
        ) -> dict[str, Any]:
            """Write one new decision record with status proposed and return its id and path.
            door: one-way (costly to reverse) or two-way. owner: the accountable team's
            handle. tenets: ids it follows. options: the alternatives weighed, one line each
            (a one-way door needs two or more). applies_to: glob patterns of the files it
            governs. A proposal is never accepted here: people review and accept it, and a
            one-way door must be weighed by them before anyone acts on it."""
            return _answer(
                lambda: tools.propose_decision(
                    live,
                    title,
                    door,
                    owner,
                    tenets or (),
                    context,
                    options or (),
                    decision,
                    consequences,
                    exit_path,
                    applies_to or (),
                )
            )

    @server.resource(
        "hinges://{id}",
        name="record",
        description="A decision (hinges://ADR-0007) or tenet (hinges://T-001), as its file.",
        mime_type="text/markdown",
    )
    def record(id: str) -> str:
        try:
            return tools.record_text(live, id)
        except HingesError as error:
            raise ResourceError(error.format()) from None

    return server


def serve(root: Path, *, read_only: bool = False, poll: bool = False) -> None:
    """Serve the registry at ``root`` over standard input and output until it closes."""
    build_server(root, read_only=read_only, poll=poll).run("stdio")
