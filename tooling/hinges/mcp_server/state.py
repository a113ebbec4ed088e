"""The registry kept in memory, reloaded when a record or the configuration changed.

Loading a large registry takes seconds; answering from memory takes microseconds. Before
each call :meth:`LiveRegistry.current` takes a cheap snapshot of what the registry is made
of (the names in the record folders, and each record file's size, modification time and
inode; the configuration files' too) and reloads only when it differs from the snapshot
the registry was loaded from. The record folders are flat, so the check is one listing
per folder and one ``stat`` per record, made relative to the open folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from hinges.config import Config, load_config
from hinges.loader import Registry, load_registry

Snapshot = tuple[object, ...]
_CONFIG_FILES = ("hinges.toml", "pyproject.toml", "CODEOWNERS", ".github/CODEOWNERS")


def _stat(path: str, folder: int | None = None) -> tuple[int, int, int]:
    try:
        status = os.stat(path, dir_fd=folder)
    except OSError:
        return (-1, -1, -1)
    return status.st_mtime_ns, status.st_size, status.st_ino


def _stats(names: list[str], folder: int) -> tuple[tuple[int, int, int], ...]:
    """Each file's (mtime, size, inode): one ``stat`` each, the common case kept tight."""
    stat = os.stat
    try:
        found = [stat(name, dir_fd=folder) for name in names]
    except OSError:  # a file went away between the listing and its stat
        return tuple(_stat(name, folder) for name in names)
    return tuple((s.st_mtime_ns, s.st_size, s.st_ino) for s in found)


def snapshot(root: Path, config: Config) -> Snapshot:
    """What the registry at ``root`` is made of now, cheap to take and to compare."""
    parts: list[object] = [_stat(os.path.join(root, name)) for name in _CONFIG_FILES]
    for folder in (config.decisions_dir, config.tenets_dir):
        try:
            descriptor = os.open(os.path.join(root, folder), os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            parts.append(None)
            continue
        try:
            names = sorted(name for name in os.listdir(descriptor) if name.endswith(".md"))
            parts.append(tuple(names))
            parts.append(_stats(names, descriptor))
        finally:
            os.close(descriptor)
    return tuple(parts)


class LiveRegistry:
    """A registry root, loaded once and again only when its files change."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.config = load_config(root)
        self._seen = snapshot(root, self.config)
        self._registry = load_registry(root, self.config)
        self.loads = 1
        """How many times the registry was loaded (for tests and the benchmark)."""

    def current(self) -> Registry:
        """The registry as the files are now: reloaded if anything changed since."""
        now = snapshot(self.root, self.config)
        if now != self._seen:
            config = load_config(self.root)
            if config != self.config:
                self.config = config
                now = snapshot(self.root, config)
            self._registry = load_registry(self.root, config)
            self._seen = now
            self.loads += 1
        return self._registry
