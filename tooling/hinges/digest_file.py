"""The digest's block in a file of its own (AGENTS.md, CLAUDE.md, any text file).

The block is everything from a line ``<!-- hinges:digest:begin -->`` to a line
``<!-- hinges:digest:end -->``, both included (:mod:`hinges.marker_block` does the
splicing, as for CODEOWNERS). :func:`write_block` replaces only that block and leaves
every other byte of the file as it was; a file without the block gets it appended (after
a blank line), and a missing file is created holding only the block. The file is
replaced atomically (through a symbolic link, the file it names). :func:`block_is_current`
is the check for CI.

The digest escapes ``<`` in values, and markers are matched as whole lines, so a record
value can never end the block early.
"""

from __future__ import annotations

from pathlib import Path

from hinges.errors import HingesError
from hinges.marker_block import Markers, has_block, splice, write_through

MARKERS = Markers("<!-- hinges:digest:begin -->", "<!-- hinges:digest:end -->")


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None when it does not exist."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise HingesError("is a folder; name a file", path=path) from None
    except OSError as error:
        raise HingesError(f"cannot be read: {error.strerror}", path=path) from None


def _spliced(existing: bytes | None, digest: str, path: Path) -> bytes:
    return splice(existing, digest.rstrip("\n").split("\n"), MARKERS, str(path))


def write_block(path: Path, digest: str) -> bool:
    """Put ``digest`` in ``path``'s block (see the module); False when it was already there."""
    existing = _read(path)
    if existing is None and not path.parent.is_dir():
        raise HingesError(f"the folder {path.parent} does not exist", path=path)
    updated = _spliced(existing, digest, path)
    if updated == existing:
        return False
    write_through(path, updated)
    return True


def block_is_current(path: Path, digest: str) -> tuple[bool, str]:
    """Whether ``path`` holds ``digest`` in its block, and if not, why (for a message)."""
    existing = _read(path)
    if existing is None:
        return False, "does not exist"
    if not has_block(existing, MARKERS, str(path)):
        return False, "has no digest block"
    if _spliced(existing, digest, path) != existing:
        return False, "has a stale digest block"
    return True, "is current"
