"""HG803 template-text: every placeholder of every template, left one at a time, is found.

The placeholders are read off the templates as ``hinges new`` and ``hinges tenet new``
render them (not off the rule's own tables), so a prompt added to a template that the rule
does not know fails here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import GOOD_TENET, write_files
from hinges.authoring.templates import DecisionDraft, TenetDraft, decision_text, tenet_text
from hinges.checker import check
from hinges.config import load_config
from hinges.findings import Finding, Severity

TODAY = dt.date(2026, 11, 26)
SECTIONS = ("Context", "Decision", "Consequences", "Risks")


def findings(root: Path, code: str = "HG803") -> list[Finding]:
    return [f for f in check(root, load_config(root), today=TODAY).findings if f.code == code]


def template(door: str) -> str:
    """A new decision as ``hinges new`` writes it, with its front matter ready to accept."""
    draft = DecisionDraft(
        id="ADR-0002", title="Pick a vendor", status="accepted", date=TODAY, door=door,
        owner="@data", deciders=("@maria", "@sam"), tenets=("T-001",),
        exit_path="Export the data; a month.", review_by=dt.date(2027, 5, 26),
        required_sections=SECTIONS,
    )  # fmt: skip
    return decision_text(draft)


def placeholder_lines(text: str, kept: set[str]) -> list[int]:
    """Lines of a rendered template below the front matter that are neither blank, the
    title, nor a section heading a record keeps: what the author must replace."""
    lines = text.splitlines()
    start = lines.index("---", 1) + 1
    return [
        number
        for number, line in enumerate(lines, start=1)
        if number > start + 1 and line.strip() and line not in kept
    ]


def filled(text: str, lines: list[int], left: int | None = None) -> str:
    """``text`` with every placeholder line replaced by the author's own, except ``left``."""
    out = text.splitlines()
    for number in lines:
        if number == left:
            continue
        line = out[number - 1]
        own = f"Our own words for line {number}, about the vendors we weighed."
        out[number - 1] = f"### Vendor {number}" if line.startswith("#") else own
    return "\n".join(out) + "\n"


def decision_cases() -> list[tuple[str, int]]:
    kept = {f"## {name}" for name in (*SECTIONS, "Options considered", "Exit path")}
    cases = []
    for door in ("one-way", "two-way"):
        cases += [(door, number) for number in placeholder_lines(template(door), kept)]
    return cases


def test_every_decision_template_has_prompts_and_option_placeholders() -> None:
    one_way = template("one-way").splitlines()
    lines = [one_way[n - 1] for door, n in decision_cases() if door == "one-way"]
    assert "### Option 1: name it" in lines and "### Option 2: name it" in lines
    assert "Required by this registry: fill it in." in lines  # the configured extra section
    assert len([door for door, _ in decision_cases() if door == "two-way"]) == 5


@pytest.mark.parametrize(("door", "line"), decision_cases())
def test_each_decision_placeholder_left_alone_is_an_error_at_its_line(
    tmp_path: Path, door: str, line: int
) -> None:
    text = template(door)
    lines = [n for d, n in decision_cases() if d == door]
    write_files(tmp_path, {
        "hinges.toml": f"required_sections = {list(SECTIONS)!r}\n".replace("'", '"'),
        "tenets/T-001-reversible.md": GOOD_TENET,
        "decisions/0002-pick-a-vendor.md": filled(text, lines, left=line),
    })  # fmt: skip
    found = findings(tmp_path)
    left = text.splitlines()[line - 1].strip()
    shown = left if len(left) <= 60 else left[:59].rstrip() + "…"
    assert [(f.line, f.severity) for f in found] == [(line, Severity.ERROR)]
    assert found[0].message.startswith(f"'{shown}' is text left from hinges' ")
    assert found[0].message.endswith("; write what this decision says in its place")
    # The same record with every placeholder replaced passes the whole check.
    write_files(tmp_path, {"decisions/0002-pick-a-vendor.md": filled(text, lines)})
    result = check(tmp_path, load_config(tmp_path), today=TODAY)
    assert [f for f in result.findings if f.severity is not Severity.INFO] == []


TENET_PROMPTS = [TenetDraft._field_defaults[name] for name in ("statement", "rationale", "tension")]


@pytest.mark.parametrize("prompt", TENET_PROMPTS)
def test_each_tenet_prompt_left_is_a_warning_on_an_active_tenet(
    tmp_path: Path, prompt: str
) -> None:
    text = tenet_text(TenetDraft("T-002", "Data outlives code", "@arch", 2, TODAY))
    own = text
    for other in TENET_PROMPTS:
        if other != prompt:
            own = own.replace(other, "Stored data is language-neutral; code is replaceable.")
    write_files(tmp_path, {
        "tenets/T-001-reversible.md": GOOD_TENET,
        "tenets/T-002-data-outlives-code.md": own,
        "decisions/.keep": "",
    })  # fmt: skip
    line = own.splitlines().index(prompt) + 1
    assert [(f.path, f.line, f.severity, f.message) for f in findings(tmp_path)] == [
        (
            "tenets/T-002-data-outlives-code.md",
            line,
            Severity.WARNING,
            f"'{prompt[:59].rstrip()}…' is text left from hinges' tenet template; "
            "write what this tenet says in its place"
            if len(prompt) > 60
            else f"'{prompt}' is text left from hinges' tenet template; "
            "write what this tenet says in its place",
        )
    ]
    (tmp_path / "tenets/T-002-data-outlives-code.md").write_text(
        own.replace(prompt, "Our own words."), "utf-8"
    )
    assert findings(tmp_path) == []


