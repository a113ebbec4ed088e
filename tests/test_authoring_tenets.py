"""Changing a tenet's priority line and nothing else (hinges.authoring.tenets)."""

from __future__ import annotations

import pytest

from hinges.authoring.tenets import replace_priority


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (b"---\nid: T-001\npriority: 3\n---\nbody\n", b"---\nid: T-001\npriority: 1\n---\nbody\n"),
        (b"---\r\npriority: 3\r\nx: 1\r\n---\r\n", b"---\r\npriority: 1\r\nx: 1\r\n---\r\n"),
        (
            b"\xef\xbb\xbf---\npriority:   3   # why\n---\n",
            b"\xef\xbb\xbf---\npriority:   1   # why\n---\n",
        ),
        (b"---\npriority:\t12\n---\n", b"---\npriority:\t1\n---\n"),
        (b"---\nid: T-001\n---\npriority: 3\n", b"---\nid: T-001\npriority: 1\n---\npriority: 3\n"),
        (b"---\r\nid: T-001\r\n---\r\n", b"---\r\nid: T-001\r\npriority: 1\r\n---\r\n"),
        (b"---\n  priority: 3\npriority: 9\n---\n", b"---\n  priority: 3\npriority: 1\n---\n"),
    ],
)  # fmt: skip
def test_replace_priority(before: bytes, after: bytes) -> None:
    assert replace_priority(before, 1) == after


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "does not start with a front-matter fence"),
        (b"no fence\npriority: 1\n", "does not start with a front-matter fence"),
        (b"---\npriority: 1\n", "has no closing fence"),
    ],
)
def test_replace_priority_needs_front_matter(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        replace_priority(data, 1)
