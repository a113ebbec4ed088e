"""Write YAML scalars that every YAML tool reads back as exactly the same text.

Used wherever hinges writes front matter (templates, edits), so a title with a colon, a
quote or a newline can neither break the front matter nor inject keys.
"""

from __future__ import annotations

import functools
import re

# Used with fullmatch: "$" would also match before a final newline. Patterns are kept as
# text and compiled on first use (re caches them): ``hinges new`` imports this module for
# quote() alone and must not compile what it never runs (tests/test_new_path.py).
_SAFE_PLAIN = r"[A-Za-z0-9][A-Za-z0-9._/-]*(?: [A-Za-z0-9._/-]+)*"
# Plain words every YAML tool (and hinges.records) reads as "no value" instead of text.
_NULL_WORDS = frozenset({"null", "Null", "NULL"})
# Numbers in YAML 1.2's core schema that YAML 1.1 reads as text (``1e3``), so the
# ambiguous-scalar rule, which speaks for YAML 1.1 tools, does not flag them.
_YAML12_NUMBER = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
_SHORT_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


@functools.cache
def _escapes() -> dict[int, str]:
    """What quote() writes for each character it does not write as it is.

    JSON's escapes (valid YAML escapes): the quote, the backslash and the C0 controls. Then,
    as ``\\u`` escapes, what JSON leaves raw but YAML reads as a line break or a byte-order
    mark (U+0085, U+2028, U+2029, U+FEFF) or refuses anywhere in a stream (DEL, the C1
    controls, U+FFFE, U+FFFF, and lone surrogates, which UTF-8 cannot even encode).
    """
    special = [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF]
    table = {code: f"\\u{code:04x}" for code in [*special, *range(0xD800, 0xE000)]}
    table.update({ord(char): escape for char, escape in _SHORT_ESCAPES.items()})
    return table


def quote(value: str) -> str:
    """A double-quoted YAML scalar for ``value``, which YAML reads back as exactly ``value``.

    Written as ``json.dumps(value, ensure_ascii=False)`` would, with the characters YAML
    treats differently from JSON as ``\\u`` escapes; without importing json, whose import
    compiles six patterns ``hinges new`` never uses.
    """
    if value.isascii() and value.isprintable():  # most titles and handles: no table needed
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return '"' + value.translate(_escapes()) + '"'


def scalar(value: str) -> str:
    """``value`` unquoted when every YAML tool reads it as the same text, else quoted."""
    from hinges.rules.ambiguous_scalar import reading

    if (
        re.fullmatch(_SAFE_PLAIN, value)
        and reading(value) is None
        and value not in _NULL_WORDS
        and not re.fullmatch(_YAML12_NUMBER, value)
    ):
        return value
    return quote(value)


def flow_list(values: list[str]) -> str:
    """A flow sequence such as ``[T-001, "@alice"]``."""
    return "[" + ", ".join(scalar(value) for value in values) + "]"
