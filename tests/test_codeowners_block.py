"""The CODEOWNERS block's parts: pattern translation, owner handles, splicing into a file."""

from __future__ import annotations

import pytest

from hinges.codeowners_block import BEGIN, END, Untranslatable, is_forge_owner, translate
from hinges.codeowners_file import MarkerError, splice
from hinges.errors import HingesError
from hinges.globs import GlobError


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("services/orders/**", "/services/orders/**"),
        ("services/orders", "/services/orders"),
        ("services/orders/", "/services/orders"),  # ours: file or folder, as without '/'
        ("*.py", "/*.py"),  # anchored: top-level Python files only
        ("**/*.py", "**/*.py"),  # leading **/ is already "in every folder"
        ("**", "*"),
        ("a/**/**/b", "/a/**/b"),
        ("a/**/b/", "/a/**/b"),
        ("a**b/c", "/a*b/c"),  # '**' inside a segment is '*'
        ("schemas/v?.sql", "/schemas/v?.sql"),
        ("docs/\\!x", "/docs/!x"),
        ("grüße/*.md", "/grüße/*.md"),
    ],
)
def test_translate_keeps_the_meaning(pattern: str, expected: str) -> None:
    assert translate(pattern) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("services/**", "/sub/services/**"),
        ("**", "/sub/**"),
        ("**/*.py", "/sub/**/*.py"),
        ("*.py", "/sub/*.py"),
    ],
)
def test_translate_under_a_registry_folder(pattern: str, expected: str) -> None:
    assert translate(pattern, "sub/") == expected


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("docs/[a-c]*.md", "character class"),
        ("docs/[!a]*.md", "character class"),
        ("a]b", "character class"),
        ("lit\\*.md", "literal '*'"),
        ("lit\\?.md", "literal '?'"),
        ("lit\\[x", "literal '['"),
        ("lit\\]x", "literal ']'"),
        ("my docs/*.md", "a space"),
        ("tab\there", "a space"),
        ("x#y", "'#'"),
        ("a\u202eb", "\\u202e"),
        ("a\x7fb", "\\x7f"),
    ],
)
def test_translate_refuses_what_codeowners_cannot_say(pattern: str, reason: str) -> None:
    with pytest.raises(Untranslatable) as raised:
        translate(pattern)
    assert reason in str(raised.value)


def test_translate_refuses_refused_globs() -> None:
    with pytest.raises(GlobError):
        translate("/abs/**")


@pytest.mark.parametrize(
    "owner", ["@payments", "@org/team", "@my-org/team_x", "@a.b", "ops@example.com", "a+b@x.co.uk"]
)
def test_forge_owners(owner: str) -> None:
    assert is_forge_owner(owner)


@pytest.mark.parametrize(
    "owner",
    [
        "payments",
        "payments team",
        "@",
        "@pay ments",
        "@payments\n* @evil",
        "@payments #x",
        "@-x",
        "@org/",
        "@x\u202e",
        "mailto:a@b.c",
        "a@b",
        "",
    ],
)
def test_not_forge_owners(owner: str) -> None:
    assert not is_forge_owner(owner)


BLOCK = [BEGIN, "/x/** @a", END]
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


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"{BEGIN}\n{END}\n{BEGIN}\n{END}\n", "found more than once (lines 1, 2, 3, 4)"),
        (f"{BEGIN}\n{BEGIN}\n{END}\n", "found more than once (lines 1, 2, 3)"),
        (f"x\n{BEGIN}\n", "unbalanced (line 2)"),
        (f"{END}\n", "unbalanced (line 1)"),
        (f"  {END}  \r\n{BEGIN}\n", "unbalanced (line 1, 2)"),
    ],
)
def test_splice_refuses_bad_markers(text: str, message: str) -> None:
    with pytest.raises(MarkerError) as raised:
        splice(text.encode(), BLOCK, "CODEOWNERS")
    assert raised.value.exit_code == 1
    detail = message.replace("unbalanced", "unbalanced hinges markers").replace(
        "found", "hinges markers found"
    )
    if "unbalanced" in message:
        detail += ": each BEGIN line needs an END line after it"
    assert str(raised.value) == (
        f"CODEOWNERS: {detail}; leave exactly one pair (or none) and run again; nothing written"
    )


def test_splice_refuses_a_file_that_is_not_utf8() -> None:
    with pytest.raises(HingesError, match=r"^C:2: is not valid UTF-8; nothing written$"):
        splice(b"* @a\n\xff\n", BLOCK, "C")
