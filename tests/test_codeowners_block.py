"""The CODEOWNERS block's parts: pattern translation, owner handles, splicing into a file."""

from __future__ import annotations

import pytest

from hinges.codeowners_block import Untranslatable, is_forge_owner, translate
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
