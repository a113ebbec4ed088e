"""The front-matter field tables, from the field declarations in :mod:`hinges.schema`."""

from __future__ import annotations

import json
from collections.abc import Iterable

from hinges.config import Config
from hinges.field_values import (
    DATE_PATTERN,
    HANDLE_PATTERN,
    TENET_ID_PATTERN,
    TENET_REF_PATTERN,
    decision_id_pattern,
    decision_ref_pattern,
)
from hinges.reference._common import GENERATED_NOTE, cell
from hinges.schema import FieldSpec, decision_fields, tenet_fields

_KIND_NAMES = {
    "string": "text",
    "date": "date",
    "integer": "integer",
    "list": "list of text",
    "entries": "list of entries",
    "guards": "list of guards",
}


def _pattern_words(config: Config) -> dict[str, str]:
    """Plain words for the patterns of field_values.py (the JSON Schema carries the regexes)."""
    return {
        HANDLE_PATTERN: "a handle: `name`, `@name` or `@org/team`",
        DATE_PATTERN: "`YYYY-MM-DD`, a real date",
        TENET_ID_PATTERN: "`T-` and 3 or more digits",
        decision_id_pattern(config.id_prefix): f"`{config.id_prefix}-` and 4 or more digits",
        TENET_REF_PATTERN: "`T-` and 3 or more digits, optionally after a source: `org:T-003`",
        decision_ref_pattern(config.id_prefix): f"`{config.id_prefix}-` and 4 or more digits, "
        "or a source's id: `payments:PAY-0007`",
    }


def _yaml_example(name: str, example: str) -> str:
    # Handles start with '@', which YAML reserves: the example must be quoted to be valid.
    if example.startswith("@"):
        example = json.dumps(example)
    return f"`{name}: {example}`"


def fields_table(specs: Iterable[FieldSpec], config: Config) -> str:
    """A Markdown table of front-matter fields."""
    words = _pattern_words(config)
    out = [
        "| Key | Type | Required | Allowed values | Description | Example |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for spec in specs:
        if spec.entry_fields:
            allowed = "entries with " + ", ".join(
                f"`{field.name}`" + ("" if field.required else " (optional)")
                for field in spec.entry_fields
            )
        elif spec.enum:
            allowed = ", ".join(f"`{value}`" for value in spec.enum)
        elif spec.pattern:
            allowed = words.get(spec.pattern, f"`{spec.pattern}`")
            allowed += " (each item)" if spec.kind == "list" else ""
        elif spec.kind == "integer":
            allowed = "1 or more"
        else:
            allowed = "one line" if spec.single_line else "any"
        required = "yes" if spec.required else "no"
        example = _yaml_example(spec.name, spec.example) if spec.example else ""
        out.append(
            f"| `{spec.name}` | {_KIND_NAMES[spec.kind]} | {required} | {cell(allowed)} "
            f"| {cell(spec.description)} | {cell(example)} |"
        )
    return "\n".join(out)


def fill_field_tables(page: str) -> str:
    """``page`` with the text between each ``fields:KIND`` marker pair regenerated."""
    config = Config()
    tables = {"decision": decision_fields(config), "tenet": tenet_fields()}
    for kind, specs in tables.items():
        start, end = f"<!-- fields:{kind}:start -->", f"<!-- fields:{kind}:end -->"
        before, found, after = page.partition(start)
        if not found or end not in after:
            raise ValueError(f"the format page has no '{start}' ... '{end}' markers")
        page = f"{before}{start}\n{GENERATED_NOTE}\n\n{fields_table(specs, config)}\n\n{end}"
        page += after.split(end, 1)[1]
    return page
