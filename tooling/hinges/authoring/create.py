"""Create the next numbered record file, safely when several processes do it at once.

Two guards work together:

* the folder itself is locked (``flock`` on its directory descriptor, so no lock file is
  left behind) while the next number is chosen and the file created, so two ``hinges new``
  runs never pick the same number, even for different slugs;
* the file is opened with ``O_CREAT | O_EXCL``, so an existing file is never overwritten;
  if a file of that name appeared meanwhile (another tool, a platform without ``flock``),
  the next number is taken.

The folder must resolve inside the registry root: nothing is ever written outside it.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from hinges.authoring.naming import Kind, file_name, highest_number
from hinges.errors import HingesError, UsageError, no_registry_error

_ATTEMPTS = 100


class Created(NamedTuple):
    path: Path
    number: int


def record_folder(root: Path, folder: str, kind: Kind) -> Path:
    """``root/folder``, checked to exist and to resolve inside ``root``.

    A missing decisions folder means there is no registry at all; a missing tenets folder
    (in a registry that has decisions) is named as such.
    """
    directory = root / folder
    if not directory.is_dir():
        if kind == "decision":
            raise no_registry_error(root, folder)
        raise UsageError(
            f"no tenets folder: {folder}/ does not exist in {root}; "
            "run 'hinges init' or pass --root"
        )
    real_root = os.path.realpath(root)
    real_directory = os.path.realpath(directory)
    if os.path.commonpath([real_root, real_directory]) != real_root:
        raise UsageError(f"{folder}/ resolves outside the registry root ({real_directory})")
    return directory


@contextlib.contextmanager
def folder_lock(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``directory`` (a no-op where ``flock`` does not exist)."""
    try:
        import fcntl
    except ImportError:  # Windows: O_EXCL alone guards against overwriting
        yield
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def create_next(directory: Path, kind: Kind, slug: str, render: Callable[[int], str]) -> Created:
    """Write ``render(number)`` to the next free ``NNNN-slug.md`` in ``directory``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with folder_lock(directory):
        highest = highest_number(directory, kind)
        number = 1 if highest is None else highest + 1  # after 0000 as after nothing: 0001
        for _ in range(_ATTEMPTS):
            path = directory / file_name(kind, number, slug)
            try:
                descriptor = os.open(path, flags, 0o644)
            except FileExistsError:
                number += 1
                continue
            except OSError as error:
                if error.errno == errno.ENAMETOOLONG:
                    raise _too_long(directory, number) from error
                raise
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(render(number))
            except BaseException:
                path.unlink(missing_ok=True)
                raise
            return Created(path, number)
    raise HingesError(f"could not find a free file name in {directory} after {_ATTEMPTS} tries")


def _too_long(directory: Path, number: int) -> HingesError:
    """The error for a folder whose highest number leaves no room for a next file name."""
    return HingesError(
        f"the next number in {directory} would have {len(str(number))} digits, too many "
        "for a file name; give the record with the highest number a smaller one (its file "
        "name and id) or move it out of the folder"
    )
