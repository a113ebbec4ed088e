"""The registry kept in memory, reloaded when a record or the configuration changed.

Loading a large registry takes seconds; answering from memory takes microseconds. Before
each call :meth:`LiveRegistry.current` finds out whether anything the registry is made
of changed since it was loaded: the record files in the decisions and tenets folders
(edited, added, removed, renamed, or the folders themselves moved) and the configuration
(``hinges.toml``, ``pyproject.toml``, ``CODEOWNERS``, ``.github/CODEOWNERS``).

On Linux it asks the kernel (:mod:`hinges.fswatch`): one ``read`` per call, however many
records. Elsewhere, on file systems whose changes the kernel may not see, or with
``--poll``, it looks: one listing per folder and one ``stat`` per record, compared on
inode, size, modification and change time (nanoseconds). Looking then relies on the
file system's timestamps: an edit that keeps the size is seen when its time differs
from the last write's, which holds on ext4, xfs, btrfs and tmpfs under Linux 6.13 and
later (a timestamp read makes the next write's finer) and otherwise when the two writes
are a clock tick apart (a few ms; 1-2 s on FAT and HFS+). The change time also catches
an edit whose author put the old modification time back.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from hinges.config import Config, load_config
from hinges.fswatch import FolderWatch, Wants, start_watch
from hinges.loader import Registry, load_registry

Snapshot = tuple[object, ...]
_CONFIG_FILES = ("hinges.toml", "pyproject.toml", "CODEOWNERS", ".github/CODEOWNERS")
_Stat = tuple[int, int, int, int]


_BY_FOLDER = os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")
"""Whether a file can be looked at relative to its open folder (POSIX), so that the path
is not resolved again for each record; elsewhere (Windows) :func:`os.scandir` is used,
whose entries there carry their file's times and size from the listing itself."""


def _status(status: os.stat_result) -> _Stat:
    return status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino


def _stat(path: str, folder: int | None = None) -> _Stat:
    try:
        return _status(os.stat(path, dir_fd=folder))
    except OSError:
        return (-1, -1, -1, -1)


def _by_folder(path: str) -> tuple[object, ...] | None:
    """Each record file's name, times, size and inode: one listing, one ``stat`` each."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return None
    try:
        names = sorted(name for name in os.listdir(descriptor) if name.endswith(".md"))
        stat = os.stat
        try:  # the common case kept tight
            found = [stat(name, dir_fd=descriptor) for name in names]
            return tuple(names), tuple(map(_status, found))
        except OSError:  # a file went away between the listing and its stat
            return tuple(names), tuple(_stat(name, descriptor) for name in names)
    finally:
        os.close(descriptor)


def _by_entries(path: str) -> tuple[object, ...] | None:
    """The same as :func:`_by_folder`, from :func:`os.scandir`'s entries."""
    try:
        entries = sorted(
            (entry for entry in os.scandir(path) if entry.name.endswith(".md")),
            key=lambda entry: entry.name,
        )
    except OSError:
        return None
    stats: list[_Stat] = []
    for entry in entries:
        try:
            stats.append(_status(entry.stat()))
        except OSError:
            stats.append((-1, -1, -1, -1))
    return tuple(entry.name for entry in entries), tuple(stats)


def snapshot(root: Path, config: Config, *, by_folder: bool = _BY_FOLDER) -> Snapshot:
    """What the registry at ``root`` is made of now, found by looking at every file."""
    look = _by_folder if by_folder else _by_entries
    parts: list[object] = [_stat(os.path.join(root, name)) for name in _CONFIG_FILES]
    for folder in (config.decisions_dir, config.tenets_dir):
        parts.append(look(os.path.join(root, folder)))
    return tuple(parts)


def watch_registry(root: Path, config: Config) -> FolderWatch | None:
    """A watch on everything :func:`snapshot` looks at, or None where the kernel cannot
    be asked (then call :func:`snapshot` before each answer)."""
    watch = start_watch()
    if watch is None:
        return None
    ignored = config.ignore

    def is_record(name: str) -> bool:  # as the loader chooses (editors' swap files are not)
        return name.endswith(".md") and not name.startswith(".") and name not in ignored

    targets: list[tuple[str, Wants]] = [
        (".", {"hinges.toml", "pyproject.toml", "CODEOWNERS"}.__contains__),
        (".github", "CODEOWNERS".__eq__),
    ]
    for folder in (config.decisions_dir, config.tenets_dir):
        targets.append((folder, is_record))
        targets.extend(_linked_records(root, folder))
    for relative, wants in targets:
        if not _watch_path(watch, root, relative, wants):
            watch.close()
            return None
    return watch


def _watch_path(watch: FolderWatch, root: Path, relative: str, wants: Wants) -> bool:
    """Watch ``root/relative`` for ``wants``, and each folder on the way to it for the
    next name, so that a folder on the path created, moved or removed is noticed too.
    False when the watch cannot be trusted."""
    folder = str(root)
    for name in [part for part in Path(relative).parts if part != "."]:
        added = watch.add(folder, name.__eq__)
        if not added:
            return added is False  # not there: its parent's watch sees it arrive
        folder = os.path.join(folder, name)
    return watch.add(folder, wants) is not None


def _linked_records(root: Path, folder: str) -> list[tuple[str, Wants]]:
    """For each record that is a symlink to a file elsewhere in the registry, that file's
    folder and name: an edit of the file is not an event in the folder of the link."""
    real_root = os.path.realpath(root)
    found: list[tuple[str, Wants]] = []
    try:
        entries = list(os.scandir(os.path.join(root, folder)))
    except OSError:
        return found
    for entry in entries:
        if entry.name.endswith(".md") and entry.is_symlink():
            target = os.path.realpath(entry.path)
            if target.startswith(real_root.rstrip(os.sep) + os.sep):
                parent, name = os.path.split(os.path.relpath(target, real_root))
                found.append((parent or ".", name.__eq__))
    return found


class LiveRegistry:
    """A registry root, loaded once and again only when its files change."""

    def __init__(self, root: Path, *, poll: bool = False) -> None:
        self.root = root
        self.poll = poll
        self.loads = 0
        """How many times the registry was loaded (for tests and the benchmark)."""
        self._watch: FolderWatch | None = None
        self._seen: Snapshot | None = None
        self._stale = True
        self._lock = threading.Lock()
        self._load()

    @property
    def watching(self) -> bool:
        """Whether changes are learnt from the kernel (else by looking at every file)."""
        return self._watch is not None

    def current(self) -> Registry:
        """The registry as the files are now: reloaded if anything changed since."""
        # The SDK runs each call in a worker thread, and calls may overlap. One at a time:
        # a call must not take the old registry while another, having read the kernel's
        # note of a change made before both, is still loading the new one.
        with self._lock:
            if self._stale or self._changed():
                self._stale = True  # until a load succeeds: a broken hinges.toml is retried
                self._load()
            return self._registry

    def _changed(self) -> bool:
        if self._watch is not None:
            return self._watch.changed()
        return snapshot(self.root, self.config) != self._seen

    def _load(self) -> None:
        # The order matters: watch (or look) first, then read. A change made while the
        # records are read is then found again by the next call, never lost.
        config = load_config(self.root)
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        if not self.poll:
            self._watch = watch_registry(self.root, config)
        self._seen = None if self._watch is not None else snapshot(self.root, config)
        self._registry = load_registry(self.root, config)
        self.config = config
        self.loads += 1
        # The configuration may have changed before the watch began: read it again.
        self._stale = load_config(self.root) != config
