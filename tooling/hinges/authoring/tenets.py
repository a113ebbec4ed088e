"""Tenets as the authoring commands see them: listed, cited, and put in a new order.

Reading ``tenets/`` is cheap (a registry has a handful of tenets), so creating a decision
may look at them to offer and validate citations. Reordering edits only the ``priority:``
line of each tenet whose rank changes; every other byte of the file stays as it was. No
decision and no id is touched: decisions cite ids, and ids never change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hinges import frontmatter, yamltree
from hinges.atomic import write_bytes
from hinges.config import Config
from hinges.errors import HingesError
from hinges.fsscan import scan_folder
from hinges.loader import load_record
from hinges.numbers import number_value
from hinges.records import Record
from hinges.visible import shorten

_PRIORITY_LINE = re.compile(
    rb"^priority:(?P<gap>[ \t]*)(?P<value>[^#\r\n]*?)(?P<rest>[ \t]*(?:#[^\r\n]*)?\r?\n?)$"
)
_FENCE = re.compile(rb"^---[ \t]*\r?\n?$")


@dataclass(frozen=True)
class Tenet:
    id: str
    title: str
    status: str
    priority: int | None
    path: Path

    @property
    def number(self) -> int:
        number = number_value(self.id.removeprefix("T-"))
        return -1 if number is None else number


@dataclass(frozen=True)
class Tenets:
    found: list[Tenet]
    problems: list[str]
    """Tenet files that could not be read, as ``path: reason``."""

    def active(self) -> list[Tenet]:
        return sort_by_priority([tenet for tenet in self.found if tenet.status == "active"])

    def by_id(self) -> dict[str, Tenet]:
        return {tenet.id: tenet for tenet in self.found}


def sort_by_priority(tenets: Sequence[Tenet]) -> list[Tenet]:
    """By priority (tenets without one last), active before retired, then by number."""
    return sorted(
        tenets,
        key=lambda t: (t.priority is None, t.priority or 0, t.status != "active", t.number),
    )


def _as_tenet(record: Record, root: Path) -> Tenet | None:
    if record.id is None or not re.match(r"^T-[0-9]{3,}$", record.id):
        return None
    priority = record.values.get("priority")
    return Tenet(
        record.id,
        record.title or "",
        record.status or "",
        priority if isinstance(priority, int) else None,
        root / record.path,
    )


def load_tenets(root: Path, config: Config) -> Tenets:
    """Every tenet that can be read; the others are named in :attr:`Tenets.problems`."""
    found: list[Tenet] = []
    problems: list[str] = []
    if not (root / config.tenets_dir).is_dir():
        return Tenets(found, problems)
    candidates = scan_folder(
        root, config.tenets_dir, ignore=config.ignore, max_bytes=config.max_file_bytes
    )
    for candidate in candidates:
        if candidate.data is None:
            problems.append(f"{candidate.relpath}: {candidate.problem}")
            continue
        loaded = load_record("tenet", candidate.relpath, candidate.data, config)
        tenet = loaded if isinstance(loaded, Record) else None
        converted = _as_tenet(tenet, root) if tenet is not None else None
        if converted is None:
            problems.append(f"{candidate.relpath}: has no usable id; run 'hinges check'")
        else:
            found.append(converted)
    return Tenets(found, problems)


def resolve_tenet_id(text: str, known: dict[str, Tenet]) -> str:
    """A tenet id from ``T-003``, ``t-3``, ``003`` or ``3``; raises HingesError if unknown."""
    cleaned = text.strip()
    match = re.match(r"^(?:[Tt]-?)?([0-9]+)$", cleaned)
    if match is None:
        raise HingesError(f"{shorten(cleaned)!r} is not a tenet id (T-001) or number (1)")
    number = number_value(match[1])
    for tenet_id, tenet in known.items():
        if tenet.number == number:
            return tenet_id
    listing = ", ".join(sorted(known)) or "none yet; create one with 'hinges tenet new'"
    raise HingesError(f"there is no tenet {shorten(cleaned)!r}; the tenets are: {listing}")


def replace_priority(data: bytes, priority: int) -> bytes:
    """``data`` with the value of its front-matter ``priority:`` line set to ``priority``.

    Only that line changes (a trailing comment is kept). Without a ``priority:`` line the
    line is added just before the closing fence. Raises ValueError if there is no front
    matter.
    """
    lines = data.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].removeprefix(b"\xef\xbb\xbf")):
        raise ValueError("the file does not start with a front-matter fence (---)")
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i])), None)
    if closing is None:
        raise ValueError("the front matter has no closing fence (---)")
    for index in range(1, closing):
        match = _PRIORITY_LINE.match(lines[index])
        if match is not None:
            gap = match["gap"] or b" "
            lines[index] = b"priority:%s%d%s" % (gap, priority, match["rest"])
            return b"".join(lines)
    newline = b"\r\n" if lines[closing].endswith(b"\r\n") else b"\n"
    lines.insert(closing, b"priority: %d%s" % (priority, newline))
    return b"".join(lines)


def _verify_priority(data: bytes, priority: int) -> None:
    """Raise ValueError unless ``data`` loads and its priority reads back as ``priority``."""
    text = frontmatter.decode(data)
    framed = frontmatter.split(text) if isinstance(text, str) else text
    if isinstance(framed, frontmatter.FramingProblem):
        raise ValueError(framed.message)
    tree = yamltree.parse("\n" + framed.front_matter)
    entry = tree.entries.get("priority") if isinstance(tree, yamltree.Mapping) else None
    if entry is None or not isinstance(entry[1], yamltree.Scalar) or entry[1].text != str(priority):
        raise ValueError("the front matter does not load after the edit; fix it, then retry")


def new_order(active: Sequence[Tenet], first: Sequence[str]) -> list[Tenet]:
    """``first`` (ids, in that order), then the other active tenets in their current order."""
    by_id = {tenet.id: tenet for tenet in active}
    seen: set[str] = set()
    for tenet_id in first:
        if tenet_id in seen:
            raise HingesError(f"{tenet_id} is listed twice")
        if tenet_id not in by_id:
            raise HingesError(f"{tenet_id} is not an active tenet; only active tenets are ordered")
        seen.add(tenet_id)
    rest = [tenet for tenet in sort_by_priority(active) if tenet.id not in seen]
    return [by_id[tenet_id] for tenet_id in first] + rest


def apply_order(order: Sequence[Tenet]) -> list[tuple[Tenet, int]]:
    """Give ``order`` priorities 1..n; returns the tenets whose priority changed and to what."""
    changed = [(tenet, rank) for rank, tenet in enumerate(order, start=1) if tenet.priority != rank]
    updates: list[tuple[Path, bytes]] = []
    for tenet, rank in changed:
        data = tenet.path.read_bytes()
        try:
            updated = replace_priority(data, rank)
            _verify_priority(updated, rank)
        except ValueError as error:
            raise HingesError(f"priority not changed: {error}", path=tenet.path) from None
        updates.append((tenet.path, updated))
    # Everything was prepared before anything is written, so a bad file changes nothing.
    for path, data in updates:
        write_bytes(path, data)
    return changed
