"""Declared dependencies: ``forbid_dependency`` guards, read from each ecosystem's manifest.

Each manifest is read with a real parser, never by a regex over its text:

* ``pyproject.toml`` (:mod:`tomllib`): PEP 621 ``dependencies`` and
  ``optional-dependencies``, PEP 735 ``dependency-groups``, and Poetry's
  ``[tool.poetry.dependencies]``, ``dev-dependencies`` and ``group.*.dependencies``;
* ``requirements*.txt``: one PEP 508 requirement a line, with comments, continuations,
  ``-e``/``--editable`` (``#egg=name``) and ``-r``/``--requirement`` includes (followed
  inside the repository, at most :data:`MAX_INCLUDE_DEPTH` deep; ``-c`` constraints declare
  nothing);
* ``package.json`` (:mod:`json`): ``dependencies``, ``devDependencies``,
  ``optionalDependencies`` and ``peerDependencies``;
* ``go.mod``: ``require`` lines and blocks;
* ``Cargo.toml`` (:mod:`tomllib`): every ``dependencies``, ``dev-dependencies`` and
  ``build-dependencies`` table, target-specific ones too, by the crate's real name
  (``package = ...`` when renamed).

Names are compared as each ecosystem compares them: Python's by PEP 503 (``Foo_Bar`` is
``foo-bar``), Cargo's ignoring case and ``-``/``_``, npm's and Go's exactly.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import tomllib
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hinges.codescan.scanner import _read
from hinges.globs import PathMatcher

MAX_INCLUDE_DEPTH = 8
# PEP 508: a requirement starts with its name (letters, digits, and . _ - inside).
_PEP508_NAME = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")
_NAME = re.compile(r"[A-Za-z0-9@][A-Za-z0-9._/@~+-]*\Z")
_EGG = re.compile(r"#egg=([A-Za-z0-9._-]+)")


def dependency_name_problem(name: str) -> str | None:
    if not _NAME.match(name):
        return f"'{name}' is not a package name"
    return None


def python_name(name: str) -> str:
    """PEP 503 normalisation."""
    return re.sub(r"[-_.]+", "-", name).lower()


_NORMALISE: dict[str, Callable[[str], str]] = {
    "python": python_name,
    "cargo": lambda name: name.lower().replace("_", "-"),
    "npm": lambda name: name,
    "go": lambda name: name,
}


def manifest_ecosystem(path: str) -> str | None:
    name = posixpath.basename(path)
    if name == "pyproject.toml" or (name.startswith("requirements") and name.endswith(".txt")):
        return "python"
    return {"package.json": "npm", "go.mod": "go", "Cargo.toml": "cargo"}.get(name)


@dataclass(frozen=True, slots=True)
class Declared:
    path: str
    line: int
    name: str
    ecosystem: str


def _line_of(text: str, needles: Sequence[str]) -> int:
    """The first line holding one of ``needles`` (as written in the manifest), else 1."""
    for number, line in enumerate(text.splitlines(), start=1):
        if any(needle in line for needle in needles):
            return number
    return 1


def _key_line(text: str, name: str, start: int = 0) -> int:
    pattern = re.compile(
        rf"""^\s*(?:["']?{re.escape(name)}["']?\s*=|\[[^\]]*\.["']?{re.escape(name)}["']?\])"""
    )
    for number, line in enumerate(text.splitlines(), start=1):
        if number > start and pattern.match(line):
            return number
    return 1


def _pep508(requirement: object) -> str | None:
    if not isinstance(requirement, str):
        return None
    match = _PEP508_NAME.match(requirement)
    return match[1] if match else None


def _pyproject(path: str, text: str) -> Iterator[Declared]:
    data = tomllib.loads(text)
    project = data.get("project", {})
    strings: list[object] = list(project.get("dependencies", []) or [])
    for extra in (project.get("optional-dependencies", {}) or {}).values():
        strings.extend(extra if isinstance(extra, list) else [])
    for group in (data.get("dependency-groups", {}) or {}).values():
        strings.extend(group if isinstance(group, list) else [])  # include-group tables: skipped
    for requirement in strings:
        name = _pep508(requirement)
        if name is not None:
            yield Declared(
                path, _line_of(text, [f'"{requirement}"', f"'{requirement}'"]), name, "python"
            )
    poetry = data.get("tool", {}).get("poetry", {})
    tables = [poetry.get("dependencies", {}), poetry.get("dev-dependencies", {})]
    tables += [g.get("dependencies", {}) for g in (poetry.get("group", {}) or {}).values()]
    for table in tables:
        for name in table if isinstance(table, dict) else ():
            if name.lower() != "python":  # the interpreter, not a package
                yield Declared(path, _key_line(text, name), name, "python")


def _requirements(
    path: str, text: str, read: Any, depth: int, seen: set[str]
) -> Iterator[Declared]:
    seen.add(path)
    logical: list[tuple[int, str]] = []
    pending, start = "", 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if not pending:
            start = number
        line = raw.rstrip()
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append((start, pending + line))
        pending = ""
    for number, line in logical:
        if line.lstrip().startswith("#"):
            continue
        stripped = re.sub(r"\s+#.*", "", line).strip()
        option = re.match(r"(-r|--requirement)(?:\s+|=)(\S+)", stripped)
        if option:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), option[2]))
            if depth < MAX_INCLUDE_DEPTH and target not in seen and not target.startswith(".."):
                included = read(target)
                if included is not None:
                    yield from _requirements(target, included, read, depth + 1, seen)
            continue
        editable = re.match(r"(-e|--editable)(?:\s+|=)(\S+)", stripped)
        if editable:
            egg = _EGG.search(editable[2])
            if egg:
                yield Declared(path, number, egg[1], "python")
            continue
        if not stripped or stripped.startswith("-") or "://" in stripped.split("@")[0]:
            continue  # other options, bare URLs and paths name no package
        if stripped.startswith((".", "/")):
            continue
        name = _pep508(stripped)
        if name is not None:
            yield Declared(path, number, name, "python")


