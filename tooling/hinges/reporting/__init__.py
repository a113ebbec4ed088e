"""Reporters turn a :class:`hinges.checker.CheckResult` into text; they never decide exit codes."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hinges.checker import CheckResult

Render = Callable[["CheckResult"], str]

# format name -> module defining ``render(result) -> str``
REPORTERS: dict[str, str] = {
    "text": "hinges.reporting.text",
    "github": "hinges.reporting.github",
    "json": "hinges.reporting.json_format",
    "sarif": "hinges.reporting.sarif",
}
FORMATS = ("auto", *REPORTERS)


def resolve_format(name: str, environ: Mapping[str, str] | None = None) -> str:
    """``auto`` is GitHub annotations under GitHub Actions, text elsewhere."""
    if name != "auto":
        return name
    env = os.environ if environ is None else environ
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"


def reporter(name: str) -> Render:
    module = importlib.import_module(REPORTERS[name])
    render: Render = module.render
    return render
