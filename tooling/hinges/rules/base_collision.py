"""An added record takes a number or id that the base branch already uses.

Two pull requests opened from the same main branch both add "the next" record, say
`0042`. Each passes review alone; once the first is merged, the second collides with it,
and git merges the two files without a conflict because their slugs differ. Checked
against the base (`hinges check --base origin/main`, best on the merge result), the record
this pull request adds is the one to move: the message names both files and the next free
number, and `hinges renumber` renames the record added later and updates its references.

An added record's id is compared with the base's ids too (a copied record that kept its
`id` collides even under a fresh file name). Without `--base` the rule is silent.

Passing (the base has `decisions/0003-use-grpc-between-services.md`):

    decisions/0004-manage-feature-flags-with-openfeature.md

Failing (the base has `decisions/0003-use-grpc-between-services.md`):

    decisions/0003-manage-feature-flags-with-openfeature.md
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import compare
from hinges.records import RecordKind
from hinges.rules._naming import format_number, highest_number, numbered_name
from hinges.rules.base import Context, Rule

RULE = Rule("HG904", "base-collision", Severity.ERROR)


def _numbers(files: dict[str, RecordKind], kind: RecordKind) -> dict[int, str]:
    numbers: dict[int, str] = {}
    for path in sorted(files):
        numbered = numbered_name(kind, path) if files[path] == kind else None
        if numbered is not None:
            numbers.setdefault(numbered.number, path)
    return numbers


def check(context: Context) -> Iterator[Finding]:
    base = context.base
    if base is None:
        return
    head = context.registry
    taken = {kind: _numbers(base.files, kind) for kind in ("decision", "tenet")}
    next_free = {
        kind: max(highest_number(kind, base.files), highest_number(kind, head.files)) + 1
        for kind in ("decision", "tenet")
    }
    base_ids = {(record.kind, record.id): record.path for record in base.records() if record.id}
    for record in compare(base, head).added:
        kind = record.kind
        numbered = numbered_name(kind, record.path)
        owner = taken[kind].get(numbered.number) if numbered is not None else None
        if owner is None and record.id is not None:
            same_id = base_ids.get((kind, record.id))
            if same_id is not None:
                yield RULE.at(
                    record,
                    "id",
                    f"id {record.id} is already used at the base ref by {same_id}; "
                    "give this record an id and file number of its own",
                )
            continue
        if owner is None or numbered is None:
            continue
        free = format_number(kind, next_free[kind])
        next_free[kind] += 1
        yield RULE.finding(
            record.path,
            1,
            1,
            f"number {numbered.digits} is already used at the base ref by {owner}; "
            f"renumber this record to {free} (hinges renumber)",
        )
