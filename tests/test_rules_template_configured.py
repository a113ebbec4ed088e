"""HG803 with a team's own template (the ``templates`` setting), and imported MADR records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import GOOD_TENET, run_hinges, write_files
from hinges.checker import check
from hinges.config import load_config
from hinges.errors import ConfigError
from hinges.findings import Finding, Severity
from import_support import copy_fixture, import_into, new_registry

TODAY = dt.date(2026, 11, 26)

# MADR 3's template, as a team would keep it beside its records (shortened).
MADR_TEMPLATE = """\
---
title: "{short title of solved problem and solution}"
status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0005}"
date: {YYYY-MM-DD when the decision was last updated}
door: two-way
owner: "@team"
exit_path: "Say how we would back out, and what it would cost"
---
# {short title of solved problem and solution}

## Context

{Describe the context and problem statement, e.g., in free form using two to three
sentences or in the form of an illustrative story.}

<!-- This is an optional element. Feel free to remove. -->
## Decision Drivers

* {decision driver 1, e.g., a force, facing concern, …}
* …

## Considered Options

* {title of option 1}
* {title of option 2}

## Decision

Chosen option: "{title of option 1}", because
{justification. e.g., only option, which meets k.o. criterion decision driver}.

### {title of option 1}

## Consequences

* Good, because {positive consequence, e.g., improvement of one or more desired qualities, …}
* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}
"""

# A real record written from it: every placeholder replaced, the structure kept.
WRITTEN = """\
---
id: ADR-0002
title: Cache sessions in Redis
status: accepted
date: 2026-06-20
door: two-way
owner: "@identity"
tenets: [T-001]
exit_path: Sessions expire within a day; switching stores loses at most one login per user.
---
# Cache sessions in Redis

## Context

Sessions live in memory, so every deploy logs users out.

<!-- This is an optional element. Feel free to remove. -->
## Decision Drivers

* Deploys must not log users out
* …

## Considered Options

* Redis
* Sticky sessions

## Decision

Chosen option: "Redis", because
the platform team already runs it.

### Redis

## Consequences

