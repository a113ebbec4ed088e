"""A record's id does not match its file name.

The id is the file's number with the id prefix: `decisions/0042-use-kafka.md` holds
`ADR-0042` (the prefix is `id_prefix` in the configuration, `ADR` unless set), and
`tenets/T-007-small-teams.md` holds `T-007`. The digits are the file name's digits
exactly, leading zeros included, so an id always leads to one file and back. Records
whose file name has no number are left to the file-name rule.

Passing:

    # decisions/0042-use-kafka-for-order-events.md
    ---
    id: ADR-0042
    ---

Failing:

    # decisions/0042-use-kafka-for-order-events.md
    ---
    id: ADR-0041
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._naming import base_name, expected_id, numbered_name
from hinges.rules.base import Context, Rule
from hinges.visible import quoted

RULE = Rule("HG202", "id-mismatch", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    prefix = context.registry.config.id_prefix
    for record in context.registry.records():
        actual = record.id
        numbered = numbered_name(record.kind, record.path)
        if actual is None or numbered is None:
            continue
        expected = expected_id(record.kind, numbered.digits, prefix)
        if actual == expected:
            continue
        message = (
            f"id {quoted(actual)} does not match the file name {quoted(base_name(record.path))}; "
            f"it should be {expected}"
        )
        if record.kind == "decision" and actual.endswith(f"-{numbered.digits}"):
            message += f" (decision ids start with the configured id_prefix '{prefix}')"
        yield RULE.at(record, "id", message)
