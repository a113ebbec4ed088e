"""Front matter is valid YAML.

The parser's message and the line and column where it stopped are reported.

Passing:

    ---
    title: "Decision: use PostgreSQL"
    ---

Failing:

    ---
    title: Decision: use PostgreSQL
    ---
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.YAML_SYNTAX, "yaml-syntax", Severity.ERROR)
