"""A record still holds text from the template it was written from.

`hinges new` writes prompts for the author to replace ("What forces us to decide now?",
"### Option 1: name it"); a record that keeps them says nothing, and placeholder options
are not options weighed. Text left from a template is an error in an accepted decision, a
warning in a proposed one (it is also in the list of what acceptance needs, HG405) and in
an active tenet. The finding points at the first placeholder and gives the lines of the
others. `hinges status ID accepted` refuses while any remain.

Templates are hinges' own and the files named by the `templates` setting, so a team that
writes records from its own template (MADR's, say) gets the same check. The placeholders
are read from the templates themselves: prompt sentences, the option template, example
front-matter values (`exit_path: "How we would back out, and what it would cost."`); in a
configured template, every line of text of three words or more and anything bracketed
(`{title of option 1}`). Section headings such as "## Context" are structure, not
placeholders, and neither are HTML comments. A configured template that cannot be read is
reported at its path.

Passing:

    # Store order events as Parquet

    ## Context

    Analysts query a year of order events; row-oriented JSON makes each query scan it all.

Failing:

    # Store order events as Parquet

    ## Context

    What forces us to decide now? What do we know, what do we not know, and which
    tenets pull in different directions here?
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.records import Record
from hinges.rules._imported import gentle
from hinges.rules._template_files import template_text
from hinges.rules._templates import describe, placeholders_in
from hinges.rules.base import Context, Rule

RULE = Rule("HG803", "template-text", Severity.ERROR)

# What to do, by what the record is: an accepted record is history, so it is superseded.
_ADVICE = {
    "proposed": "write what this decision says in its place before it is accepted",
    "accepted": "write what this decision says in its place",
    "active": "write what this tenet says in its place",
}


def _severity(record: Record) -> Severity | None:
    """Error on an accepted decision; warning on a proposal or an active tenet; else none."""
    if record.kind == "decision":
        return {"accepted": Severity.ERROR, "proposed": Severity.WARNING}.get(record.status or "")
    return Severity.WARNING if record.status == "active" else None


def check(context: Context) -> Iterator[Finding]:
    text = template_text(context.registry)
    for path, problem in text.problems:
        yield RULE.finding(path, 1, 1, f"the configured template cannot be read: {problem}")
    for record in context.registry.records():
        severity = _severity(record)
        if severity is None:
            continue
        found = placeholders_in(record, text)
        if not found:
            continue
        message = f"{describe(found)}; {_ADVICE[record.status or '']}"
        finding = RULE.finding(record.path, found[0].line, 1, message)
        yield gentle(record, finding.with_severity(severity))
