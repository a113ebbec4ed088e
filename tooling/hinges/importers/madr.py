"""MADR: version 2 keeps metadata in bullets (``* Status: accepted``), versions 3 and 4 in
YAML front matter (``status``, ``date``, ``deciders`` / ``decision-makers``, and often only
Jekyll keys such as ``nav_order`` and ``parent``). Files are ``NNNN-title-with-dashes.md``
numbered from 0000; a file without a number may carry one as ``id`` in its front matter.
"""

from __future__ import annotations

import re

from hinges.importers.formats import SourceFormat

_SIGNS = (
    re.compile(r"^\s*---\s*$", re.MULTILINE),
    re.compile(r"^[*-] (?:Status|Deciders|Date): ", re.MULTILINE),
    re.compile(
        r"^## (?:Context and Problem Statement|Decision Outcome|Considered Options)",
        re.MULTILINE,
    ),
)


def score(name: str, text: str) -> int:
    return sum(1 for pattern in _SIGNS if pattern.search(text))


FORMAT = SourceFormat("madr", "MADR", score)
