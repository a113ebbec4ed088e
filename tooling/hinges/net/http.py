"""JSON over HTTPS with the standard library: a timeout on every request, clear errors.

A message names the service and what went wrong (unreachable, timed out, refused with a
status and the server's own explanation), and passes through :func:`redact`: every
secret the caller declares is replaced by ``***`` and control characters are made
visible, so neither a token nor a terminal escape sequence from a server reaches a log.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hinges.errors import HingesError

DEFAULT_TIMEOUT = 15.0
USER_AGENT = "hinges (+https://github.com/hinges)"
_MAX_DETAIL = 300


class NetworkError(HingesError):
    """A request failed: unreachable, timed out, or answered with an error status."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8")) if self.body else None
        except (UnicodeDecodeError, ValueError):
            raise NetworkError(
                f"the server answered {self.status} with a body that is not JSON"
            ) from None


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` without any of ``secrets``, control characters shown as escapes, bounded."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    visible = "".join(
        char if char.isprintable() else f"\\x{ord(char):02x}" if ord(char) < 256 else "?"
        for char in text
    )
    return visible if len(visible) <= _MAX_DETAIL else visible[:_MAX_DETAIL] + "..."


def _server_detail(body: bytes) -> str:
    """The explanation an error response carries (GitHub's ``message``), if any."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return body.decode("utf-8", "replace").strip()
    if isinstance(data, dict) and isinstance(data.get("message"), str):
        return str(data["message"])
    return ""


def request(
    method: str,
    url: str,
    *,
    service: str,
    headers: Mapping[str, str] | None = None,
    payload: Any = None,
    timeout: float = DEFAULT_TIMEOUT,
    secrets: Iterable[str] = (),
) -> Response:
    """Send one request; return a 2xx response, else raise :class:`NetworkError`.

    ``service`` names the other side in messages ("the webhook", "GitHub API at HOST");
    the URL is never part of a message, since a webhook's URL is its secret.
    """
    secrets = tuple(secrets)
    if not url.lower().startswith(("https://", "http://")):
        raise NetworkError(f"the address of {service} must start with https:// (or http://)")
    data = None if payload is None else json.dumps(payload).encode("utf-8")
    sent = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
    if data is not None:
        sent["Content-Type"] = "application/json"
    outgoing = urllib.request.Request(url, data=data, headers=sent, method=method)
    try:
        with urllib.request.urlopen(outgoing, timeout=timeout) as answer:
            return Response(answer.status, dict(answer.headers.items()), answer.read())
    except urllib.error.HTTPError as error:
        body = error.read() if error.fp is not None else b""
        headers_in = dict(error.headers.items()) if error.headers else {}
        raise NetworkError(
            redact(_status_message(service, error.code, headers_in, body), secrets),
            status=error.code,
        ) from None
    except TimeoutError:
        raise NetworkError(f"{service} did not answer within {timeout:g} seconds") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise NetworkError(f"{service} did not answer within {timeout:g} seconds") from None
        raise NetworkError(redact(f"cannot reach {service}: {reason}", secrets)) from None
    except (OSError, ValueError) as error:  # a malformed URL, a reset connection
        raise NetworkError(redact(f"request to {service} failed: {error}", secrets)) from None


def _status_message(service: str, status: int, headers: Mapping[str, str], body: bytes) -> str:
    detail = _server_detail(body)
    said = f": {detail}" if detail else ""
    lowered = {key.lower(): value for key, value in headers.items()}
    # GitHub's primary limit says remaining 0; its secondary limits send Retry-After.
    limited = lowered.get("x-ratelimit-remaining") == "0" or "retry-after" in lowered
    if status == 429 or (status == 403 and limited):
        reset = lowered.get("x-ratelimit-reset") or lowered.get("retry-after")
        when = f"; retry after {reset}" if reset else "; retry later"
        return f"{service} is rate limiting these requests ({status}){when}"
    if status == 401:
        return f"{service} refused the credentials (401){said}; check the token"
    if status == 403:
        return f"{service} refused the request (403){said}; the token may lack permission"
    return f"{service} answered {status}{said}"
