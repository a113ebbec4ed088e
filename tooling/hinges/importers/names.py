"""What a source file's name says: its number or date, and the slug to keep.

Decision logs name their records in many ways, and every tool reads its own folder
whatever the names, so the importer accepts all of them in every format:

- a number, with or without an ``adr``/``dr``/``decision`` prefix, any width, from 0:
  ``0001-use-x.md``, ``001-use-x.md``, ``adr-001-use-x.md``, ``ADR-0001-Use-X.md``,
  ``adr001-use-x.md``, ``ADR_0001_use_x.md``, ``0000-use-madr.md``, ``ADR-002.md``;
- a date (log4brains, Jekyll): ``20200924-use-x.md``, ``2020-09-24-use-x.md``;
- any other name (log4brains accepts any slug): ``adr_with_a_WeIrd-filename.md``.

Whether a file is a record at all is decided from its name only for indexes and the
well-known template names; anything else is decided by its content
(:mod:`hinges.importers.kinds`).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from hinges.importers.formats import NameParts

INDEX_NAMES = frozenset(
    {"index.md", "readme.md", "_index.md", "toc.md", "summary.md", "_sidebar.md", "adr-log.md"}
)
# Names template files are given by the tools (adr-tools, MADR, log4brains) and by teams
# copying them, compared without the number prefix and case-insensitively. A word
# "template" elsewhere in a name proves nothing: "0039-use-velocity-as-template-engine.md".
TEMPLATE_STEMS = frozenset(
    {
        "template",
        "_template",
        "adr-template",
        "adr_template",
        "adr-template-minimal",
        "adr-template-bare",
        "adr-template-bare-minimal",
        "decision-template",
        "decision-record-template",
        "madr-template",
        "template-adr",
    }
)


@cache
def _numbered() -> re.Pattern[str]:
    return re.compile(
        r"^(?:(?:adr|dr|decision)[-_ ]?)?(?P<number>[0-9]{1,9})(?:[-_ .]+(?P<slug>.*))?$",
        re.IGNORECASE,
    )


@cache
def _dated() -> re.Pattern[str]:
    return re.compile(
        r"^(?P<year>(?:19|20)[0-9]{2})(?P<dash>-?)(?P<month>[0-9]{2})(?P=dash)(?P<day>[0-9]{2})"
        r"(?:[-_ ]+(?P<slug>.*))?$"
    )


def _stem(name: str) -> str:
    return name[: -len(".md")] if name.lower().endswith(".md") else name


def _date_key(stem: str) -> tuple[str, str] | None:
    """(``YYYYMMDD``, slug) of a date-named stem; None when it names no real date."""
    match = _dated().match(stem)
    if match is None:
        return None
    try:
        day = dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None
    return day.strftime("%Y%m%d"), match["slug"] or ""


def parse_name(name: str) -> NameParts:
    """The parts of the file name ``name`` (``0003-use-x.md``); every name has some."""
    stem = _stem(name)
    dated = _date_key(stem)
    if dated is not None:
        return NameParts(None, dated[0], dated[1])
    match = _numbered().match(stem)
    if match is not None:
        return NameParts(int(match["number"]), None, match["slug"] or "")
    return NameParts(None, None, stem)


def name_reason(name: str) -> str | None:
    """Why a file named ``name`` is not a record (index, template), or None."""
    lowered = name.lower()
    if lowered in INDEX_NAMES:
        return "an index or README"
    parts = parse_name(lowered)
    stem = parts.slug if parts.number is not None else _stem(lowered)
    if stem in TEMPLATE_STEMS:
        return "a template (a template's file name)"
    return None
