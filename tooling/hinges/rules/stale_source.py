"""A decision names a source whose cached copy is missing, unreadable or out of date.

Qualified ids are checked against the copies `hinges sources sync` keeps in
`.hinges/sources/`, offline. A copy that is missing cannot vouch for any id, and one
older than `sources_max_age_hours` (or synced from another git, ref or path than the
configuration now names) may vouch for a record its source has since removed. Reported
once per source, at the first decision that names it: run `hinges sources sync`.

Passing (source `org` synced, holding T-003):

    id: ADR-0007
    tenets: [org:T-003]

Failing (source `org` configured, never synced):

    id: ADR-0007
    tenets: [org:T-003]
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._sources import cached_sources, qualified_references
from hinges.rules.base import Context, Rule

RULE = Rule("HG1103", "stale-source", Severity.WARNING)
_SYNC = "run `hinges sources sync`"


def check(context: Context) -> Iterator[Finding]:
    reported: set[str] = set()
    for ref in qualified_references(context):
        if ref.source in reported:
            continue
        found = cached_sources(context).get(ref.source)
        if found is None:
            continue  # unknown-source reports it
        if found.problem is not None:
            why = f"the copy of source '{ref.source}' cannot be read ({found.problem})"
        elif found.state is None:
            why = f"source '{ref.source}' has not been synced, so its ids are not checked"
        elif found.stale is not None:
            why = f"the copy of source '{ref.source}' may be out of date: {found.stale}"
        else:
            continue
        reported.add(ref.source)
        yield RULE.at_item(ref.record, ref.key, ref.value, f"{why}; {_SYNC}")
