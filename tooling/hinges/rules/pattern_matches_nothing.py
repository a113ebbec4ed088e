"""A pattern of `applies_to` or of a guard's `in` matches no file.

A scope that matches nothing is decorative: `hinges why` and the pull-request gate never
name the decision, and its guards never run. This is usually a typo or a folder that was
moved. Patterns are compared with the files git tracks under the registry root (every
file outside git), before `scan_exclude`. Proposed and accepted decisions are checked;
superseded, rejected and deprecated ones are history.

Passing:

    # decisions/0007-use-postgresql.md
    applies_to: ["services/orders/**"]
    # services/orders/api.py
    import psycopg

Failing:

    # decisions/0007-use-postgresql.md
    applies_to: ["service/orders/**"]
    # services/orders/api.py
    import psycopg
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._code import listing
from hinges.rules.base import Context, Rule
from hinges.yamltree import Mapping, Node, Scalar, Sequence

RULE = Rule("HG106", "pattern-matches-nothing", Severity.WARNING)
_CHECKED = ("proposed", "accepted")


def _patterns(record_front: Mapping) -> Iterator[tuple[str, Scalar]]:
    def items(node: Node | None, where: str) -> Iterator[tuple[str, Scalar]]:
        if isinstance(node, Sequence):
            for item in node.items:
                if isinstance(item, Scalar) and item.text.strip():
                    yield where, item

    entries = record_front.entries
    yield from items(entries.get("applies_to", (None, None))[1], "applies_to")
    guards = entries.get("guards", (None, None))[1]
    if isinstance(guards, Sequence):
        for guard in guards.items:
            if isinstance(guard, Mapping):
                yield from items(guard.entries.get("in", (None, None))[1], "guard 'in'")


def check(context: Context) -> Iterator[Finding]:
    from hinges.globs import GlobError, glob_regex

    wanted: list[tuple[str, str, Scalar, str]] = []  # (record path, where, node, pattern)
    for record in context.registry.decisions:
        if record.status not in _CHECKED or record.list_value("superseded_by"):
            continue
        for where, node in _patterns(record.front):
            wanted.append((record.path, where, node, node.text.strip()))
    patterns = sorted({pattern for *_, pattern in wanted})
    usable = []
    for pattern in patterns:
        try:
            usable.append((pattern, glob_regex(pattern)))
        except GlobError:  # invalid-glob reports it
            continue
    if not usable:
        return
    from hinges.codescan.engine import PatternSet

    matcher = PatternSet([regex for _, regex in usable], raw=True)
    unmatched = set(range(len(usable)))
    files = listing(context)
    for path in files.paths:
        unmatched.difference_update(matcher.which(path.encode("utf-8", "surrogateescape")))
        if not unmatched:
            return
    missing = {usable[index][0] for index in unmatched}
    for record_path, where, node, pattern in wanted:
        if pattern in missing:
            what = "tracked file" if files.in_git else "file"
            message = f"{where} pattern '{pattern}' matches no {what}"
            yield RULE.finding(record_path, node.line, node.column, message)
