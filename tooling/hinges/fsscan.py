"""Find record files without trusting the file system.

Only regular files whose real path is inside the registry root are read. Symlinks that
leave the root or loop, FIFOs, devices, sockets and folders named ``*.md`` are reported by
name and never opened; sizes are checked before reading. A record folder that cannot be
listed is reported too, never taken for an empty one. Nothing here recurses.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file name in a record folder and, when it was safe to read, its bytes."""

    relpath: str
    data: bytes | None
    problem: str | None = None


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _read_regular(path: str, max_bytes: int) -> bytes | str:
    """The file's bytes, or why it was not read. Opening never blocks (O_NONBLOCK)."""
    try:
        before = os.stat(path)
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if not stat.S_ISREG(before.st_mode):
        return f"is {_kind_of(before.st_mode)}; only regular files are read"
    if before.st_size > max_bytes:
        return f"is {before.st_size} bytes, more than the limit of {max_bytes}; not read"
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    try:
        after = os.fstat(fd)  # the file may have been swapped since the stat above
        if not stat.S_ISREG(after.st_mode):
            return f"is {_kind_of(after.st_mode)}; only regular files are read"
        data = _read_up_to(fd, max_bytes + 1, after.st_size)
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        return f"is more than the limit of {max_bytes} bytes; not read"
    return data


def _read_up_to(fd: int, limit: int, expected: int) -> bytes:
    """At most ``limit`` bytes of ``fd``, until end of file.

    The first read asks for the size fstat reported (plus one, to see end of file at once),
    not for ``limit``: a buffered ``read(limit)`` allocates ``limit`` bytes per record.
    """
    chunks: list[bytes] = []
    total = 0
    want = min(expected + 1, limit)
    while total < limit:
        chunk = os.read(fd, min(want, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 64 * 1024
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def scan_folder(
    root: Path, folder: str, *, ignore: tuple[str, ...], max_bytes: int
) -> list[Candidate]:
    """Every ``*.md`` entry of ``root/folder`` (not recursive), sorted by name."""
    return list(iter_folder(root, folder, ignore=ignore, max_bytes=max_bytes))


def iter_folder(
    root: Path, folder: str, *, ignore: tuple[str, ...], max_bytes: int
) -> Iterator[Candidate]:
    """Like :func:`scan_folder`, one file at a time, so only one record's bytes are held."""
    real_root = os.path.realpath(root)
    directory = root / folder
    real_dir = os.path.realpath(directory)
    if not _inside(real_dir, real_root):
        yield Candidate(folder, None, "folder resolves outside the registry root; not read")
        return
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except FileNotFoundError:  # an absent folder holds no records; that is not a problem
        return
    except OSError as error:
        # Saying nothing would report an unlistable folder as an empty one, and a check
        # that read no record as clean.
        yield Candidate(folder, None, f"folder cannot be listed ({error.strerror}); not read")
        return
    for entry in entries:
        if not entry.name.endswith(".md") or entry.name in ignore or entry.name.startswith("."):
            continue
        relpath = f"{folder}/{entry.name}"
        target = entry.path
        if entry.is_symlink():
            try:
                target = os.path.realpath(entry.path, strict=True)
            except OSError:
                yield Candidate(relpath, None, "is a broken or looping symlink; not read")
                continue
            if not _inside(target, real_root):
                leaves = "is a symlink leading outside the registry; not read"
                yield Candidate(relpath, None, leaves)
                continue
        outcome = _read_regular(target, max_bytes)
        if isinstance(outcome, str):
            yield Candidate(relpath, None, outcome)
        else:
            yield Candidate(relpath, outcome)
