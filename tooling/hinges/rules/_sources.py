"""Qualified ids (``org:T-003``) in a registry's decisions, and the sources they name.

Shared by the source rules (not a rule itself). The cache is read once per check and only
when some decision names a qualified id, so a registry without sources pays nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from hinges.records import Record, RecordKind
from hinges.rules._relations import RELATION_KEYS
from hinges.rules.base import Context
from hinges.source_config import split_qualified
from hinges.sources import SourceRegistry, load_sources
from hinges.visible import shorten

_SHARED_KEY = "sources"


class QualifiedReference(NamedTuple):
    """``record`` lists ``value`` (``source:local_id``) in ``key``, meaning a ``kind``."""

    record: Record
    key: str
    value: str
    source: str
    local_id: str
    kind: RecordKind


def qualified_references(context: Context) -> Iterator[QualifiedReference]:
    """Every qualified id in the decisions' tenets, supersedes and superseded_by."""
    for record in context.registry.decisions:
        for key in ("tenets", *RELATION_KEYS):
            kind: RecordKind = "tenet" if key == "tenets" else "decision"
            for value in record.list_value(key):
                parts = split_qualified(value)
                if parts is not None:
                    yield QualifiedReference(record, key, value, parts[0], parts[1], kind)


def cached_sources(context: Context) -> dict[str, SourceRegistry]:
    """Every configured source's cached copy, read once per check."""
    found = context.shared.get(_SHARED_KEY)
    if found is None:
        registry = context.registry
        found = context.shared[_SHARED_KEY] = load_sources(registry.root, registry.config)
    return found


def known_sources(name: str, local_id: str, names: list[str]) -> str:
    """The configured ``names`` (at least one), and the one ``name`` may have meant."""
    import difflib  # only for a broken reference

    close = difflib.get_close_matches(name, names, n=1)
    hint = f"; did you mean {close[0]}:{shorten(local_id)}?" if close else ""
    return f"the sources are {', '.join(names)}{hint}"
