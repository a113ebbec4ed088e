"""Configuration: zero config, pyproject.toml or hinges.toml, severities, finding the root."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from check_fixtures import WARNING_LINE, findings_registry, valid_registry
from conftest import write_files
from hinges.authoring.init import config_text
from hinges.checker import check, severity_overrides
from hinges.config import Config, load_config
from hinges.config_file import _only_comments, find_root
from hinges.errors import ConfigError
from hinges.findings import Severity

TODAY = dt.date(2026, 11, 26)
WHOLE_NUMBER = "must be a whole number of 0 or more"


def _lines(root: Path) -> list[str]:
    result = check(root, load_config(root), today=TODAY)
    return [
        f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.message}"
        for f in result.findings
    ]


def test_no_configuration_gives_the_defaults(tmp_path: Path) -> None:
    config = load_config(valid_registry(tmp_path))
    assert config == Config()
    assert (config.decisions_dir, config.tenets_dir, config.id_prefix) == (
        "decisions",
        "tenets",
        "ADR",
    )
    assert config.required_sections == ("Context", "Decision", "Consequences")
    assert config.source is None


def test_a_pyproject_without_tool_hinges_gives_the_defaults(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": '[project]\nname = "x"\n'})
    assert load_config(tmp_path) == Config()


def test_tool_hinges_in_pyproject(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "pyproject.toml": """\
                [project]
                name = "x"

                [tool.hinges]
                decisions_dir = "docs/adr"
                id_prefix = "DEC"
                owners = ["@platform", "@payments"]
                one_way_min_deciders = 3
                use_codeowners = false
                """
        },
    )
    config = load_config(tmp_path)
    assert config == Config(
        decisions_dir="docs/adr",
        id_prefix="DEC",
        owners=("@platform", "@payments"),
        one_way_min_deciders=3,
        use_codeowners=False,
        source="pyproject.toml [tool.hinges]",
    )


def test_hinges_toml(tmp_path: Path) -> None:
    write_files(
        tmp_path,
        {
            "hinges.toml": """\
                tenets_dir = "principles"
                required_sections = ["Context", "Decision"]
                ignore = ["README.md"]

                [severity]
                HG009 = "error"
                """
        },
    )
    config = load_config(tmp_path)
    assert config == Config(
        tenets_dir="principles",
        required_sections=("Context", "Decision"),
        ignore=("README.md",),
        severity={"HG009": "error"},
        source="hinges.toml",
    )


def test_severity_overrides_by_code_and_by_slug() -> None:
    config = Config(
        severity={"HG009": "error", "unknown-key": "info", "missing-key": "off"},
        source="hinges.toml",
    )
    assert severity_overrides(config) == {
        "HG009": Severity.ERROR,
        "HG103": Severity.INFO,
        "HG101": None,
    }


def test_severity_overrides_change_the_findings(tmp_path: Path) -> None:
    registry = findings_registry(tmp_path)  # its hinges.toml makes unknown-key an info
    assert [line.split(" ")[1:3] for line in _lines(registry)] == [
        ["info", "HG103"],
        ["warning", "HG009"],
        ["error", "HG004"],
    ]
    write_files(
        registry,
        {"hinges.toml": '[severity]\nunknown-key = "off"\nHG004 = "warning"\n'},
    )
    assert _lines(registry) == [
        WARNING_LINE,
        "decisions/0003-broken.md:1:1: warning HG004 front matter opened on line 1 is never "
        "closed; add a line '---' after it",
    ]


def test_a_severity_for_an_unknown_rule_is_a_config_error(tmp_path: Path) -> None:
    write_files(valid_registry(tmp_path), {"hinges.toml": '[severity]\nHG000 = "off"\n'})
    with pytest.raises(ConfigError) as raised:
        check(tmp_path, load_config(tmp_path), today=TODAY)
    assert str(raised.value) == "hinges.toml: severity names an unknown rule 'HG000'"
    assert raised.value.exit_code == 2


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("owners = ['@a', '']", "'owners' must be a list of strings"),
        ("one_way_min_deciders = -1", f"'one_way_min_deciders' {WHOLE_NUMBER}"),
        ("one_way_min_deciders = true", f"'one_way_min_deciders' {WHOLE_NUMBER}"),
        ("use_codeowners = 1", "'use_codeowners' must be true or false"),
        ("decisions_dir = ''", "'decisions_dir' must be a non-empty string"),
        ("decisions_dir = '../x'", "folder '../x' must be inside the registry root"),
        ("id_prefix = 'adr'", "id_prefix 'adr' must be 1-10 upper-case letters or digits, "
         "starting with a letter"),
        # A pattern's "$" let a final newline through, and it would end up inside every id.
        ('id_prefix = "ADR\\n"', "id_prefix 'ADR\\n' must be 1-10 upper-case letters or "
         "digits, starting with a letter"),
        ("id_prefix = 'ABCDEFGHIJK'", "id_prefix 'ABCDEFGHIJK' must be 1-10 upper-case letters "
         "or digits, starting with a letter"),
        ("id_prefix = '1ADR'", "id_prefix '1ADR' must be 1-10 upper-case letters or digits, "
         "starting with a letter"),
        ("id_prefix = 'AD-R'", "id_prefix 'AD-R' must be 1-10 upper-case letters or digits, "
         "starting with a letter"),
        ("id_prefix = 'ÀDR'", "id_prefix 'ÀDR' must be 1-10 upper-case letters or digits, "
         "starting with a letter"),
        ("severity = 'off'", "'severity' must be a table of rule = level"),
        ("sevrity = {}", "unknown setting 'sevrity'; did you mean 'severity'?"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("governed_annotation = 'warning'",
         "'governed_annotation' must be a table of door = level"),
        ("governed_annotation = {one_way = 'warning'}",
         "governed_annotation names 'one_way', not a door (one-way or two-way)"),
        ("governed_annotation = {two-way = 'error'}",
         "governed_annotation of 'two-way' must be one of notice, warning, off, not 'error'"),
    ],
)  # fmt: skip
def test_invalid_settings_name_the_file(tmp_path: Path, toml: str, message: str) -> None:
    write_files(tmp_path, {"hinges.toml": toml + "\n"})
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert str(raised.value) == f"hinges.toml: {message}"


def test_tool_hinges_must_be_a_table(tmp_path: Path) -> None:
    write_files(tmp_path, {"pyproject.toml": "[tool]\nhinges = 3\n"})
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert str(raised.value) == "pyproject.toml: [tool.hinges] must be a table"


def test_find_root_walks_up_to_the_registry(tmp_path: Path) -> None:
    registry = valid_registry(tmp_path / "repo")
    deep = registry / "decisions" / "drafts" / "old"
    deep.mkdir(parents=True)
    assert find_root(deep) == registry.resolve()
    assert find_root(registry) == registry.resolve()


def test_find_root_finds_a_configured_root_without_decisions(tmp_path: Path) -> None:
    write_files(tmp_path, {"hinges.toml": 'decisions_dir = "adr"\n', "adr/notes/.keep": ""})
    assert find_root(tmp_path / "adr" / "notes") == tmp_path.resolve()
    other = tmp_path / "py"
    write_files(other, {"pyproject.toml": "[tool.hinges]\n", "src/pkg/x.py": ""})
    assert find_root(other / "src" / "pkg") == other.resolve()


@pytest.mark.parametrize(
    "pyproject",
    [
        "[tool.hinges.severity]\nHG009 = 'off'\n",
        "[tool]\nhinges.owners = ['@a']\n",
        "[ tool . hinges ]\n",
        "[tool.hinges]\nowners = [\n",  # broken, so that load_config can say so here
    ],
)
def test_find_root_recognises_tool_hinges_however_it_is_spelled(
    tmp_path: Path, pyproject: str
) -> None:
    write_files(tmp_path, {"pyproject.toml": pyproject, "src/x.py": ""})
    assert find_root(tmp_path / "src") == tmp_path.resolve()


def test_find_root_ignores_a_pyproject_of_another_tool(tmp_path: Path) -> None:
    write_files(tmp_path / "outer", {"decisions/.keep": ""})
    inner = tmp_path / "outer" / "inner"
    write_files(inner, {"pyproject.toml": "[tool.ruff]\nline-length = 100\n", "src/x.py": ""})
    assert find_root(inner / "src") == (tmp_path / "outer").resolve()


def test_find_root_stops_at_the_git_work_tree(tmp_path: Path) -> None:
    valid_registry(tmp_path)  # a registry above the repository must not be picked up
    repo = tmp_path / "project"
    (repo / ".git").mkdir(parents=True)
    (repo / "src").mkdir()
    assert find_root(repo / "src") == (repo / "src").resolve()


def test_a_pyproject_style_table_in_hinges_toml_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "hinges.toml").write_text('[tool.hinges]\nowners = ["@a"]\n', "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert raised.value.format() == (
        "hinges.toml: hinges.toml takes its settings at the top level; remove the "
        "[tool.hinges] header (that form is for pyproject.toml)"
    )


@pytest.mark.parametrize("prefix", ["A", "ADR", "DEC2", "ABCDEFGHIJ", "X0"])
def test_id_prefixes_that_are_accepted(tmp_path: Path, prefix: str) -> None:
    write_files(tmp_path, {"hinges.toml": f"id_prefix = '{prefix}'\n"})
    assert load_config(tmp_path).id_prefix == prefix


def test_a_config_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    write_files(tmp_path, {"hinges.toml": b'# fine\nid_prefix = "\xff"\n'})
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    assert str(raised.value) == (
        "hinges.toml: is not UTF-8 text (byte 21: invalid start byte); save it as UTF-8"
    )


def test_the_file_init_writes_is_read_without_tomllib(tmp_path: Path) -> None:
    write_files(tmp_path, {"hinges.toml": config_text()})
    assert _only_comments(config_text().encode())
    assert load_config(tmp_path) == Config(source="hinges.toml")


@settings(max_examples=2000, deadline=None, database=None)
@given(text=st.text(alphabet=" \t#\n\r\x00\x01\x7f=a[]\"'é\ufeff\u2028", max_size=12))
def test_only_comments_means_an_empty_table_to_tomllib(text: str) -> None:
    """Whatever the shortcut reads as comments only, tomllib reads as an empty table."""
    data = text.encode("utf-8", "surrogatepass")
    if _only_comments(data):
        assert tomllib.loads(text) == {}


@pytest.mark.parametrize("text", ["", "\n", "# a\n", "  # a\r\n\t#b\n\n", "#é ✓ [x] = 1\n", "# a"])
def test_comment_only_files(text: str) -> None:
    assert _only_comments(text.encode())
    assert tomllib.loads(text) == {}


@pytest.mark.parametrize(
    "text", ["x = 1\n", "# a\nx = 1", "# a\r\n\r", "#\x01\n", "#\x7f", "\ufeff# a", "# a\x0c"]
)
def test_files_left_to_tomllib(text: str) -> None:
    assert not _only_comments(text.encode())


def test_governed_annotation_keeps_notice_for_the_doors_left_out(tmp_path: Path) -> None:
    write_files(tmp_path, {"hinges.toml": "governed_annotation = {one-way = 'warning'}\n"})
    levels = load_config(tmp_path).governed_annotation
    assert levels == {"one-way": "warning", "two-way": "notice"}
    assert Config().governed_annotation == {"one-way": "notice", "two-way": "notice"}
