"""Record numbers written by people: digits of any length, read without risk.

A number comes from a file name, an id in front matter, a reference in a body or a
command-line argument, and any of them may hold thousands of digits (a prefix and a
hyphen followed by thousands of nines). Python refuses to convert more than 4,300 digits
to an ``int`` (a ValueError, which became an internal error), and converting fewer still takes time
quadratic in their count. No registry numbers its records beyond :data:`MAX_DIGITS`
significant digits, so a longer number is simply no record's number.
"""

from __future__ import annotations

MAX_DIGITS = 30


def number_value(digits: str) -> int | None:
    """The value of ASCII ``digits``; None for other text or a number too long to be one.

    ``str.isdigit`` also accepts superscripts and other scripts' digits, some of which
    ``int`` refuses (``"²"``); only ASCII digits are record numbers.
    """
    if not digits.isascii() or not digits.isdigit():
        return None
    significant = digits.lstrip("0")
    if len(significant) > MAX_DIGITS:
        return None
    return int(significant) if significant else 0
