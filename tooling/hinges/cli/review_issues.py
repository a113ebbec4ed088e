"""``hinges review --open-issues``: the network half of ``hinges review`` (GitHub issues)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from hinges.cli._common import echo, resolve_root


def open_issues_for(repo: str | None, day: dt.date, root: Path | None) -> int:
    """Open, keep and close one issue per due review in ``repo``; print what was done."""
    from hinges.authoring.review import due_reviews
    from hinges.authoring.review_issues import sync_issues
    from hinges.errors import UsageError
    from hinges.loader import load_registry
    from hinges.net.github import PUBLIC_API, GitHub

    repo = repo or os.environ.get("GITHUB_REPOSITORY")
    if not repo:
        raise UsageError("--open-issues needs --repo OWNER/NAME (or GITHUB_REPOSITORY)")
    token = os.environ.get("GITHUB_TOKEN", "")
    if not token.strip():
        raise UsageError("--open-issues needs a token in GITHUB_TOKEN (issues: write)")
    api = os.environ.get("GITHUB_API_URL") or PUBLIC_API
    registry_root, config = resolve_root(root)
    registry = load_registry(registry_root, config)
    github = GitHub(repo, token.strip(), api)
    result = sync_issues(github, registry, due_reviews(registry.decisions, day))
    for line in result.lines():
        echo(line)
    return 0
