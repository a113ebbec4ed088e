"""Dates as decision logs write them: ISO, ``01-Aug-2023``, ``2023/08/01``, ``August 1, 2023``.

Only unambiguous forms are read. ``08/01/2023`` could be the 8th of January or the 1st of
August, so it is read only when one of the two numbers is above 12; otherwise it is left
unread (and reported), rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_YMD = re.compile(r"^(?P<year>[0-9]{4})[-/.](?P<m>[0-9]{1,2})[-/.](?P<d>[0-9]{1,2})(?:[T ].*)?$")
_DAY_MONTH_YEAR = re.compile(
    rf"^(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?[- ]{_MONTH}[- ,]+(?P<year>[0-9]{{4}})$"
)
_MONTH_DAY_YEAR = re.compile(
    rf"^{_MONTH} (?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?,? (?P<year>[0-9]{{4}})$"
)
_NUMERIC_DMY = re.compile(r"^(?P<a>[0-9]{1,2})[/.](?P<b>[0-9]{1,2})[/.](?P<year>[0-9]{4})$")
_DECORATION = re.compile(r"<!--.*?-->|[*_`]")


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_loose_date(text: str) -> dt.date | None:
    """The date ``text`` names, or None when it names none or could name two."""
    cleaned = " ".join(_DECORATION.sub("", text).split())
    match = _YMD.match(cleaned)
    if match:
        return _date(int(match["year"]), int(match["m"]), int(match["d"]))
    match = _DAY_MONTH_YEAR.match(cleaned) or _MONTH_DAY_YEAR.match(cleaned)
    if match:
        month = _MONTHS.get(match["month"].lower())
        return None if month is None else _date(int(match["year"]), month, int(match["day"]))
    match = _NUMERIC_DMY.match(cleaned)
    if match:
        first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
        if first > 12 >= second:
            return _date(year, second, first)
        if second > 12 >= first:
            return _date(year, first, second)
    return None
