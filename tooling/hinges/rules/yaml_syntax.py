"""Front matter is valid YAML.

The finding points where the fix belongs, not where the parser gave up: at the opening
quote of an unclosed quoted value, at the `[` or `{` of an unclosed list or mapping, at
the key that lacks its `:`, at the line indented with a tab or to no level above it. When
the parser noticed elsewhere (often at the end of the front matter), the message names
that line too, and it says what to do. Lines are lines of the record file.

Passing:

    ---
    title: "Decision: use PostgreSQL"
    ---

Failing:

    ---
    title: Decision: use PostgreSQL
    ---

Failing:

    ---
    title: "Use PostgreSQL
    status: accepted
    ---
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.YAML_SYNTAX, "yaml-syntax", Severity.ERROR)
