"""The reference pages are generated from their sources, and the committed pages are current.

When ``test_committed_pages_are_current`` fails, regenerate the pages with

    .venv/bin/python -m hinges.reference --write docs

and commit the result.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from conftest import run_hinges, write_files
from hinges.checker import check
from hinges.config import load_config
from hinges.reference import (
    REGENERATE,
    Example,
    config_markdown,
    fill_field_tables,
    main,
    parse_rule_doc,
    rules_markdown,
    setting_docs,
    stale_pages,
)
from hinges.rules import RuleInfo, all_rules
from hinges.schema import decision_fields, tenet_fields

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_committed_pages_are_current() -> None:
    stale = [str(path.relative_to(DOCS.parent)) for path in stale_pages(DOCS)]
    assert stale == [], f"generated pages are out of date; run: {REGENERATE}"


def test_docstring_is_split_into_summary_prose_and_examples() -> None:
    doc = """A key is wrong.

    Explained in
    two lines.

    Second paragraph.

    Passing:

        ---
        owner: "@a"
        ---

    Failing (checked on 2026-11-26):

        ---
        ownr: "@a"
        ---
    """
    parsed = parse_rule_doc(doc)
    assert parsed.summary == "A key is wrong."
    assert parsed.parts == (
        "Explained in\ntwo lines.",
        "Second paragraph.",
        Example("Passing", '---\nowner: "@a"\n---'),
        Example("Failing (checked on 2026-11-26)", '---\nownr: "@a"\n---'),
    )
    assert [example.kind for example in parsed.examples] == ["Passing", "Failing"]


def test_a_label_without_an_indented_block_is_prose() -> None:
    parsed = parse_rule_doc("Summary.\n\nNote:\nnot indented, so not an example.\n")
    assert parsed.parts == ("Note:\nnot indented, so not an example.",)


@pytest.mark.parametrize("info", all_rules(), ids=lambda info: info.code)
def test_every_rule_docstring_documents_the_rule(info: RuleInfo) -> None:
    parsed = parse_rule_doc(info.doc)
    assert parsed.summary.endswith("."), "the first line is a one-sentence summary"
    assert [part for part in parsed.parts if isinstance(part, str)], "an explanation"
    kinds = [example.kind for example in parsed.examples]
    assert "Passing" in kinds and "Failing" in kinds
    assert all(example.code.strip() for example in parsed.examples)


def test_rules_page_links_every_rule_to_its_section() -> None:
    page = rules_markdown()
    for info in all_rules():
        anchor = f"{info.code}-{info.slug}".lower()
        assert f"| [{info.code}](#{anchor}) | `{info.slug}` |" in page
        assert f"\n## {info.code} {info.slug}\n" in page
    headings = re.findall(r"^## HG", page, flags=re.MULTILINE)
    assert len(headings) == len(all_rules())


def test_setting_docs_are_read_from_attribute_docstrings() -> None:
    source = textwrap.dedent(
        '''
        class Config:
            """Not a field doc."""

            first: str = "a"
            """The first
            setting."""
            second: int = 1
            third: int = 2
            """The third."""
        '''
    )
    assert setting_docs(source) == {"first": "The first\nsetting.", "third": "The third."}


def test_configuration_page_lists_every_setting_but_not_source() -> None:
    page = config_markdown()
    headings = re.findall(r"^## (\w+)$", page, flags=re.MULTILINE)
    assert headings == [
        "decisions_dir",
        "tenets_dir",
        "id_prefix",
        "owners",
        "use_codeowners",
        "required_sections",
        "templates",
        "one_way_min_deciders",
        "review_interval_months",
        "review_interval_two_way_months",
        "ignore",
        "max_file_bytes",
        "scan_exclude",
        "mutable_when_accepted",
        "governed_annotation",
        "digest_budget_tokens",
        "sources",
        "sources_max_age_hours",
        "severity",
    ]


def test_configuration_page_example_is_a_valid_configuration(tmp_path: Path) -> None:
    example = re.search(r"```toml\n(.*?)```", config_markdown(), flags=re.DOTALL)
    assert example is not None
    write_files(tmp_path, {"pyproject.toml": example.group(1), "decisions/.keep": ""})
    config = load_config(tmp_path)
    assert config.owners == ("@payments/platform", "@architecture")
    assert config.severity == {"HG009": "off", "unknown-key": "warning"}
    assert check(tmp_path, config).findings == []


def test_field_table_examples_are_valid_front_matter(tmp_path: Path) -> None:
    """Every example value in the tables passes the schema rules (HG0xx and HG1xx)."""
    for kind, folder, name, specs in (
        ("decision", "decisions", "0007-example.md", decision_fields(load_config(tmp_path))),
        ("tenet", "tenets", "T-001-example.md", tenet_fields()),
    ):
        page = fill_field_tables(
            "<!-- fields:decision:start --><!-- fields:decision:end -->"
            "<!-- fields:tenet:start --><!-- fields:tenet:end -->"
        )
        section = page.split(f"<!-- fields:{kind}:start -->")[1].split("-->", 2)[1]
        examples = re.findall(r"\| `([a-z_]+: .*)` \|$", section, flags=re.MULTILINE)
        assert len(examples) == len(specs)
        write_files(tmp_path, {f"{folder}/{name}": "---\n" + "\n".join(examples) + "\n---\n"})
    findings = check(tmp_path, load_config(tmp_path)).findings
    assert [f for f in findings if f.code < "HG200"] == []


def test_field_tables_replace_only_the_text_between_markers() -> None:
    page = (
        "intro\n<!-- fields:decision:start -->\nSTALE TABLE\n<!-- fields:decision:end -->\nmiddle\n"
        "<!-- fields:tenet:start --><!-- fields:tenet:end -->\nend\n"
    )
    filled = fill_field_tables(page)
    assert filled.startswith("intro\n<!-- fields:decision:start -->\n")
    assert "STALE TABLE" not in filled
    assert "\n| `door` | text | yes | `one-way`, `two-way` |" in filled
    assert "<!-- fields:decision:end -->\nmiddle\n" in filled
    assert filled.endswith("<!-- fields:tenet:end -->\nend\n")
    assert fill_field_tables(filled) == filled


def test_a_format_page_without_markers_is_refused() -> None:
    with pytest.raises(ValueError, match="no '<!-- fields:decision:start -->'"):
        fill_field_tables("# Format\n")


def test_write_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    (docs / "reference").mkdir(parents=True)
    shutil.copy(DOCS / "reference" / "format.md", docs / "reference" / "format.md")
    (docs / "reference" / "rules.md").write_text("stale\n", encoding="utf-8")

    assert main(["--check", str(docs)]) == 1
    assert "rules.md: out of date; run python -m hinges.reference --write docs" in (
        capsys.readouterr().err
    )
    assert main(["--write", str(docs)]) == 0
    assert sorted(capsys.readouterr().out.splitlines()) == [
        f"wrote {docs / 'reference' / 'configuration.md'}",
        f"wrote {docs / 'reference' / 'rules.md'}",
    ]
    assert main(["--check", str(docs)]) == 0
    assert (docs / "reference" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_missing_format_page_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--check", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("hinges.reference: ")


def test_rules_command_lists_every_rule() -> None:
    result = run_hinges("rules")
    assert result.code == 0, result
    lines = result.stdout.splitlines()
    assert re.split(r"\s{2,}", lines[0]) == ["CODE", "SLUG", "SEVERITY", "SUMMARY"]
    rows = [re.split(r"\s{2,}", line, maxsplit=3) for line in lines[1:]]
    assert rows == [
        [info.code, info.slug, info.rule.severity.value, parse_rule_doc(info.doc).summary]
        for info in all_rules()
    ]


def test_rules_command_prints_the_committed_reference() -> None:
    result = run_hinges("rules", "--markdown")
    assert result.code == 0, result
    assert result.stdout == (DOCS / "reference" / "rules.md").read_text(encoding="utf-8")
