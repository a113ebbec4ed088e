"""An accepted one-way door's body weighs at least two options.

Going slowly through a one-way door means comparing real alternatives. The body needs a
section whose heading mentions options or alternatives ("Options considered", "Considered
Options", "Alternatives") holding at least two options: two subheadings one level down,
or two items of its outer list before any subheading. An option still as a template
wrote it ("### Option 1: name it", see `template-text`) is not an option weighed.

Passing:

    ---
    status: accepted
    door: one-way
    ---
    # Publish the orders API as protobuf over gRPC

    ## Options considered

    - Protobuf over gRPC: typed, compact, generated clients in every language we use.
    - JSON over HTTP with OpenAPI: readable, slower, clients drift from the schema.

Failing:

    ---
    status: accepted
    door: one-way
    ---
    # Publish the orders API as protobuf over gRPC

    ## Options considered

    - Protobuf over gRPC: typed, compact, generated clients in every language we use.
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._body import anchor_line, file_line
from hinges.rules._doors import is_one_way, options_weighed
from hinges.rules._template_files import template_text
from hinges.rules.base import Context, Rule
from hinges.visible import quoted

RULE = Rule("HG404", "one-way-options", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    template = template_text(context.registry)
    for record in context.registry.decisions:
        if record.status != "accepted" or not is_one_way(record):
            continue
        weighed = options_weighed(record, template)
        if weighed.count >= 2:
            continue
        if weighed.heading is None:
            yield RULE.finding(
                record.path,
                anchor_line(record),
                1,
                "an accepted one-way door must weigh at least two options; add a section "
                "such as '## Options considered' with a subheading or list item per option",
            )
            continue
        found = "no option" if weighed.count == 0 else "only one option"
        yield RULE.finding(
            record.path,
            file_line(record, weighed.heading.line),
            1,
            f"{quoted(weighed.heading.text)} weighs {found}; an accepted one-way door must "
            "weigh at least two (a subheading or list item per option)",
        )
