"""Post a JSON message to an incoming webhook (Slack, Mattermost, Microsoft Teams).

The webhook's URL is its secret: it is declared as one, and messages call it "the
webhook", never by its address.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from hinges.net.http import DEFAULT_TIMEOUT, request


def post(url: str, payload: dict[str, Any], timeout: float = DEFAULT_TIMEOUT) -> int:
    """Send ``payload``; the HTTP status of the (2xx) answer."""
    parts = urlsplit(url)
    # The secret of a Slack or Teams webhook is its path (or query): an error page that
    # echoes the path alone must not reveal it either.
    secrets = (url, *(part for part in (parts.path, parts.query) if len(part) > 1))
    answer = request(
        "POST", url, service="the webhook", payload=payload, timeout=timeout, secrets=secrets
    )
    return answer.status
