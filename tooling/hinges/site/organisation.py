"""The organisation catalog: this registry's records and every synced source's, as one.

When the configuration names ``[[sources]]``, the catalog shows every record of every
source beside the registry's own. Rather than a second set of page builders, the sources
are merged into one :class:`~hinges.loader.Registry` that the same builders read:

* every record of a source is known by its qualified id (``payments:ADR-0007``) and its
  path by ``payments:decisions/0007-x.md``, so two repositories' ``ADR-0001`` or
  ``0001-x.md`` never meet; :attr:`Record.source` names the source, and the layout puts
  its page under ``sources/<name>/`` (:meth:`hinges.site.urls.CatalogLayout.decision`);
* the ids a source's record cites (``tenets``, ``supersedes``, ``superseded_by``) are
  qualified the same way when they are its own local ids (``T-001`` in ``payments`` is
  ``payments:T-001``) and kept when already qualified (``org:T-003``), so relations across
  sources become links and graph edges by the ids alone;
* the registry's own records keep their ids as they are.

Source names are read as the organisation's names: ``org:T-003`` written in the payments
repository names the catalog's source ``org``. Reading the cache is offline
(:func:`hinges.sources.load_sources`); a source never synced or unreadable contributes no
records, and its page says why.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from hinges.loader import Registry
from hinges.records import Record
from hinges.source_config import redact_credentials, split_qualified
from hinges.sources import SourceRegistry, load_sources

LOCAL_LABEL = "this registry"
"""The repository facet's value for the registry's own records (no source name has a space)."""
REFERENCE_FIELDS = ("tenets", "supersedes", "superseded_by")


@dataclass
class Organisation:
    """The registry, its sources as the cache holds them, and the merged view of both."""

    local: Registry
    sources: dict[str, SourceRegistry]
    """Every configured source, in configuration order (synced or not)."""
    merged: Registry
    """The registry the catalog is built from: local records first, then each source's."""
    _rank: dict[str | None, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._rank = {None: 0, **{name: n for n, name in enumerate(self.sources, 1)}}

    def rank(self, record: Record) -> int:
        """Where the record's source comes in the catalog: the registry's own first, then
        the sources in configuration order."""
        return self._rank.get(record.source, len(self._rank))

    def tenet_rank(self, record: Record) -> int:
        """Where a tenet's source comes: the sources in configuration order, then the
        registry's own, which a repository adds below the organisation's."""
        return self._rank.get(record.source, 0) if record.source is not None else len(self._rank)

    def label(self, record: Record) -> str:
        """The record's repository as the catalog's facet names it."""
        return record.source or LOCAL_LABEL

    def unavailable(self) -> list[SourceRegistry]:
        """Sources served from a stale copy, never synced, or unreadable."""
        return [source for source in self.sources.values() if source_status(source) != "current"]


def source_status(source: SourceRegistry) -> str:
    """``current``, ``stale``, ``not-synced`` or ``unreadable``."""
    if source.state is None:
        return "not-synced"
    if source.registry is None:
        return "unreadable"
    return "stale" if source.stale else "current"


def qualify(record: Record, name: str) -> Record:
    """The record of source ``name`` as the organisation catalog knows it (see module doc)."""
    values = dict(record.values)
    own_id = values.get("id")
    if isinstance(own_id, str) and split_qualified(own_id) is None:
        values["id"] = f"{name}:{own_id}"
    for key in REFERENCE_FIELDS:
        cited = values.get(key)
        if isinstance(cited, list):
            values[key] = [
                item if split_qualified(item) is not None else f"{name}:{item}" for item in cited
            ]
    return Record(
        record.kind,
        f"{name}:{record.path}",
        record.front,
        values,
        record.body,
        record.body_line,
        source=name,
    )


def merge(local: Registry, sources: dict[str, SourceRegistry]) -> Registry:
    """One registry holding ``local``'s records and every readable source's, qualified."""
    merged = Registry(
        local.root,
        local.config,
        decisions=list(local.decisions),
        tenets=list(local.tenets),
        files=dict(local.files),
        findings=list(local.findings),
    )
    for name, source in sources.items():
        if source.registry is None:
            continue
        merged.decisions += [qualify(record, name) for record in source.registry.decisions]
        merged.tenets += [qualify(record, name) for record in source.registry.tenets]
    return merged


def load_organisation(local: Registry, now: dt.datetime | None = None) -> Organisation:
    """``local`` with every configured source's cached copy (no network)."""
    sources = load_sources(local.root, local.config, now)
    inside = f"{local.root}{os.sep}"
    for source in sources.values():
        # The catalog is published: name the cache relative to the registry, not by the
        # build machine's own folders.
        if source.problem:
            source.problem = source.problem.replace(inside, "")
    return Organisation(local, sources, merge(local, sources))


def catalog_input(
    registry: Registry, now: dt.datetime | None = None
) -> tuple[Registry, Organisation | None]:
    """What the catalog is built from: ``registry`` alone without sources, else the
    organisation's merged registry and the organisation."""
    if not registry.config.sources:
        return registry, None
    organisation = load_organisation(registry, now)
    return organisation.merged, organisation


def source_summary(source: SourceRegistry) -> dict[str, Any]:
    """One source as ``registry.json`` lists it: the keys of :data:`SOURCE_FIELDS`, in order."""
    state = source.state
    config = source.source
    registry = source.registry
    summary: dict[str, Any] = {
        "name": source.name,
        "git": state.git if state is not None else redact_credentials(config.git),
        "ref": config.ref,
        "path": config.path,
        "status": source_status(source),
        "stale": source.stale,
        "problem": source.problem,
        "commit": state.commit if state is not None else None,
        "fetched_at": state.fetched_at if state is not None else None,
        "synced_at": state.checked_at if state is not None else None,
        "decisions": len(registry.decisions) if registry is not None else 0,
        "tenets": len(registry.tenets) if registry is not None else 0,
    }
    return summary


def organisation_document(document: dict[str, Any], organisation: Organisation) -> dict[str, Any]:
    """The export document of the merged registry, with each record's ``source`` (null for
    the registry's own), its path as written in its own repository, and the sources."""
    by_path = {record.path: record for record in organisation.merged.records()}
    for key in ("decisions", "tenets"):
        rank = organisation.rank if key == "decisions" else organisation.tenet_rank
        entries: list[tuple[int, dict[str, Any]]] = []
        for entry in document[key]:
            record = by_path.get(entry["path"])
            source = record.source if record is not None else None
            with_source = {"id": entry["id"], "source": source, **entry}
            if source is not None:
                with_source["path"] = entry["path"][len(source) + 1 :]
            entries.append((rank(record) if record is not None else 0, with_source))
        # A stable sort: each source's records keep the export's own order.
        document[key] = [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]
    document["sources"] = [source_summary(source) for source in organisation.sources.values()]
    return document
