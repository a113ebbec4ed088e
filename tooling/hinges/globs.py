"""Path patterns of ``applies_to``, guards' ``in`` and ``scan_exclude``: gitignore-like globs.

A pattern is matched against a file's path relative to the registry root (the folder of
``decisions/`` or of the hinges configuration, normally the repository root), with ``/``
separators, always from the start (it is *anchored*: unlike ``.gitignore``, ``*.py`` means
the Python files at the top level only; write ``**/*.py`` for every folder):

* ``*`` matches any run of characters except ``/``; ``?`` one character except ``/``;
* ``[abc]``, ``[a-z]`` and ``[!abc]`` (or ``[^abc]``) match one character of (not of) the
  set, never ``/``;
* ``**`` as a whole segment crosses folders: ``**/x`` is ``x`` in any folder (the top
  included), ``a/**/b`` is ``b`` anywhere below ``a`` (``a/b`` included), ``a/**`` is
  everything inside ``a``; elsewhere (``a**b``) it is the same as ``*``;
* ``\\`` makes the next character literal (``\\*`` is a star);
* a pattern that matches a folder matches every file inside it: ``services/orders`` and
  ``services/orders/`` both mean ``services/orders/**``.

Matching is case-sensitive, as git is. A pattern is refused (:func:`glob_problem` says
why) when it is empty, absolute (``/x``, ``C:/x``, ``~/x``), holds a ``.`` or ``..`` segment,
uses backslashes as separators, starts with ``!`` (negation is not supported: narrow the
pattern instead) or leaves a ``[`` unclosed. Patterns are translated to regular expressions
in the common subset of Python's ``re`` and RE2 (:func:`glob_regex`), so the code scanner
can match thousands of paths against many patterns in one pass.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import cache

__all__ = [
    "GlobError",
    "PathMatcher",
    "compile_glob",
    "glob_problem",
    "glob_regex",
    "literal_prefix",
    "matching_sorted",
]


def _has_drive(pattern: str) -> bool:
    """``C:/x`` or ``C:\\x``: tested without a regex, as config loading on the path of
    ``hinges new`` calls this module (tests/test_new_path.py)."""
    return (
        len(pattern) >= 3
        and pattern[0].isascii()
        and pattern[0].isalpha()
        and pattern[1] == ":"
        and pattern[2] in "/\\"
    )


class GlobError(ValueError):
    """A pattern that cannot be used; the message says why and what to write instead."""


def glob_problem(pattern: str) -> str | None:
    """Why ``pattern`` is refused, or None when it is a usable pattern."""
    try:
        glob_regex(pattern)
    except GlobError as error:
        return str(error)
    return None


def _check_shape(pattern: str) -> None:
    if not pattern.strip():
        raise GlobError("is empty")
    if pattern != pattern.strip():
        raise GlobError("has leading or trailing spaces")
    if _has_drive(pattern):
        raise GlobError(f"'{pattern}' is absolute; patterns are relative to the repository root")
    if pattern.startswith(("/", "~")):
        raise GlobError(
            f"'{pattern}' is absolute; patterns are relative to the repository root "
            f"(write '{pattern.lstrip('/~')}')"
        )
    if pattern.startswith("!"):
        raise GlobError(f"'{pattern}' starts with '!'; negation is not supported")
    segments = pattern.rstrip("/").split("/")
    if ".." in segments:
        raise GlobError(f"'{pattern}' has a '..' segment; patterns stay inside the repository")
    if "." in segments or "" in segments:
        raise GlobError(f"'{pattern}' has an empty or '.' segment; write the path plainly")
    if "\\" in pattern and re.search(r"\\(?![*?\[\]!\\])", pattern):
        raise GlobError(f"'{pattern}' uses '\\' as a separator; write '/'")


def _class(pattern: str, start: int) -> tuple[str, int]:
    """The regex of the ``[...]`` class opening at ``start``, and the index after it."""
    index = start + 1
    negate = index < len(pattern) and pattern[index] in "!^"
    if negate:
        index += 1
    items: list[str] = []
    first = True
    while index < len(pattern) and (pattern[index] != "]" or first):
        char = pattern[index]
        if char == "/":
            raise GlobError(f"'{pattern}' has '/' inside [...]; a class matches one character")
        if char == "\\" and index + 1 < len(pattern):
            index += 1
            char = pattern[index]
        if char == "-" and items and index + 1 < len(pattern) and pattern[index + 1] != "]":
            items.append("-")
        else:
            items.append(re.escape(char) if char != "-" else r"\-")
        first = False
        index += 1
    if index >= len(pattern):
        raise GlobError(f"'{pattern}' has a '[' without its ']'")
    body = "".join(items)
    if not body:
        raise GlobError(f"'{pattern}' has an empty [...]")
    if re.match(f"[{body}]", "/"):  # a range such as [+-0] spans '/'
        raise GlobError(f"'{pattern}' has a [...] range that includes '/'")
    return (f"[^/{body}]" if negate else f"[{body}]"), index + 1


def _segment(pattern: str, segment: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(segment):
        char = segment[index]
        if char == "*":
            while index < len(segment) and segment[index] == "*":
                index += 1
            out.append("[^/]*")
            continue
        if char == "?":
            out.append("[^/]")
        elif char == "[":
            regex, index = _class(segment, index)
            out.append(regex)
            continue
        elif char == "\\" and index + 1 < len(segment):
            index += 1
            out.append(re.escape(segment[index]))
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


@cache
def glob_regex(pattern: str) -> str:
    """The regular expression (anchored at both ends) that ``pattern`` stands for.

    Raises :class:`GlobError` for a refused pattern. The result uses only syntax that
    Python's ``re`` and RE2 read alike (no look-around, no back-references).
    """
    _check_shape(pattern)
    segments: list[str] = []
    for segment in pattern.rstrip("/").split("/"):
        if not (segment == "**" and segments and segments[-1] == "**"):  # a/**/**/b is a/**/b
            segments.append(segment)
    inside = segments[-1] == "**"
    if inside:
        segments.pop()
    parts = [
        "(?:[^/]+/)*" if segment == "**" else _segment(pattern, segment) + "/"
        for segment in segments
    ]
    prefix = "".join(parts)
    if inside:  # "a/**": everything inside a (one segment at least); "**": everything
        return f"^{prefix}.+$"
    # A pattern naming a folder also matches everything inside it.
    return f"^{prefix[:-1]}(?:/.*)?$"


@cache
def compile_glob(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled with Python's ``re`` (raises :class:`GlobError`)."""
    return re.compile(glob_regex(pattern), re.DOTALL)


