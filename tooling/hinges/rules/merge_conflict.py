"""A record still holds merge-conflict markers.

Lines starting with `<<<<<<<`, `|||||||` or `>>>>>>>` are left behind by an unfinished
merge. YAML would read them as text and the front matter would silently change; the marker's
line is reported instead. Resolve the conflict and remove the markers.

Passing:

    ---
    status: accepted
    ---

Failing:

    ---
    <<<<<<< HEAD
    status: accepted
    =======
    status: superseded
    >>>>>>> feature
    ---
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.MERGE_CONFLICT, "merge-conflict", Severity.ERROR)
