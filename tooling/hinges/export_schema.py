"""The JSON Schema (draft 2020-12) of the export document (:mod:`hinges.export`).

Shipped as ``schemas/export.schema.json`` and printed by ``hinges schema export``, so a
consumer can validate what ``hinges export`` and the catalog's ``registry.json`` give it.

It states the *shape* of the document: types, which fields are always present, dates as
ISO strings. Unknown fields are allowed, as the format promises consumers: within a version
fields are only ever added, so a newer export still validates against an older schema. It
does not restate the front-matter rules (an id pattern, the allowed
statuses): a registry with errors still exports, its values as written, and ``hinges
check`` is where they are judged. Field lists come from :mod:`hinges.export`, descriptions
of record fields from :mod:`hinges.schema`, so the three cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hinges.config import Config
from hinges.export import (
    DECISION_FIELDS,
    EXPORT_VERSION,
    LIST_FIELDS,
    SOURCE_FIELDS,
    TENET_FIELDS,
)
from hinges.field_values import DATE_PATTERN
from hinges.front_matter_schema import SCHEMA_BASE_URI
from hinges.reviews import ReviewEntry
from hinges.schema import REVIEWS_FIELD, FieldSpec, decision_fields, tenet_fields

_DATE = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
_NULLABLE_DATE = {"type": ["string", "null"], "format": "date", "pattern": DATE_PATTERN}
_STRINGS = {"type": "array", "items": {"type": "string"}}
_PATH = {
    "type": "string",
    "minLength": 1,
    "description": "The file, relative to the registry root (decisions/0007-use-x.md).",
}
_BODY = {"type": "string", "description": "The Markdown after the front matter."}


def _field_schema(name: str, spec: FieldSpec | None) -> dict[str, Any]:
    if name == "path":
        return dict(_PATH)
    description = {"description": spec.description} if spec is not None else {}
    if name in LIST_FIELDS:
        return {**_STRINGS, **description}
    if name == "guards":
        text = {"type": "string"}
        imports = {
            "type": "object",
            "required": ["from", "to"],
            "properties": {"from": _STRINGS, "to": _STRINGS},
        }
        kinds = {"forbid": text, "require": text, "forbid_import": imports}
        kinds["forbid_dependency"] = _STRINGS
        guard = {
            "type": "object",
            "required": ["in", "message"],
            "properties": {**kinds, "in": _STRINGS, "message": text},
            # exactly one kind per guard, as the checker reads them
            "oneOf": [{"required": [kind]} for kind in kinds],
        }
        return {
            "type": "array",
            "items": guard,
            "description": "The well-formed guards (others are reported by hinges check): "
            + (spec.description if spec is not None else ""),
        }
    kind = spec.kind if spec is not None else "string"
    if kind == "date":
        return {**_NULLABLE_DATE, **description}
    if kind == "integer":
        return {"type": ["integer", "null"], **description}
    return {"type": ["string", "null"], **description}


def _reviews_schema() -> dict[str, Any]:
    """Only well-formed entries are exported (:mod:`hinges.reviews`): a real date, a note."""
    specs = {spec.name: spec for spec in REVIEWS_FIELD.entry_fields}
    types: dict[str, dict[str, Any]] = {
        "date": dict(_DATE),
        "outcome": {"type": "string"},
        "by": {"type": ["string", "null"]},
        "note": {"type": "string"},
    }
    # In the order the export writes an entry's keys.
    keys = list(ReviewEntry(dt.date.min, "kept", "").as_dict())
    properties = {key: {**types[key], "description": specs[key].description} for key in keys}
    entry = {"type": "object", "required": keys, "properties": properties}
    return {"type": "array", "items": entry, "description": REVIEWS_FIELD.description}


_SOURCE = {
    "type": ["string", "null"],
    "description": "Only in an organisation catalog's registry.json: the source (a "
    "[[sources]] name) the record was read from, null for the catalog's own records. A "
    "source's record has its qualified id (payments:ADR-0007), and its path is the file "
    "relative to that source's registry.",
}


def _sources_schema() -> dict[str, Any]:
    """An organisation catalog's ``sources`` (:func:`hinges.site.organisation.source_summary`)."""
    text, nullable = {"type": "string"}, {"type": ["string", "null"]}
    count = {"type": "integer", "minimum": 0}
    described: dict[str, tuple[dict[str, Any], str]] = {
        "name": (text, "The source's name: the qualifier of its ids."),
        "git": (text, "Its git URL or path, credentials redacted."),
        "ref": (text, "The branch, tag or commit the configuration names."),
        "path": (text, "Where the registry sits in the source repository."),
        "status": (
            {"enum": ["current", "stale", "not-synced", "unreadable"]},
            "current; stale (shown from a copy older than sources_max_age_hours, or synced "
            "from another git, ref or path); not-synced or unreadable (no records shown).",
        ),
        "stale": (nullable, "Why the copy is stale; null when it is not."),
        "problem": (nullable, "Why a synced copy cannot be read; null when it can."),
        "commit": (nullable, "The commit the copy was checked out from; null if never synced."),
        "fetched_at": (nullable, "When that commit was fetched (UTC, ISO 8601)."),
        "synced_at": (nullable, "When a sync last found the copy current (UTC, ISO 8601)."),
        "decisions": (count, "How many of its decisions the catalog shows."),
        "tenets": (count, "How many of its tenets the catalog shows."),
    }
    properties = {
        key: {**described[key][0], "description": described[key][1]} for key in SOURCE_FIELDS
    }
    return {
        "type": "array",
        "description": "Only in an organisation catalog's registry.json: every configured "
        "source, in configuration order, and what the catalog shows of it.",
        "items": {"type": "object", "required": list(SOURCE_FIELDS), "properties": properties},
    }


