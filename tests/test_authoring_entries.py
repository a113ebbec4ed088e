"""Appending a mapping to a block list: only new lines, indented like the list's items."""

from __future__ import annotations

from pathlib import Path

import pytest

from hinges.authoring.entries import EntryEditor
from hinges.errors import HingesError

ENTRY = [("date", "2026-12-03"), ("outcome", "kept"), ("note", "a: b")]
NEW = 'date: 2026-12-03\n{indent}outcome: kept\n{indent}note: "a: b"\n'


def appended(tmp_path: Path, front: str) -> str:
    path = tmp_path / "0001-x.md"
    path.write_text(f"---\nid: ADR-0001\n{front}---\n# X\n", encoding="utf-8")
    editor = EntryEditor.open(path)
    editor.append_mapping("reviews", ENTRY)
    assert editor.save()
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("", "reviews:\n  - " + NEW.format(indent="    ")),
        ("reviews: []\n", "reviews:\n  - " + NEW.format(indent="    ")),
        ("reviews:\n", "reviews:\n  - " + NEW.format(indent="    ")),
        (
            "reviews:\n- date: 2026-01-01\n  outcome: kept\n  note: x\n",
            "reviews:\n- date: 2026-01-01\n  outcome: kept\n  note: x\n- "
            + NEW.format(indent="  "),
        ),
        (
            "reviews:\n    -   date: 2026-01-01\n        note: x\n# kept below\ntags: [a]\n",
            "reviews:\n    -   date: 2026-01-01\n        note: x\n    -   "
            + NEW.format(indent="        ")
            + "# kept below\ntags: [a]\n",
        ),
    ],
    ids=["absent", "empty flow list", "null", "unindented items", "wide items, comment"],
)
def test_appends_in_the_lists_own_style(tmp_path: Path, front: str, expected: str) -> None:
    text = appended(tmp_path, front)
    assert text == f"---\nid: ADR-0001\n{expected}---\n# X\n"


def test_a_value_that_is_not_a_list_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    path = tmp_path / "0001-x.md"
    original = "---\nid: ADR-0001\nreviews: kept\n---\n# X\n"
    path.write_text(original, encoding="utf-8")
    editor = EntryEditor.open(path, display="0001-x.md")
    with pytest.raises(HingesError) as refused:
        editor.append_mapping("reviews", ENTRY)
    assert refused.value.format() == "0001-x.md:3: 'reviews' is not a list; fix it first"
    assert not editor.changed
    assert path.read_text(encoding="utf-8") == original
