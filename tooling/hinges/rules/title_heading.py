"""A record's body starts from an H1 equal to its title.

The H1 is what readers of the file and of the catalog see first; the `title` is what lists
and links show. They must say the same thing (runs of whitespace count as one space). A
body without an H1 is reported at its first line of text; a different H1 at that heading.

Passing:

    ---
    title: Use PostgreSQL for orders
    ---
    # Use PostgreSQL for orders

Failing:

    ---
    title: Use PostgreSQL for orders
    ---
    # Use Postgres for the order service
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._body import anchor_line, collapse, file_line, title_heading
from hinges.rules.base import Context, Rule
from hinges.visible import quoted

RULE = Rule("HG801", "title-heading", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    for record in context.registry.records():
        title = record.title
        if title is None:
            continue
        heading = title_heading(record)
        if heading is None:
            yield RULE.finding(
                record.path,
                anchor_line(record),
                1,
                f"the body has no H1 heading; start it with {quoted('# ' + collapse(title))}",
            )
        elif collapse(heading.text) != collapse(title):
            yield RULE.finding(
                record.path,
                file_line(record, heading.line),
                1,
                f"the H1 {quoted(heading.text)} differs from the title {quoted(collapse(title))}; "
                "make them the same",
            )
