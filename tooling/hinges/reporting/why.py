"""``hinges why``: which decisions in force govern each path, as text or JSON.

Built on :func:`hinges.inforce.governing`; pure functions returning strings.

Text, for each path in the order given::

    services/orders/store.py
      ADR-0007 Use PostgreSQL for the order service
        one-way door, owner @orders
        tenets: T-002 Language-neutral contracts and stored data
        exit path: Orders live in plain SQL tables; moving costs about three sprints.
        matched by: services/orders/**
    README.md
      no decision in force governs this path

JSON (``version`` 1; fields are only ever added within a version)::

    {"version": 1, "paths": [{"path": "services/orders/store.py", "decisions": [
      {"id": "ADR-0007", "title": "...", "door": "one-way", "owner": "@orders",
       "tenets": [{"id": "T-002", "title": "..."}], "exit_path": "...",
       "record": "decisions/0007-use-postgresql.md", "patterns": ["services/orders/**"]}]}]}

Decisions are listed one-way doors first, then by number. Missing fields are ``null`` in
JSON and left out of the text. Record text is shown with control characters made visible.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from hinges.errors import UsageError
from hinges.findings import visible
from hinges.inforce import Governing, governing, governing_any, tenets_of
from hinges.loader import Registry

VERSION = 1


def registry_path(argument: str, root: Path, cwd: Path) -> str:
    """``argument`` as a path relative to the registry root, with ``/``.

    A path is read relative to the current folder when that lands inside the root (as a
    shell completes it), else relative to the root itself (as patterns are written), so
    ``hinges why services/orders/store.py`` works from the root and from anywhere below.
    The path need not exist: a file about to be created is governed too.
    """
    if not argument.strip():
        raise UsageError("an empty path")
    if os.path.isabs(argument):
        candidate = Path(os.path.abspath(argument))
    else:
        candidate = Path(os.path.abspath(cwd / argument))
        inside = candidate == root or candidate.is_relative_to(root)
        if not inside or (not candidate.exists() and (root / argument).exists()):
            candidate = Path(os.path.abspath(root / argument))
    if candidate == root:
        raise UsageError(f"'{argument}' is the registry root; name a file or folder in it")
    if not candidate.is_relative_to(root):
        raise UsageError(f"'{argument}' is outside the registry root {root}")
    return candidate.relative_to(root).as_posix()


def why_answer(registry: Registry, paths: list[str]) -> dict[str, list[Governing]]:
    """The ``hinges why`` answer for ``paths`` (relative to the registry root, ``/``).

    A file, or a path that does not exist yet, is governed by what its patterns match; a
    folder by what governs any file in it (:func:`hinges.inforce.governing_any`).
    """
    answer = governing(registry, paths)
    root = registry.root
    folders = [path for path in paths if (root / path).is_dir()]
    if folders:  # a folder is governed by what governs the files in it
        from hinges.codescan.files import list_files

        files = list_files(root, registry.config).paths
        for folder in folders:
            inside = [file for file in files if file.startswith(folder + "/")]
            answer[folder] = governing_any(registry, [folder, *inside])
    return answer


def _decision(registry: Registry, governing: Governing) -> dict[str, Any]:
    record = governing.decision
    return {
        "id": record.id,
        "title": record.title,
        "door": record.str_value("door"),
        "owner": record.str_value("owner"),
        "tenets": [{"id": t.id, "title": t.title} for t in tenets_of(registry, record)],
        "exit_path": record.str_value("exit_path"),
        "record": record.path,
        "patterns": list(governing.patterns),
    }


def why_document(registry: Registry, answer: dict[str, list[Governing]]) -> dict[str, Any]:
    """The answer of :func:`hinges.inforce.governing` as plain data."""
    return {
        "version": VERSION,
        "paths": [
            {"path": path, "decisions": [_decision(registry, g) for g in found]}
            for path, found in answer.items()
        ],
    }


def render_json(registry: Registry, answer: dict[str, list[Governing]]) -> str:
    return json.dumps(why_document(registry, answer), indent=2, ensure_ascii=False) + "\n"


def render_text(registry: Registry, answer: dict[str, list[Governing]]) -> str:
    lines: list[str] = []
    for entry in why_document(registry, answer)["paths"]:
        lines.append(visible(entry["path"]))
        if not entry["decisions"]:
            lines.append("  no decision in force governs this path")
        for decision in entry["decisions"]:
            lines.append(visible(f"  {decision['id']} {decision['title'] or ''}".rstrip()))
            door = f"{decision['door']} door" if decision["door"] else "door not given"
            lines.append(visible(f"    {door}, owner {decision['owner'] or 'not given'}"))
            if decision["tenets"]:
                tenets = "; ".join(
                    f"{t['id']} {t['title'] or ''}".rstrip() for t in decision["tenets"]
                )
                lines.append(visible(f"    tenets: {tenets}"))
            if decision["exit_path"]:
                lines.append(visible(f"    exit path: {decision['exit_path']}"))
            lines.append(visible(f"    matched by: {', '.join(decision['patterns'])}"))
    return "\n".join(lines) + "\n"
