"""Front matter opens with `---` on line 1 and is closed by a second `---` line.

A file without front matter, one whose fence opens after blank lines, and one whose fence
is never closed are reported; other tools read all of these as "no metadata" without a
word.

Passing:

    ---
    id: ADR-0001
    ---
    # Body

Failing:

    ---
    id: ADR-0001
    # Body (the closing fence is missing)
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.FENCE, "front-matter-fence", Severity.ERROR)
