"""Other registries, synced into a cache under the registry root, and qualified ids.

A source (``[[sources]]`` in the configuration, :mod:`hinges.source_config`) is another
repository's registry. ``hinges sources sync`` fetches it (:mod:`hinges.sources.sync`, the
only part that uses the network); everything else here reads the cache offline:
:func:`load_sources` gives each source's records and whether its copy is stale or missing,
:func:`resolve` looks up a qualified id such as ``org:T-003`` or ``payments:ADR-0007``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hinges.sources.cache import SourceState, read_state, source_dir, sources_dir

if TYPE_CHECKING:
    from hinges.sources.registry import (
        Resolution,
        SourceRegistry,
        load_source,
        load_sources,
        resolve,
    )

__all__ = [
    "Resolution",
    "SourceRegistry",
    "SourceState",
    "load_source",
    "load_sources",
    "read_state",
    "resolve",
    "source_dir",
    "sources_dir",
]


def __getattr__(name: str) -> Any:
    # The reading side loads the loader; `hinges sources sync` does not need it (start-up).
    if name in ("Resolution", "SourceRegistry", "load_source", "load_sources", "resolve"):
        from hinges.sources import registry

        return getattr(registry, name)
    raise AttributeError(f"module 'hinges.sources' has no attribute {name!r}")
