"""Import boundaries: ``forbid_import`` guards, read from Python's own syntax tree.

A Python file's module name comes from its path and the packages around it: a folder is a
package when it holds ``__init__.py``, so ``src/orders/api/views.py`` under packages
``orders`` and ``orders/api`` is ``orders.api.views`` (``src`` has none). Each file whose
module a guard's ``from`` covers is parsed with the standard :mod:`ast` (never imported or
run), and every ``import`` and ``from ... import`` in it, at any depth, is judged: relative
imports are resolved against the file's package, and ``from a import b`` means module
``a.b`` when that is a module of the repository, else ``a``. Only direct imports count,
as in import-linter's forbidden contracts without indirect chains.

Module patterns are dotted names; ``*`` is one part and ``**`` any number of parts, and a
pattern covers the modules below what it names (``orders.api`` and ``orders.api.**`` both
cover ``orders.api`` and ``orders.api.views``; ``orders.*.db`` covers ``orders.eu.db``).
"""

from __future__ import annotations

import ast
import os
import re
import warnings
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from hinges.codescan import imports_syntax as syntax
from hinges.codescan.scanner import _read
from hinges.globs import GlobError, PathMatcher, glob_regex

_PART = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
MAX_PATTERN_PARTS = 64


def module_pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` is not a module pattern (or, with ``/``, a path pattern), or None."""
    if "/" in pattern:
        try:
            glob_regex(pattern)
        except GlobError as error:
            return f"path pattern '{pattern}' cannot be used: {error}"
        return None
    parts = pattern.split(".")
    if len(parts) > MAX_PATTERN_PARTS:
        return f"module pattern '{pattern}' has more than {MAX_PATTERN_PARTS} parts"
    for part in parts:
        if part not in ("*", "**") and not _PART.match(part):
            return (
                f"'{pattern}' is not a module pattern (dotted names; `*` is one part, "
                "`**` any number)"
            )
    return None


def _covers(pattern: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether ``pattern`` matches ``name`` or one of its parent modules (in linear steps:
    the positions reachable after each part, never backtracking)."""
    reachable = {0}
    for part in pattern:
        following: set[int] = set()
        for position in reachable:
            if part == "**":
                following.update(range(position, len(name) + 1))
            elif position < len(name) and part in ("*", name[position]):
                following.add(position + 1)
        if not following:
            return False
        reachable = following
    return True


class ModuleMatcher:
    """Several module patterns; :meth:`covers` is cached per module name."""

    def __init__(self, patterns: Sequence[str]):
        self._patterns = [tuple(p.split(".")) for p in patterns]
        self._known: dict[str, bool] = {}

    def covers(self, module: str) -> bool:
        known = self._known.get(module)
        if known is None:
            name = tuple(module.split("."))
            known = self._known[module] = any(_covers(p, name) for p in self._patterns)
        return known


@dataclass(frozen=True, slots=True)
class PythonModule:
    name: str
    is_package: bool


def python_modules(paths: Sequence[str]) -> dict[str, PythonModule]:
    """Python file path -> its module, for every ``.py`` file in ``paths``."""
    sources = [path for path in paths if path.endswith(".py")]
    packages = {path[: -len("/__init__.py")] for path in sources if path.endswith("/__init__.py")}
    modules: dict[str, PythonModule] = {}
    for path in sources:
        folder, _, file_name = path.rpartition("/")
        stem = file_name[:-3]
        is_package = stem == "__init__"
        parts = [] if is_package else [stem]
        while folder in packages:
            folder, _, package = folder.rpartition("/")
            parts.insert(0, package)
        if parts and all(_PART.match(part) for part in parts):
            modules[path] = PythonModule(".".join(parts), is_package)
    return modules


def _imported(
    node: ast.Import | ast.ImportFrom, module: PythonModule, known: Collection[str]
) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    if node.level:
        parts = module.name.split(".")
        if not module.is_package:
            parts.pop()
        if node.level - 1 > len(parts):
            return  # beyond the top package: Python refuses it too
        parts = parts[: len(parts) - (node.level - 1)]
        if node.module:
            parts.append(node.module)
        base = ".".join(parts)
    else:
        base = node.module or ""
    if not base:
        return
    for alias in node.names:
        child = f"{base}.{alias.name}"
        if alias.name != "*" and (child in known or base not in known):
            yield child  # a submodule, or an outside package we cannot tell apart
        else:
            yield base


def python_imports(
    data: bytes, module: PythonModule, known: Collection[str]
) -> Iterator[tuple[int, int, range, str]]:
    """(line, column, lines of the statement, imported module) of each import in ``data``;
    nothing for a file Python cannot parse."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escapes in old code are not ours to report
            tree = ast.parse(data)
    except (SyntaxError, ValueError):
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            lines = range(node.lineno, (node.end_lineno or node.lineno) + 1)
            for target in _imported(node, module, known):
                yield node.lineno, node.col_offset + 1, lines, target


@dataclass(frozen=True, slots=True)
class ImportRule:
    """One ``forbid_import`` guard, ready to run: ``index`` is the guard's."""

    index: int
    sources: ModuleMatcher
    targets: ModuleMatcher
    where: PathMatcher
    path_sources: PathMatcher
    """``from`` patterns with ``/``: files of the languages that import by path."""
    path_targets: PathMatcher
    packages: frozenset[str]
    """``to`` patterns without ``/``, as package names for those languages."""

    @classmethod
    def of(
        cls, index: int, sources: Sequence[str], targets: Sequence[str], where: PathMatcher
    ) -> ImportRule:
        dotted = [p for p in sources if "/" not in p]
        dotted_targets = [p for p in targets if "/" not in p]
        return cls(
            index,
            ModuleMatcher(dotted),
            ModuleMatcher(dotted_targets),
            where,
            PathMatcher(p for p in sources if "/" in p),
            PathMatcher(p for p in targets if "/" in p),
            frozenset(dotted_targets),
        )

    def forbids_path(self, language: str, path: str, specifier: str) -> bool:
        """Whether importing ``specifier`` from ``path`` (JS or Go) breaks this rule."""
        if language == "go":
            first = specifier.split("/")[0]
            return self.path_targets.matches(specifier) or first in self.packages
        bare = not specifier.startswith((".", "/"))
        if bare and syntax.package_of(specifier) in self.packages:
            return True
        return any(self.path_targets.matches(c) for c in syntax.js_targets(path, specifier))


@dataclass(frozen=True, slots=True)
class ImportHit:
    path: str
    line: int
    column: int
    index: int
    module: str
    target: str


def find_forbidden_imports(
    rules: Sequence[ImportRule],
    root: Path,
    paths: Sequence[str],
    every_path: Sequence[str],
    max_bytes: int,
    lines: Mapping[str, Collection[int]] | None,
) -> tuple[list[ImportHit], list[str]]:
    """The imports in ``paths`` that a rule forbids (with ``lines``, only statements
    touching those lines), and the files read; ``every_path`` tells the packages."""
    modules = python_modules(every_path)
    known = {module.name for module in modules.values()}
    hits: list[ImportHit] = []
    read: list[str] = []
    base = str(root) + os.sep
    for path in paths:
        module = modules.get(path)
        if module is None:
            language = syntax.language_of(path)
            if language is not None:
                _by_path(rules, base, path, language, max_bytes, lines, hits, read)
            continue
        applicable = [
            rule for rule in rules if rule.sources.covers(module.name) and rule.where.matches(path)
        ]
        if not applicable:
            continue
        data = _read(base + path, max_bytes)
        if not isinstance(data, bytes):
            continue
        read.append(path)
        allowed = None if lines is None else lines.get(path, ())
        for line, column, span, target in python_imports(data, module, known):
            if allowed is not None and not any(number in allowed for number in span):
                continue
            for rule in applicable:
                if rule.targets.covers(target):
                    hits.append(ImportHit(path, line, column, rule.index, module.name, target))
    return hits, read


def _by_path(
    rules: Sequence[ImportRule],
    base: str,
    path: str,
    language: str,
    max_bytes: int,
    lines: Mapping[str, Collection[int]] | None,
    hits: list[ImportHit],
    read: list[str],
) -> None:
    """The forbidden imports of one JavaScript, TypeScript or Go file."""
    applicable = [r for r in rules if r.path_sources.matches(path) and r.where.matches(path)]
    if not applicable:
        return
    data = _read(base + path, max_bytes)
    if not isinstance(data, bytes) or b"\0" in data[:8000]:
        return
    read.append(path)
    text = data.decode("utf-8", "replace")
    found = syntax.go_imports(text) if language == "go" else syntax.js_imports(text)
    allowed = None if lines is None else lines.get(path, ())
    for line, column, specifier in found:
        if allowed is not None and line not in allowed:
            continue
        for rule in applicable:
            if rule.forbids_path(language, path, specifier):
                hits.append(ImportHit(path, line, column, rule.index, path, specifier))
