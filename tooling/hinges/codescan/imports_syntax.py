"""Import boundaries in JavaScript, TypeScript and Go, read by their syntax.

These languages name imports by path, so ``forbid_import`` patterns that contain ``/`` are
glob patterns here (as in ``in``): ``from`` is matched against the importing file's path,
``to`` against what is imported. A relative JavaScript specifier (``./db``, ``../db/x``)
is resolved against the importing file's folder to a repository path, tried with and
without the usual extensions and ``/index``; a bare one (``mysql2``, ``@acme/db/x``) and a
Go import path (``example.com/shop/orders/db``) are matched as written. A ``to`` pattern
without ``/`` names a package: it matches a bare specifier of that package
(``lodash`` matches ``lodash`` and ``lodash/fp``); a scoped one is a path pattern
(``@acme/legacy`` matches ``@acme/legacy`` and ``@acme/legacy/client``).

JavaScript and TypeScript: ``import ... from "x"``, ``import "x"``, ``export ... from "x"``,
``require("x")`` and ``import("x")`` with a literal; comments are removed first. Go: single
``import "x"`` lines and ``import ( ... )`` blocks, aliases included.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

JS_SUFFIXES = (".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts")
# Our own patterns over untrusted code: no nested quantifiers, so no catastrophic backtracking.
_JS_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
# Import clauses are bounded, so a file of "import" and spaces cannot make a search slow.
_CLAUSE = r"[\w*{}\s,$]{0,2000}?\bfrom\s*"
_JS_IMPORT = re.compile(
    rf"""(?:\bimport\s*(?:{_CLAUSE})?|\bexport\s{_CLAUSE}|\b(?:require|import)\s*\(\s*)"""
    r"""(["'])([^"'\n]+)\1"""
)
_GO_SINGLE = re.compile(r'^\s*import\s+(?:[\w.]+\s+)?"([^"]+)"', re.MULTILINE)
_GO_BLOCK = re.compile(r"^\s*import\s*\(([^)]*)\)", re.MULTILINE)
_GO_SPEC = re.compile(r'^\s*(?:[\w.]+\s+)?"([^"]+)"', re.MULTILINE)


def language_of(path: str) -> str | None:
    if path.endswith(".go"):
        return "go"
    if path.endswith(JS_SUFFIXES) and not path.endswith(".d.ts"):
        return "js"
    return None


def _blank_comments(text: str) -> str:
    """Comments replaced by spaces, newlines kept, so offsets and lines stay true."""
    return _JS_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def js_imports(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, specifier) of each import in JavaScript or TypeScript ``text``."""
    code = _blank_comments(text)
    for match in _JS_IMPORT.finditer(code):
        line, column = _line_col(code, match.start())
        yield line, column, match.group(2)


def go_imports(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, import path) of each import in Go ``text``."""
    code = _blank_comments(text)
    for match in _GO_SINGLE.finditer(code):
        line, column = _line_col(code, match.start(1) - 1)
        yield line, column, match.group(1)
    for block in _GO_BLOCK.finditer(code):
        for spec in _GO_SPEC.finditer(block.group(1)):
            offset = block.start(1) + spec.start(1) - 1
            line, column = _line_col(code, offset)
            yield line, column, spec.group(1)


def js_targets(path: str, specifier: str) -> list[str]:
    """What a specifier may name, for matching ``to`` patterns: repository paths for a
    relative one (as written, with each extension, and ``/index``), else itself."""
    if not specifier.startswith((".", "/")):
        return [specifier]
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), specifier))
    if resolved.startswith(".."):
        return []
    candidates = [resolved]
    candidates += [resolved + suffix for suffix in JS_SUFFIXES]
    candidates += [f"{resolved}/index{suffix}" for suffix in JS_SUFFIXES]
    return candidates


def package_of(specifier: str) -> str:
    """The first part of a bare specifier: the package, unless scoped (``@acme/x``, which
    holds ``/`` and so is written as a path pattern)."""
    return specifier.split("/")[0]
