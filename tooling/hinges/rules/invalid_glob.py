"""A pattern of `applies_to` or of a guard's `in` cannot be used.

Patterns are relative to the registry root (normally the repository root) and use `/`:
`*` stays inside a folder, `**` crosses folders, and a folder covers everything in it (see
the guide on guard rails). An absolute path, a `..` or `.` segment, a backslash separator,
a leading `!` or an unclosed `[` is refused here, and the pattern is left out of `hinges
why`, the gate and the guards until it is fixed.

Passing:

    ---
    applies_to: ["services/orders/**", "schemas/orders.sql"]
    ---

Failing:

    ---
    applies_to: ["/services/orders/**", "../shared/**"]
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.globs import glob_problem
from hinges.rules.base import Context, Rule
from hinges.yamltree import Mapping, Node, Scalar, Sequence

RULE = Rule("HG104", "invalid-glob", Severity.ERROR)


def _items(node: Node | None) -> Iterator[Scalar]:
    if isinstance(node, Sequence):
        yield from (item for item in node.items if isinstance(item, Scalar))


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        entries = record.front.entries
        places: list[tuple[str, Node | None]] = [
            ("applies_to", entries.get("applies_to", (None, None))[1])
        ]
        guards = entries.get("guards", (None, None))[1]
        if isinstance(guards, Sequence):
            for guard in guards.items:
                if isinstance(guard, Mapping):
                    places.append(("guard 'in'", guard.entries.get("in", (None, None))[1]))
        for where, node in places:
            for item in _items(node):
                text = item.text.strip()
                problem = glob_problem(text) if text else None  # empty: invalid-value's
                if problem is not None:
                    message = f"{where} pattern {problem}"
                    yield RULE.finding(record.path, item.line, item.column, message)
