"""Decisions and tenets as loaded: their YAML tree, their interpreted values, their body.

Values are interpreted leniently here (a wrongly typed field is simply absent from
:attr:`Record.values`); the schema rules report exactly what is wrong, so the other rules
can work with whatever is usable.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from hinges.field_values import GUARD_KINDS, parse_date
from hinges.numbers import number_value
from hinges.schema import FieldSpec
from hinges.yamltree import Mapping, Node, Scalar, Sequence

RecordKind = Literal["decision", "tenet"]
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_DECISION_FILE = re.compile(r"^(?P<number>[0-9]{4,})-(?P<slug>.+)\.md$")
_TENET_FILE = re.compile(r"^T-(?P<number>[0-9]{3,})-(?P<slug>.+)\.md$")


@dataclass(frozen=True, slots=True)
class Guard:
    """One well-formed item of a decision's ``guards``: forbid (or require) this regex in
    these files, or forbid imports from some modules to others."""

    pattern: str
    """The pattern, RE2 syntax (validity is judged by the invalid-guard rule); empty for
    ``forbid_import``."""
    globs: tuple[str, ...]
    """Where it applies: the guard's ``in`` patterns (``**`` when a ``forbid_import``
    has none)."""
    message: str
    line: int
    """Line of the guard's kind value (``forbid``, ``require``, ``forbid_import``)."""
    column: int
    kind: str = "forbid"
    """Which key the guard has: see :data:`hinges.field_values.GUARD_KINDS`."""
    sources: tuple[str, ...] = ()
    """``forbid_import``'s ``from``: module patterns whose code may not import..."""
    targets: tuple[str, ...] = ()
    """...these (``to``); for ``forbid_dependency``, the package names."""


def _texts(node: object) -> tuple[str, ...]:
    if type(node) is not Sequence:
        return ()
    return tuple(n.text.strip() for n in node.items if type(n) is Scalar and n.text.strip())


def _guard(item: Mapping) -> Guard | None:
    entries = item.entries
    kinds = [kind for kind in GUARD_KINDS if kind in entries]
    if len(kinds) != 1:
        return None
    kind = kinds[0]
    value, where, message = (entries.get(k, (None, None))[1] for k in (kind, "in", "message"))
    if value is None:
        return None
    if type(message) is not Scalar or not message.text.strip():
        return None
    globs = _texts(where)
    text = message.text.strip()
    if kind == "forbid_dependency":
        names = _texts(value)
        if not names or (where is not None and not globs):
            return None
        return Guard("", globs or ("**",), text, value.line, value.column, kind, (), names)
    if kind == "forbid_import":
        if type(value) is not Mapping or (where is not None and not globs):
            return None
        sources = _texts(value.entries.get("from", (None, None))[1])
        targets = _texts(value.entries.get("to", (None, None))[1])
        if not (sources and targets):
            return None
        return Guard("", globs or ("**",), text, value.line, value.column, kind, sources, targets)
    if type(value) is not Scalar or not value.text or not globs:
        return None
    return Guard(value.text, globs, text, value.line, value.column, kind)


def _guards(node: Sequence) -> list[Guard]:
    """The well-formed guards of ``node``; malformed items are left to invalid-value."""
    guards = []
    for item in node.items:
        if type(item) is Mapping:
            guard = _guard(item)
            if guard is not None:
                guards.append(guard)
    return guards


def is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.plain and node.text in NULLS


def file_number(kind: RecordKind, relpath: str) -> int | None:
    """The number in a record's file name (``0042-x.md`` -> 42), or None if it has none."""
    pattern = _DECISION_FILE if kind == "decision" else _TENET_FILE
    match = pattern.match(relpath.rsplit("/", 1)[-1])
    # A file name is at most 255 bytes: its digits always convert, exactly.
    return int(match["number"]) if match else None


