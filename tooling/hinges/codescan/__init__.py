"""Decisions that reach the code: guards and decision ids, checked in the files they govern.

One scan per check, shared by the rules that report it (:mod:`hinges.rules._code`):

* :func:`hinges.codescan.files.list_files` lists the files (``git ls-files``, a walk
  outside git) and applies the exclusions (the record folders, ``scan_exclude``);
* :func:`scan_registry` runs the guards of the decisions in force and finds every
  mention of a decision id, in one pass per file (:mod:`hinges.codescan.scanner`);
* with a base ref, only the files the branch changed are read and only the lines it adds
  count (:mod:`hinges.codescan.diff`); a ``require`` guard is judged on the whole of each
  changed file, since a match on an old line satisfies it.

Nothing here knows rule codes or messages: results are plain values located in files.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from hinges.codescan.files import Listing, list_files
from hinges.codescan.scanner import Hit, Scan, Scanner, ScanStats
from hinges.globs import GlobError, glob_regex
from hinges.inforce import in_force
from hinges.loader import Registry
from hinges.records import Guard, Record

__all__ = [
    "ActiveGuard",
    "CodeScan",
    "Hit",
    "Listing",
    "ScanStats",
    "active_guards",
    "id_pattern",
    "list_files",
    "scan_registry",
]


@dataclass(frozen=True)
class ActiveGuard:
    """A guard that runs: its decision (in force), and the guard's usable patterns."""

    decision: Record
    guard: Guard
    globs: tuple[str, ...]


@dataclass
class CodeScan:
    """The outcome of one scan: guard hits, id mentions, counts; ``guards[hit.index]``."""

    guards: list[ActiveGuard]
    scan: Scan
    base: str | None


def id_pattern(prefix: str) -> str:
    """The pattern of a decision id in text: ``ADR-0007`` as a whole word."""
    return rf"\b{re.escape(prefix)}-[0-9]{{4,}}\b"


def _usable_globs(globs: tuple[str, ...]) -> tuple[str, ...]:
    usable = []
    for glob in globs:
        try:
            glob_regex(glob)
        except GlobError:  # reported by the invalid-glob rule
            continue
        usable.append(glob)
    return tuple(usable)


def active_guards(registry: Registry) -> list[ActiveGuard]:
    """The guards that run: those of decisions in force whose pattern RE2 accepts."""
    active: list[ActiveGuard] = []
    decisions = [record for record in in_force(registry) if record.guards()]
    if not decisions:
        return active
    from hinges.codescan.engine import PatternError, compile_pattern
    from hinges.codescan.imports import module_pattern_problem
    from hinges.codescan.manifests import dependency_name_problem

    for record in decisions:
        for guard in record.guards():
            if guard.kind == "forbid_import":
                modules = (*guard.sources, *guard.targets)
                if any(module_pattern_problem(m) for m in modules):
                    continue  # reported by the invalid-guard rule
            elif guard.kind == "forbid_dependency":
                if any(dependency_name_problem(name) for name in guard.targets):
                    continue  # reported by the invalid-guard rule
            else:
                try:
                    compile_pattern(guard.pattern)
                except PatternError:  # reported by the invalid-guard rule
                    continue
            globs = _usable_globs(guard.globs)
            if globs:
                active.append(ActiveGuard(record, guard, globs))
    return active


def scan_registry(
    registry: Registry,
    listing: Listing,
    *,
    guards: bool = True,
    ids: bool = True,
    base: str | None = None,
) -> CodeScan:
    """Run the guards (when ``guards``) and find id mentions (when ``ids``) in the files
    of ``listing``; with ``base`` (a git ref), only in the lines the branch adds."""
    running = active_guards(registry) if guards else []
    config = registry.config
    # Import and dependency guards are not patterns: they get no paths here (so the
    # scanner never runs them) and keep their place: a hit's index is the guard's.
    scanner = Scanner(
        [(g.guard.pattern, g.globs if g.guard.pattern else ()) for g in running],
        id_pattern(config.id_prefix) if ids else None,
        f"{config.id_prefix}-".encode() if ids else None,
        required=[i for i, g in enumerate(running) if g.guard.kind == "require"],
    )
    paths: tuple[str, ...] | list[str] = listing.scanned
    lines = None
    if base is not None:
        from hinges.codescan.diff import added_lines

        lines = added_lines(registry.root, base)
        paths = [path for path in listing.scanned if path in lines]
    scan = scanner.scan(Path(registry.root), paths, config.max_file_bytes, lines)
    root = Path(registry.root)
    if any(g.guard.kind == "forbid_import" for g in running):
        _scan_imports(running, listing, root, paths, config.max_file_bytes, scanner, scan, lines)
    if any(g.guard.kind == "forbid_dependency" for g in running):
        _scan_manifests(running, root, paths, config.max_file_bytes, scanner, scan, lines)
    return CodeScan(running, scan, base)


def _scan_manifests(
    running: list[ActiveGuard],
    root: Path,
    paths: Sequence[str],
    max_bytes: int,
    scanner: Scanner,
    scan: Scan,
    lines: Mapping[str, Collection[int]] | None,
) -> None:
    """Run the ``forbid_dependency`` guards and add their hits to ``scan``."""
    from hinges.codescan.manifests import DependencyRule, find_forbidden_dependencies
    from hinges.globs import PathMatcher

    rules = [
        DependencyRule(index, g.guard.targets, PathMatcher(g.globs))
        for index, g in enumerate(running)
        if g.guard.kind == "forbid_dependency"
    ]
    found, read = find_forbidden_dependencies(rules, root, paths, max_bytes, lines)
    _add_hits(scan, scanner, [Hit(d.path, d.line, 1, index, d.name) for d, index in found], read)


def _scan_imports(
    running: list[ActiveGuard],
    listing: Listing,
    root: Path,
    paths: Sequence[str],
    max_bytes: int,
    scanner: Scanner,
    scan: Scan,
    lines: Mapping[str, Collection[int]] | None,
) -> None:
    """Run the ``forbid_import`` guards and add their hits to ``scan``."""
    from hinges.codescan.imports import ImportRule, find_forbidden_imports
    from hinges.globs import PathMatcher

    rules = [
        ImportRule.of(index, g.guard.sources, g.guard.targets, PathMatcher(g.globs))
        for index, g in enumerate(running)
        if g.guard.kind == "forbid_import"
    ]
    found, read = find_forbidden_imports(rules, root, paths, listing.paths, max_bytes, lines)
    _add_hits(
        scan, scanner, [Hit(h.path, h.line, h.column, h.index, h.target) for h in found], read
    )


def _add_hits(scan: Scan, scanner: Scanner, hits: list[Hit], read: Collection[str]) -> None:
    """Merge a syntax-aware guard's ``hits`` into ``scan`` in scan order, and count the
    files it ``read`` that the text scan did not."""
    scan.hits.extend(hits)
    scan.hits.sort(key=lambda hit: (hit.path, hit.line, hit.column, hit.index))
    if scanner.id_pattern is None:  # otherwise the scanner has read (and counted) them all
        scan.stats.files_read += sum(1 for path in read if not scanner.guards_for(path))