_NPM_FIELDS = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies")


def _package_json(path: str, text: str) -> Iterator[Declared]:
    data = json.loads(text)
    if not isinstance(data, dict):
        return
    for field in _NPM_FIELDS:
        table = data.get(field)
        for name in table if isinstance(table, dict) else ():
            yield Declared(
                path, _line_of(text, [json.dumps(name) + ":", json.dumps(name) + " :"]), name, "npm"
            )


def _go_mod(path: str, text: str) -> Iterator[Declared]:
    in_block = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("//")[0].strip()
        if in_block:
            if line.startswith(")"):
                in_block = False
            elif line:
                yield Declared(path, number, line.split()[0], "go")
        elif re.match(r"require\s*\(", line):
            in_block = True
        elif line.startswith("require "):
            yield Declared(path, number, line.split()[1], "go")


_CARGO_TABLES = ("dependencies", "dev-dependencies", "build-dependencies")


def _cargo(path: str, text: str) -> Iterator[Declared]:
    data = tomllib.loads(text)
    tables = [data.get(name, {}) for name in _CARGO_TABLES]
    for target in (data.get("target", {}) or {}).values():
        tables += [target.get(name, {}) for name in _CARGO_TABLES if isinstance(target, dict)]
    workspace = data.get("workspace", {})
    tables.append(workspace.get("dependencies", {}) if isinstance(workspace, dict) else {})
    for table in tables:
        for key, spec in table.items() if isinstance(table, dict) else ():
            real = spec.get("package", key) if isinstance(spec, dict) else key
            yield Declared(path, _key_line(text, key), str(real), "cargo")


def declarations(path: str, text: str, read: Any) -> list[Declared]:
    """The dependencies ``path`` declares; ``read(path)`` gives an included file's text.
    A manifest its parser refuses declares nothing here."""
    ecosystem = manifest_ecosystem(path)
    try:
        if path.endswith(".txt"):
            return list(_requirements(path, text, read, 0, set()))
        parser = {"pyproject.toml": _pyproject, "package.json": _package_json}.get(
            posixpath.basename(path)
        ) or {"go": _go_mod, "cargo": _cargo}.get(ecosystem or "")
        return list(parser(path, text)) if parser else []
    except (ValueError, AttributeError, TypeError):  # TOML or JSON syntax, odd shapes
        return []


@dataclass(frozen=True, slots=True)
class DependencyRule:
    index: int
    names: tuple[str, ...]
    where: PathMatcher


def find_forbidden_dependencies(
    rules: Sequence[DependencyRule],
    root: Path,
    paths: Sequence[str],
    max_bytes: int,
    lines: Mapping[str, Collection[int]] | None,
) -> tuple[list[tuple[Declared, int]], list[str]]:
    """(declaration, guard index) of each forbidden dependency in the manifests among
    ``paths``, and the manifests read; with ``lines``, only declarations on those lines."""
    base = str(root) + os.sep
    forbidden = {
        (rule.index, ecosystem): {_NORMALISE[ecosystem](name) for name in rule.names}
        for rule in rules
        for ecosystem in _NORMALISE
    }

    def read(path: str) -> str | None:
        data = _read(base + path, max_bytes)
        return data.decode("utf-8", "replace") if isinstance(data, bytes) else None

    found: list[tuple[Declared, int]] = []
    done: set[tuple[str, int, int]] = set()
    read_paths: list[str] = []
    for path in paths:
        applicable = [rule for rule in rules if rule.where.matches(path)]
        if not applicable or manifest_ecosystem(path) is None:
            continue
        text = read(path)
        if text is None:
            continue
        read_paths.append(path)
        for declared in declarations(path, text, read):
            allowed = None if lines is None else lines.get(declared.path, ())
            if allowed is not None and declared.line not in allowed:
                continue
            name = _NORMALISE[declared.ecosystem](declared.name)
            for rule in applicable:
                key = (declared.path, declared.line, rule.index)
                if name in forbidden[rule.index, declared.ecosystem] and key not in done:
                    done.add(key)
                    found.append((declared, rule.index))
    return found, read_paths
