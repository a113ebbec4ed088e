"""The regex engine of guards: RE2, which runs in time linear in the input.

A guard's ``forbid`` pattern comes from a record, which anyone opening a pull request can
write. Python's ``re`` backtracks, so one pattern such as ``(a+)+$`` could hang the gate for
hours on an ordinary line; RE2 has no backtracking, so it cannot (decisions/0022). The
price is RE2's syntax: no look-around and no back-references, which guards do not need.

Patterns are matched in multi-line mode against a file's bytes (as UTF-8): ``^`` and ``$``
are the start and end of each line, ``.`` never crosses a line end. A pattern that matches
an empty string is refused, because it would match every line.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import re2

from hinges.field_values import MAX_GUARD_PATTERN

MAX_MEMORY = 64 << 20
"""Memory RE2 may use for one compiled pattern or set (its DFA cache), in bytes."""


class PatternError(ValueError):
    """A pattern RE2 refuses, or one a guard may not use; the message says why."""


def _options() -> Any:
    options = re2.Options()
    options.log_errors = False  # refusals are reported as findings, not on stderr
    options.max_mem = MAX_MEMORY
    return options


def _line_mode(pattern: str) -> bytes:
    return b"(?m)" + pattern.encode("utf-8")


@cache
def compile_pattern(pattern: str) -> Any:
    """``pattern`` compiled for searching bytes; raises :class:`PatternError`."""
    if len(pattern) > MAX_GUARD_PATTERN:
        raise PatternError(f"is longer than {MAX_GUARD_PATTERN} characters")
    try:
        compiled = re2.compile(_line_mode(pattern), _options())
    except re2.error as error:
        reason = error.args[0] if error.args else error
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise PatternError(f"is not a valid RE2 pattern ({reason})") from None
    if compiled.search(b"") is not None:
        raise PatternError("matches an empty line, so it would match every line")
    return compiled


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be a guard's ``forbid``, or None."""
    try:
        compile_pattern(pattern)
    except PatternError as error:
        return str(error)
    return None


class PatternSet:
    """Several patterns searched in one pass: which of them occur in a text.

    ``raw`` patterns are used as given (the glob regexes); others in line mode.
    """

    def __init__(self, patterns: Sequence[str], *, raw: bool = False, anchored: bool = False):
        options = _options()
        self._set = re2.Set.MatchSet(options) if anchored else re2.Set.SearchSet(options)
        for pattern in patterns:
            self._set.Add(pattern.encode("utf-8") if raw else _line_mode(pattern))
        self._set.Compile()
        self.size = len(patterns)

    def which(self, data: bytes) -> list[int]:
        """Indexes of the patterns that occur in ``data`` (any order; empty if none)."""
        found: list[int] = self._set.Match(data) or []
        return found
