"""An added record takes a number or id that the base branch already uses.

Two pull requests opened from the same main branch both add "the next" record, say
`0042`. Each passes review alone; once the first is merged, the second collides with it,
and git merges the two files without a conflict because their slugs differ. Checked
against the base (`hinges check --base origin/main`, on the branch or on the merge
result), the record this pull request adds is the one to move: the base's record is
published, and may be another team's. The message names both files and the next number
free on both sides, and `hinges renumber --base REF` moves the branch's record to that
very number and updates its references (the branch need not have merged the base first).

Sharing a number is not being the same record: a record with another title and body is a
collision, never a rename (`record-renamed`). When both sides added a different record
under the same file name (git reports an add/add conflict when merging them), the
branch's record is reported the same way. An added record's id is compared with the
base's ids too (a copied record that kept its `id` collides even under a fresh file
name). Without `--base` the rule is silent.

Passing (the base has `decisions/0003-use-grpc-between-services.md`):

    decisions/0004-manage-feature-flags-with-openfeature.md

Failing (the base has `decisions/0003-use-grpc-between-services.md`):

    decisions/0003-manage-feature-flags-with-openfeature.md
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import compare
from hinges.rules._collisions import find_collisions, renumber_command
from hinges.rules._naming import format_number
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG904", "base-collision", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    base = context.base
    if base is None:
        return
    head = context.registry
    comparison = compare(base, head)
    command = renumber_command(base)
    moved: set[str] = set()
    for collision in find_collisions(base, head, comparison):
        record = collision.record
        moved.add(record.path)
        free = format_number(record.kind, collision.free)
        if collision.same_path:
            where = (
                "the base ref has a different record at this same path (both sides added "
                "it, so merging them is a conflict)"
            )
        else:
            where = (
                f"number {shorten(collision.digits)} is already used at the base ref "
                f"by {collision.other}"
            )
        yield RULE.finding(
            record.path, 1, 1, f"{where}; renumber this record to {free} ({command})"
        )
    base_ids = {(record.kind, record.id): record.path for record in base.records() if record.id}
    for record in comparison.added:
        if record.path in moved or record.id is None:
            continue
        same_id = base_ids.get((record.kind, record.id))
        if same_id is not None:
            yield RULE.at(
                record,
                "id",
                f"id {shorten(record.id)} is already used at the base ref by {same_id}; "
                "give this record an id and file number of its own",
            )
