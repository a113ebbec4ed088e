"""What the importers need to know about one source format (its module provides one).

File names are read the same way for every format (:mod:`hinges.importers.names`): the
format only tells how the files look, for ``--from auto``, and names the source.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NameParts:
    """What a record's file name says: its number or date, and the slug to keep."""

    number: int | None
    date_key: str | None
    """``YYYYMMDD`` of a date-named file (log4brains), which orders it among unnumbered ones."""
    slug: str


@dataclass(frozen=True)
class SourceFormat:
    name: str
    description: str
    score: Callable[[str, str], int]
    """How strongly a file (name, text) looks like this format, for ``--from auto``."""