PROPOSAL = """\
---
id: ADR-0002
title: Adopt feature flags
status: {status}
date: 2026-07-01
door: two-way
owner: "@platform"
exit_path: {exit_path}
---
# Adopt feature flags

## Context

Releases wait for deploys, and a bad feature means a rollback of everything.

## Decision

Flags in the config service. What we chose, in a sentence or two.

## Consequences

What changes for the team. This is a two-way door: say in `exit_path` how we would walk back through it.
"""  # noqa: E501


@pytest.mark.parametrize(
    ("status", "severity", "advice"),
    [
        ("proposed", Severity.WARNING, "write what this decision says in its place before it "
                                       "is accepted"),
        ("accepted", Severity.ERROR, "write what this decision says in its place"),
    ],
)  # fmt: skip
def test_proposal_warns_accepted_fails_at_the_first_placeholder(
    registry: Path, status: str, severity: Severity, advice: str
) -> None:
    # The exit_path placeholder, uncommented, unquoted; a rewrapped prompt on one line; a
    # prompt kept after the author's own sentence is not the prompt alone.
    text = PROPOSAL.format(
        status=status, exit_path="How we would back out, and what it would cost."
    )
    write_files(registry, {"decisions/0002-adopt-flags.md": text})
    assert [(f.line, f.severity, f.message) for f in findings(registry)] == [
        (
            8,
            severity,
            "'exit_path: How we would back out, and what it would cost.' is text left from "
            f"hinges' template (more at line 22); {advice}",
        )
    ]
    readiness = findings(registry, "HG405")
    if status == "proposed":
        assert [(f.line, f.message) for f in readiness] == [
            (4, "before this can be accepted it needs: its own text in place of the template's "
                "(2 lines, from line 8)"),
        ]  # fmt: skip
    else:
        assert readiness == []


@pytest.mark.parametrize("status", ["rejected", "deprecated"])
def test_records_that_are_history_are_left_alone(registry: Path, status: str) -> None:
    text = PROPOSAL.format(
        status=status, exit_path="How we would back out, and what it would cost."
    )
    write_files(registry, {"decisions/0002-adopt-flags.md": text})
    assert findings(registry) == []


def test_an_imported_record_gets_a_warning_until_it_is_finished(registry: Path) -> None:
    text = PROPOSAL.format(status="accepted", exit_path="Switch the flags off; an hour.")
    text = text.replace("---\n# Adopt", 'imported_from: "madr:0002-flags.md"\n---\n# Adopt')
    write_files(registry, {"decisions/0002-adopt-flags.md": text})
    assert [(f.line, f.severity, f.message) for f in findings(registry)] == [
        (
            23,
            Severity.WARNING,
            "'What changes for the team. This is a two-way door: say in `…' is text left from "
            "hinges' two-way template; write what this decision says in its place "
            "(imported record: fill in and remove imported_from)",
        )
    ]


ONE_WAY = """\
---
id: ADR-0002
title: Store order events as Parquet
status: accepted
date: 2026-06-15
door: one-way
owner: "@data"
deciders: ["@maria", "@sam"]
exit_path: Convert the files to Avro with one batch job; about a month.
review_by: 2027-06-15
---
# Store order events as Parquet

## Context

Analysts query a year of events. Option 1 in last year's review was Avro; "name it"
was the template's advice, and we did.

## Options considered

{options}

## Decision

Parquet.

## Consequences

Writers batch events into hourly files.
"""


@pytest.mark.parametrize(
    ("options", "hg404"),
    [
        ("### Option 1: Parquet\n\nColumnar.\n\n### Option 2: Avro\n\nRows.", []),
        ("### Option 1: Parquet\n\nColumnar.\n\n### Option 2: name it\n\nRows.",
         ["'Options considered' weighs only one option; an accepted one-way door must weigh "
          "at least two (a subheading or list item per option)"]),
        ("### Option 1: name it\n\nColumnar.\n\n### Option 7: NAME  it\n\nRows.",
         ["'Options considered' weighs no option; an accepted one-way door must weigh at "
          "least two (a subheading or list item per option)"]),
    ],
)  # fmt: skip
def test_placeholder_options_are_not_options_weighed(
    registry: Path, options: str, hg404: list[str]
) -> None:
    write_files(registry, {"decisions/0002-parquet.md": ONE_WAY.replace("{options}", options)})
    assert [f.message for f in findings(registry, "HG404")] == hg404
    placeholder_lines = [f.line for f in findings(registry)]
    assert placeholder_lines == ([] if not hg404 else [21 if "Parquet" not in options else 25])


def test_prose_that_mentions_option_1_or_a_prompt_word_is_not_a_placeholder(
    registry: Path,
) -> None:
    text = ONE_WAY.replace("{options}", "- Parquet: columnar.\n- Avro: rows.")
    text = text.replace(
        "Parquet.\n\n## Consequences",
        "Parquet. We asked what forces us to decide now, and the answer was cost.\n\n"
        "## Consequences",
    )
    write_files(registry, {"decisions/0002-parquet.md": text})
    result = check(registry, load_config(registry), today=TODAY)
    assert [f for f in result.findings if f.severity is not Severity.INFO] == []


def test_hinges_own_registry_has_no_template_text() -> None:
    assert findings(Path(__file__).parent.parent) == []
