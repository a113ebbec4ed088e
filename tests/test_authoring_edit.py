"""Round-trip edits: only the intended lines change, and the result reads back as intended."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections.abc import Callable
from pathlib import Path

import pytest

from hinges.authoring.edit import FrontMatterEditor
from hinges.config import Config
from hinges.errors import HingesError
from hinges.loader import load_record
from hinges.records import Record

# Records a person might have written: comments, odd quoting, block lists and scalars,
# trailing spaces, unicode, a missing final newline. Each is tried with LF and CRLF, with
# and without a byte-order mark.
RECORDS = {
    "comments-and-quoting": (
        "---\n"
        "# written by hand\n"
        "id: 'ADR-0002'   # the id\n"
        'title: "Use Kafka: for events"\n'
        "status: proposed\n"
        "\n"
        "date: 2026-02-01\n"
        "door: two-way\n"
        'owner: "@data"\n'
        "deciders: [ '@ana' , \"@bo\" ]\n"
        "tags: [events]  # keep\n"
        "---\n"
        "# Use Kafka: for events\n"
        "\n"
        "Body with --- inside and status: accepted.\n"
    ),
    "block-lists-and-scalars": (
        "---\n"
        "id: ADR-0003\n"
        "title: Élan vital — ünïcode ✓\n"
        "status: accepted\n"
        "date: 2026-03-01\n"
        "door: one-way\n"
        "owner: '@platform'\n"
        "deciders:\n"
        "  - '@ana'\n"
        "  # a comment between items\n"
        '  - "@bo"\n'
        "tags:\n"
        "- storage\n"
        "exit_path: |\n"
        "  Copy the data out.\n"
        "\n"
        "  About two sprints.\n"
        "review_by: 2027-03-01   \n"
        "---\n"
        "# Élan vital\n"
    ),
    "no-final-newline-and-folded": (
        "---\n"
        "id: ADR-0004\n"
        "title: >-\n"
        "  Folded\n"
        "  title\n"
        "status: accepted\n"
        "date: 2026-04-01\n"
        "door: two-way # for now\n"
        "owner: platform\n"
        "supersedes: []\n"
        "---\n"
        "# Folded title"
    ),
}

Edit = Callable[[FrontMatterEditor], None]
# name -> (edit, the values it must produce)
EDITS: dict[str, tuple[Edit, dict[str, object]]] = {
    "status": (lambda e: e.set_scalar("status", "deprecated"), {"status": "deprecated"}),
    "date": (lambda e: e.set_date("date", dt.date(2026, 11, 26)), {"date": dt.date(2026, 11, 26)}),
    "new-key": (lambda e: e.set_scalar("review_by", "2030-01-01"), {}),
    "title-with-colon": (
        lambda e: e.set_scalar("title", 'New: "quoted" #title'),
        {"title": 'New: "quoted" #title'},
    ),
    "append-deciders": (lambda e: e.append_to_list("deciders", "@cy"), {}),
    "append-new-list": (lambda e: e.append_to_list("superseded_by", "ADR-0009"), {}),
    "set-tags": (lambda e: e.set_list("tags", ["a", "b"]), {"tags": ["a", "b"]}),
    "remove-door": (lambda e: e.remove("door"), {}),
}


def variants(text: str) -> dict[str, bytes]:
    out = {}
    for crlf, bom in itertools.product((False, True), repeat=2):
        data = text.replace("\n", "\r\n") if crlf else text
        raw = (b"\xef\xbb\xbf" if bom else b"") + data.encode("utf-8")
        out[f"{'crlf' if crlf else 'lf'}-{'bom' if bom else 'nobom'}"] = raw
    return out


def load(data: bytes) -> Record:
    record = load_record("decision", "decisions/0001-x.md", data, Config())
    assert isinstance(record, Record), record
    return record


CASES = [
    (record_name, variant, edit_name)
    for record_name, text in RECORDS.items()
    for variant in variants(text)
    for edit_name in EDITS
]


@pytest.mark.parametrize(("record_name", "variant", "edit_name"), CASES)
def test_edit_changes_only_intended_lines(
    tmp_path: Path, record_name: str, variant: str, edit_name: str
) -> None:
    original = variants(RECORDS[record_name])[variant]
    path = tmp_path / "0001-x.md"
    path.write_bytes(original)
    edit, expected_values = EDITS[edit_name]
    editor = FrontMatterEditor.open(path)
    edit(editor)
    assert editor.save() is True
    result = path.read_bytes()

    # Encoding details survive: BOM, line endings everywhere, the body byte for byte.
    assert result.startswith(b"\xef\xbb\xbf") == original.startswith(b"\xef\xbb\xbf")
    if b"\r\n" in original:
        assert result.count(b"\n") == result.count(b"\r\n")
    before, after = load(original), load(result)
    assert after.body == before.body
    assert result.endswith(b"\n") == original.endswith(b"\n")

    # Only the edited key's lines differ (or a new key's line before the closing fence).
    old_lines = original.decode("utf-8-sig").splitlines()
    new_lines = result.decode("utf-8-sig").splitlines()
    edited_key = _edited_key(edit_name)
    allowed = _entry_lines(before, edited_key, old_lines)
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    opcodes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert opcodes
    for _tag, i1, i2, j1, j2 in opcodes:
        touched = set(range(i1, i2)) or {i1}
        assert touched <= allowed, (old_lines[i1:i2], new_lines[j1:j2], sorted(allowed))

    # The result parses to the intended values, and every other value is unchanged.
    for key, value in expected_values.items():
        assert after.values.get(key) == value
    for key, value in before.values.items():
        if key != edited_key:
            assert after.values.get(key) == value, key
    if edit_name == "append-deciders":
        assert after.values["deciders"] == [*before.values.get("deciders", []), "@cy"]
    if edit_name == "append-new-list":
        assert after.values["superseded_by"] == ["ADR-0009"]
    if edit_name == "new-key":
        assert after.values["review_by"] == dt.date(2030, 1, 1)
    if edit_name == "remove-door":
        assert "door" not in after.values


def _entry_lines(record: Record, key: str, lines: list[str]) -> set[int]:
    """0-based indexes of the lines an edit of ``key`` may touch (insertion points included)."""
    closing = record.body_line - 2
    keys = sorted(node.line for node, _ in record.front.entries.values())
    entry = record.front.entries.get(key)
    if entry is None:
        return {closing}
    first = entry[0].line - 1
    later = [line - 1 for line in keys if line - 1 > first]
    stop = later[0] if later else closing
    return set(range(first, stop + 1))


def _edited_key(edit_name: str) -> str:
    return {
        "status": "status",
        "date": "date",
        "new-key": "review_by",
        "title-with-colon": "title",
        "append-deciders": "deciders",
        "append-new-list": "superseded_by",
        "set-tags": "tags",
        "remove-door": "door",
    }[edit_name]


def edited(text: str, edit: Edit) -> str:
    editor = FrontMatterEditor(Path("x.md"), text.encode("utf-8"))
    edit(editor)
    return editor.render().decode("utf-8")


def test_scalar_in_place_keeps_comment_and_spacing() -> None:
    text = "---\nid: ADR-0001\nstatus:   proposed   # was draft\n---\nbody\n"
    assert edited(text, lambda e: e.set_scalar("status", "accepted")) == (
        "---\nid: ADR-0001\nstatus:   accepted   # was draft\n---\nbody\n"
    )


def test_empty_value_gets_filled() -> None:
    text = "---\nid: ADR-0001\nreview_by:  # later\nowner: x\n---\n"
    assert edited(text, lambda e: e.set_date("review_by", dt.date(2027, 1, 2))) == (
        "---\nid: ADR-0001\nreview_by: 2027-01-02  # later\nowner: x\n---\n"
    )


def test_block_scalar_replaced_whole_and_following_comment_kept() -> None:
    text = "---\nexit_path: |\n  line one\n  line two\n# note\nowner: x\n---\n"
    assert edited(text, lambda e: e.set_scalar("exit_path", "short")) == (
        "---\nexit_path: short\n# note\nowner: x\n---\n"
    )


def test_flow_append_keeps_spacing_and_trailing_comma() -> None:
    assert edited("---\nt: [ a, b ]\n---\n", lambda e: e.append_to_list("t", "c")) == (
        "---\nt: [ a, b, c ]\n---\n"
    )
    assert edited("---\nt: [a,]\n---\n", lambda e: e.append_to_list("t", "@c")) == (
        '---\nt: [a, "@c"]\n---\n'
    )
    assert edited("---\nt: []\n---\n", lambda e: e.append_to_list("t", "c")) == (
        "---\nt: [c]\n---\n"
    )


def test_flow_list_over_several_lines_is_rewritten_on_one() -> None:
    text = "---\nt: [a,\n    b]\nz: 1\n---\n"
    assert edited(text, lambda e: e.append_to_list("t", "c")) == "---\nt: [a, b, c]\nz: 1\n---\n"


def test_replace_list_item_in_place_in_both_styles() -> None:
    text = "---\ns: [ADR-0002, 'ADR-0003']  # x\nb:\n  - ADR-0003\n  - ADR-0004\n---\n"
    result = edited(
        text,
        lambda e: (
            e.replace_list_item("s", "ADR-0003", "ADR-0005"),
            e.replace_list_item("b", "ADR-0003", "ADR-0005"),
        ),
    )
    assert result == "---\ns: [ADR-0002, ADR-0005]  # x\nb:\n  - ADR-0005\n  - ADR-0004\n---\n"


def test_replace_a_plain_item_inside_a_flow_list() -> None:
    text = "---\ns: [ADR-0002,ADR-0003 , ADR-0004]\n---\n"
    assert edited(text, lambda e: e.replace_list_item("s", "ADR-0003", "ADR-0009")) == (
        "---\ns: [ADR-0002,ADR-0009 , ADR-0004]\n---\n"
    )


def test_set_block_list_keeps_unchanged_item_lines() -> None:
    text = "---\nd:\n   -   'a'\n   - b\nz: 1\n---\n"
    assert edited(text, lambda e: e.set_list("d", ["a", "c", "d"])) == (
        "---\nd:\n   -   'a'\n   -   c\n   -   d\nz: 1\n---\n"
    )


def test_append_to_a_scalar_is_refused_with_its_line() -> None:
    with pytest.raises(HingesError) as raised:
        edited(
            "---\nid: x\nsuperseded_by: ADR-0002\n---\n",
            lambda e: e.append_to_list("superseded_by", "ADR-0003"),
        )
    assert raised.value.format() == (
        "x.md:3: 'superseded_by' is not a list; write it as [ADR-0002] first"
    )


@pytest.mark.parametrize(
    ("data", "line", "problem"),
    [
        (b"---\nid: [\n---\n", 2, "YAML syntax error: unclosed '['"),
        (b"id: x\n", 1, "no front matter"),
        (b"---\na: 1\na: 2\n---\n", 3, "duplicate key 'a'"),
        (b"---\na: &x 1\n---\n", 2, "anchors"),
        (b"---\na: \xff\n---\n", 2, "not valid UTF-8"),
        (b"---\n- a\n---\n", 2, "not a mapping"),
    ],
)
def test_files_that_do_not_load_are_refused(
    tmp_path: Path, data: bytes, line: int, problem: str
) -> None:
    path = tmp_path / "0001-x.md"
    path.write_bytes(data)
    with pytest.raises(HingesError) as raised:
        FrontMatterEditor.open(path, display="decisions/0001-x.md")
    assert raised.value.path == "decisions/0001-x.md"
    assert raised.value.line == line
    assert problem in raised.value.message
    assert "not edited" in raised.value.message
    assert path.read_bytes() == data


def test_save_without_change_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "0001-x.md"
    path.write_text("---\nstatus: accepted\n---\n")
    before = path.stat().st_mtime_ns
    editor = FrontMatterEditor.open(path)
    editor.set_scalar("status", "accepted")
    assert editor.save() is False
    assert path.stat().st_mtime_ns == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0001-x.md"]


def test_injection_through_a_value_is_impossible() -> None:
    result = edited(
        "---\ntitle: a\n---\n", lambda e: e.set_scalar("title", "x\nstatus: accepted\n---")
    )
    assert result == '---\ntitle: "x\\nstatus: accepted\\n---"\n---\n'


def test_a_refused_edit_leaves_the_editor_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "0001-x.md"
    path.write_bytes(b"---\nid: ADR-0001\ntags: [a]\n---\n# X\n")
    editor = FrontMatterEditor.open(path)
    editor.remove("id")
    with pytest.raises(
        HingesError, match=r"an edit would damage this file \(front matter is empty"
    ):
        editor.remove("tags")  # removing the last key is refused
    assert editor.render() == b"---\ntags: [a]\n---\n# X\n"  # the refused edit left no trace
    assert editor.list_value("tags") == ["a"]
    editor.save()
    assert path.read_bytes() == b"---\ntags: [a]\n---\n# X\n"


def test_removing_an_entry_keeps_an_indented_comment_out_of_a_block_scalar_above() -> None:
    # Found by the property tests: without the move to column 0 the comment became the
    # last line of owner's text.
    text = "---\nowner: |\n  team\ndoor: two-way\n  # the door is ours\n\ntitle: t\n---\n# T\n"
    result = edited(text, lambda e: e.remove("door"))
    assert result == "---\nowner: |\n  team\n# the door is ours\n\ntitle: t\n---\n# T\n"


def test_an_edit_that_would_change_another_entry_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "0001-x.md"
    original = b"---\nnote: |+\n  text\ndoor: x\n\n# c\ntitle: t\n---\n# T\n"
    path.write_bytes(original)
    editor = FrontMatterEditor.open(path, display="0001-x.md")
    with pytest.raises(HingesError) as refused:
        editor.remove("door")  # 'note' keeps its trailing blank lines: the gap would join it
    assert refused.value.format() == (
        "0001-x.md: editing 'door' would change what 'note' reads as (the lines around it "
        "would join its value); nothing written: edit this file by hand"
    )
    assert editor.render() == original
    assert not editor.save()
    assert path.read_bytes() == original
