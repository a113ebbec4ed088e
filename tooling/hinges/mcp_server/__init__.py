"""``hinges mcp``: the registry as a Model Context Protocol server, for coding agents.

A layer like :mod:`hinges.cli`: :mod:`.server` parses arguments and speaks MCP (the
official ``mcp`` SDK, installed by the ``hinges[mcp]`` extra); :mod:`.tools` answers each
tool from the core (:mod:`hinges.inforce`, :mod:`hinges.digest`, ``hinges why``'s answer,
the checker, and ``hinges new``'s :func:`~hinges.authoring.new_decision.create_decision`);
:mod:`.state` keeps the registry in memory and reloads it when a file changed.

No tool accepts, supersedes, edits or deletes a record: an agent may only propose.
"""
