"""A qualified id names a source the configuration does not have.

`org:T-003` and `payments:PAY-0007` name records of other registries, the sources listed
as `[[sources]]` in the configuration and fetched by `hinges sources sync`. A name before
the colon that is not one of them leads nowhere: add the source, or fix the name.

Passing:

    # hinges.toml
    [[sources]]
    name = "org"
    git = "https://git.example/org/registry.git"

    # decisions/0007-example.md
    id: ADR-0007
    tenets: [org:T-003]

Failing:

    # there is no [[sources]] entry named billing
    id: ADR-0007
    supersedes: [billing:ADR-0002]
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._sources import known_sources, qualified_references
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG1101", "unknown-source", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    names = [source.name for source in context.registry.config.sources]
    for ref in qualified_references(context):
        if ref.source in names:
            continue
        if names:
            known = known_sources(ref.source, ref.local_id, names)
        else:
            known = "no sources are configured; add it as [[sources]] in the configuration"
        yield RULE.at_item(
            ref.record,
            ref.key,
            ref.value,
            f"{ref.key} names {shorten(ref.value)}, but there is no source "
            f"'{shorten(ref.source)}': {known}",
        )
