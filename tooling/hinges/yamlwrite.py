"""Write YAML scalars that every YAML tool reads back as exactly the same text.

Used wherever hinges writes front matter (templates, edits), so a title with a colon, a
quote or a newline can neither break the front matter nor inject keys.
"""

from __future__ import annotations

import json
import re

# Characters JSON leaves raw that YAML reads as line breaks or a byte-order mark (U+0085,
# U+2028, U+2029, U+FEFF), or refuses outright anywhere in a stream (DEL, the C1 controls,
# U+FFFE, U+FFFF, and lone surrogates, which UTF-8 cannot even encode): each is written as
# a \u escape, which YAML reads back as the character.
_YAML_SPECIAL = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
# Used with fullmatch: "$" would also match before a final newline.
_SAFE_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*(?: [A-Za-z0-9._/-]+)*")
# Plain words every YAML tool (and hinges.records) reads as "no value" instead of text.
_NULL_WORDS = frozenset({"null", "Null", "NULL"})
# Numbers in YAML 1.2's core schema that YAML 1.1 reads as text (``1e3``), so the
# ambiguous-scalar rule, which speaks for YAML 1.1 tools, does not flag them.
_YAML12_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def quote(value: str) -> str:
    """A double-quoted YAML scalar for ``value`` (JSON escaping is valid YAML escaping)."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_SPECIAL.sub(lambda found: f"\\u{ord(found.group()):04x}", quoted)


def scalar(value: str) -> str:
    """``value`` unquoted when every YAML tool reads it as the same text, else quoted."""
    from hinges.rules.ambiguous_scalar import reading

    if (
        _SAFE_PLAIN.fullmatch(value)
        and reading(value) is None
        and value not in _NULL_WORDS
        and not _YAML12_NUMBER.fullmatch(value)
    ):
        return value
    return quote(value)


def flow_list(values: list[str]) -> str:
    """A flow sequence such as ``[T-001, "@alice"]``."""
    return "[" + ", ".join(scalar(value) for value in values) + "]"
