"""Properties of the round-trip editor over generated hand-written records.

The promise of issue 6: an edit changes only the lines of the key it is about; comments,
key order, quoting, line endings and the body stay byte for byte; the result loads and
holds the intended value; and an edit undone in the same style gives back the original.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hinges.authoring.edit import FrontMatterEditor
from hinges.config import Config
from hinges.errors import HingesError
from hinges.loader import load_record
from hinges.records import Record
from hinges.yamltree import Mapping, Node, Scalar, Sequence
from property_records import (
    KEYS,
    GeneratedRecord,
    block_list_entry,
    canonical_flow_entry,
    canonical_scalar_entry,
    hostile_text,
    list_item,
    records,
)

PROPERTIES = settings(
    max_examples=150,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the working tree; failures print their example
    suppress_health_check=[HealthCheck.too_slow],
)
FRESH_KEY = "x_added"
keys = st.sampled_from([*KEYS, FRESH_KEY])
list_values = st.lists(list_item.map(lambda pair: pair[0]), max_size=4)
dates = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2999, 12, 31))


@dataclass(frozen=True)
class Edit:
    op: str  # the FrontMatterEditor method
    key: str
    argument: object = None

    def apply(self, editor: FrontMatterEditor) -> None:
        method = getattr(editor, self.op)
        if self.op == "remove":
            method(self.key)
        else:
            method(self.key, self.argument)


edits = st.one_of(
    st.builds(Edit, st.just("set_scalar"), keys, hostile_text),
    st.builds(Edit, st.just("set_date"), keys, dates),
    st.builds(Edit, st.just("set_list"), keys, list_values),
    st.builds(Edit, st.just("append_to_list"), keys, list_item.map(lambda pair: pair[0])),
    st.builds(Edit, st.just("remove"), keys),
)


def load(data: bytes) -> Record:
    record = load_record("decision", "decisions/0001-x.md", data, Config())
    assert isinstance(record, Record), record
    return record


def shape(node: Node) -> object:
    """A node without its position: what a reader sees, and how each scalar was written."""
    if isinstance(node, Scalar):
        return (node.text, node.plain)
    if isinstance(node, Sequence):
        return [shape(item) for item in node.items]
    assert isinstance(node, Mapping)
    return {key: shape(value) for key, (_, value) in node.entries.items()}


def edited(record: GeneratedRecord, *changes: Edit) -> bytes:
    editor = FrontMatterEditor(Path("0001-x.md"), record.data())
    for change in changes:
        change.apply(editor)
    return editor.render()


def refused(record: GeneratedRecord, edit: Edit) -> str | None:
    """Why ``edit`` must be refused (a pattern of the message), or None if it must work."""
    entry = record.entry(edit.key)
    if (
        edit.op == "append_to_list"
        and entry
        and entry.kind in ("scalar", "block-scalar", "mapping")
    ):
        return "is not a list"
    if edit.op == "remove" and [entry.key for entry in record.entries] == [edit.key]:
        return "internal error: an edit would damage"  # the front matter would be empty
    return None


def _follows_block_scalar(record: GeneratedRecord, key: str) -> bool:
    keys = [entry.key for entry in record.entries]
    index = keys.index(key) if key in keys else 0
    return index > 0 and record.entries[index - 1].kind == "block-scalar"


def replaced_lines(record: GeneratedRecord, edit: Edit, result: bytes) -> list[str]:
    """The lines that took the place of the edited entry; fails if any other line changed.

    Everything before the entry and everything after it (its trailing comments, the other
    entries, the closing fence, the body) must be the same lines, endings included.
    """
    old = record.data().decode("utf-8-sig").splitlines(keepends=True)
    new = result.decode("utf-8-sig").splitlines(keepends=True)
    if record.entry(edit.key) is None:
        first, last = record.closing_line, record.closing_line - 1  # inserted before '---'
    else:
        first, last = record.entry_range(edit.key)
    kept_after = old[last + 1 :]
    if edit.op == "remove" and _follows_block_scalar(record, edit.key):
        # Comments indented under the block scalar above would join its text: they move
        # to column 0 (the editor's one change beyond the entry).
        for index, line in enumerate(kept_after):
            if line.strip() and not line.lstrip().startswith("#"):
                break
            kept_after[index] = line.lstrip(" \t") if line.strip() else line
    diff = "".join(difflib.unified_diff(old, new, "before", "after"))
    assert new[:first] == old[:first], diff
    assert len(new) >= first + len(kept_after), diff
    assert new[len(new) - len(kept_after) :] == kept_after, diff
    return new[first : len(new) - len(kept_after)]


@PROPERTIES
@given(record=records(), edit=edits)
def test_an_edit_changes_only_the_edited_entry(record: GeneratedRecord, edit: Edit) -> None:
    original = record.data()
    before = load(original)  # every generated record is a valid one
    refusal = refused(record, edit)
    if refusal is not None:
        editor = FrontMatterEditor(Path("0001-x.md"), original)
        with pytest.raises(HingesError, match=refusal):
            edit.apply(editor)
        if refusal == "is not a list":  # refused before anything changed
            assert editor.render() == original
        return
    result = edited(record, edit)

    # The encoding, the line endings and the body are untouched.
    assert result.startswith(b"\xef\xbb\xbf") == record.bom
    assert result.endswith(b"---" + record.newline.encode() + record.body_bytes())
    front = result[: len(result) - len(record.body_bytes())]
    assert front.count(b"\n") == (front.count(b"\r\n") if record.crlf else front.count(b"\n"))
    assert (b"\r" in front) == record.crlf

    # Only the edited entry's lines changed, and into what the edit is.
    replacement = replaced_lines(record, edit, result)
    after = load(result)
    assert after.body == before.body
    entry = record.entry(edit.key)
    keeps_key_line = (
        entry is not None
        and entry.kind == "block-list"
        and (edit.op == "append_to_list" or (edit.op == "set_list" and edit.argument))
    )
    if edit.op == "remove":
        assert replacement == []
    elif keeps_key_line:  # the key line of a block list stays; the items follow it
        assert replacement[0] == f"{edit.key}:{record.newline}"
    else:  # any other value is written on the key's line
        assert len(replacement) == 1, replacement
        assert replacement[0].startswith(f"{edit.key}:")
    if entry is not None and entry.comment and len(entry.lines) == 1 and edit.op != "remove":
        assert replacement[0].rstrip("\r\n").endswith(entry.comment)

    # The edited key holds the intended value; every other key is what it was, in order.
    node = after.front.entries.get(edit.key, (None, None))[1]
    if edit.op == "remove":
        assert node is None
    elif edit.op == "set_scalar":
        assert isinstance(node, Scalar) and node.text == edit.argument
    elif edit.op == "set_date":
        assert isinstance(node, Scalar) and node.plain
        assert node.text == edit.argument.isoformat()  # type: ignore[union-attr]
        if edit.key in ("date", "review_by"):  # date fields read it as that date
            assert after.values[edit.key] == edit.argument
    else:
        expected = edit.argument
        if edit.op == "append_to_list":
            old = entry.value if entry is not None and entry.kind != "empty" else ()
            expected = [*old, edit.argument]  # type: ignore[misc]
        assert isinstance(node, Sequence)
        assert [shape(item)[0] for item in node.items] == expected  # type: ignore[index]
    others_before = {k: shape(n) for k, (_, n) in before.front.entries.items() if k != edit.key}
    others_after = {k: shape(n) for k, (_, n) in after.front.entries.items() if k != edit.key}
    assert others_after == others_before
    assert list(others_after) == list(others_before)
    order = [k for k in after.front.entries if k != edit.key or edit.key in before.front.entries]
    assert order == [k for k in before.front.entries if k in after.front.entries]


@PROPERTIES
@given(record=records(canonical_scalar_entry), value=hostile_text)
def test_a_scalar_set_and_set_back_gives_the_original_bytes(
    record: GeneratedRecord, value: str
) -> None:
    entry = next(entry for entry in record.entries if entry.canonical and entry.kind == "scalar")
    assert isinstance(entry.value, str)
    undo = Edit("set_scalar", entry.key, entry.value)
    assert edited(record, Edit("set_scalar", entry.key, value), undo) == record.data()


@PROPERTIES
@given(
    record=st.one_of(records(block_list_entry), records(canonical_flow_entry)),
    items=list_values,
)
def test_a_list_appended_to_and_set_back_gives_the_original_bytes(
    record: GeneratedRecord, items: list[str]
) -> None:
    entry = next(
        entry
        for entry in record.entries
        if entry.kind == "block-list" or (entry.kind == "flow" and entry.canonical)
    )
    assert isinstance(entry.value, tuple)
    appended = [Edit("append_to_list", entry.key, item) for item in items]
    undo = Edit("set_list", entry.key, list(entry.value))
    assert edited(record, *appended, undo) == record.data()


@PROPERTIES
@given(record=records(block_list_entry), data=st.data())
def test_setting_block_list_items_keeps_the_comments_between_them(
    record: GeneratedRecord, data: st.DataObject
) -> None:
    entry = next(entry for entry in record.entries if entry.kind == "block-list")
    assert isinstance(entry.value, tuple)
    new_item = list_item.map(lambda pair: pair[0])
    # Each item kept or replaced; the comments between them must stay where they are.
    values = [data.draw(st.just(old) | new_item) for old in entry.value]
    result = edited(record, Edit("set_list", entry.key, values))
    replacement = replaced_lines(record, Edit("set_list", entry.key, values), result)
    comments = [line for line in entry.lines if line.lstrip().startswith("#")]
    assert [
        line.rstrip("\r\n") for line in replacement if line.lstrip().startswith("#")
    ] == comments
    assert len(replacement) == len(entry.lines)  # one line per item, as before


@PROPERTIES
@given(record=records(), value=hostile_text, items=list_values)
def test_a_new_key_added_then_removed_gives_the_original_bytes(
    record: GeneratedRecord, value: str, items: list[str]
) -> None:
    original = record.data()
    for add in (
        Edit("set_scalar", FRESH_KEY, value),
        Edit("set_list", FRESH_KEY, items),
        Edit("set_date", FRESH_KEY, dt.date(2030, 1, 31)),
    ):
        assert edited(record, add, Edit("remove", FRESH_KEY)) == original
    for item in items:
        assert (
            edited(record, Edit("append_to_list", FRESH_KEY, item), Edit("remove", FRESH_KEY))
            == original
        )