* Good, because deploys no longer log users out
* Bad, because logins need one more service
"""

# (the line of WRITTEN to put back as the template had it, the template's text, its line)
LEFT = [
    ("Sessions live in memory, so every deploy logs users out.",
     "{Describe the context and problem statement, e.g., in free form using two to three", 15),
    ("* Redis", "* {title of option 1}", 25),
    ('Chosen option: "Redis", because', 'Chosen option: "{title of option 1}", because', 30),
    ("the platform team already runs it.",
     "{justification. e.g., only option, which meets k.o. criterion decision driver}.", 31),
    ("### Redis", "### {title of option 1}", 33),
    ("* Bad, because logins need one more service",
     "* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}",
     38),
    ("exit_path: Sessions expire within a day; switching stores loses at most one login per user.",
     'exit_path: "Say how we would back out, and what it would cost"', 9),
    ("title: Cache sessions in Redis\n",
     'title: "{short title of solved problem and solution}"\n', 3),
]  # fmt: skip


def team_registry(root: Path, record: str) -> Path:
    return write_files(root, {
        "hinges.toml": 'templates = ["docs/templates/decision.md"]\n'
                       'required_sections = ["Context", "Decision", "Consequences"]\n',
        "docs/templates/decision.md": MADR_TEMPLATE,
        "tenets/T-001-reversible.md": GOOD_TENET,
        "decisions/0002-cache-sessions-in-redis.md": record,
    })  # fmt: skip


def hg803(root: Path) -> list[Finding]:
    result = check(root, load_config(root), today=TODAY)
    return [f for f in result.findings if f.code == "HG803"]


def test_a_record_written_from_the_team_template_passes(tmp_path: Path) -> None:
    team_registry(tmp_path, WRITTEN)
    result = check(tmp_path, load_config(tmp_path), today=TODAY)
    assert [f for f in result.findings if f.severity is not Severity.INFO] == []


@pytest.mark.parametrize(("own", "placeholder", "line"), LEFT)
def test_each_team_placeholder_left_is_found_at_its_line(
    tmp_path: Path, own: str, placeholder: str, line: int
) -> None:
    assert own in WRITTEN
    team_registry(tmp_path, WRITTEN.replace(own, placeholder, 1))
    found = [(f.line, f.severity) for f in hg803(tmp_path)]
    assert found == [(line, Severity.ERROR)]
    assert "is text left from template docs/templates/decision.md;" in hg803(tmp_path)[0].message


def test_without_the_setting_the_team_template_is_not_known(tmp_path: Path) -> None:
    team_registry(tmp_path, WRITTEN.replace("* Redis", "* {title of option 1}"))
    (tmp_path / "hinges.toml").unlink()
    assert hg803(tmp_path) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "the configured template cannot be read: no such file; fix 'templates' in the "
               "configuration"),
        (b"\xff\xfe not UTF-8", "the configured template cannot be read: "),
        ("outside", "the configured template cannot be read: it leads outside the registry "
                    "root; fix 'templates' in the configuration"),
        ("folder", "the configured template cannot be read: not a regular file; fix "
                   "'templates' in the configuration"),
    ],
)  # fmt: skip
def test_an_unreadable_template_is_reported_at_its_path(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    root = team_registry(tmp_path / "registry", WRITTEN)
    template = root / "docs/templates/decision.md"
    template.unlink()
    if content == "outside":  # a symlink to a file outside the registry is not read
        (tmp_path / "elsewhere.md").write_text(MADR_TEMPLATE, "utf-8")
        template.symlink_to(tmp_path / "elsewhere.md")
    elif content == "folder":
        template.mkdir()
    elif isinstance(content, bytes):
        template.write_bytes(content)
    found = hg803(root)
    assert [(f.path, f.line, f.severity) for f in found] == [
        ("docs/templates/decision.md", 1, Severity.ERROR)
    ]
    assert found[0].message.startswith(message)


def test_a_template_outside_the_root_is_a_configuration_error(tmp_path: Path) -> None:
    write_files(
        tmp_path, {"hinges.toml": 'templates = ["../elsewhere.md"]\n', "decisions/.keep": ""}
    )
    outside = r"template '\.\./elsewhere\.md' must be inside the registry root"
    with pytest.raises(ConfigError, match=outside):
        load_config(tmp_path)


def test_the_template_is_read_again_when_it_changes(tmp_path: Path) -> None:
    team_registry(tmp_path, WRITTEN)
    assert hg803(tmp_path) == []
    template = tmp_path / "docs/templates/decision.md"
    template.write_text(
        MADR_TEMPLATE + "\nSessions live in memory, so every deploy logs users out.\n"
    )
    assert [f.line for f in hg803(tmp_path)] == [15]


@pytest.mark.parametrize("fixture", ["madr2", "madr3", "adr-tools", "many-names"])
def test_imported_real_records_have_no_template_text(tmp_path: Path, fixture: str) -> None:
    root = new_registry(tmp_path)
    result = import_into(root, copy_fixture(fixture, tmp_path))
    assert result.code == 0, result
    assert hg803(root) == []
    # With the source's own template configured too (MADR keeps one beside its records).
    template = next(iter(sorted(copy_fixture(fixture, tmp_path / "t").glob("*template*.md"))), None)
    if template is not None:
        (root / "template.md").write_bytes(template.read_bytes())
        (root / "hinges.toml").write_text('templates = ["template.md"]\n', "utf-8")
        assert hg803(root) == []


def test_the_rules_command_documents_the_rule() -> None:
    result = run_hinges("rules")
    assert result.code == 0, result
    rows = [line.split(None, 3) for line in result.stdout.splitlines()]
    assert ["HG803", "template-text", "error"] in [row[:3] for row in rows]


def test_team_placeholder_options_in_a_list_are_not_options_weighed(tmp_path: Path) -> None:
    one_way = WRITTEN.replace("door: two-way", "door: one-way").replace(
        "tenets: [T-001]", 'tenets: [T-001]\ndeciders: ["@maria", "@sam"]\nreview_by: 2027-06-20'
    )
    team_registry(tmp_path, one_way)
    result = check(tmp_path, load_config(tmp_path), today=TODAY)
    assert [f for f in result.findings if f.severity is not Severity.INFO] == []
    team_registry(tmp_path, one_way.replace("* Sticky sessions", "* {title of option 2}"))
    result = check(tmp_path, load_config(tmp_path), today=TODAY)
    assert [(f.code, f.line, f.message) for f in result.findings if f.code == "HG404"] == [
        (
            "HG404",
            25,
            "'Considered Options' weighs only one option; an accepted one-way door must weigh "
            "at least two (a subheading or list item per option)",
        )
    ]


@pytest.mark.parametrize(
    ("template_line", "record_line"),
    [
        ("* {title of option 1}", "- {title of option 2}"),  # another list marker and number
        ("Q1 goals: {what we want by March}", "Q3 goals: {what we want by March}"),
        ("### {name of the option}", "   ###   {NAME of the option}"),
        ("Say which  tenets pull apart here.", "  say which tenets pull apart here."),
    ],
)
def test_placeholders_are_found_however_they_are_spaced_numbered_or_marked(
    tmp_path: Path, template_line: str, record_line: str
) -> None:
    record = WRITTEN.replace(
        "Sessions live in memory, so every deploy logs users out.", record_line
    )
    write_files(tmp_path, {
        "hinges.toml": 'templates = ["t.md"]\n',
        "t.md": f"# Template\n\n## Context\n\n{template_line}\n",
        "tenets/T-001-reversible.md": GOOD_TENET,
        "decisions/0002-cache-sessions-in-redis.md": record,
    })  # fmt: skip
    assert [(f.line, f.severity) for f in hg803(tmp_path)] == [(15, Severity.ERROR)]


def test_a_template_larger_than_max_file_bytes_is_not_read(tmp_path: Path) -> None:
    team_registry(tmp_path, WRITTEN.replace("* Redis", "* {title of option 1}"))
    with (tmp_path / "hinges.toml").open("a", encoding="utf-8") as config:
        config.write("max_file_bytes = 4000\n")  # the record fits; the template does not
    (tmp_path / "docs/templates/decision.md").write_text(MADR_TEMPLATE * 4, "utf-8")
    assert [(f.path, f.message) for f in hg803(tmp_path)] == [
        (
            "docs/templates/decision.md",
            "the configured template cannot be read: larger than max_file_bytes (4000)",
        )
    ]
