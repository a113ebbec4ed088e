"""Read files once and find every forbidden pattern and every decision id in them.

For each file, the guards whose ``in`` patterns match its path are searched together in one
pass (an RE2 set, built once per distinct combination of guards); only files with a hit are
searched again, pattern by pattern, to find lines and columns. A ``require`` guard reports
the opposite: a file its set search finds no match in, at line 1. Decision ids are searched
only in files that hold the id prefix (``ADR-``), a byte search that rules out most files.
Binary files (a NUL byte in the first 8,000 bytes, git's own test) and files larger than
``max_bytes`` are skipped and counted; symlinks and files that vanished are skipped.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hinges.globs import glob_regex

if TYPE_CHECKING:
    from hinges.codescan.engine import PatternSet

BINARY_PROBE = 8000


@dataclass(frozen=True, slots=True)
class Hit:
    """Pattern ``index`` found in ``path`` at 1-based ``line`` and ``column``; ``text`` is
    what it matched (the id, for the id pattern)."""

    path: str
    line: int
    column: int
    index: int
    text: str


@dataclass
class ScanStats:
    files_read: int = 0
    skipped_binary: int = 0
    skipped_large: int = 0


@dataclass
class Scan:
    """What one scan found: guard hits (``index`` is the guard's) and id mentions."""

    hits: list[Hit] = field(default_factory=list)
    mentions: list[Hit] = field(default_factory=list)
    stats: ScanStats = field(default_factory=ScanStats)


def _read(path: str, max_bytes: int) -> bytes | str | None:
    """The file's bytes; "large" when over ``max_bytes``; None when not a readable file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:  # vanished, a symlink (ELOOP), unreadable
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None
        if info.st_size > max_bytes:
            return "large"
        chunks = []
        remaining = info.st_size + 1  # one more, to see a file that grew past the limit
        while remaining > 0:
            chunk = os.read(fd, remaining)
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    return "large" if len(data) > max_bytes else data


def _locate(
    data: bytes, regex: Any, allowed: Collection[int] | None, *, per_line: bool
) -> Iterator[tuple[int, int, str]]:
    """(line, column, matched text) of each match on ``allowed`` lines (all: None);
    with ``per_line``, only the first match of each line."""
    line, line_start, scanned_to, last_line = 1, 0, 0, 0
    for match in regex.finditer(data):
        start = match.start()
        newlines = data.count(b"\n", scanned_to, start)
        if newlines:
            line += newlines
            line_start = data.rfind(b"\n", 0, start) + 1
        scanned_to = start
        if (per_line and line == last_line) or (allowed is not None and line not in allowed):
            continue
        last_line = line
        column = len(data[line_start:start].decode("utf-8", "replace")) + 1
        yield line, column, match.group().decode("utf-8", "replace")


PARALLEL_MIN_FILES = 4000
"""Fewer files than this are scanned in one process (starting a worker costs ~10 ms)."""
MAX_WORKERS = 4


def _workers(files: int) -> int:
    if files < PARALLEL_MIN_FILES:
        return 1
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1  # spawning re-imports everything: slower than one process
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS, files // (PARALLEL_MIN_FILES // 2)))


_FORKED: tuple[Scanner, Path, list[Sequence[str]], int, Mapping[str, Collection[int]] | None] | None
_FORKED = None
"""What the forked workers scan: set by the parent just before it forks, never pickled."""


def _scan_part(index: int) -> Scan:
    """In a forked worker: scan part ``index`` with the scanner the parent set up."""
    assert _FORKED is not None
    scanner, root, parts, max_bytes, lines = _FORKED
    return scanner.scan_here(root, parts[index], max_bytes, lines)


class Scanner:
    """Guards' patterns with their path patterns, and an optional id pattern."""

    def __init__(
        self,
        guards: Sequence[tuple[str, Sequence[str]]],
        id_pattern: str | None,
        id_literal: bytes | None = None,
        *,
        required: Collection[int] = (),
    ):
        self.patterns = [pattern for pattern, _ in guards]
        # Guards whose pattern must occur in each file they cover: a miss is the finding.
        self.required = frozenset(required)
        globs = sorted({glob for _, in_ in guards for glob in in_})
        self._glob_set: PatternSet | None = None
        if globs:  # RE2 is imported only when some guard runs (start-up time)
            from hinges.codescan.engine import PatternSet

            self._glob_set = PatternSet([glob_regex(g) for g in globs], raw=True)
        glob_index = {glob: index for index, glob in enumerate(globs)}
        self._guards_of_glob: list[list[int]] = [[] for _ in globs]
        for guard_index, (_, in_) in enumerate(guards):
            for glob in in_:
                self._guards_of_glob[glob_index[glob]].append(guard_index)
        self.id_pattern = id_pattern
        self._id_literal = id_literal
        self._sets: dict[tuple[int, ...], PatternSet] = {}

    def guards_for(self, path: str) -> tuple[int, ...]:
        if self._glob_set is None:
            return ()
        found: set[int] = set()
        for glob in self._glob_set.which(path.encode("utf-8", "surrogateescape")):
            found.update(self._guards_of_glob[glob])
        return tuple(sorted(found))

    def _set_for(self, guards: tuple[int, ...]) -> PatternSet:
        matcher = self._sets.get(guards)
        if matcher is None:
            from hinges.codescan.engine import PatternSet

            matcher = self._sets[guards] = PatternSet([self.patterns[i] for i in guards])
        return matcher

    def scan(
        self,
        root: Path,
        paths: Sequence[str],
        max_bytes: int,
        lines: Mapping[str, Collection[int]] | None = None,
    ) -> Scan:
        """Scan ``paths`` (relative to ``root``); with ``lines``, only those lines count.

        Many files are split between forked worker processes, one per CPU (at most
        :data:`MAX_WORKERS`), where ``fork`` exists: RE2 holds the GIL, so threads would
        not search in parallel. The result is the same as one process's, in the same order.
        """
        workers = _workers(len(paths))
        if workers < 2:
            return self.scan_here(root, paths, max_bytes, lines)
        import multiprocessing

        global _FORKED
        size = -(-len(paths) // workers)
        parts = [paths[start : start + size] for start in range(0, len(paths), size)]
        _FORKED = (self, root, parts, max_bytes, lines)
        try:
            with multiprocessing.get_context("fork").Pool(len(parts)) as pool:
                scans = pool.map(_scan_part, range(len(parts)))
        finally:
            _FORKED = None
        merged = Scan()
        for part in scans:
            merged.hits.extend(part.hits)
            merged.mentions.extend(part.mentions)
            merged.stats.files_read += part.stats.files_read
            merged.stats.skipped_binary += part.stats.skipped_binary
            merged.stats.skipped_large += part.stats.skipped_large
        return merged

    def scan_here(
        self,
        root: Path,
        paths: Sequence[str],
        max_bytes: int,
        lines: Mapping[str, Collection[int]] | None = None,
    ) -> Scan:
        """:meth:`scan` in this process."""
        result = Scan()
        stats = result.stats
        base = str(root) + os.sep
        # The id pattern is ours, not a record's, and cannot backtrack badly: Python's re.
        id_regex = re.compile(self.id_pattern.encode()) if self.id_pattern is not None else None
        for path in paths:
            guards = self.guards_for(path)
            if not guards and id_regex is None:
                continue
            data = _read(base + path, max_bytes)
            if data is None:
                continue
            if isinstance(data, str):
                stats.skipped_large += 1
                continue
            if b"\0" in data[:BINARY_PROBE]:
                stats.skipped_binary += 1
                continue
            stats.files_read += 1
            allowed = None if lines is None else lines.get(path, ())
            if id_regex is not None and (self._id_literal is None or self._id_literal in data):
                for line, column, text in _locate(data, id_regex, allowed, per_line=False):
                    result.mentions.append(Hit(path, line, column, -1, text))
            if guards:
                found = self._set_for(guards).which(data)
                if found:
                    self.locate(path, data, guards, found, allowed, result.hits)
                present = {guards[position] for position in found}
                for index in guards:
                    if index in self.required and index not in present:
                        result.hits.append(Hit(path, 1, 1, index, ""))
        return result

    def locate(
        self,
        path: str,
        data: bytes,
        guards: tuple[int, ...],
        found: list[int],
        allowed: Collection[int] | None,
        into: list[Hit],
    ) -> None:
        from hinges.codescan.engine import compile_pattern

        for position in sorted(found):
            index = guards[position]
            if index in self.required:
                continue  # a match is what a require guard asks for
            regex = compile_pattern(self.patterns[index])  # cached: compiled once per run
            for line, column, text in _locate(data, regex, allowed, per_line=True):
                into.append(Hit(path, line, column, index, text))
