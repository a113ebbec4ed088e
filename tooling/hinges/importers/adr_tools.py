"""adr-tools (Michael Nygard's format): ``NNNN-title.md``, ``# N. Title``, ``Date:``, ``## Status``.

``adr new -s 3`` rewrites the old record's status section to "Superseded by [..](..)" and
writes "Supersedes [..](..)" in the new one; ``adr link`` writes relations of any name
("Amends" / "Amended by") there too. All of them live in the ``## Status`` section.
"""

from __future__ import annotations

import re

from hinges.importers.formats import SourceFormat
from hinges.importers.names import parse_name

_NUMBERED_H1 = re.compile(r"^# [0-9]+\. ", re.MULTILINE)
_STATUS_SECTION = re.compile(r"^## Status\s*$", re.MULTILINE | re.IGNORECASE)
_DATE_LINE = re.compile(r"^Date: ", re.MULTILINE)


def score(name: str, text: str) -> int:
    points = sum(
        1 for pattern in (_NUMBERED_H1, _STATUS_SECTION, _DATE_LINE) if pattern.search(text)
    )
    return points + (1 if points and parse_name(name).number is not None else 0)


FORMAT = SourceFormat("adr-tools", "adr-tools (Nygard format)", score)
