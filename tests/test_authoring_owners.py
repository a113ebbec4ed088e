"""Owner handles checked before a record is written (hinges.authoring.owners)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hinges.authoring.owners import CODEOWNERS_PLACES, allowed_owners, check_owner, is_handle
from hinges.codeowners import SEARCH_ORDER
from hinges.config import Config
from hinges.errors import HingesError
from hinges.field_values import HANDLE_PATTERN


def test_codeowners_places_match_the_reader() -> None:
    assert CODEOWNERS_PLACES == SEARCH_ORDER


@pytest.mark.parametrize("place", SEARCH_ORDER)
def test_allowed_owners_from_codeowners(tmp_path: Path, place: str) -> None:
    (tmp_path / place).parent.mkdir(exist_ok=True)
    (tmp_path / place).write_text("* @a @org/b  # comment @c\n", encoding="utf-8")
    allowed = allowed_owners(tmp_path, Config())
    assert allowed is not None
    assert (allowed.owners, allowed.source) == (("@a", "@org/b"), place)
    assert allowed_owners(tmp_path, Config(use_codeowners=False)) is None


def test_owners_setting_wins_and_no_list_means_any(tmp_path: Path) -> None:
    (tmp_path / "CODEOWNERS").write_text("* @a\n", encoding="utf-8")
    config = Config(owners=("@x",), source="hinges.toml")
    assert allowed_owners(tmp_path, config) == (("@x",), "the owners setting of hinges.toml")
    assert allowed_owners(tmp_path / "missing", Config()) is None


def test_check_owner() -> None:
    assert check_owner(" @team ", None) == "@team"
    assert check_owner("org/team", None) == "org/team"
    with pytest.raises(HingesError, match="looks like a URL"):
        check_owner("https://github.com/team", None)
    with pytest.raises(HingesError, match="is not a handle"):
        check_owner("@", None)


_HANDLE_ALPHABET = "aZ09._-/@ :é\n"


@settings(max_examples=1000, deadline=None, database=None)
@given(text=st.text(alphabet=_HANDLE_ALPHABET, max_size=8))
def test_is_handle_agrees_with_the_schema_pattern(text: str) -> None:
    """The string tests hinges new uses say what the check's pattern says.

    (The pattern's ``$`` also matches before a final newline; check_owner strips the text
    first, so that difference never reaches it.)
    """
    expected = re.match(HANDLE_PATTERN, text) is not None and not text.endswith("\n")
    assert is_handle(text) == expected


@pytest.mark.parametrize(
    "handle", ["alice", "@alice", "@org/team", "a", "@a.b_c-d/e", "A9", "@9/9"]
)
def test_handles(handle: str) -> None:
    assert is_handle(handle)
    assert check_owner(f"  {handle} ", None) == handle


@pytest.mark.parametrize(
    "text",
    ["", "@", "@@a", "a/b/c", "@org/", "/team", "-a", "a-", "a.", "_a", "a b", "é", "https://x",
     "a:b", "alice\n"],
)  # fmt: skip
def test_not_handles(text: str) -> None:
    assert not is_handle(text)
