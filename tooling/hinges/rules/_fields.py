"""Field checks shared by the schema rules (not a rule itself)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from functools import cache, partial

from hinges.field_values import (
    DATE_PATTERN,
    GUARD_KEYS,
    GUARD_KINDS,
    HANDLE_PATTERN,
    IMPORT_KEYS,
    parse_date,
)
from hinges.numbers import number_value
from hinges.records import Record, is_null
from hinges.rules.base import Context
from hinges.schema import FieldSpec, fields_for
from hinges.visible import quoted
from hinges.yamltree import Mapping, Node, Scalar, Sequence

_compiled = cache(re.compile)
_CHECKED_KEY = "checked_fields"
_KIND_NAMES = {
    "string": "text",
    "date": "a date",
    "integer": "a whole number",
    "list": "a list",
    "entries": "a list of entries",
    "guards": "a list",
}


def specs_of(record: Record, context: Context) -> tuple[FieldSpec, ...]:
    return fields_for(record.kind, context.registry.config)


CheckedField = tuple[FieldSpec, Node, "tuple[Node, str] | None"]


def checked_fields(
    context: Context,
) -> Iterator[tuple[Record, FieldSpec, Node, tuple[Node, str] | None]]:
    """Every (record, field, value node, problem) of a known field present in a record.

    The problem (the node it concerns and a message, or None) is computed once per record
    and kept on it: several rules look at the same verdicts.
    """
    for record in context.registry.records():
        checked: list[CheckedField] | None = record.extra.get(_CHECKED_KEY)
        if checked is None:
            checked = []
            for spec in specs_of(record, context):
                entry = record.front.entries.get(spec.name)
                if entry is not None:
                    checked.append((spec, entry[1], value_problem(spec, entry[1])))
            record.extra[_CHECKED_KEY] = checked
        for spec, node, problem in checked:
            yield record, spec, node, problem


def _describe(node: Node) -> str:
    if isinstance(node, Sequence):
        return "a list"
    if isinstance(node, Scalar):
        return quoted(node.text)
    return "a mapping"


def _pattern_problem(spec: FieldSpec, text: str) -> str | None:
    if spec.pattern is None or _compiled(spec.pattern).match(text):
        return None
    if spec.pattern == HANDLE_PATTERN:
        if ":" in text or "//" in text:
            return f"{quoted(text)} looks like a URL; an owner is a handle such as @team or alice"
        return (
            f"{quoted(text)} is not a handle "
            "(letters, digits, '.', '_' or '-', optionally @org/team)"
        )
    if spec.pattern == DATE_PATTERN:
        return f"{quoted(text)} is not an ISO date; write YYYY-MM-DD"
    example = spec.example.strip("[]").split(",")[0] or "the documented form"
    return f"{quoted(text)} does not have the form of {example}"


def _scalar_problem(spec: FieldSpec, node: Scalar) -> str | None:
    text = node.text.strip()
    if spec.kind == "date":
        if _compiled(DATE_PATTERN).match(text) and parse_date(text) is None:
            return f"{quoted(text)} is not a real date"
        return _pattern_problem(spec, text)
    if spec.kind == "integer":
        number = number_value(text) if node.plain else None
        if number is None or number < 1:
            return f"must be a whole number of 1 or more, not {_describe(node)}"
        return None
    if not text:  # quoted "" is not null, but is no value either
        return "is empty; give it a value or remove the key"
    if spec.enum and text not in spec.enum:
        close = [v for v in spec.enum if v.lower() == text.lower()] or difflib.get_close_matches(
            text, spec.enum, n=1
        )
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"must be one of {', '.join(spec.enum)}, not {quoted(text)}{hint}"
    if spec.single_line and "\n" in text:
        return "must be a single line"
    if spec.max_length is not None and len(text) > spec.max_length:
        return f"is {len(text)} characters long; keep it to {spec.max_length} or fewer"
    return _pattern_problem(spec, text)


# Values repeat across records (statuses, doors, owners, tenet ids, dates), and a verdict
# depends only on the field's declaration and the text: each distinct value is judged once.
# The key is the whole declaration: a decision's and a tenet's ``status`` share name, kind
# and pattern but not their allowed values.
_VERDICTS: dict[tuple[FieldSpec, str, bool], str | None] = {}
_MAX_VERDICTS = 100_000


def _verdict(
    spec: FieldSpec, text: str, plain: bool, judge: Callable[[], str | None]
) -> str | None:
    key = (spec, text, plain)
    if key in _VERDICTS:
        return _VERDICTS[key]
    if len(_VERDICTS) >= _MAX_VERDICTS:
        _VERDICTS.clear()
    verdict = _VERDICTS[key] = judge()
    return verdict


_GUARD_FORM = (
    "write - {forbid: REGEX, in: [GLOB, ...], message: TEXT} (or require: REGEX, "
    "or forbid_import: {from: [MODULE, ...], to: [MODULE, ...]}, "
    "or forbid_dependency: [NAME, ...])"
)


def _texts_problem(node: Node, what: str) -> tuple[Node, str] | None:
    if not isinstance(node, Sequence) or not node.items:
        return node, f"guard's {what} must be a non-empty list"
    for item in node.items:
        if not isinstance(item, Scalar) or is_null(item) or not item.text.strip():
            return item, f"guard's {what} items must be non-empty text, not {_describe(item)}"
    return None


def _imports_problem(item: Mapping, value: Node) -> tuple[Node, str] | None:
    if not isinstance(value, Mapping):
        return (
            value,
            f"guard's 'forbid_import' must be a mapping, not {_describe(value)}; {_GUARD_FORM}",
        )
    for key, (key_node, _value) in value.entries.items():
        if key not in IMPORT_KEYS:
            return key_node, f"forbid_import has an unknown key '{key}'; {_GUARD_FORM}"
    for key in IMPORT_KEYS:
        entry = value.entries.get(key)
        if entry is None:
            return value, f"forbid_import has no '{key}'; {_GUARD_FORM}"
        problem = _texts_problem(entry[1], f"'{key}'")
        if problem is not None:
            return problem
    return _rest_problem(item)


def _rest_problem(item: Mapping) -> tuple[Node, str] | None:
    """``message`` required and ``in`` optional, for the guards that need no pattern."""
    message = item.entries.get("message")
    if message is None:
        return item, f"guard has no 'message'; {_GUARD_FORM}"
    if "in" in item.entries:
        problem = _texts_problem(item.entries["in"][1], "'in'")
        if problem is not None:
            return problem
    if not isinstance(message[1], Scalar) or is_null(message[1]) or not message[1].text.strip():
        return message[1], f"guard's 'message' must be non-empty text, not {_describe(message[1])}"
    return None


def _guard_problem(item: Node) -> tuple[Node, str] | None:
    if not isinstance(item, Mapping):
        return item, f"items must be mappings, not {_describe(item)}; {_GUARD_FORM}"
    for key, (key_node, _value) in item.entries.items():
        if key not in GUARD_KEYS:
            return key_node, f"guard has an unknown key '{key}'; {_GUARD_FORM}"
    kinds = [kind for kind in GUARD_KINDS if kind in item.entries]
    if len(kinds) != 1:
        which = (
            " and ".join(f"'{kind}'" for kind in kinds)
            if kinds
            else "none of " + ", ".join(f"'{kind}'" for kind in GUARD_KINDS)
        )
        return item, f"guard has {which}; give it exactly one; {_GUARD_FORM}"
    if kinds == ["forbid_import"]:
        return _imports_problem(item, item.entries["forbid_import"][1])
    if kinds == ["forbid_dependency"]:
        problem = _texts_problem(item.entries["forbid_dependency"][1], "'forbid_dependency'")
        return problem if problem is not None else _rest_problem(item)
    for key in (*kinds, "in", "message"):
        entry = item.entries.get(key)
        if entry is None:
            return item, f"guard has no '{key}'; {_GUARD_FORM}"
        value = entry[1]
        if key == "in":
            if not isinstance(value, Sequence) or not value.items:
                return value, "guard's 'in' must be a non-empty list of glob patterns"
            for glob in value.items:
                if not isinstance(glob, Scalar) or is_null(glob) or not glob.text.strip():
                    return glob, f"guard's 'in' items must be non-empty text, not {_describe(glob)}"
        elif not isinstance(value, Scalar) or is_null(value) or not value.text.strip():
            return value, f"guard's '{key}' must be non-empty text, not {_describe(value)}"
    return None


def _guards_problem(node: Node) -> tuple[Node, str] | None:
    if not isinstance(node, Sequence):
        return node, f"must be a list of guards, not {_describe(node)}; {_GUARD_FORM}"
    for item in node.items:
        problem = _guard_problem(item)
        if problem is not None:
            return problem
    return None


def value_problem(spec: FieldSpec, node: Node) -> tuple[Node, str] | None:
    """The first thing wrong with ``node`` as a value of ``spec``, and the node it concerns."""
    if is_null(node):
        return node, "is empty; give it a value or remove the key"
    if spec.kind == "entries":  # each entry is judged by its own rule (review-entry)
        if isinstance(node, Sequence):
            return None
        return (
            node,
            f"must be a list of entries, not {_describe(node)}; write one '- date: ...' per entry",
        )
    if spec.kind == "guards":
        return _guards_problem(node)
    if spec.kind == "list":
        if not isinstance(node, Sequence):
            return node, f"must be a list, not {_describe(node)}; write {spec.name}: [...]"
        seen: set[str] = set()
        for item in node.items:
            if not isinstance(item, Scalar) or is_null(item) or not item.text.strip():
                return item, f"items must be non-empty text, not {_describe(item)}"
            text = item.text.strip()
            problem = _verdict(spec, text, True, partial(_pattern_problem, spec, text))
            if problem:
                return item, f"item {problem}"
            if item.text in seen:
                return item, f"lists {quoted(item.text)} twice"
            seen.add(item.text)
        return None
    if not isinstance(node, Scalar):
        return node, f"must be {_KIND_NAMES[spec.kind]}, not {_describe(node)}"
    problem = _verdict(spec, node.text, node.plain, partial(_scalar_problem, spec, node))
    return (node, problem) if problem else None
