"""Titles, slugs and next numbers (hinges.authoring.naming)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hinges.authoring.naming import (
    MAX_NUMBER_DIGITS,
    Kind,
    clean_title,
    highest_in_names,
    highest_number,
    record_id,
    slugify,
)
from hinges.errors import HingesError
from hinges.rules._naming import highest_number as rules_highest
from hinges.rules._naming import name_problem


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Use PostgreSQL for orders", "use-postgresql-for-orders"),
        ("  Ünïcödé   títle  ", "unicode-title"),
        ("Straße & Œuvre", "strae-uvre"),
        ("ﬁle ligature", "file-ligature"),
        ("../../etc/passwd", "etc-passwd"),
        ("-.leading dots and dashes.-", "leading-dots-and-dashes"),
        ("a/b\\c", "a-b-c"),
        ("😀", "decision"),
        ("x" * 59 + " yz", "x" * 59),  # cut at 60, trailing hyphen dropped
        (
            "pause garbage collection while a registry is loaded and checked",
            "pause-garbage-collection-while-a-registry-is-loaded-and",
        ),  # whole words
        ("a" * 20 + " " + "b" * 50, "a" * 20 + "-" + "b" * 39),  # no late boundary: hard cut
        ("", "decision"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert name_problem("decision", f"decisions/0001-{slug}.md") is None  # the checker agrees


def test_tenet_fallback_slug() -> None:
    assert slugify("···", "tenet") == "tenet"


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "the title is empty"),
        (" ", "the title is empty"),
        ("\t\n", "the title is empty"),
        ("a\x00b", r"control character \('\\x00' at position 2\)"),
        ("a\rb", r"control character \('\\r' at position 2\)"),
        ("a\x1bb", r"control character \('\\x1b' at position 2\)"),
        ("a\x85b", r"control character \('\\x85' at position 2\)"),
        ("\udcff", r"not UTF-8 \(at position 1\)"),
    ],
)
def test_clean_title_refuses(title: str, message: str) -> None:
    with pytest.raises(HingesError, match=message):
        clean_title(title)


def test_clean_title_length_limit() -> None:
    assert clean_title(" " + "x" * 200 + " ") == "x" * 200
    with pytest.raises(HingesError, match="201 characters long"):
        clean_title("x" * 201)


def test_highest_number_reads_names_only(tmp_path: Path) -> None:
    for name in ["0003-a.md", "0012-b.md", "012-short.md", "0099-x.txt", "T-050-t.md",
                 "00042-padded.md", "0100.md", "abcd-x.md", "٠٠٩٩-arabic-digits.md"]:  # fmt: skip
        (tmp_path / name).write_bytes(b"\xff not even text")
    (tmp_path / "0500-folder.md").mkdir()
    assert highest_number(tmp_path, "decision") == 500
    assert highest_number(tmp_path, "tenet") == 50
    assert highest_number(tmp_path / "0500-folder.md", "decision") is None  # empty folder


def test_record_ids() -> None:
    assert record_id("decision", 7, "ADR") == "ADR-0007"
    assert record_id("decision", 12345, "DEC") == "DEC-12345"
    assert record_id("tenet", 7, "ADR") == "T-007"


# Names a decisions folder may hold that are not records: other tools' forms (hinges
# import reads them; hinges check names them as misnamed), notes, too few digits.
NOT_DECISIONS = [
    "README.md", "index.md", "notes.md", "template.md", ".0009-hidden-dot.md",
    "adr-0009-adr-tools.md", "ADR-0009-upper.md", "adr0009-glued.md", "009-three-digits.md",
    "0009.md", "0009", "0009-x.txt", "0009-x.MD", "0009-x.md.bak", "0009_underscore.md",
    "٠٠٠٩-arabic-indic.md", "²²²²-superscript.md", "0x09-hex.md", " 0009-space.md",
    "T-009-a-tenet.md", "-0009-leading-hyphen.md",
]  # fmt: skip


@pytest.mark.parametrize(
    ("names", "highest"),
    [
        ([], None),
        (NOT_DECISIONS, None),
        (["0000-first-of-madr.md"], 0),  # a record: 0 is not "no record"
        (["0000-a.md", "0001-b.md", *NOT_DECISIONS], 1),
        (["0042-a.md", "0007-b.md", "0041-c.md"], 42),
        (["9999-a.md", "10000-b.md", "10001-c.md"], 10001),  # past four digits
        (["10000-a.md", "9999-b.md"], 10000),  # a longer number wins, whatever the order
        (["0009-a.md", "00010-b.md", "000000008-c.md"], 10),  # mixed widths, zero-padded
        (["00000000000000000042-a.md", "0041-b.md"], 42),
        (["0003-.md", "0002-x-y-z.md"], 3),  # an empty slug still holds a number (HG201)
        (["0005-a.md", "0005-b.md"], 5),  # a duplicate number (HG204) is still the highest
        (["9" * 40 + "-huge.md", "0001-a.md"], int("9" * 40)),
        (["0" * 250 + "7-zeros.md"], 7),  # leading zeros of any length (and below)
        (["1" + "0" * 250 + "-x.md", "9" * 250 + "-y.md"], 10**250),
    ],
)
def test_highest_in_decision_names(names: list[str], highest: int | None) -> None:
    assert highest_in_names(names, "decision") == highest
    assert highest_in_names(reversed(names), "decision") == highest
    # The checker reads the same numbers (it says 0 where there is none).
    assert rules_highest("decision", names) == (highest or 0)


@pytest.mark.parametrize(
    ("names", "highest"),
    [
        ([], None),
        (["T-000-zero.md"], 0),
        (["T-001-a.md", "T-012-b.md", "T-1000-c.md", "T-0999-d.md"], 1000),
        (["t-050-lower.md", "T-05-short.md", "T-050.md", "T_050-x.md", "0050-decision.md"], None),
        (["T-" + "0" * 300 + "3-x.md", "T-002-y.md"], 3),
    ],
)
def test_highest_in_tenet_names(names: list[str], highest: int | None) -> None:
    assert highest_in_names(names, "tenet") == highest
    assert rules_highest("tenet", names) == (highest or 0)


@pytest.mark.parametrize("kind", ["decision", "tenet"])
def test_a_number_longer_than_any_file_name_is_refused_not_converted(kind: Kind) -> None:
    # int() refuses strings of more than 4,300 digits with a ValueError (a traceback).
    prefix = "T-" if kind == "tenet" else ""
    with pytest.raises(HingesError, match=f"a {kind} number of 1000000 digits is longer"):
        highest_in_names([f"{prefix}{'9' * 1_000_000}-x.md"], kind)
    assert highest_in_names([f"{prefix}{'0' * 1_000_000}7-x.md"], kind) == 7
    assert highest_in_names([f"{prefix}{'9' * MAX_NUMBER_DIGITS}-x.md"], kind) == int(
        "9" * MAX_NUMBER_DIGITS
    )


NAME_PARTS = st.sampled_from(
    ["0", "1", "9", "0000", "0042", "10000", "T-", "T", "t-", "-", "--", ".md", ".MD", "md",
     ".", "a", "adr-", "_", " ", "٣", "²"]
)  # fmt: skip


@settings(max_examples=500, deadline=None, database=None)
@given(names=st.lists(st.lists(NAME_PARTS, max_size=6).map("".join), max_size=12))
def test_highest_in_names_agrees_with_the_checker(names: list[str]) -> None:
    """The string methods read every name as hinges.rules._naming's patterns do."""
    for kind in ("decision", "tenet"):
        assert (highest_in_names(names, kind) or 0) == rules_highest(kind, names)


def _slugify_with_patterns(title: str) -> str:
    """slugify() as it was written with re.sub, before hinges new had to avoid patterns."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 60:
        cut = slug[:61]
        boundary = cut.rfind("-")
        slug = (cut[:boundary] if boundary >= 30 else cut[:60]).rstrip("-")
    return slug or "decision"


def test_slugify_agrees_with_the_pattern_it_replaced() -> None:
    every_character = "".join(map(chr, range(0x3000))) + "\U0001f600 ﬁ"
    for width in (7, 50, 131):
        for start in range(0, len(every_character), width):
            title = every_character[start : start + width]
            assert slugify(title) == _slugify_with_patterns(title), repr(title)
