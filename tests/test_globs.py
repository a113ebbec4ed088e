"""Glob patterns (applies_to, guards' in, scan_exclude): what matches, what is refused."""

from __future__ import annotations

import re

import pytest

from hinges.globs import (
    GlobError,
    PathMatcher,
    compile_glob,
    glob_problem,
    glob_regex,
    literal_prefix,
    matching_sorted,
)

CASES = [
    # pattern, path, matches
    ("services/orders/**/*.py", "services/orders/api.py", True),
    ("services/orders/**/*.py", "services/orders/db/model.py", True),
    ("services/orders/**/*.py", "services/orders/api.pyc", False),
    ("services/orders/**/*.py", "services/payments/api.py", False),
    ("**/*.py", "setup.py", True),
    ("**/*.py", "a/b/c.py", True),
    ("*.py", "setup.py", True),
    ("*.py", "a/setup.py", False),  # anchored: * never crosses '/'
    ("services/orders", "services/orders/api.py", True),  # a folder covers what it holds
    ("services/orders/", "services/orders/x/y.sql", True),
    ("services/orders", "services/orders-old/api.py", False),
    ("a/**", "a/b", True),
    ("a/**", "a", False),
    ("a/**/b", "a/b", True),
    ("a/**/b", "a/x/y/b", True),
    ("a/**/b", "a/xb", False),
    ("**", "anything/at/all", True),
    ("x?.md", "x1.md", True),
    ("x?.md", "x/.md", False),
    ("x[a-c].md", "xb.md", True),
    ("x[a-c].md", "xd.md", False),
    ("x[!a-c].md", "xd.md", True),
    ("x[!a-c].md", "x/.md", False),
    ("a**b", "axxb", True),
    ("a**b", "ax/xb", False),
    (r"lit\*.md", "lit*.md", True),
    (r"lit\*.md", "litx.md", False),
    ("Schemas/*.sql", "schemas/a.sql", False),  # case-sensitive, as git is
    ("a+b(c).md", "a+b(c).md", True),  # regex characters are literal
]


@pytest.mark.parametrize(("pattern", "path", "expected"), CASES)
def test_matching(pattern: str, path: str, expected: bool) -> None:
    assert bool(compile_glob(pattern).match(path)) is expected
    assert PathMatcher([pattern]).matches(path) is expected


@pytest.mark.parametrize(("pattern", "path", "expected"), CASES)
def test_regex_is_valid_re2_with_the_same_answer(pattern: str, path: str, expected: bool) -> None:
    import re2

    assert (re2.match(glob_regex(pattern), path) is not None) is expected


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("", "is empty"),
        (" a", "has leading or trailing spaces"),
        (
            "/src/**",
            "'/src/**' is absolute; patterns are relative to the repository root (write 'src/**')",
        ),
        ("~/x", "'~/x' is absolute; patterns are relative to the repository root (write 'x')"),
        ("C:/src", "'C:/src' is absolute; patterns are relative to the repository root"),
        ("../other/**", "'../other/**' has a '..' segment; patterns stay inside the repository"),
        ("src/../x", "'src/../x' has a '..' segment; patterns stay inside the repository"),
        ("./src", "'./src' has an empty or '.' segment; write the path plainly"),
        ("a//b", "'a//b' has an empty or '.' segment; write the path plainly"),
        ("!a", "'!a' starts with '!'; negation is not supported"),
        ("a[bc", "'a[bc' has a '[' without its ']'"),
        ("a\\b", "'a\\b' uses '\\' as a separator; write '/'"),
        ("[+-0]", "'[+-0]' has a [...] range that includes '/'"),
    ],
)
def test_refused(pattern: str, problem: str) -> None:
    assert glob_problem(pattern) == problem
    with pytest.raises(GlobError):
        compile_glob(pattern)


def test_matcher_names_the_matching_patterns() -> None:
    matcher = PathMatcher(["docs/**", "**/*.md", "src/**"])
    assert matcher.matching("docs/a.md") == ["docs/**", "**/*.md"]
    assert matcher.matching("lib/x.py") == []
    assert not PathMatcher([]) and not PathMatcher([]).matches("x")


def test_regex_has_no_python_only_syntax() -> None:
    # RE2 has no look-around or back-references; the translation must never emit them.
    for pattern, _path, _expected in CASES:
        assert not re.search(r"\(\?[=!<]", glob_regex(pattern))


@pytest.mark.parametrize(
    ("pattern", "prefix"),
    [
        ("services/orders/**", "services/orders/"),
        ("services/orders/", "services/orders"),
        ("src/*.py", "src/"),
        ("**/x", ""),
        ("a/[bc]/d", "a/"),
        ("a\\*b", "a"),
        ("README.md", "README.md"),
    ],
)
def test_literal_prefix(pattern: str, prefix: str) -> None:
    assert literal_prefix(pattern) == prefix


def test_matching_sorted_finds_what_matching_every_path_finds() -> None:
    paths = sorted(
        [
            "a", "a/b", "a/b/c.py", "a-b/c.py", "a/c.py", "ab/c.py", "b/a/c.py", "README.md",
            "services/orders", "services/orders/x.py", "services/ordersX/y.py", "x", "y/x",
            "é/x.py", "a/\U0001f600.py",
        ]
    )  # fmt: skip
    patterns = [
        "a", "a/", "a/**", "a/*.py", "**/c.py", "**", "*", "services/orders/",
        "services/orders/**", "a/b/**/c.py", "[ab]/c.py", "README.md", "é", "a/?.py",
    ]  # fmt: skip
    for pattern in patterns:
        expected = [path for path in paths if compile_glob(pattern).match(path)]
        assert matching_sorted(paths, pattern) == expected, pattern
