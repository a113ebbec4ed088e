"""The registry kept in memory, reloaded when a record or the configuration changed.

Loading a large registry takes seconds; answering from memory takes microseconds. Before
each call :meth:`LiveRegistry.current` takes a cheap snapshot of what the registry is made
of (each record file's name, size, modification time and inode, and the configuration
files') and reloads only when it differs from the one the registry was loaded from. Only
the record folders are listed (they are flat), so the check costs one ``stat`` per record.
"""

from __future__ import annotations

import os
from pathlib import Path

from hinges.config import Config, load_config
from hinges.loader import Registry, load_registry

Snapshot = tuple[tuple[str, int, int, int], ...]
_CONFIG_FILES = ("hinges.toml", "pyproject.toml", "CODEOWNERS", ".github/CODEOWNERS")


def _stat(path: str) -> tuple[int, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size, status.st_ino


def snapshot(root: Path, config: Config) -> Snapshot:
    """What the registry at ``root`` is made of now, cheap to compare."""
    found: list[tuple[str, int, int, int]] = []
    for name in _CONFIG_FILES:
        stat = _stat(os.path.join(root, name))
        found.append((name, *stat) if stat else (name, -1, -1, -1))
    for folder in (config.decisions_dir, config.tenets_dir):
        directory = os.path.join(root, folder)
        try:
            names = os.listdir(directory)
        except OSError:
            found.append((folder, -1, -1, -1))
            continue
        for name in names:
            if name.endswith(".md"):
                stat = _stat(os.path.join(directory, name))
                if stat is not None:
                    found.append((f"{folder}/{name}", *stat))
    found.sort()
    return tuple(found)


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
