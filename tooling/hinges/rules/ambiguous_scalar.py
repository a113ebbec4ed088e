"""An unquoted value that YAML 1.1 tools would read as something other than text.

hinges keeps every value as the text you wrote, but PyYAML and many other tools read
`no` as false, `010` as 8, `12:30` as 750 and `~` as nothing. A value that other tools
would silently change is a warning: quote it so every tool reads the same text.
(Unquoted ISO dates in date fields are fine.)

Passing:

    ---
    owner: "no"
    tags: ["on", "12:30"]
    ---

Failing:

    ---
    owner: no
    tags: [on, 12:30]
    ---
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules._fields import checked_fields
from hinges.rules.base import Context, Rule
from hinges.visible import shorten
from hinges.yamltree import Scalar, Sequence

RULE = Rule("HG009", "ambiguous-scalar", Severity.WARNING)

_BOOL = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"
)
_NUMBER = re.compile(
    r"^(?:[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)"
    r"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)

_TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$")


# Every YAML 1.1 boolean, number or timestamp starts with one of these: most values
# (ids, handles, titles) are ruled out by their first character alone.
_SPECIAL_STARTS = frozenset("yYnNtTfFoO0123456789+-.")


def reading(text: str) -> str | None:
    """What a YAML 1.1 tool would make of this unquoted text, if not text."""
    if text[:1] not in _SPECIAL_STARTS:
        return None
    if _BOOL.match(text):
        return "a boolean"
    is_special_float = text.lower() in (".inf", ".nan")
    if (_NUMBER.match(text) and any(ch.isdigit() for ch in text)) or is_special_float:
        return "a number"
    if _TIMESTAMP.match(text):
        return "a date"
    return None


def check(context: Context) -> Iterator[Finding]:
    for record, spec, node, problem in checked_fields(context):
        if spec.kind not in ("string", "list") or problem is not None:
            continue
        scalars = node.items if isinstance(node, Sequence) else [node]
        for scalar in scalars:
            if not isinstance(scalar, Scalar) or not scalar.plain:
                continue
            meaning = reading(scalar.text)
            if meaning is not None:
                yield RULE.finding(
                    record.path,
                    scalar.line,
                    scalar.column,
                    f"'{spec.name}' value {shorten(scalar.text)} is read as {meaning} "
                    "by YAML 1.1 tools "
                    f'such as PyYAML; quote it: "{shorten(scalar.text)}"',
                )
