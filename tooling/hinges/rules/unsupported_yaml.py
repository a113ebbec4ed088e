"""Front matter uses no anchors, aliases, explicit tags or complex keys.

Anchors and aliases make one value stand for another (and, nested, can expand into
billions of values); tags such as `!!int` or `!!python/object` change how a value is read;
keys must be plain text. None of these is needed to describe a decision, so all are refused.

Passing:

    ---
    deciders: ["@alice", "@bob"]
    ---

Failing:

    ---
    deciders: &people ["@alice", "@bob"]
    owner: *people
    ---
"""

from __future__ import annotations

from hinges import loader
from hinges.findings import Severity
from hinges.rules.base import Rule

# Reported by the loader, which stops reading the file at this problem.
RULE = Rule(loader.UNSUPPORTED_YAML, "unsupported-yaml", Severity.ERROR)
