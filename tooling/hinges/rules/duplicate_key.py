"""A key appears twice in the same mapping.

YAML tools silently keep one of the two values, so which status a record has would depend
on the tool. The second key's line is reported, naming the line of the first.

Passing:

    ---
    status: accepted
    ---

Failing:

    ---
    status: proposed
    status: accepted
    ---
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.DUPLICATE_KEY, "duplicate-key", Severity.ERROR)
