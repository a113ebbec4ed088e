"""hinges.visible: what reaches a terminal from a record, and how values are cut."""

from __future__ import annotations

import json
import unicodedata

import pytest

from hinges.visible import ELLIPSIS, json_text, quoted, shorten, terminal_text, visible

# Every character that must never reach a terminal raw, with its visible form.
DANGEROUS = [
    *((chr(code), f"\\x{code:02x}") for code in range(0x20)),
    *((chr(code), f"\\x{code:02x}") for code in range(0x7F, 0xA0)),
    *(
        (chr(code), f"\\u{code:04x}")
        for code in (0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F))
    ),
    *((chr(code), f"\\u{code:04x}") for code in range(0x2066, 0x206A)),
    ("\udc9b", "\\udc9b"),  # a 0x9B byte of a file name, decoded with surrogateescape
    ("\ud800", "\\ud800"),
]


def _raw_controls(text: str) -> list[str]:
    return [char for char, _ in DANGEROUS if char in text and char not in "\n\t"]


@pytest.mark.parametrize(("char", "shown"), DANGEROUS, ids=[hex(ord(c)) for c, _ in DANGEROUS])
def test_visible_escapes_every_dangerous_character(char: str, shown: str) -> None:
    assert visible(f"a{char}b") == f"a{shown}b"


def test_visible_keeps_ordinary_text_and_escapes_the_backslash() -> None:
    assert visible("Use PostgreSQL — für Bestellungen 注文 🚀") == (
        "Use PostgreSQL — für Bestellungen 注文 🚀"
    )
    # The backslash is escaped, so a title that spells "\x1b" is told apart from ESC.
    assert visible("C:\\x1b") == "C:\\\\x1b"
    assert visible("\x1b") == "\\x1b"


def test_visible_of_the_osc_retitle_sequence() -> None:
    assert visible("\x1b]0;pwned\x07 \x1b[2J\r\b") == "\\x1b]0;pwned\\x07 \\x1b[2J\\x0d\\x08"


def test_terminal_text_keeps_lines_tabs_crlf_and_backslashes() -> None:
    text = "line one\tcell\r\nline two \\n\nthree"
    assert terminal_text(text) == text
    assert terminal_text("ok\roverwritten") == "ok\\x0doverwritten"
    assert terminal_text("a\x1b]0;x\x07\n\u202eb\x9b") == "a\\x1b]0;x\\x07\n\\u202eb\\x9b"
    for char, _ in DANGEROUS:
        assert _raw_controls(terminal_text(f"x{char}y")) == [], hex(ord(char))


def test_json_text_escapes_what_json_dumps_leaves_raw_and_round_trips() -> None:
    value = "".join(chr(code) for code in range(0x3000)) + "\udc9b\u202e"
    document = json.dumps({"title": value}, ensure_ascii=False)
    safe = json_text(document)
    assert json.loads(safe) == {"title": value}
    assert _raw_controls(safe) == []
    assert "\\u202e" in safe and "\\u009b" in safe and "\\u007f" in safe


def test_shorten_leaves_a_value_that_fits() -> None:
    assert shorten("x" * 80) == "x" * 80
    assert shorten("\x1b" * 20) == "\x1b" * 20  # shown as 80 characters: it fits


def test_shorten_cuts_to_the_width_as_shown_with_an_ellipsis() -> None:
    assert shorten("x" * 5000) == "x" * 79 + ELLIPSIS
    assert shorten("abcdef", 4) == "abc" + ELLIPSIS
    # ESC shows as four characters: 5 of them and the ellipsis fill 21 of 24.
    assert shorten("\x1b" * 100, 24) == "\x1b" * 5 + ELLIPSIS
    assert len(visible(shorten("\x1b" * 5000))) <= 80


def test_shorten_cut_at_a_word_gap_puts_no_space_before_the_ellipsis() -> None:
    assert shorten("what we must now do", 14) == "what we must" + ELLIPSIS
    assert shorten("what we  must", 9) == "what we" + ELLIPSIS


def test_shorten_never_cuts_inside_an_escape() -> None:
    text = "ab\x1bcd\u202eef\\gh" * 4
    whole_prefixes = {visible(text[:end]) for end in range(len(text))}
    for width in range(2, 30):
        cut = visible(shorten(text, width))
        assert cut.endswith(ELLIPSIS) and len(cut) <= width
        # Before the ellipsis: the visible form of whole characters, no part of an escape.
        assert cut.removesuffix(ELLIPSIS) in whole_prefixes, width


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("abcde\u0301\u0302fgh", "abcd"),  # never part e from its accents
        ("abcd🏳\ufe0fxyz", "abcd"),  # nor an emoji from its variation selector
        ("abc👩\u200d💻xyz", "abc"),  # nor a joined emoji sequence
        ("ab🇫🇷🇩🇪xyz", "ab🇫🇷"),  # nor the two letters of a flag
    ],
)
def test_shorten_never_splits_a_character_sequence(text: str, kept: str) -> None:
    assert shorten(text, 6) == kept + ELLIPSIS


def test_shorten_keeps_a_whole_flag_pair_when_it_fits() -> None:
    assert shorten("a🇫🇷🇩🇪🇮🇹xyz", 6) == "a🇫🇷🇩🇪" + ELLIPSIS


def test_quoted_cuts_and_quotes() -> None:
    assert quoted("Use X") == "'Use X'"
    assert quoted("y" * 200) == "'" + "y" * 79 + ELLIPSIS + "'"


def test_shorten_ends_on_a_whole_grapheme_for_every_cut() -> None:
    text = "e\u0301" * 30
    for width in range(2, 40):
        cut = shorten(text, width).removesuffix(ELLIPSIS)
        assert not cut or not unicodedata.combining(cut[0])
        assert len(cut) % 2 == 0, width
