"""YAML syntax errors are reported where the fix belongs, in lines of the record file.

Each file in ``tests/data/yaml_errors/`` is a decision with one defect. :data:`CASES` says
exactly what every path that reads front matter must report for it: the loader (so
``hinges check``), the front-matter editor, ``hinges status`` and ``hinges import``.
When the parser noticed the problem on another line than the one reported (often the end
of the front matter), that line is named in the message too.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import GOOD_DECISION, GOOD_TENET, run_hinges, write_files
from hinges import yamltree
from hinges.authoring.edit import FrontMatterEditor
from hinges.config import Config
from hinges.errors import HingesError
from hinges.findings import Finding
from hinges.importers.reading import ReadProblem, read_source
from hinges.loader import load_record

DATA = Path(__file__).parent / "data" / "yaml_errors"
_END = "the end of the front matter"


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    column: int
    code: str
    message: str
    noticed: int | None = None
    """The other line, where the parser noticed: named in the message."""


def _syntax(message: str) -> str:
    return f"YAML syntax error: {message}"


CASES = [
    Case("0002-unclosed-double-quote.md", 3, 8, "HG006", _syntax(
        f"unclosed double quote: close the quote opened on line 3, column 8 (the parser only "
        f"noticed at line 12, {_END})"), 12),
    Case("0003-unclosed-single-quote.md", 3, 8, "HG006", _syntax(
        f"unclosed single quote: close the quote opened on line 3, column 8 (the parser only "
        f"noticed at line 12, {_END})"), 12),
    Case("0004-quote-closed-by-a-later-one.md", 3, 8, "HG006", _syntax(
        "the double quote opened on line 3, column 8 closes only on line 7, where more text "
        "follows it; close the quote opened on line 3"), 7),
    Case("0005-apostrophe-in-single-quotes.md", 3, 12, "HG006", _syntax(
        "text after the closing quote of the value that starts at column 8; put the whole "
        "value inside the quotes; inside single quotes write '' for an apostrophe")),
    Case("0006-unclosed-flow-sequence.md", 8, 11, "HG006", _syntax(
        "unclosed '[': close the list opened on line 8, column 11 with ']' (the parser only "
        "noticed at line 9)"), 9),
    Case("0007-unclosed-flow-sequence-last.md", 12, 7, "HG006", _syntax(
        f"unclosed '[': close the list opened on line 12, column 7 with ']' (the parser only "
        f"noticed at line 13, {_END})"), 13),
    Case("0008-unclosed-flow-mapping.md", 12, 8, "HG006", _syntax(
        f"unclosed '{{': close the mapping opened on line 12, column 8 with '}}' (the parser "
        f"only noticed at line 13, {_END})"), 13),
    Case("0009-mapping-value-indented.md", 6, 3, "HG006", _syntax(
        "line 6 is indented more than line 5, so YAML reads it as more of the value on line 5; "
        "indent it like the key it stands beside"), 5),
    Case("0010-key-between-levels.md", 14, 2, "HG006", _syntax(
        "line 14 is indented by 1 space, which lines up with nothing above it: the keys from "
        "line 2 are indented by 0 spaces, line 13 by 2 spaces; indent it like the key it "
        "belongs beside"), 13),
    Case("0011-list-item-between-levels.md", 10, 2, "HG006", _syntax(
        "line 10 is indented by 1 space, which lines up with nothing above it: the keys from "
        "line 2 are indented by 0 spaces, line 9 by 2 spaces; indent it like the other items "
        "of its list"), 9),
    Case("0012-list-item-instead-of-key.md", 12, 1, "HG006", _syntax(
        "line 12 starts a list item where a key of the mapping from line 2 was expected; put "
        "the list under a key of its own, indented"), 2),
    Case("0013-key-beside-list-items.md", 10, 3, "HG006", _syntax(
        "line 10 is at the indentation of the list items from line 9 but is not one; start it "
        "with '- ', or indent it like the key it belongs under"), 9),
    Case("0014-tab-indentation.md", 9, 1, "HG006", _syntax(
        "line 9 is indented with a tab; YAML indents with spaces only: replace the tab with "
        "spaces")),
    Case("0015-key-without-colon.md", 6, 1, "HG006", _syntax(
        "line 6 is not 'key: value'; add ':' after the key, or remove the line (the parser "
        "only noticed at line 7)"), 7),
    Case("0016-colon-in-plain-value.md", 3, 16, "HG006", _syntax(
        "': ' inside an unquoted value; put the whole value in quotes")),
    Case("0017-missing-closing-fence.md", 1, 1, "HG004",
        "front matter opened on line 1 is never closed; add a line '---' after it, before "
        "line 12 (the first heading)", 12),
    Case("0018-closing-fence-missing-before-a-rule.md", 16, 1, "HG006", _syntax(
        "line 16 is not 'key: value'; add ':' after the key, or remove the line (the parser "
        "only noticed at line 18); line 12 looks like Markdown: if the front matter ends "
        "before it, add the closing '---' there"), 12),
    Case("0019-duplicate-key.md", 12, 1, "HG007",
        "duplicate key 'status' (first set on line 4); YAML tools silently keep only one of "
        "them", 4),
    Case("0020-unknown-escape.md", 3, 24, "HG006", _syntax(
        "a backslash before 'd' is not an escape in a double-quoted value; double the "
        "backslash to write one, or use single quotes, inside which a backslash has no "
        "special meaning")),
    Case("0021-text-after-quoted-value.md", 3, 21, "HG006", _syntax(
        "text after the closing quote of the value that starts at column 8; put the whole "
        "value inside the quotes")),
    Case("0022-unquoted-at-sign.md", 7, 8, "HG006", _syntax(
        "a value cannot start with '@' unless it is quoted; put it in quotes")),
    Case("0023-quoted-value-then-at-sign.md", 7, 19, "HG006", _syntax(
        "text after the closing quote of the value that starts at column 8; put the whole "
        "value inside the quotes")),
]  # fmt: skip
_IDS = [case.file.removesuffix(".md") for case in CASES]


@pytest.fixture(params=[yaml.CSafeLoader, yaml.SafeLoader], ids=lambda loader: loader.__name__)
def each_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run with libyaml's parser and with the pure-Python one: the reports must not differ."""
    monkeypatch.setattr(yamltree, "_Loader", request.param)
    yield


