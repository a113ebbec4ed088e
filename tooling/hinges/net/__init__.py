"""Every network request hinges makes, in one small package (decisions/0015).

Only explicit commands use it: ``hinges notify`` (a webhook) and ``hinges review
--open-issues`` (the GitHub REST API). Requests have timeouts; failures are
:class:`NetworkError` messages (exit 1), never tracebacks; secrets (tokens, webhook URLs)
never appear in a message. Nothing else in hinges imports this package.
"""

from __future__ import annotations

from hinges.net.http import NetworkError, Response, request

__all__ = ["NetworkError", "Response", "request"]
