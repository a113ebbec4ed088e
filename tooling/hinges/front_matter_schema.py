"""The JSON Schema (draft 2020-12) of decision and tenet front matter, for editors.

Derived from the field declarations of :mod:`hinges.schema`; printed by ``hinges schema
decision|tenet`` and shipped as ``schemas/decision.schema.json`` and ``tenet.schema.json``
(``make schemas``).
"""

from __future__ import annotations

import json
from typing import Any

from hinges.config import Config
from hinges.field_values import IMPORT_KEYS, MAX_GUARD_PATTERN
from hinges.schema import FieldSpec, fields_for

SCHEMA_BASE_URI = "https://hinges.invalid/schemas"
"""Base of the ``$id`` of every schema hinges ships: a name, not a download address."""


def _property(spec: FieldSpec) -> dict[str, Any]:
    prop: dict[str, Any] = {"description": spec.description}
    if spec.kind == "entries":
        entry = {
            "type": "object",
            "required": [field.name for field in spec.entry_fields if field.required],
            "properties": {field.name: _property(field) for field in spec.entry_fields},
            "additionalProperties": False,
        }
        prop.update(type="array", items=entry)
    elif spec.kind == "guards":
        text = {"type": "string", "minLength": 1}
        pattern = {**text, "maxLength": MAX_GUARD_PATTERN}
        modules = {"type": "array", "items": text, "minItems": 1}
        imports = {
            "type": "object",
            "required": list(IMPORT_KEYS),
            "properties": dict.fromkeys(IMPORT_KEYS, modules),
            "additionalProperties": False,
        }
        guard = {
            "type": "object",
            "required": ["message"],
            "properties": {
                "forbid": pattern,
                "require": pattern,
                "forbid_import": imports,
                "forbid_dependency": modules,
                "in": {"type": "array", "items": text, "minItems": 1},
                "message": text,
            },
            "oneOf": [
                {"required": ["forbid", "in"]},
                {"required": ["require", "in"]},
                {"required": ["forbid_import"]},
                {"required": ["forbid_dependency"]},
            ],
            "additionalProperties": False,
        }
        prop.update(type="array", items=guard)
    elif spec.kind == "list":
        item: dict[str, Any] = {"type": "string", "minLength": 1}
        if spec.pattern:
            item["pattern"] = spec.pattern
        prop.update(type="array", items=item, uniqueItems=True)
    elif spec.kind == "integer":
        prop.update(type="integer", minimum=1)
    else:
        prop.update(type="string", minLength=1)
        if spec.kind == "date":
            prop["format"] = "date"
        if spec.enum:
            prop["enum"] = list(spec.enum)
        if spec.pattern:
            prop["pattern"] = spec.pattern
        if spec.single_line:
            prop["pattern"] = r"^[^\n]+$"
        if spec.max_length is not None:
            prop["maxLength"] = spec.max_length
    return prop


def json_schema(kind: str, config: Config | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a decision's or tenet's front matter."""
    specs = fields_for(kind, config or Config())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE_URI}/{kind}.schema.json",
        "title": f"hinges {kind} front matter",
        "type": "object",
        "required": [spec.name for spec in specs if spec.required],
        "properties": {spec.name: _property(spec) for spec in specs},
        "additionalProperties": False,
    }


def render_json_schema(kind: str, config: Config | None = None) -> str:
    return json.dumps(json_schema(kind, config), indent=2, ensure_ascii=False) + "\n"
