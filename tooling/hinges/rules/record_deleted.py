"""A record that exists at the base ref was deleted.

Records are the registry's memory: a decision that no longer holds is `deprecated` or
`superseded`, a tenet that no longer guides is `retired`, and both stay on record so
that the decisions citing them, and the people reading them later, still find them.
Deleting the file loses that history and breaks every link to it.

Reported with `hinges check --base REF` for each record file of the base that is
missing from the working tree (and was not renamed: see `record-renamed`), at the old
path, line 1, because the file no longer exists. A base file the branch never had (added
to the base after the branch forked, and not merged into it yet) is not a deletion.
Without `--base` the rule is silent.

Passing (the base has `decisions/0002-cache-prices-in-redis.md`):

    decisions/0002-cache-prices-in-redis.md   status: deprecated

Failing (the base has `decisions/0002-cache-prices-in-redis.md`):

    git rm decisions/0002-cache-prices-in-redis.md
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.gate.compare import compare
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG902", "record-deleted", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    if context.base is None:
        return
    comparison = compare(context.base, context.registry)
    for path in comparison.deleted:
        old = comparison.base_records.get(path)
        name = f"{shorten(old.id)} ({path})" if old is not None and old.id else path
        if context.base.files.get(path) == "tenet":
            advice = "restore the file and set its status to retired"
        elif old is not None and old.status == "proposed":
            advice = "restore the file and set its status to rejected"
        else:
            advice = "restore the file and set its status to deprecated (or supersede it)"
        yield RULE.finding(path, 1, 1, f"{name} was deleted; records stay on record: {advice}")
