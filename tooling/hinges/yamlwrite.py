"""Write YAML scalars that every YAML tool reads back as exactly the same text.

Used wherever hinges writes front matter (templates, edits), so a title with a colon, a
quote or a newline can neither break the front matter nor inject keys.
"""

from __future__ import annotations

import json
import re

# Characters YAML treats as line breaks or markers inside double quotes that JSON leaves raw.
_YAML_SPECIAL = ("\u2028", "\u2029", "\x85", "\ufeff")
_SAFE_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*(?: [A-Za-z0-9._/-]+)*$")


def quote(value: str) -> str:
    """A double-quoted YAML scalar for ``value`` (JSON escaping is valid YAML escaping)."""
    quoted = json.dumps(value, ensure_ascii=False)
    for char in _YAML_SPECIAL:
        quoted = quoted.replace(char, f"\\u{ord(char):04x}")
    return quoted


def scalar(value: str) -> str:
    """``value`` unquoted when every YAML tool reads it as the same text, else quoted."""
    from hinges.rules.ambiguous_scalar import reading

    if _SAFE_PLAIN.match(value) and reading(value) is None:
        return value
    return quote(value)


def flow_list(values: list[str]) -> str:
    """A flow sequence such as ``[T-001, "@alice"]``."""
    return "[" + ", ".join(scalar(value) for value in values) + "]"
