"""Splicing a block of generated lines between marker lines into a file hinges does not own."""

from __future__ import annotations

import pytest

from hinges import marker_block
from hinges.codeowners_block import BEGIN, END, MARKERS
from hinges.errors import HingesError
from hinges.marker_block import MarkerError

BLOCK = ["/x/** @a"]


def splice(existing: bytes | None, block: list[str], name: str) -> bytes:
    return marker_block.splice(existing, block, MARKERS, name)


NEW = f"{BEGIN}\n/x/** @a\n{END}\n".encode()


def test_splice_new_file_is_the_block() -> None:
    assert splice(None, BLOCK, "CODEOWNERS") == NEW
    assert splice(b"", BLOCK, "CODEOWNERS") == NEW


def test_splice_appends_after_a_last_line_without_line_end() -> None:
    assert splice(b"* @team", BLOCK, "C") == b"* @team\n\n" + NEW
    assert splice(b"* @team\n", BLOCK, "C") == b"* @team\n\n" + NEW
    assert splice(b"* @team\n\n", BLOCK, "C") == b"* @team\n\n" + NEW


def test_splice_appends_with_crlf_and_keeps_the_bom() -> None:
    data = b"\xef\xbb\xbf* @team\r\n"
    crlf = NEW.replace(b"\n", b"\r\n")
    assert splice(data, BLOCK, "C") == data + b"\r\n" + crlf


def test_splice_replaces_only_the_block() -> None:
    before = b"\xef\xbb\xbf# mine\r\n* @team  \r\n\r\n"
    old = f"{BEGIN}\r\n/old/** @old\r\n# x\r\n{END}\r\n".encode()
    after = b"/docs/ @docs\r\nlast line without end"
    result = splice(before + old + after, BLOCK, "C")
    assert result == before + NEW.replace(b"\n", b"\r\n") + after
    assert splice(result, BLOCK, "C") == result  # current: byte for byte the same


def test_splice_finds_a_block_right_after_the_bom() -> None:
    data = f"\ufeff{BEGIN}\n/old @o\n{END}\n* @t\n".encode()
    assert splice(data, BLOCK, "C") == b"\xef\xbb\xbf" + NEW + b"* @t\n"


def test_splice_keeps_an_end_marker_without_line_end() -> None:
    data = f"* @t\n{BEGIN}\n/old @o\n{END}".encode()
    assert splice(data, BLOCK, "C") == b"* @t\n" + NEW[:-1]


B, E = f"'{BEGIN}'", f"'{END}'"


@pytest.mark.parametrize(
    ("text", "where", "problem"),
    [
        (
            f"{BEGIN}\n{END}\n{BEGIN}\n{END}\n",
            3,
            f"a second {B} (the first is at line 1); keep one block",
        ),
        (f"{BEGIN}\n{BEGIN}\n{END}\n", 2, f"a second {B} (the first is at line 1); keep one block"),
        (f"x\n{BEGIN}\n", 2, f"{B} is never closed by {E}"),
        (f"x\n{BEGIN}\ny\r\n", 2, f"{B} is never closed by {E}"),
        (f"{END}\n", 1, f"{E} without a {B} before it"),
        (f"  {END}  \r\n{BEGIN}\n", 1, f"{E} without a {B} before it"),
        (f"{BEGIN}\n{END}\n{END}\n", 3, f"{E} without a {B} before it"),
    ],
)
def test_splice_refuses_bad_markers_naming_the_line(text: str, where: int, problem: str) -> None:
    for data in (text.encode(), b"\xef\xbb\xbf" + text.encode()):
        with pytest.raises(MarkerError) as raised:
            splice(data, BLOCK, "CODEOWNERS")
        assert raised.value.exit_code == 1
        assert str(raised.value) == (
            f"CODEOWNERS:{where}: {problem}; fix or remove the marker; nothing written"
        )


def test_a_marker_inside_a_longer_line_is_not_a_marker() -> None:
    data = f"# see {BEGIN} below\n* @t\n".encode()
    assert splice(data, BLOCK, "C") == data + b"\n" + NEW


def test_splice_refuses_a_file_that_is_not_utf8() -> None:
    with pytest.raises(HingesError, match=r"^C:2: is not valid UTF-8; nothing written$"):
        splice(b"* @a\n\xff\n", BLOCK, "C")
