"""Front matter is a mapping of keys, of reasonable size and depth.

An empty block, a block that is a list or a single value, front matter larger than 64 KiB,
more than 5,000 values or nesting deeper than 16 levels is reported; the caps mean no input
can exhaust memory or the stack.

Passing:

    ---
    id: ADR-0001
    title: Use PostgreSQL
    ---

Failing:

    ---
    - id: ADR-0001
    - title: Use PostgreSQL
    ---
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.SHAPE, "front-matter-shape", Severity.ERROR)