def literal_prefix(pattern: str) -> str:
    """What every path ``pattern`` matches starts with: its text before the first ``*``,
    ``?``, ``[`` or ``\\`` (a trailing ``/`` left out, since ``a/`` matches ``a``)."""
    text = pattern.rstrip("/")
    # string methods, not a pattern: globs is imported on the hinges new path
    found = [at for at in (text.find(char) for char in "*?[\\") if at >= 0]
    return text[: min(found)] if found else text


def matching_sorted(paths: Sequence[str], pattern: str) -> list[str]:
    """The paths of ``paths`` (sorted) that the usable ``pattern`` matches, in order.

    Only the run of paths that start with the pattern's :func:`literal_prefix` is tried
    (found by bisection), so counting many patterns over many files stays fast.
    """
    prefix = literal_prefix(pattern)
    start = bisect_left(paths, prefix)
    end = bisect_left(paths, prefix + "\U0010ffff", lo=start) if prefix else len(paths)
    match = compile_glob(pattern).match
    return [path for path in paths[start:end] if match(path)]


class PathMatcher:
    """Several patterns at once: does a path match any of them, and which ones."""

    def __init__(self, patterns: Iterable[str]):
        self.patterns = tuple(patterns)
        self._compiled = [compile_glob(pattern) for pattern in self.patterns]
        union = "|".join(f"(?:{glob_regex(pattern)})" for pattern in self.patterns)
        self._any = re.compile(union, re.DOTALL) if self.patterns else None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def matches(self, path: str) -> bool:
        """Whether ``path`` (repository-relative, ``/`` separators) matches any pattern."""
        return self._any is not None and self._any.match(path) is not None

    def matching(self, path: str) -> list[str]:
        """The patterns that match ``path``, in the order they were given."""
        return [p for p, rx in zip(self.patterns, self._compiled, strict=True) if rx.match(path)]
