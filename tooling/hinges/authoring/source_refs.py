"""A qualified id (``org:T-003``, ``payments:PAY-0007``) given to ``hinges new``, checked
before anything is written, as ``hinges check`` would check it afterwards.

An unknown source (HG1101) or an id the source's synced copy lacks (HG1102) is refused
with the same advice the check gives. A source never synced, or whose copy cannot be read,
cannot be asked: the id is written as given, with a note that ``hinges check`` validates it
after ``hinges sources sync`` (the network is never touched here, as in the check).
Only the named source's copy is read.
"""

from __future__ import annotations

from pathlib import Path

from hinges.config import Config
from hinges.errors import HingesError
from hinges.records import RecordKind
from hinges.rules._relations import IdIndex, did_you_mean
from hinges.rules._sources import known_sources
from hinges.source_config import split_qualified
from hinges.sources import load_source
from hinges.visible import shorten


def check_qualified(root: Path, config: Config, value: str, kind: RecordKind) -> str | None:
    """Validate ``value`` (``source:ID``, naming a ``kind``); a note when it cannot be
    checked yet, None when it names a record of the synced copy. Raises HingesError."""
    parts = split_qualified(value)
    if parts is None:
        raise ValueError(f"{value!r} is not a qualified id")  # the callers split first
    name, local_id = parts
    sources = {source.name: source for source in config.sources}
    source = sources.get(name)
    if source is None:
        if not sources:
            known = "no sources are configured; add it as [[sources]] in hinges.toml"
        else:
            known = known_sources(name, local_id, list(sources))
        raise HingesError(f"{shorten(value)} names no configured source: {known}")
    copy = load_source(root, config, source)
    if copy.registry is None:
        why = copy.problem or "it has never been synced"
        return (
            f"{shorten(value)} is written unchecked: source '{name}' has no readable copy "
            f"({why}); run 'hinges sources sync', then 'hinges check' validates it"
        )
    if copy.find(local_id, kind) is not None:
        return None
    registry = copy.registry
    index = IdIndex(registry.tenets_by_id() if kind == "tenet" else registry.decisions_by_id())
    hint = did_you_mean([f"{name}:{s}" for s in index.suggestions(local_id)])
    commit = copy.state.commit[:12] if copy.state else "?"
    raise HingesError(
        f"source '{name}' has no {kind} {shorten(local_id)} (synced copy at {commit}){hint}; "
        "if it is new there, run 'hinges sources sync' first"
    )
