"""Which files the code scanner reads: ``git ls-files`` in a work tree, a walk elsewhere.

Paths are relative to the registry root, with ``/`` separators, sorted. In a git work tree
they are the tracked files under the root (``git ls-files``: what ``.gitignore`` keeps out
never counts; submodules are not entered). Outside git every file under the root is
listed, except hidden files and folders (``.git``, ``.venv``) and symlinked folders.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from hinges.config import Config
from hinges.errors import UsageError
from hinges.findings import visible
from hinges.git import GitUnavailable, git_text, run_git
from hinges.globs import PathMatcher


@dataclass(frozen=True)
class Listing:
    """Every file under the root, and those the scanner reads (exclusions applied)."""

    paths: tuple[str, ...]
    scanned: tuple[str, ...]
    in_git: bool


def _git_files(root: Path) -> list[str] | None:
    try:
        done = run_git(root, "-c", "core.quotePath=false", "ls-files", "-z", "--cached")
    except GitUnavailable:
        return None
    if done.returncode != 0:
        message = git_text(done.stderr)
        if "not a git repository" in message:
            return None
        # A work tree git refuses (e.g. "dubious ownership" in a container): walking it
        # instead would read ignored folders such as node_modules; say what went wrong.
        raise UsageError(f"git ls-files failed in {root}: {visible(message)}")
    names = done.stdout.decode("utf-8", "surrogateescape").split("\0")
    # ls-files lists a path once per stage during a merge conflict: keep one.
    return sorted({name for name in names if name})


def _walk(root: Path) -> list[str]:
    found: list[str] = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        relative = os.path.relpath(folder, root)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found.extend(prefix + name for name in files if not name.startswith("."))
    return sorted(found)


def _literal(path: str) -> str:
    """``path`` as a glob that matches only itself (``*``, ``?``, ``[`` escaped)."""
    return "".join("\\" + char if char in "*?[\\" else char for char in path)


def excluded_patterns(config: Config) -> tuple[str, ...]:
    """What the scanner never reads: the registry itself (its record folders,
    ``hinges.toml``, whose comments quote example ids, the configured record templates,
    whose placeholders do too (MADR's "superseded by ADR-0005"), and the guard baseline,
    which quotes the violating lines), then ``scan_exclude``."""
    templates = (_literal(template) for template in config.templates)
    return (
        config.decisions_dir,
        config.tenets_dir,
        "hinges.toml",
        *templates,
        "hinges-baseline.json",
        *config.scan_exclude,
    )


def list_files(root: Path, config: Config) -> Listing:
    """The files under ``root`` and the subset that guards and the id check read."""
    tracked = _git_files(root)
    paths = tracked if tracked is not None else _walk(root)
    exclude = PathMatcher(excluded_patterns(config))
    scanned = [path for path in paths if not exclude.matches(path)]
    return Listing(tuple(paths), tuple(scanned), tracked is not None)
