"""A decision body lacks a required section.

Every decision body has the H2 sections listed in `required_sections` (by default Context,
Decision and Consequences), so readers find the same parts in the same places. Headings are
compared without regard to case or runs of whitespace; other sections (such as "Options
considered") may come in between. Each missing section is one finding, at the H1 (or the
body's first line of text).

A decision written by `hinges import` (it has `imported_from`) gets warnings instead of
errors: its body is kept as the source wrote it (MADR's "Context and Problem Statement",
for instance), until a person reorganises it and removes `imported_from`.

Passing:

    # Use PostgreSQL for orders

    ## Context
    ## Decision
    ## Consequences

Failing:

    # Use PostgreSQL for orders

    ## Context
    ## Decision
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._body import anchor_line, collapse, outline_of
from hinges.rules._imported import gentle
from hinges.rules.base import Context, Rule

RULE = Rule("HG802", "required-sections", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    required = context.registry.config.required_sections
    if not required:
        return
    wanted = ", ".join(required)
    for record in context.registry.decisions:
        present = {
            collapse(heading.text).casefold()
            for heading in outline_of(record).headings
            if heading.level == 2
        }
        for section in required:
            if collapse(section).casefold() not in present:
                finding = RULE.finding(
                    record.path,
                    anchor_line(record),
                    1,
                    f"the body has no '## {section}' section (required: {wanted})",
                )
                yield gentle(record, finding)
