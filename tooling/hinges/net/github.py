"""The few GitHub REST endpoints hinges uses: list, create and update issues.

The API root is ``GITHUB_API_URL`` (GitHub Enterprise Server, or a test server) and
defaults to the public API. The token is sent as a bearer token and declared secret to
:func:`hinges.net.http.request`, so no message can contain it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from hinges.net.http import DEFAULT_TIMEOUT, NetworkError, request

PUBLIC_API = "https://api.github.com"
REPO_PATTERN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_PAGE_SIZE = 100
_MAX_PAGES = 50  # 5,000 labelled issues: far more than one registry needs; bounds a bad server


@dataclass(frozen=True)
class Issue:
    number: int
    title: str
    body: str
    state: str
    """open or closed."""
    labels: tuple[str, ...] | None
    """None when the answer did not list labels at all."""


def _issue(data: Any) -> Issue:
    if not isinstance(data, dict) or not isinstance(data.get("number"), int):
        raise NetworkError("GitHub answered with something that is not an issue")
    listed = data.get("labels")
    labels = (
        tuple(str(label.get("name")) if isinstance(label, dict) else str(label) for label in listed)
        if isinstance(listed, list)
        else None
    )
    return Issue(
        data["number"],
        str(data.get("title") or ""),
        str(data.get("body") or ""),
        str(data.get("state") or ""),
        labels,
    )


class GitHub:
    """Issues of one repository through the REST API."""

    def __init__(
        self, repo: str, token: str, api_url: str = PUBLIC_API, timeout: float = DEFAULT_TIMEOUT
    ):
        if not REPO_PATTERN.match(repo):
            raise NetworkError(f"'{repo}' is not a repository; write OWNER/NAME")
        self.repo = repo
        self._token = token
        self._api = api_url.rstrip("/")
        self._timeout = timeout
        self.service = f"GitHub API at {urlsplit(self._api).netloc or self._api}"

    def _call(self, method: str, path: str, payload: Any = None) -> Any:
        response = request(
            method,
            f"{self._api}/repos/{self.repo}{path}",
            service=self.service,
            headers={
                "Authorization": f"Bearer {self._token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
            },
            payload=payload,
            timeout=self._timeout,
            secrets=(self._token,),
        )
        return response.json()

    def issues(self, label: str) -> Iterator[Issue]:
        """Every issue (open and closed, not pull requests) carrying ``label``."""
        for page in range(1, _MAX_PAGES + 1):
            query = f"?state=all&labels={quote(label)}&per_page={_PAGE_SIZE}&page={page}"
            batch = self._call("GET", f"/issues{query}")
            if not isinstance(batch, list):
                raise NetworkError(f"{self.service} answered the issue list with no list")
            for item in batch:
                if isinstance(item, dict) and "pull_request" not in item:
                    yield _issue(item)
            if len(batch) < _PAGE_SIZE:
                return

    def create(self, title: str, body: str, labels: list[str]) -> Issue:
        return _issue(
            self._call("POST", "/issues", {"title": title, "body": body, "labels": labels})
        )

    def close(self, number: int, body: str) -> Issue:
        payload = {"state": "closed", "state_reason": "completed", "body": body}
        return _issue(self._call("PATCH", f"/issues/{number}", payload))