def interpret(mapping: Mapping, specs: tuple[FieldSpec, ...]) -> dict[str, Any]:
    """The usable values of ``mapping``: str, int, datetime.date, list[str] or (``entries``)
    list[dict[str, str]] by field kind."""
    # Runs once per record: is_null is inlined (``plain and text in NULLS``) and node types
    # are compared exactly (the node classes have no subclasses).
    values: dict[str, Any] = {}
    entries = mapping.entries
    for spec in specs:
        entry = entries.get(spec.name)
        if entry is None:
            continue
        node = entry[1]
        if type(node) is Sequence:
            if spec.kind == "entries":
                values[spec.name] = [_entry(item) for item in node.items if type(item) is Mapping]
            elif spec.kind == "guards":
                values[spec.name] = _guards(node)
            elif spec.kind == "list":
                values[spec.name] = [
                    stripped
                    for item in node.items
                    if type(item) is Scalar
                    and not (item.plain and item.text in NULLS)
                    and (stripped := item.text.strip())
                ]
            continue
        if type(node) is not Scalar or (node.plain and node.text in NULLS):
            continue
        if spec.kind in ("list", "guards"):
            continue
        text = node.text.strip()
        if spec.kind == "date":
            date = parse_date(text)
            if date is not None:
                values[spec.name] = date
        elif spec.kind == "integer":
            number = number_value(text) if node.plain else None
            if number is not None:
                values[spec.name] = number
        elif text:
            values[spec.name] = text
    return values


def _entry(mapping: Mapping) -> dict[str, str]:
    """An entry of an ``entries`` field: its keys with usable text values."""
    return {
        key: value.text.strip()
        for key, (_, value) in mapping.entries.items()
        if type(value) is Scalar
        and not (value.plain and value.text in NULLS)
        and value.text.strip()
    }


@dataclass
class Record:
    """One decision or tenet file whose front matter parsed into a mapping."""

    kind: RecordKind
    path: str
    """Relative to the registry root, with forward slashes."""
    front: Mapping
    values: dict[str, Any]
    body: str
    body_line: int
    """Line of the file where :attr:`body` starts."""
    extra: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    """The ``[[sources]]`` name of the registry the record was read from, in an organisation
    catalog (:mod:`hinges.site.organisation`); None for the registry's own records."""

    @property
    def id(self) -> str | None:
        value = self.values.get("id")  # inlined str_value: rules ask for this very often
        return value if isinstance(value, str) else None

    @property
    def title(self) -> str | None:
        value = self.values.get("title")  # inlined str_value: rules ask for this very often
        return value if isinstance(value, str) else None

    @property
    def status(self) -> str | None:
        value = self.values.get("status")  # inlined str_value: rules ask for this very often
        return value if isinstance(value, str) else None

    @property
    def number(self) -> int | None:
        return file_number(self.kind, self.path)

    def str_value(self, key: str) -> str | None:
        value = self.values.get(key)
        return value if isinstance(value, str) else None

    def list_value(self, key: str) -> list[str]:
        value = self.values.get(key)
        return list(value) if isinstance(value, list) else []

    def guards(self) -> list[Guard]:
        """The decision's well-formed guards (none for a tenet)."""
        value = self.values.get("guards")
        return list(value) if isinstance(value, list) else []

    def date_value(self, key: str) -> dt.date | None:
        value = self.values.get(key)
        return value if isinstance(value, dt.date) else None

    def has(self, key: str) -> bool:
        return key in self.values

    def where(self, key: str) -> tuple[int, int]:
        """Position of ``key``'s value, else of the front matter's first key (line, column)."""
        entry = self.front.entries.get(key)
        if entry is not None:
            return entry[1].line, entry[1].column
        return self.front.line, self.front.column

    def where_key(self, key: str) -> tuple[int, int]:
        entry = self.front.entries.get(key)
        if entry is not None:
            return entry[0].line, entry[0].column
        return self.front.line, self.front.column

    def where_item(self, key: str, text: str) -> tuple[int, int]:
        """Position of the list item of ``key`` whose text is ``text`` (else of the key)."""
        entry = self.front.entries.get(key)
        if entry is not None and isinstance(entry[1], Sequence):
            for item in entry[1].items:
                if isinstance(item, Scalar) and item.text.strip() == text:
                    return item.line, item.column
        return self.where(key)
