"""A record's owner is not one of the allowed owners.

An owner is the one team or person accountable for a record over time; one that does not
exist, or is misspelt, leaves nobody to ask. When `owners` is configured, every decision's
and tenet's owner must be on that list. Otherwise, when `use_codeowners` is on (the
default) and the repository has a CODEOWNERS file (in `.github/`, the root or `docs/`, the
first GitHub finds), the owner must be one it names. `@org/team` and `org/team` are the
same owner; handles are compared without regard to case, as GitHub does.

Passing (CODEOWNERS: `* @payments @platform/infra`):

    ---
    id: ADR-0002
    title: Run services on Kubernetes
    owner: "@platform/infra"
    ---

Failing (CODEOWNERS: `* @payments @platform/infra`):

    ---
    id: ADR-0002
    title: Run services on Kubernetes
    owner: "@platform/infra-team"
    ---
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from hinges.codeowners import CodeOwnersProblem, read_codeowners
from hinges.findings import Finding, Severity
from hinges.rules.base import Context, Rule
from hinges.visible import quoted

RULE = Rule("HG701", "owner-not-allowed", Severity.ERROR)
_SHOWN = 8


def normalise(owner: str) -> str:
    """The form owners are compared in: no leading '@', case folded."""
    return owner.removeprefix("@").casefold()


def _listing(owners: tuple[str, ...]) -> str:
    shown = ", ".join(owners[:_SHOWN])
    more = len(owners) - _SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def _allowed(context: Context) -> tuple[tuple[str, ...], str] | Finding | None:
    """The allowed owners and where they come from; a finding if CODEOWNERS is unusable."""
    config = context.registry.config
    if config.owners:
        return config.owners, f"the owners setting of {config.source or 'the configuration'}"
    if not config.use_codeowners:
        return None
    # Read once per check: every record is compared with the same list.
    found = read_codeowners(context.registry.root, config.max_file_bytes)
    if isinstance(found, CodeOwnersProblem):
        message = f"CODEOWNERS {found.message}, so owners were not checked against it"
        return RULE.finding(found.path, found.line, 1, message)
    if found is None or not found.owners:
        return None
    return found.owners, found.path


def check(context: Context) -> Iterator[Finding]:
    allowed = _allowed(context)
    if allowed is None:
        return
    if isinstance(allowed, Finding):
        yield allowed
        return
    owners, source = allowed
    by_form = {normalise(owner): owner for owner in owners}
    for record in context.registry.records():
        owner = record.str_value("owner")
        if owner is None or normalise(owner) in by_form:
            continue
        close = difflib.get_close_matches(normalise(owner), list(by_form), n=1)
        hint = f"; did you mean '{by_form[close[0]]}'?" if close else ""
        yield RULE.at(
            record,
            "owner",
            f"owner {quoted(owner)} is not one of the owners allowed by {source} "
            f"({_listing(owners)}){hint}",
        )
