"""Titles, slugs and next numbers (hinges.authoring.naming)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hinges.authoring.naming import clean_title, highest_number, record_id, slugify
from hinges.errors import HingesError
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


def test_record_ids() -> None:
    assert record_id("decision", 7, "ADR") == "ADR-0007"
    assert record_id("decision", 12345, "DEC") == "DEC-12345"
    assert record_id("tenet", 7, "ADR") == "T-007"
