"""Hostile output: nothing in a record or a file name reaches a terminal or CI log raw.

A registry whose titles, owners, tags, ids, keys and file names hold terminal control
sequences (an OSC that retitles the window, ESC [2J, CR, backspace, DEL, the C1 CSI
U+009B) and bidi overrides (U+202E, U+2066) is run through every command that prints
record values. Each command must print no raw control or bidi character on stdout or
stderr, show the visible escape instead, and keep exact values in JSON and SARIF.

Commands run in-process with colour on, so click does not strip ESC [...] sequences on
its own: what is tested is hinges' escaping, not click's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import Run, write_files
from gate_support import NOT_ON_GITHUB, commit_all, git, init_repo
from hinges.cli import main

AS_OF = "2026-11-26"
OSC = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
# Every kind of character the issue names, in one value.
HOSTILE = f"{OSC}{CLEAR}\r\b\x7f\x9b31m\u202eRTL\u2066\tend"
SHOWN = "\\x1b]0;pwned\\x07\\x1b[2J\\x0d\\x08\\x7f\\x9b31m\\u202eRTL\\u2066\\x09end"
# A tab and a backslash too: visible escapes them; a mere guard against controls would not.
ESC_FILE = f"decisions/0002-e{CLEAR}\t\\vil.md"
ESC_FILE_SHOWN = "decisions/0002-e\\x1b[2J\\x09\\\\vil.md"
# Characters that must never be printed raw (line feed and tab are layout).
FORBIDDEN = {
    *map(chr, range(0x20)),
    *map(chr, range(0x7F, 0xA0)),
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    "\u200e",
    "\u200f",
    "\u061c",
} - {"\n", "\t"}


def yaml_string(value: str) -> str:
    """``value`` as a YAML double-quoted scalar: the file itself holds no control byte."""
    out = []
    for char in value:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code < 0xA0:
            out.append(f"\\x{code:02x}")
        elif not char.isprintable():
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def decision(number: int, title: str, *, owner: str = "@platform", extra: str = "") -> str:
    return (
        f"---\nid: ADR-{number:04d}\ntitle: {yaml_string(title)}\nstatus: accepted\n"
        f"date: 2026-01-10\ndoor: two-way\nowner: {yaml_string(owner)}\n"
        f"exit_path: Revert it; a day.\nreview_by: 2026-02-01\n{extra}---\n"
        "# Heading\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nSo.\n"
    )


def tenet(title: str) -> str:
    return (
        f'---\nid: T-001\ntitle: {yaml_string(title)}\nstatus: active\nowner: "@arch"\n'
        "priority: 1\n---\n# Tenet\n\nText.\n"
    )


HOSTILE_EXTRA = (
    f"tags: [{yaml_string('tag' + CLEAR)}]\n"
    f"tenets: [{yaml_string('T-9' + OSC)}]\n"
    f"supersedes: [{yaml_string('ADR-9' + HOSTILE)}]\n"
    f"{yaml_string('colour' + CLEAR)}: blue\n"
)


def hostile_registry(root: Path) -> Path:
    write_files(
        root,
        {
            "tenets/T-001-hostile.md": tenet("Tenet " + HOSTILE),
            "decisions/0001-hostile.md": decision(
                1, "Title " + HOSTILE, owner="@plat" + CLEAR, extra=HOSTILE_EXTRA
            ),
            ESC_FILE: decision(2, "Plain title"),
        },
    )
    # A file name that is not UTF-8: its 0x9B byte (a C1 CSI) arrives as a surrogate.
    (root / "decisions").joinpath(os.fsdecode(b"0003-\x9b31mbad.md")).write_text(
        decision(3, "Third"), encoding="utf-8"
    )
    return root


def run(*args: str, cwd: Path | None = None) -> Run:
    """``hinges ARGS`` in-process, colour on (click strips nothing), bytes kept exactly."""
    runner = CliRunner(env=NOT_ON_GITHUB)
    previous = Path.cwd()
    with runner.isolation(env=NOT_ON_GITHUB, color=True) as streams:
        if cwd is not None:
            os.chdir(cwd)
        try:
            main(list(args))
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        finally:
            os.chdir(previous)
        out = streams[0].getvalue().decode("utf-8", "surrogateescape")
        err = streams[1].getvalue().decode("utf-8", "surrogateescape")
    return Run(code, out, err)


def raw_characters(result: Run) -> list[str]:
    """Every forbidden or undecodable character printed, as code points."""
    # A CSV line end (CRLF) is layout too; a lone carriage return is not.
    printed = (result.stdout + result.stderr).replace("\r\n", "\n")
    return [
        f"U+{ord(char):04X}"
        for char in printed
        if char in FORBIDDEN or 0xD800 <= ord(char) <= 0xDFFF
    ]


def assert_safe(result: Run) -> None:
    assert raw_characters(result) == [], result


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    return hostile_registry(tmp_path / "registry")


CHECK_TEXT = r"""
decisions/0001-hostile.md:7:8: error HG102 'owner' '@plat\x1b[2J' is not a handle (letters, digits, '.', '_' or '-', optionally @org/team)
decisions/0001-hostile.md:9:12: warning HG501 review was due on 2026-02-01, 298 days ago; review it and record what you found (hinges review ID --outcome ... --note ...), or supersede it with a new decision
decisions/0001-hostile.md:11:10: error HG102 'tenets' item 'T-9\x1b]0;pwned\x07' does not have the form of T-001
decisions/0001-hostile.md:11:10: error HG301 tenet T-9\x1b]0;pwned\x07 does not exist in tenets/
decisions/0001-hostile.md:12:14: error HG102 'supersedes' item 'ADR-9\x1b]0;pwned\x07\x1b[2J\x0d\x08\x7f\x9b31m\u202eRTL\u2066\x09end' does not have the form of ADR-0003
decisions/0001-hostile.md:12:14: error HG302 supersedes names ADR-9\x1b]0;pwned\x07\x1b[2J\x0d\x08\x7f\x9b31m\u202eRTL\u2066\x09end, which is not a decision in decisions/
decisions/0001-hostile.md:13:1: error HG103 unknown key 'colour\x1b[2J' in a decision; known keys: id, title, status, date, door, owner, deciders, tenets, summary, exit_path, review_by, supersedes, superseded_by, tags, applies_to, guards, imported_from, reviews
decisions/0001-hostile.md:15:1: error HG801 the H1 'Heading' differs from the title 'Title \x1b]0;pwned\x07\x1b[2J \x08\x7f\x9b31m\u202eRTL\u2066 end'; make them the same
decisions/0002-e\x1b[2J\x09\\vil.md:1:1: error HG201 file name '0002-e\x1b[2J\x09\\vil.md' has a slug ('e\x1b[2J\x09\\vil') with characters other than lowercase ASCII letters, digits and hyphens; decision files are named NNNN-slug.md (4 or more digits; the slug in lowercase ASCII letters, digits and hyphens, at most 60 characters); rename it, e.g. to 0002-e-2j-vil.md
decisions/0002-e\x1b[2J\x09\\vil.md:9:12: warning HG501 review was due on 2026-02-01, 298 days ago; review it and record what you found (hinges review ID --outcome ... --note ...), or supersede it with a new decision
decisions/0002-e\x1b[2J\x09\\vil.md:11:1: error HG801 the H1 'Heading' differs from the title 'Plain title'; make them the same
decisions/0003-\udc9b31mbad.md:1:1: error HG201 file name '0003-\udc9b31mbad.md' has a slug ('\udc9b31mbad') with characters other than lowercase ASCII letters, digits and hyphens; decision files are named NNNN-slug.md (4 or more digits; the slug in lowercase ASCII letters, digits and hyphens, at most 60 characters); rename it, e.g. to 0003-31mbad.md
decisions/0003-\udc9b31mbad.md:9:12: warning HG501 review was due on 2026-02-01, 298 days ago; review it and record what you found (hinges review ID --outcome ... --note ...), or supersede it with a new decision
decisions/0003-\udc9b31mbad.md:11:1: error HG801 the H1 'Heading' differs from the title 'Third'; make them the same
tenets/T-001-hostile.md:2:5: info HG602 T-001 is cited by no decision; cite it in the decisions that weigh it, or retire it if it no longer guides choices
tenets/T-001-hostile.md:8:1: error HG801 the H1 'Tenet' differs from the title 'Tenet \x1b]0;pwned\x07\x1b[2J \x08\x7f\x9b31m\u202eRTL\u2066 end'; make them the same
4 files checked: 12 errors, 3 warnings, 1 note
"""  # noqa: E501


def test_check_text_shows_every_value_visibly(registry: Path) -> None:
    result = run("check", "--root", str(registry), "--as-of", AS_OF, "--format", "text")
    assert result.code == 1
    assert_safe(result)
    # One finding, one line: no value breaks the line or moves the cursor back.
    assert result.stdout == CHECK_TEXT.removeprefix("\n")


def test_check_github_annotations_show_values_visibly(registry: Path) -> None:
    result = run("check", "--root", str(registry), "--as-of", AS_OF, "--format", "github")
    assert result.code == 1
    assert_safe(result)
    lines = result.stdout.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines[:-1])
    assert any(
        line.startswith(f"::error file={ESC_FILE_SHOWN},line=1,col=1,title=HG201::")
        for line in lines
    )
    assert any(f"names ADR-9{SHOWN}, which" in line for line in lines)


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_json_and_sarif_keep_exact_values(registry: Path, output_format: str) -> None:
    result = run("check", "--root", str(registry), "--as-of", AS_OF, "--format", output_format)
    assert result.code == 1
    assert_safe(result)  # escaped by the encoder: \u001b, \u009b, \u202e
    document = json.loads(result.stdout)
    if output_format == "json":
        messages = [f["message"] for f in document["findings"]]
        paths = {f["path"] for f in document["findings"]}
    else:
        results = document["runs"][0]["results"]
        messages = [r["message"]["text"] for r in results]
        paths = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert any(f"supersedes names ADR-9{HOSTILE}, which" in message for message in messages)
    assert f"'@plat{CLEAR}'" in " ".join(messages)
    if output_format == "json":
        assert ESC_FILE in paths  # the exact file name, not its visible form
    else:
        assert "decisions/0002-e%1B%5B2J%09%5Cvil.md" in paths  # a URI: percent-encoded


def test_list_table_and_json(registry: Path) -> None:
    table = run("list", "--root", str(registry))
    assert table.code == 0
    assert_safe(table)
    assert f"@plat\\x1b[2J  2026-01-10  Title {SHOWN}" in table.stdout
    as_json = run("list", "--root", str(registry), "--format", "json")
    assert as_json.code == 0
    assert_safe(as_json)
    titles = {d["id"]: d["title"] for d in json.loads(as_json.stdout)["decisions"]}
    assert titles["ADR-0001"] == "Title " + HOSTILE
    as_csv = run("list", "--root", str(registry), "--format", "csv")
    assert as_csv.code == 0
    assert_safe(as_csv)


def test_show_decision_and_tenet(registry: Path) -> None:
    shown = run("show", "ADR-0001", "--root", str(registry))
    assert shown.code == 0
    assert_safe(shown)
    lines = shown.stdout.splitlines()
    # Keys are aligned to the widest, the visible 'colour\x1b[2J:' (14 characters).
    assert f"title:{' ' * 9}Title {SHOWN}" in lines
    assert "colour\\x1b[2J: blue" in lines
    by_path = run("show", "ADR-0002", "--root", str(registry))
    assert by_path.code == 0
    assert_safe(by_path)
    assert f"path:{' ' * 6}{ESC_FILE_SHOWN}" in by_path.stdout.splitlines()
    tenet_shown = run("show", "T-001", "--root", str(registry))
    assert tenet_shown.code == 0
    assert_safe(tenet_shown)
    assert f"Tenet {SHOWN}" in tenet_shown.stdout


def test_review_and_tenet_list(registry: Path) -> None:
    review = run("review", "--root", str(registry), "--as-of", AS_OF)
    assert review.code == 0
    assert_safe(review)
    assert f"@plat\\x1b[2J  Title {SHOWN}" in review.stdout
    tenets = run("tenet", "list", "--root", str(registry))
    assert tenets.code == 0
    assert_safe(tenets)
    assert (
        tenets.stdout == f"ID     PRIORITY  STATUS  TITLE\nT-001  1         active  Tenet {SHOWN}\n"
    )


def test_status_and_its_errors_name_the_file_visibly(registry: Path) -> None:
    already = run("status", "ADR-0002", "accepted", "--root", str(registry))
    assert already.code == 1
    assert_safe(already)
    assert already.stderr == (
        f"hinges: {ESC_FILE_SHOWN}: ADR-0002 is already accepted; nothing changed\n"
    )
    changed = run("status", "ADR-0002", "deprecated", "--root", str(registry), "--date", AS_OF)
    assert changed.code == 0
    assert_safe(changed)
    assert changed.stdout == (f"{ESC_FILE_SHOWN}: ADR-0002 accepted -> deprecated, date {AS_OF}\n")


def test_export_names_unloadable_files_visibly(registry: Path) -> None:
    (registry / "decisions" / f"0009-{CLEAR}.md").write_text("no front matter\n", "utf-8")
    result = run("export", "--root", str(registry), "--as-of", AS_OF)
    assert result.code == 1, result  # exported, without the file it could not read
    assert_safe(result)
    assert "hinges: decisions/0009-\\x1b[2J.md:1: not exported: no front matter" in result.stderr
    assert json.loads(result.stdout)["decisions"][0]["title"] == "Title " + HOSTILE


def test_renumber_describes_moves_visibly(registry: Path) -> None:
    (registry / "decisions" / f"0001-{OSC}\t.md").write_text(decision(1, "Other"), "utf-8")
    (registry / "decisions" / "0003-\udc9b31mbad.md").unlink()
    result = run("renumber", "--root", str(registry), "--dry-run")
    assert_safe(result)
    assert result.code == 0, result
    assert result.stdout == (
        "decisions/0001-hostile.md -> decisions/0003-hostile.md (ADR-0001 -> ADR-0003; "
        "decisions/0001-\\x1b]0;pwned\\x07\\x09.md keeps ADR-0001)\ndry run: nothing written\n"
    )


def test_summary_markdown_shows_values_visibly(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    write_files(repo, {"decisions/0001-base.md": decision(1, "Base"), "tenets/.keep": ""})
    commit_all(repo, "base")
    git(repo, "checkout", "-q", "-b", "topic")
    hostile_registry(repo)
    commit_all(repo, "hostile")
    result = run("summary", "--base", "main", "--root", str(repo))
    assert result.code == 0, result
    assert_safe(result)
    assert "\\\\x1b\\]0;pwned\\\\x07" in result.stdout  # visible, then Markdown-escaped
    assert "` @plat\\x1b[2J `" in result.stdout  # owners are code spans
    as_json = run("summary", "--base", "main", "--root", str(repo), "--format", "json")
    assert as_json.code == 0, as_json
    assert_safe(as_json)
    titles = {entry["title"] for entry in json.loads(as_json.stdout)["records"]}
    assert "Title " + HOSTILE in titles


def test_import_report_names_files_visibly(tmp_path: Path) -> None:
    source = tmp_path / "source"
    write_files(
        source,
        {
            f"0001-use-{OSC}\t.md": (
                "# 1. Use X\n\nDate: 2026-01-02\n\n## Status\n\nAccepted\n\n"
                "Amended by [2. Use \u202eY\x07](0002-use-y.md)\n"
            ),
            "0002-use-y.md": "# 2. Use Y\n\nDate: 2026-01-03\n\n## Status\n\nAccepted\n",
            f"READ{CLEAR}ME.md": "Notes.\n",
        },
    )
    root = tmp_path / "registry"
    (root / "decisions").mkdir(parents=True)
    result = run("import", str(source), "--root", str(root), "--dry-run")
    assert result.code == 0, result
    assert_safe(result)
    assert "  0001-use-\\x1b]0;pwned\\x07\\x09.md -> decisions/0001-use-0-pwned.md" in result.stdout
    assert "  READ\\x1b[2JME.md: " in result.stdout
    # The note quotes the source's line as it is: the output guard makes it visible.
    note = "'Amended by [2. Use \\u202eY\\x07](0002-use-y.md)'"
    assert (
        f"  0001-use-\\x1b]0;pwned\\x07\\x09.md: {note}: hinges has no 'amended by' relation\n"
        in result.stdout
    )


def test_new_supersedes_note_and_prompts(registry: Path, tmp_path: Path) -> None:
    result = run(
        "new",
        "Replace it",
        "--door",
        "two-way",
        "--owner",
        "@platform",
        "--supersedes",
        "ADR-0002",
        "--no-input",
        "--root",
        str(registry),
        cwd=registry,
    )
    assert result.code == 0, result
    assert_safe(result)
    assert f"hinges: {ESC_FILE_SHOWN} is now superseded by ADR-0004\n" in result.stderr


def test_a_long_title_is_cut_in_messages(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    write_files(root, {"decisions/0001-long.md": decision(1, "T" * 5000)})
    result = run("check", "--root", str(root), "--as-of", AS_OF, "--format", "json")
    assert result.code == 1, result
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    heading = [m for m in messages if m.startswith("the H1 ")]
    assert heading == [
        "the H1 'Heading' differs from the title '" + "T" * 79 + "…'; make them the same"
    ]
    assert max(map(len, messages)) < 300
    text = run("check", "--root", str(root), "--as-of", AS_OF, "--format", "text")
    assert text.code == 1, text
    assert max(map(len, text.stdout.splitlines())) < 300


def test_a_long_control_value_is_cut_by_its_visible_width(tmp_path: Path) -> None:
    root = tmp_path / "registry"
    write_files(root, {"decisions/0001-long.md": decision(1, "x", owner=CLEAR * 2000)})
    result = run("check", "--root", str(root), "--as-of", AS_OF, "--format", "text")
    assert result.code == 1, result
    assert_safe(result)
    owner = [line for line in result.stdout.splitlines() if " HG102 'owner' " in line]
    # ESC [2J shows as 7 characters: 11 of them and the ellipsis fit in 80.
    assert owner == [
        "decisions/0001-long.md:7:8: error HG102 'owner' '"
        + "\\x1b[2J" * 11
        + "…' is not a handle (letters, digits, '.', '_' or '-', optionally @org/team)"
    ]


# Under the output guard (cli._common.echo), each layer makes its own values visible too:
# other callers (the MkDocs plugin, library users) print them without the guard.


def test_tables_make_every_cell_visible_and_cut_padded_ones() -> None:
    from hinges.authoring.listing import format_table

    table = format_table([["a" + OSC, "x" * 50, "last\u202e"]], ("one", "two", "three"))
    assert table == (
        f"ONE{' ' * 14}  TWO{' ' * 37}  THREE\na\\x1b]0;pwned\\x07  {'x' * 39}…  last\\u202e\n"
    )


def test_show_makes_the_body_safe_and_the_fields_visible(registry: Path) -> None:
    from hinges.authoring.listing import show
    from hinges.config import load_config
    from hinges.loader import load_registry

    loaded = load_registry(registry, load_config(registry))
    record = next(r for r in loaded.decisions if r.id == "ADR-0002")
    record.body = "# Heading\n\nText\u202e with a tab\tand C:\\path.\n"
    shown = show(record)
    assert f"path:      {ESC_FILE_SHOWN}\n" in shown
    assert shown.endswith("# Heading\n\nText\\u202e with a tab\tand C:\\path.\n")


def test_an_error_names_its_file_visibly() -> None:
    from hinges.errors import HingesError

    error = HingesError("cannot read", path=ESC_FILE, line=3)
    assert error.format() == f"{ESC_FILE_SHOWN}:3: cannot read"


def test_the_mkdocs_log_line_is_visible() -> None:
    pytest.importorskip("mkdocs")
    from hinges.findings import Finding, Severity
    from hinges.mkdocs_plugin.plugin import finding_line

    finding = Finding("HG801", Severity.ERROR, ESC_FILE, 2, 1, f"title '{HOSTILE}'")
    assert finding_line(finding) == f"{ESC_FILE_SHOWN}:2:1: HG801 title '{SHOWN}'"


def test_arguments_quoted_in_usage_errors_are_visible(registry: Path) -> None:
    # A file name passed by a shell glob is as untrusted as the file itself.
    bad_choice = run("status", "ADR-0001", f"x{OSC}", "--root", str(registry))
    assert bad_choice.code == 2
    assert_safe(bad_choice)
    assert "Error: Invalid value for 'STATUS': 'x\\x1b]0;pwned\\x07' is not one of" in (
        bad_choice.stderr
    )
    missing = run("check", f"x{OSC}", "--root", str(registry))
    assert missing.code == 2
    assert missing.stderr == "hinges: no such file or folder: x\\x1b]0;pwned\\x07\n"