def test_every_file_has_a_case() -> None:
    assert sorted(path.name for path in DATA.glob("*.md")) == [case.file for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=_IDS)
def test_the_other_line_is_named_only_when_it_differs(case: Case) -> None:
    # Guards the table itself: a case whose marks fall on one line names no other line.
    if case.noticed is not None:
        assert case.noticed != case.line
        assert f"line {case.noticed}" in case.message
    else:
        assert "noticed" not in case.message


@pytest.mark.usefixtures("each_parser")
@pytest.mark.parametrize("case", CASES, ids=_IDS)
def test_the_loader_reports_where_the_fix_belongs(case: Case) -> None:
    relpath = f"decisions/{case.file}"
    loaded = load_record("decision", relpath, (DATA / case.file).read_bytes(), Config())
    assert isinstance(loaded, Finding)
    assert (loaded.code, loaded.path, loaded.line, loaded.column, loaded.message) == (
        case.code,
        relpath,
        case.line,
        case.column,
        case.message,
    )


def _registry(root: Path) -> Path:
    write_files(
        root,
        {"tenets/T-001-reversible.md": GOOD_TENET, "decisions/0001-use-postgres.md": GOOD_DECISION},
    )
    for case in CASES:
        shutil.copyfile(DATA / case.file, root / "decisions" / case.file)
    return root


def test_check_text_reports_each_case(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    result = run_hinges("check", "--root", str(root), "--format", "text", "--as-of", "2026-06-01")
    assert result.code == 1, result
    expected = [
        f"decisions/{case.file}:{case.line}:{case.column}: error {case.code} {case.message}"
        for case in CASES
    ]
    summary = f"{len(CASES) + 2} files checked: {len(CASES)} errors, 0 warnings, 0 notes"
    assert result.stdout == "\n".join([*expected, summary]) + "\n"


def test_check_json_reports_each_case(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    result = run_hinges("check", "--root", str(root), "--format", "json", "--as-of", "2026-06-01")
    assert result.code == 1, result
    findings = json.loads(result.stdout)["findings"]
    assert findings == [
        {
            "path": f"decisions/{case.file}",
            "line": case.line,
            "column": case.column,
            "code": case.code,
            "severity": "error",
            "message": case.message,
        }
        for case in CASES
    ]


@pytest.mark.parametrize("case", CASES, ids=_IDS)
def test_the_editor_refuses_at_the_same_line(tmp_path: Path, case: Case) -> None:
    path = tmp_path / case.file
    shutil.copyfile(DATA / case.file, path)
    with pytest.raises(HingesError) as raised:
        FrontMatterEditor.open(path, display=f"decisions/{case.file}")
    assert raised.value.line == case.line
    assert raised.value.message == (
        f"{case.message} (not edited; fix the file first, 'hinges check' shows every problem)"
    )
    assert path.read_bytes() == (DATA / case.file).read_bytes()


def test_status_names_the_same_line_and_changes_nothing(tmp_path: Path) -> None:
    root = _registry(tmp_path)
    case = CASES[0]
    result = run_hinges("status", "ADR-0002", "deprecated", "--root", str(root))
    assert result.code == 1, result
    assert result.stdout == ""
    assert result.stderr == (
        f"hinges: decisions/{case.file}:{case.line}: {case.message} (cannot tell whether this "
        "is ADR-0002; fix it first, 'hinges check' shows every problem)\n"
    )
    assert (root / "decisions" / case.file).read_bytes() == (DATA / case.file).read_bytes()


_SYNTAX = [case for case in CASES if case.code == "HG006"]


@pytest.mark.parametrize("case", _SYNTAX, ids=[case.file.removesuffix(".md") for case in _SYNTAX])
def test_import_reads_the_same_line(case: Case) -> None:
    text = (DATA / case.file).read_text(encoding="utf-8")
    with pytest.raises(ReadProblem) as raised:
        read_source(case.file, text, "fallback")
    assert (raised.value.message, raised.value.line) == (
        f"front matter is not valid YAML: {case.message}",
        case.line,
    )
