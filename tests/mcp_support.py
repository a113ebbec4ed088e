"""Drive the real ``hinges mcp`` server over stdio with the MCP SDK's own client."""

from __future__ import annotations

import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.types import CallToolResult, TextContent

T = TypeVar("T")
HINGES = str(Path(sys.executable).with_name("hinges"))


def with_server(root: Path, work: Callable[[ClientSession], Awaitable[T]], *args: str) -> T:
    """Start ``hinges mcp --root ROOT ARGS``, initialize a session, run ``work`` in it."""

    async def main() -> T:
        params = StdioServerParameters(command=HINGES, args=["mcp", "--root", str(root), *args])
        log_file = root.parent / "server-stderr.log"
        with open(log_file, "a") as log:
            async with stdio_client(params, errlog=log) as (read, write):  # noqa: SIM117
                async with ClientSession(read, write) as session:
                    await session.initialize()
                    return await work(session)

    return anyio.run(main)


def text_of(result: CallToolResult) -> str:
    assert len(result.content) == 1, result
    content = result.content[0]
    assert isinstance(content, TextContent), result
    return content.text


def data_of(result: CallToolResult) -> Any:
    """A successful call's structured answer (also checked against its text form)."""
    assert not result.is_error, result
    structured = result.structured_content
    assert structured is not None, result
    if set(structured) == {"result"}:  # a tool returning a string
        assert text_of(result) == structured["result"]
        return structured["result"]
    assert json.loads(text_of(result)) == structured
    return structured


def error_of(result: CallToolResult) -> str:
    assert result.is_error, result
    return text_of(result)
