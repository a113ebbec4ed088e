"""Reporters turn a :class:`hinges.checker.CheckResult` into text; they never decide exit codes.

Formats (each module's docstring describes its output precisely):

* ``text`` (:mod:`hinges.reporting.text`): one line per finding, then a summary line;
* ``github`` (:mod:`hinges.reporting.github`): GitHub Actions workflow commands;
* ``json`` (:mod:`hinges.reporting.json_format`): a versioned JSON document;
* ``sarif`` (:mod:`hinges.reporting.sarif`): SARIF 2.1.0 for code scanning;
* ``auto``: ``github`` when ``GITHUB_ACTIONS=true``, ``text`` otherwise.

Paths in ``text`` and ``json`` are relative to the registry root. Paths in ``github`` and
``sarif`` are relative to the repository checkout (see :func:`checkout_relative`), because
that is where GitHub looks for the files those formats point at.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
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


def checkout_folder(root: Path, environ: Mapping[str, str] | None = None) -> Path:
    """The folder GitHub resolves file paths against, for a registry at ``root``.

    ``GITHUB_WORKSPACE`` when set (the checkout under GitHub Actions); otherwise the top of
    the git work tree holding the registry (where code scanning resolves an uploaded
    SARIF file's paths); otherwise the registry root itself.
    """
    env = os.environ if environ is None else environ
    workspace = env.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(workspace).resolve()
    root = root.resolve()
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            return folder
    return root


def checkout_relative(root: Path, base: Path, path: str) -> str:
    """``path`` (relative to the resolved registry ``root``) relative to ``base``, with ``/``."""
    return os.path.relpath(root / path, base).replace(os.sep, "/")
