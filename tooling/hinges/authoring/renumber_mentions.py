"""Where files outside the record folders mention a record ``hinges renumber`` moves.

Renumbering edits only the registry's records; code, READMEs and other docs are the
team's to change. So the plan lists what to look at, never edits it:

* a mention of the moved record's old id (``ADR-0031`` in a comment, found by the
  scanner of the id check, :class:`hinges.codescan.scanner.Scanner`, in the same read of
  each file as the file names) could mean either record,
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

from hinges.codescan import id_pattern, list_files
from hinges.codescan.diff import added_lines
from hinges.codescan.scanner import Scanner
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
    config = registry.config
    # One read of each file, by the check's own scanner: the old file names as patterns
    # over every file, and the decision ids.
    scanner = Scanner(
        [(_name_pattern(_file_name(move)), ("**",)) for move in moves],
        id_pattern(config.id_prefix),
        f"{config.id_prefix}-".encode(),
    )
    scan = scanner.scan(root, list_files(root, config).scanned, config.max_file_bytes)
    added = added_lines(root, base) if base is not None else None
    by_id = {move.old_id: move for move in moves}
    found: set[tuple[str, int, str]] = set()
    for hit in scan.mentions:
        move = by_id.get(hit.text)
        if move is not None and (added is None or hit.line in added.get(hit.path, ())):
            found.add((hit.path, hit.line, _id_line(hit.path, hit.line, move)))
    for hit in scan.hits:
        found.add((hit.path, hit.line, _name_line(hit.path, hit.line, moves[hit.index])))
    return [text for _, _, text in sorted(found)]


def _file_name(move: Move) -> str:
    return move.old_path.rpartition("/")[2]


def _id_line(path: str, line: int, move: Move) -> str:
    old_id, new_id = visible(shorten(move.old_id)), visible(shorten(move.new_id))
    return (
        f"{visible(path)}:{line}: mentions {old_id}; it now means {visible(move.kept_path)}. "
        f"If it meant the renumbered {visible(move.new_path)}, change it to {new_id}"
    )


def _name_line(path: str, line: int, move: Move) -> str:
    return (
        f"{visible(path)}:{line}: names {visible(_file_name(move))}, "
        f"which moves to {visible(move.new_path)}; change the link"
    )


def _name_pattern(file_name: str) -> str:
    """``file_name`` as a whole name (not the tail of ``10031-use-kafka.md``), for RE2,
    which has no look-behind."""
    return rf"(?:^|[^\w.-]){re.escape(file_name)}(?:[^\w.-]|$)"
