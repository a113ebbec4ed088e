"""log4brains: ``YYYYMMDD-title.md`` files with MADR 2 bullets (``- Status: draft``).

Records have no numbers; they are numbered by the date in their name, then by name. A
project may keep several folders (``docs/adr`` and ``packages/*/adr``); the whole source
folder is searched.
"""

from __future__ import annotations

import re

from hinges.importers.formats import NameParts, SourceFormat

_NAME = re.compile(r"^(?P<date>[0-9]{8})-(?P<slug>.+)\.md$", re.IGNORECASE)
_BULLET = re.compile(r"^- (?:Status|Date|Deciders|Tags): ", re.MULTILINE)


def parse_name(name: str) -> NameParts | None:
    match = _NAME.match(name)
    return NameParts(None, match["date"], match["slug"]) if match else None


def score(name: str, text: str) -> int:
    return (3 if _NAME.match(name) else 0) + (1 if _BULLET.search(text) else 0)


FORMAT = SourceFormat("log4brains", "log4brains", "YYYYMMDD-title.md", parse_name, score)
