"""Find the Markdown files of a source folder, and set aside those that cannot be read.

Sub-folders are searched too (log4brains keeps ``docs/adr`` and ``packages/*/adr``), except
hidden folders, ``node_modules`` and the folders given as excluded (the registry's own);
those are named in the result, so the report accounts for every part of the source.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

MAX_SOURCE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    relpath: str
    """Relative to the source folder, with forward slashes."""
    text: str


@dataclass(frozen=True)
class Skipped:
    relpath: str
    reason: str


@dataclass
class Scan:
    files: list[SourceFile] = field(default_factory=list)
    """The readable Markdown files, sorted by path."""
    skipped: list[Skipped] = field(default_factory=list)
    """Markdown files that cannot be read, and why."""
    not_searched: list[Skipped] = field(default_factory=list)
    """Folders left out, and why."""


def _left_out(name: str, path: str, excluded_real: set[str]) -> str | None:
    if os.path.realpath(path) in excluded_real:
        return "the registry's own folder"
    if os.path.islink(path):
        return "a symbolic link (not followed)"
    if name == ".git":
        return None  # never holds records; not worth a line in every report
    if name.startswith("."):
        return "a hidden folder"
    if name == "node_modules":
        return "installed packages"
    return None


def scan_source(source: Path, excluded: list[Path]) -> Scan:
    """The Markdown files under ``source``, those that cannot be read, and folders left out."""
    excluded_real = {os.path.realpath(path) for path in excluded}
    scan = Scan()
    files, skipped = scan.files, scan.skipped
    for folder, subfolders, names in os.walk(source):
        searched = []
        for name in sorted(subfolders):
            subfolder = os.path.join(folder, name)
            why = _left_out(name, subfolder, excluded_real)
            if why is not None:
                relpath = Path(subfolder).relative_to(source).as_posix()
                scan.not_searched.append(Skipped(f"{relpath}/", why))
            elif name != ".git":
                searched.append(name)
        subfolders[:] = searched
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
            files.append(SourceFile(relpath, text))
    return scan
