"""Create a tenet: the next ``T-NNN``, ranked last unless a priority is asked for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from hinges.authoring.create import create_next, record_folder
from hinges.authoring.naming import record_id, slugify
from hinges.authoring.templates import TenetDraft, tenet_text
from hinges.authoring.tenets import Tenet, apply_order, load_tenets
from hinges.config import Config
from hinges.errors import HingesError, no_registry_error


@dataclass(frozen=True)
class NewTenet:
    path: Path
    id: str
    priority: int
    moved: list[tuple[Tenet, int]] = field(default_factory=list)
    """Other tenets whose priority changed to make room, with their new priority."""


def create_tenet(
    root: Path, config: Config, title: str, owner: str, priority: int | None, today: dt.date
) -> NewTenet:
    """Write the next tenet. With a ``priority`` inside the current order, the active tenets
    from that rank on move down one (the order is renumbered 1..n); with none, it comes last.
    """
    if not (root / config.decisions_dir).is_dir():
        raise no_registry_error(root, config.decisions_dir)
    directory = record_folder(root, config.tenets_dir, "tenet")
    existing = load_tenets(root, config)
    if priority is not None and existing.problems:
        raise HingesError(
            "some tenets could not be read, so the order is unknown: "
            + "; ".join(existing.problems)
        )
    active = existing.active()
    last = max((tenet.priority or 0 for tenet in active), default=0)
    rank = last + 1 if priority is None else priority

    def render(number: int) -> str:
        draft = TenetDraft(record_id("tenet", number, ""), title, owner, rank, today)
        return tenet_text(draft)

    created = create_next(directory, "tenet", slugify(title, "tenet"), render)
    new = Tenet(record_id("tenet", created.number, ""), title, "active", rank, created.path)
    moved: list[tuple[Tenet, int]] = []
    if rank <= last:
        order = list(active)
        order.insert(rank - 1, new)
        try:
            moved = [(tenet, to) for tenet, to in apply_order(order) if tenet is not new]
        except HingesError:
            created.path.unlink(missing_ok=True)
            raise
        rank = order.index(new) + 1  # a rank past a gap in the order closes the gap
    return NewTenet(created.path, new.id, rank, moved)
