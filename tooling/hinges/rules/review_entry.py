"""An entry of `reviews` is not a well-formed review.

Each review is a mapping with a `date` (a real ISO date), an `outcome` (`kept`,
`doubled-down`, `revised` or `reversed`), a `note` saying what the review found, and
optionally `by` (a handle). `hinges review ID --outcome ... --note ...` writes entries in
this form; this rule catches hand-written ones that other tools would misread. An entry
with a problem is left out of the catalog, the export and the outcomes page.

Passing:

    ---
    reviews:
      - date: 2026-09-01
        outcome: kept
        by: "@payments"
        note: Latency stayed under target through the peak season.
    ---

Failing:

    ---
    reviews:
      - date: 2026-09-31
        outcome: abandoned
      - just a sentence
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._fields import value_problem
from hinges.rules.base import Context, Rule
from hinges.schema import REVIEWS_FIELD
from hinges.yamltree import Mapping, Sequence

RULE = Rule("HG502", "review-entry", Severity.ERROR)

_SPECS = {spec.name: spec for spec in REVIEWS_FIELD.entry_fields}
_KEYS = ", ".join(_SPECS)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.decisions:
        entry = record.front.entries.get(REVIEWS_FIELD.name)
        if entry is None or not isinstance(entry[1], Sequence):
            continue  # absent, or not a list: invalid-value says so
        for number, item in enumerate(entry[1].items, start=1):
            where = f"review {number}"
            if not isinstance(item, Mapping):
                yield RULE.finding(
                    record.path,
                    item.line,
                    item.column,
                    f"{where} must be a mapping of {_KEYS}, written '- date: YYYY-MM-DD' "
                    "with the other keys below it",
                )
                continue
            missing = [
                name for name, spec in _SPECS.items() if spec.required and name not in item.entries
            ]
            if missing:
                yield RULE.finding(
                    record.path, item.line, item.column, f"{where} lacks {', '.join(missing)}"
                )
            for key, (key_node, value) in item.entries.items():
                spec = _SPECS.get(key)
                if spec is None:
                    message = f"{where} has unknown key '{key}'; an entry holds {_KEYS}"
                    yield RULE.finding(record.path, key_node.line, key_node.column, message)
                    continue
                problem = value_problem(spec, value)
                if problem is not None:
                    node, message = problem
                    yield RULE.finding(
                        record.path, node.line, node.column, f"{where}: '{key}' {message}"
                    )
