"""Find the Markdown files of a source folder, and set aside those that are not records.

Sub-folders are searched too (log4brains keeps ``docs/adr`` and ``packages/*/adr``), except
hidden folders, ``node_modules`` and the folders given as excluded (the registry's own).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

MAX_SOURCE_BYTES = 1024 * 1024
_INDEX_NAMES = frozenset({"index.md", "readme.md", "_index.md", "toc.md", "summary.md"})
# Placeholders of the MADR and log4brains templates ("{short title of solved problem ...}").
_PLACEHOLDER = re.compile(r"^#\s*[\[{]short title", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class SourceFile:
    relpath: str
    """Relative to the source folder, with forward slashes."""
    text: str


@dataclass(frozen=True)
class Skipped:
    relpath: str
    reason: str


def _skip_reason(name: str, text: str) -> str | None:
    lowered = name.lower()
    if lowered in _INDEX_NAMES:
        return "an index or README, not a record"
    if "template" in lowered:
        return "a template"
    if _PLACEHOLDER.search(text):
        return "a template (its title is a placeholder)"
    return None


def scan_source(source: Path, excluded: list[Path]) -> tuple[list[SourceFile], list[Skipped]]:
    """The candidate record files under ``source`` (sorted by path) and the files set aside."""
    excluded_real = {os.path.realpath(path) for path in excluded}
    files: list[SourceFile] = []
    skipped: list[Skipped] = []
    for folder, subfolders, names in os.walk(source):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and name != "node_modules"
            and os.path.realpath(os.path.join(folder, name)) not in excluded_real
        )
        for name in sorted(names):
            if not name.lower().endswith(".md"):
                continue
            path = Path(folder, name)
            relpath = path.relative_to(source).as_posix()
            if path.is_symlink() or not path.is_file():
                skipped.append(Skipped(relpath, "not a regular file"))
                continue
            if path.stat().st_size > MAX_SOURCE_BYTES:
                skipped.append(Skipped(relpath, "larger than 1 MiB"))
                continue
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                skipped.append(Skipped(relpath, "not UTF-8 text"))
                continue
            except OSError as error:
                skipped.append(Skipped(relpath, f"cannot be read: {error.strerror}"))
                continue
            reason = _skip_reason(name, text)
            if reason is None:
                files.append(SourceFile(relpath, text))
            else:
                skipped.append(Skipped(relpath, reason))
    return files, skipped
