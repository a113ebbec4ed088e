"""Where files outside the record folders mention a record ``hinges renumber`` moves.

Renumbering edits only the registry's records; code, READMEs and other docs are the
team's to change. So the plan lists what to look at, never edits it:

* a mention of the moved record's old id (``ADR-0031`` in a comment, found by the same
  scan as the id check, :func:`hinges.codescan.scan_registry`) could mean either record,
  since both had that id; with ``--base`` only lines the branch added are listed, since a
  line at the base ref was written for the record the base has;
* a mention of the moved file's old name (``0031-use-kafka.md`` in a link) can only mean
  the moved record: the link breaks when the file moves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from hinges.codescan import list_files, scan_registry
from hinges.codescan.scanner import BINARY_PROBE
from hinges.loader import Registry
from hinges.visible import shorten, visible

if TYPE_CHECKING:
    from hinges.authoring.renumber import Move


def mentions_to_check(registry: Registry, moves: Iterable[Move], base: str | None) -> list[str]:
    """One line per mention of a moved record outside the record folders, in file order."""
    moves = list(moves)
    if not moves:
        return []
    root = Path(registry.root)
    listing = list_files(root, registry.config)
    by_id = {move.old_id: move for move in moves}
    found: list[tuple[str, int, str]] = []
    scan = scan_registry(registry, listing, guards=False, base=base).scan
    for hit in scan.mentions:
        if (move := by_id.get(hit.text)) is not None:
            found.append((hit.path, hit.line, _id_line(hit.path, hit.line, move)))
    names = [(_name_pattern(move.old_path.rpartition("/")[2]), move) for move in moves]
    for path, line, move in _name_mentions(root, listing.scanned, names, registry):
        found.append((path, line, _name_line(path, line, move)))
    return [text for _, _, text in sorted(found)]


def _id_line(path: str, line: int, move: Move) -> str:
    old_id, new_id = visible(shorten(move.old_id)), visible(shorten(move.new_id))
    return (
        f"{visible(path)}:{line}: mentions {old_id}; it now means {visible(move.kept_path)}. "
        f"If it meant the renumbered {visible(move.new_path)}, change it to {new_id}"
    )


def _name_line(path: str, line: int, move: Move) -> str:
    return (
        f"{visible(path)}:{line}: names {visible(move.old_path.rpartition('/')[2])}, "
        f"which moves to {visible(move.new_path)}; change the link"
    )


def _name_pattern(file_name: str) -> re.Pattern[bytes]:
    """``file_name`` as a whole name: not the tail of ``10031-use-kafka.md``."""
    return re.compile(rb"(?<![\w.-])" + re.escape(file_name.encode()) + rb"(?![\w.-])")


def _name_mentions(
    root: Path,
    paths: Iterable[str],
    names: list[tuple[re.Pattern[bytes], Move]],
    registry: Registry,
) -> Iterable[tuple[str, int, Move]]:
    """(path, line, move) for each line of a text file that holds a moved file's old name."""
    limit = registry.config.max_file_bytes
    for path in paths:
        try:
            with open(root / path, "rb") as handle:
                data = handle.read(limit + 1)
        except OSError:
            continue  # gone or unreadable since it was listed: the check reports those
        if len(data) > limit or b"\0" in data[:BINARY_PROBE]:
            continue
        if not any(pattern.search(data) for pattern, _ in names):
            continue
        for number, text in enumerate(data.split(b"\n"), start=1):
            for pattern, move in names:
                if pattern.search(text):
                    yield path, number, move
