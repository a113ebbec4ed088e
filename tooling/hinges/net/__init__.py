"""Every network request hinges makes, in one small package (decisions/0015).

Only explicit commands use it: ``hinges notify`` (a webhook), ``hinges review
--open-issues`` (the GitHub REST API) and ``hinges sources sync`` (git, decisions/0031).
Requests have timeouts; failures are :class:`NetworkError` messages (exit 1), never
tracebacks; secrets (tokens, webhook URLs) never appear in a message. Nothing else in
hinges imports this package.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NetworkError", "Response", "request"]


def __getattr__(name: str) -> Any:
    # Imported on first use: ``hinges sources sync`` needs only git (net.gitremote), and
    # loading urllib.request would add about 40 ms to every sync.
    if name in __all__:
        from hinges.net import http

        return getattr(http, name)
    raise AttributeError(f"module 'hinges.net' has no attribute {name!r}")
