"""Read synced sources from the cache, offline, and resolve qualified ids against them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from hinges.config import Config, load_config
from hinges.errors import HingesError
from hinges.loader import Registry, load_registry
from hinges.records import Record, RecordKind
from hinges.source_config import Source, redact_credentials, split_qualified
from hinges.sources.cache import Checked, SourceState, read_checked, read_state, tree_dir, utc_now


@dataclass
class SourceRegistry:
    """One source as the cache holds it: its records, or why there are none."""

    source: Source
    state: SourceState | None
    """None: never synced (or the state is unusable)."""
    registry: Registry | None
    """The records of the synced copy; None when missing or unreadable."""
    stale: str | None = None
    """Why the copy may be out of date (too old, synced from another git/ref/path)."""
    problem: str | None = None
    """Why the copy could not be read although it was synced."""

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def missing(self) -> bool:
        """No usable copy: never synced, or synced but unreadable."""
        return self.registry is None

    def records(self) -> list[Record]:
        return [] if self.registry is None else list(self.registry.records())

    def find(self, local_id: str, kind: RecordKind | None = None) -> Record | None:
        """The record with ``local_id`` (of ``kind``, or either), if the copy has one."""
        if self.registry is None:
            return None
        found: list[Record] = []
        if kind in (None, "decision"):
            found = self.registry.decisions_by_id().get(local_id, [])
        if not found and kind in (None, "tenet"):
            found = self.registry.tenets_by_id().get(local_id, [])
        return found[0] if found else None


def _staleness(
    source: Source, state: SourceState, max_age_hours: int, now: dt.datetime
) -> str | None:
    if state.git != redact_credentials(source.git) or (state.ref, state.path) != (
        source.ref,
        source.path,
    ):
        return "synced from another git, ref or path than the configuration names"
    checked = state.checked_time()
    if checked is None:
        return "its last sync time is unreadable"
    if max_age_hours and now - checked > dt.timedelta(hours=max_age_hours):
        hours = int((now - checked).total_seconds() // 3600)
        age = f"{hours // 24} days" if hours >= 48 else f"{hours} hours"
        return f"last synced {age} ago (sources_max_age_hours is {max_age_hours})"
    return None


def load_source(
    root: Path,
    config: Config,
    source: Source,
    now: dt.datetime | None = None,
    checked: Checked | None = None,
) -> SourceRegistry:
    """The cached copy of ``source`` (no network): records, staleness, or what is missing."""
    state = read_state(root, source.name, checked)
    if state is None:
        return SourceRegistry(source, None, None)
    stale = _staleness(source, state, config.sources_max_age_hours, now or utc_now())
    registry_root = tree_dir(root, state) / source.path
    try:
        registry = load_registry(registry_root, load_config(registry_root))
    except HingesError as error:
        return SourceRegistry(source, state, None, stale, error.message)
    return SourceRegistry(source, state, registry, stale)


def load_sources(
    root: Path, config: Config, now: dt.datetime | None = None
) -> dict[str, SourceRegistry]:
    """Every configured source's cached copy, by name, in configuration order."""
    moment = now or utc_now()
    checked = read_checked(root) if config.sources else {}
    return {
        source.name: load_source(root, config, source, moment, checked) for source in config.sources
    }


@dataclass(frozen=True)
class Resolution:
    """What a qualified id names: a record, or why it names nothing."""

    source: str
    local_id: str
    record: Record | None
    problem: str | None
    """``unknown-source``, ``unknown-id`` or ``not-synced`` when ``record`` is None."""


def resolve(
    qualified: str, sources: dict[str, SourceRegistry], kind: RecordKind | None = None
) -> Resolution | None:
    """Look up ``name:ID`` (a record of ``kind``, or either) in the synced sources; None
    when ``qualified`` is a local id."""
    parts = split_qualified(qualified)
    if parts is None:
        return None
    name, local_id = parts
    found = sources.get(name)
    if found is None:
        return Resolution(name, local_id, None, "unknown-source")
    if found.missing:
        return Resolution(name, local_id, None, "not-synced")
    record = found.find(local_id, kind)
    return Resolution(name, local_id, record, None if record else "unknown-id")
