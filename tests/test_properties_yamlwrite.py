"""Properties of hinges.yamlwrite and of titles written by ``hinges new``.

Any text, written by quote() or scalar(), reads back as exactly that text through PyYAML
and through hinges' own parser, on one line that cannot start another key; and a hostile
title given to the real ``hinges new`` ends up, unchanged, as the title of a record with
exactly the template's keys and a safe file name.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import GOOD_TENET, run_hinges, write_files
from hinges import yamltree
from hinges.authoring.naming import clean_title
from hinges.config import Config
from hinges.errors import HingesError
from hinges.loader import load_record
from hinges.records import Record
from hinges.rules.ambiguous_scalar import reading
from hinges.yamlwrite import flow_list, quote, scalar
from property_records import YAML_WORDS, hostile_text

PROPERTIES = settings(
    max_examples=300,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the working tree; failures print their example
    suppress_health_check=[HealthCheck.too_slow],
)
# Line breaks for YAML (and for Python's str.splitlines, which knows a few more).
LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


def read_back(rendered: str) -> str:
    """The value of ``k: RENDERED`` through PyYAML and yamltree, which must agree."""
    text = f"k: {rendered}\nnext: 1\n"
    assert yaml.safe_load(text) == {"k": yaml.safe_load(text)["k"], "next": 1}
    tree = yamltree.parse(text)
    assert isinstance(tree, yamltree.Mapping), tree
    assert list(tree.entries) == ["k", "next"]
    node = tree.entries["k"][1]
    assert isinstance(node, yamltree.Scalar)
    assert yaml.safe_load(text)["k"] == node.text
    return node.text


@PROPERTIES
@given(value=hostile_text)
@example("\x7f")  # DEL and the C1 controls: YAML refuses them raw
@example("\x9f")
@example("\ufffe")
@example("a\u2028b\u2029c\x85d")
@example("\ufeffbom")
@example("null")  # plain null is no text at all
@example("1e3")  # a number for YAML 1.2 tools
@example("title\nstatus: accepted\n---\ninjected: yes")
def test_quote_and_scalar_read_back_as_the_same_text(value: str) -> None:
    for rendered in (quote(value), scalar(value)):
        assert not LINE_BREAKS.search(rendered), rendered
        assert read_back(rendered) == value
    assert quote(value).startswith('"')
    if not scalar(value).startswith('"'):  # written plain: every YAML tool reads text
        assert scalar(value) == value
        assert reading(value) is None
        assert value not in ("null", "Null", "NULL", "~", "")


@PROPERTIES
@given(values=st.lists(hostile_text, max_size=5))
def test_flow_list_reads_back_as_the_same_list(values: list[str]) -> None:
    rendered = flow_list(values)
    assert not LINE_BREAKS.search(rendered)
    text = f"k: {rendered}\nnext: 1\n"
    assert yaml.safe_load(text) == {"k": values, "next": 1}
    tree = yamltree.parse(text)
    assert isinstance(tree, yamltree.Mapping)
    node = tree.entries["k"][1]
    assert isinstance(node, yamltree.Sequence)
    assert [item.text for item in node.items if isinstance(item, yamltree.Scalar)] == values
    assert len(node.items) == len(values)


@PROPERTIES
@given(value=hostile_text)
def test_a_quoted_title_cannot_break_the_front_matter(value: str) -> None:
    data = f"---\ntitle: {quote(value)}\nid: ADR-0001\n---\n# Body\n".encode()
    record = load_record("decision", "decisions/0001-x.md", data, Config())
    assert isinstance(record, Record), record
    assert list(record.front.entries) == ["title", "id"]
    assert record.front.entries["title"][1] == yamltree.Scalar(2, 8, value, False)
    assert record.body == "# Body\n"


def acceptable_title(text: str) -> bool:
    try:
        clean_title(text)
    except HingesError:
        return False
    return True


titles = st.one_of(
    hostile_text,
    st.tuples(st.sampled_from(YAML_WORDS), st.text(max_size=10)).map(" ".join),
).filter(acceptable_title)
TEMPLATE_KEYS = ["id", "title", "status", "date", "door", "owner"]


@settings(PROPERTIES, max_examples=60)
@given(title=titles)
def test_hinges_new_writes_any_acceptable_title_exactly(title: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = write_files(Path(folder), {"tenets/T-001-x.md": GOOD_TENET, "decisions/.keep": ""})
        result = run_hinges(
            "new", "--door", "two-way", "--owner", "@team", "--no-input", "--", title, cwd=root
        )
        assert result.code == 0, result
        relpath = result.stdout.strip()
        match = re.fullmatch(r"decisions/0001-(?P<slug>.+)\.md", relpath)
        assert match is not None, result
        assert SLUG.match(match["slug"]), match["slug"]
        assert sorted(path.name for path in (root / "decisions").iterdir()) == [
            ".keep", f"0001-{match['slug']}.md",
        ]  # fmt: skip
        record = load_record("decision", relpath, (root / relpath).read_bytes(), Config())
        assert isinstance(record, Record), record
        assert list(record.front.entries) == TEMPLATE_KEYS
        node = record.front.entries["title"][1]
        assert isinstance(node, yamltree.Scalar) and not node.plain
        assert node.text == clean_title(title)
        assert record.values["id"] == "ADR-0001"


def test_hinges_new_refuses_a_title_the_loader_would_refuse(registry: Path) -> None:
    # U+FFFE passed clean_title once, and the record written (title in the heading) did not load.
    result = run_hinges(
        "new", "--door", "two-way", "--owner", "@x", "--no-input", "a\ufffe", cwd=registry
    )
    assert result.code == 1, result
    assert "control character ('\\ufffe' at position 2)" in result.stderr
    assert sorted(path.name for path in (registry / "decisions").iterdir()) == [
        "0001-use-postgres.md"
    ]


def _quote_through_json(value: str) -> str:
    """quote() as it was written with json.dumps and a pattern, before hinges new avoided both."""
    quoted = json.dumps(value, ensure_ascii=False)
    special = "[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]"
    return re.sub(special, lambda found: f"\\u{ord(found.group()):04x}", quoted)


def test_quote_writes_what_json_and_the_pattern_wrote_for_every_character() -> None:
    every_character = "".join(map(chr, range(0x110000)))
    assert quote(every_character) == _quote_through_json(every_character)
    for code in [*range(0x100), 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF, 0xD800, 0xDFFF]:
        assert quote(chr(code)) == _quote_through_json(chr(code)), hex(code)


@PROPERTIES
@given(value=hostile_text)
def test_quote_agrees_with_json_and_the_pattern(value: str) -> None:
    assert quote(value) == _quote_through_json(value)