def _record_schema(
    fields: tuple[str, ...], specs: tuple[FieldSpec, ...], extra: dict[str, Any]
) -> dict[str, Any]:
    by_name = {spec.name: spec for spec in specs}
    properties = {name: _field_schema(name, by_name.get(name)) for name in fields}
    properties.update(extra)
    return {
        "type": "object",
        "required": list(properties),
        # Optional: present only in an organisation catalog (an added field, version 1).
        "properties": {**properties, "source": _SOURCE},
    }


def export_json_schema() -> dict[str, Any]:
    """The schema of version :data:`hinges.export.EXPORT_VERSION` of the export document."""
    config = Config()
    decision = _record_schema(
        DECISION_FIELDS,
        decision_fields(config),
        {
            "review_overdue_days": {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "Days past review_by for an accepted decision whose review "
                "date has come (0 on the day itself); null otherwise.",
            },
            "reviews": _reviews_schema(),
            "body": _BODY,
        },
    )
    tenet = _record_schema(
        TENET_FIELDS,
        tenet_fields(),
        {
            "cited_by": {**_STRINGS, "description": "Ids of the decisions that cite it."},
            "body": _BODY,
        },
    )
    relation = {
        "type": "object",
        "required": ["type", "from", "to"],
        "properties": {
            "type": {
                "enum": ["follows", "supersedes"],
                "description": "follows: decision `from` cites tenet `to`; supersedes: "
                "decision `from` replaces decision `to`.",
            },
            "from": {"type": "string", "minLength": 1},
            "to": {"type": "string", "minLength": 1},
        },
    }
    top = {
        "version": {"const": EXPORT_VERSION, "description": "The format version."},
        "generator": {
            "type": "string",
            "pattern": "^hinges ",
            "description": "hinges and its version.",
        },
        "generated": {**_DATE, "description": "The day review state is judged as of."},
        "id_prefix": {"type": "string", "minLength": 1, "description": "The decision id prefix."},
        "decisions": {"type": "array", "items": {"$ref": "#/$defs/decision"}},
        "tenets": {"type": "array", "items": {"$ref": "#/$defs/tenet"}},
        "relations": {"type": "array", "items": {"$ref": "#/$defs/relation"}},
    }
    optional = {"sources": _sources_schema()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE_URI}/export.schema.json",
        "title": f"hinges export document, version {EXPORT_VERSION}",
        "type": "object",
        "required": list(top),
        "properties": {**top, **optional},
        "$defs": {"decision": decision, "tenet": tenet, "relation": relation},
    }


def render_export_schema() -> str:
    return json.dumps(export_json_schema(), indent=2, ensure_ascii=False) + "\n"
