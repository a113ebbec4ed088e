"""log4brains: ``YYYYMMDD-title.md`` files with MADR 2 bullets (``- Status: draft``).

Records have no numbers (log4brains accepts any file name); they are numbered after the
numbered ones, by the date in their name, then by path (:mod:`hinges.importers.numbering`).
A project may keep several folders (``docs/adr`` and ``packages/*/adr``); the whole source
folder is searched.
"""

from __future__ import annotations

import re

from hinges.importers.formats import SourceFormat
from hinges.importers.names import parse_name

_BULLET = re.compile(r"^- (?:Status|Date|Deciders|Tags): ", re.MULTILINE)


def score(name: str, text: str) -> int:
    return (3 if parse_name(name).date_key else 0) + (1 if _BULLET.search(text) else 0)


FORMAT = SourceFormat("log4brains", "log4brains", score)
