"""Unit tests of the loader's layers, with exact positions.

bytes -> text (decode) -> fences (split) -> tree (parse) -> values (interpret).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import yaml

from hinges import frontmatter, yamltree
from hinges.config import Config
from hinges.frontmatter import Framed, FramingProblem
from hinges.records import interpret
from hinges.schema import decision_fields, tenet_fields
from hinges.yamltree import Mapping, Scalar, Sequence, YamlProblem

LOADERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])]


@pytest.fixture(params=LOADERS, ids=lambda loader: loader.__name__)
def each_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Run a test with libyaml's parser and with the pure-Python one: both must agree."""
    monkeypatch.setattr(yamltree, "_Loader", request.param)
    yield


# yamltree.parse


@pytest.mark.usefixtures("each_parser")
def test_scalars_keep_their_text_position_and_quoting() -> None:
    tree = yamltree.parse('door: yes\nid: 010\nowner: "no"\nat: 12:30\nnote: |\n  two\n  lines\n')
    assert tree == Mapping(
        1,
        1,
        {
            "door": (Scalar(1, 1, "door", True), Scalar(1, 7, "yes", True)),
            "id": (Scalar(2, 1, "id", True), Scalar(2, 5, "010", True)),
            "owner": (Scalar(3, 1, "owner", True), Scalar(3, 8, "no", False)),
            "at": (Scalar(4, 1, "at", True), Scalar(4, 5, "12:30", True)),
            "note": (Scalar(5, 1, "note", True), Scalar(5, 7, "two\nlines\n", False)),
        },
    )


@pytest.mark.usefixtures("each_parser")
def test_sequences_and_nested_mappings() -> None:
    tree = yamltree.parse("tags: [a, 'b']\nlist:\n  - {k: v}\n")
    assert tree == Mapping(
        1,
        1,
        {
            "tags": (
                Scalar(1, 1, "tags", True),
                Sequence(1, 7, [Scalar(1, 8, "a", True), Scalar(1, 11, "b", False)]),
            ),
            "list": (
                Scalar(2, 1, "list", True),
                Sequence(
                    3,
                    3,
                    [Mapping(3, 5, {"k": (Scalar(3, 6, "k", True), Scalar(3, 9, "v", True))})],
                ),
            ),
        },
    )


@pytest.mark.usefixtures("each_parser")
@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_an_empty_document_is_none(text: str) -> None:
    assert yamltree.parse(text) is None


@pytest.mark.usefixtures("each_parser")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: 1\nb: 2\na: 3\n",
            YamlProblem(
                "duplicate-key",
                "duplicate key 'a' (first set on line 1); "
                "YAML tools silently keep only one of them",
                3,
                1,
            ),
        ),
        (
            "m: {b: 1, b: 2}\n",
            YamlProblem(
                "duplicate-key",
                "duplicate key 'b' (first set on line 1); "
                "YAML tools silently keep only one of them",
                1,
                11,
            ),
        ),
        (
            "x: &a 1\n",
            YamlProblem(
                "unsupported",
                "anchors (&a) are not allowed in front matter; write the value out in full",
                1,
                4,
            ),
        ),
        (
            "x: 1\ny: *a\n",
            YamlProblem(
                "unsupported",
                "aliases (*a) are not allowed in front matter; write the value out",
                2,
                4,
            ),
        ),
        (
            "x: !!str 1\n",
            YamlProblem(
                "unsupported",
                "explicit YAML tags (tag:yaml.org,2002:str) are not allowed in front matter",
                1,
                4,
            ),
        ),
        ("[a]: x\n", YamlProblem("unsupported", "mapping keys must be plain text", 1, 1)),
        ("? {k: v}\n: x\n", YamlProblem("unsupported", "mapping keys must be plain text", 1, 3)),
        (
            "a: 1\n--- {b: 2}\n",
            YamlProblem("syntax", "front matter must hold a single YAML document", 2, 1),
        ),
        (
            "a: ééé\n\nb: x\ufffe\n",
            YamlProblem("syntax", "character U+FFFE is not allowed in YAML", 3, 5),
        ),
    ],
    ids=[
        "duplicate",
        "duplicate-in-flow",
        "anchor",
        "alias",
        "tag",
        "flow-key",
        "complex-key",
        "two-documents",
        "non-character",
    ],
)
def test_refusals_say_where(text: str, expected: YamlProblem) -> None:
    assert yamltree.parse(text) == expected


# The parsers word their problems differently; ours does not depend on which one ran.
# (Every kind of syntax error, in real record files: tests/test_yaml_errors.py.)
@pytest.mark.usefixtures("each_parser")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a: [\n",
            YamlProblem(
                "syntax",
                "YAML syntax error: unclosed '[': close the list opened on line 1, column 4 "
                "with ']' (the parser only noticed at line 2, the end of the front matter)",
                1,
                4,
            ),
        ),
        (
            "title: Decision: use it\n",
            YamlProblem(
                "syntax",
                "YAML syntax error: ': ' inside an unquoted value; put the whole value in quotes",
                1,
                16,
            ),
        ),
    ],
    ids=["unclosed-flow", "colon-in-plain"],
)
def test_syntax_errors_say_where(text: str, expected: YamlProblem) -> None:
    assert yamltree.parse(text) == expected


@pytest.mark.usefixtures("each_parser")
def test_equal_keys_in_different_mappings_are_fine() -> None:
    tree = yamltree.parse("a: {k: 1}\nb: {k: 2}\n")
    assert isinstance(tree, Mapping)
    assert list(tree.entries) == ["a", "b"]


@pytest.mark.usefixtures("each_parser")
def test_depth_cap_is_exact() -> None:
    # The root mapping is level 1; fifteen nested lists make 16 levels, one more is refused.
    assert isinstance(yamltree.parse("a: " + "[" * 15 + "]" * 15 + "\n"), Mapping)
    assert yamltree.parse("a: " + "[" * 16 + "]" * 16 + "\n") == YamlProblem(
        "too-deep", "front matter nests deeper than 16 levels", 1, 19
    )


@pytest.mark.usefixtures("each_parser")
def test_ten_thousand_block_mappings_do_not_recurse() -> None:
    deep = "".join(" " * depth + "k:\n" for depth in range(10_000))
    assert yamltree.parse(deep) == YamlProblem(
        "too-deep", "front matter nests deeper than 16 levels", 17, 17
    )


def test_ten_thousand_flow_lists_do_not_recurse(each_parser: None) -> None:
    problem = yamltree.parse("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert isinstance(problem, YamlProblem)
    assert (problem.kind, problem.message, problem.line) == (
        "too-deep",
        "front matter nests deeper than 16 levels",
        1,
    )
    # libyaml refuses at its own cap of 1,000 levels, before we see the 17th.
    assert problem.column == (1003 if yamltree._Loader is yaml.CSafeLoader else 19)


@pytest.mark.usefixtures("each_parser")
def test_value_count_cap_is_exact() -> None:
    # Root mapping, key and list are 3 values: 4,997 items reach the cap of 5,000.
    items = ", ".join(["x"] * 4_997)
    assert isinstance(yamltree.parse(f"tags: [{items}]\n"), Mapping)
    assert yamltree.parse(f"tags: [{items}, y]\n") == YamlProblem(
        "too-large", "front matter has more than 5000 values", 1, 7 + 3 * 4_997 + 1
    )


# frontmatter.decode


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"a\nb\n", "a\nb\n"),
        (b"\xef\xbb\xbfa\n", "a\n"),
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"\xef\xbb\xbf---\r\nx: caf\xc3\xa9\r\n", "---\nx: café\n"),
        (b"tab\there\n", "tab\there\n"),
    ],
    ids=["plain", "bom", "crlf", "bom-crlf-utf8", "tab"],
)
def test_decode_accepts_utf8(data: bytes, text: str) -> None:
    assert frontmatter.decode(data) == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            b"\xff\xfea\x00",
            FramingProblem("encoding", "file is UTF-16-encoded; save it as UTF-8", 1),
        ),
        (
            b"\xfe\xff\x00a",
            FramingProblem("encoding", "file is UTF-16-encoded; save it as UTF-8", 1),
        ),
        (
            b"\xff\xfe\x00\x00a\x00\x00\x00",
            FramingProblem("encoding", "file is UTF-32-encoded; save it as UTF-8", 1),
        ),
        (
            b"a\nb\nc\x00\n",
            FramingProblem("encoding", "file contains a NUL byte; is it binary?", 3),
        ),
        (
            b"x\n\xc3\xa9\xc3\xa9 caf\xe9\n",
            FramingProblem(
                "encoding", "byte 0xe9 is not valid UTF-8; save the file as UTF-8", 2, 7
            ),
        ),
        (
            b"ok\ncut \xc3",
            FramingProblem(
                "encoding", "byte 0xc3 is not valid UTF-8; save the file as UTF-8", 2, 5
            ),
        ),
        (
            b"a\r\nbc\x07\n",
            FramingProblem("encoding", "control character U+0007 in the text; remove it", 2, 3),
        ),
        (
            b"a\r\nb\rc\n",
            FramingProblem("encoding", "control character U+000D in the text; remove it", 2, 2),
        ),
        (
            b"a\n\xc2\x85",
            FramingProblem("encoding", "control character U+0085 in the text; remove it", 2, 1),
        ),
        (
            b"a\x7f",
            FramingProblem("encoding", "control character U+007F in the text; remove it", 1, 2),
        ),
        (
            "é\n\u00e9x\u2028y".encode(),
            FramingProblem("encoding", "character U+2028 in the text; remove it", 2, 3),
        ),
        (
            "x\ufffe".encode(),
            FramingProblem("encoding", "character U+FFFE in the text; remove it", 1, 2),
        ),
    ],
    ids=[
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "nul",
        "latin-1",
        "truncated",
        "bell",
        "lone-cr",
        "next-line",
        "delete",
        "line-separator",
        "non-character",
    ],
)
def test_decode_refuses_with_position(data: bytes, expected: FramingProblem) -> None:
    assert frontmatter.decode(data) == expected


# frontmatter.split


def test_split_cuts_at_the_first_closing_fence() -> None:
    text = "---\nid: x\n---\n# Title\n\n---\n\nafter a thematic break\n"
    assert frontmatter.split(text) == Framed(
        text=text,
        front_matter="id: x\n",
        front_matter_line=2,
        body="# Title\n\n---\n\nafter a thematic break\n",
        body_line=4,
    )


def test_split_tolerates_trailing_spaces_on_fences_and_no_final_newline() -> None:
    text = "---  \na: 1\nb: 2\n--- "
    assert frontmatter.split(text) == Framed(text, "a: 1\nb: 2\n", 2, "", 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "\n\n---\na: 1\n---\n",
            FramingProblem(
                "fence",
                "front matter must open with '---' on line 1, not line 3; "
                "remove the lines before it",
                3,
            ),
        ),
        (
            "# Title\n---\na: 1\n---\n",
            FramingProblem("fence", "no front matter: a record starts with '---' on line 1", 1),
        ),
        (
            "---\na: 1\n# Title\n",
            FramingProblem(
                "fence",
                "front matter opened on line 1 is never closed; add a line '---' after it, "
                "before line 3 (the first heading)",
                1,
            ),
        ),
        (
            "---\n# a comment\na: 1\n",
            FramingProblem(
                "fence",
                "front matter opened on line 1 is never closed; add a line '---' after it",
                1,
            ),
        ),
        (
            "---\n  \n---\n",
            FramingProblem("shape", "front matter is empty; it must be a mapping of keys", 1),
        ),
        (
            "---\na: 1\n<<<<<<< HEAD\n---\n",
            FramingProblem(
                "merge-conflict",
                "unresolved merge-conflict marker; resolve the conflict and remove the markers",
                3,
            ),
        ),
        (
            "---\na: 1\n---\nbody\n||||||| base\n",
            FramingProblem(
                "merge-conflict",
                "unresolved merge-conflict marker; resolve the conflict and remove the markers",
                5,
            ),
        ),
        (
            "---\na: 1\n---\n>>>>>>>\n",
            FramingProblem(
                "merge-conflict",
                "unresolved merge-conflict marker; resolve the conflict and remove the markers",
                4,
            ),
        ),
    ],
    ids=[
        "blank-lines-first",
        "text-first",
        "unclosed-before-heading",
        "unclosed-comment-first",
        "blank",
        "conflict-start",
        "conflict-base",
        "conflict-end",
    ],
)
def test_split_refuses_with_position(text: str, expected: FramingProblem) -> None:
    assert frontmatter.split(text) == expected


@pytest.mark.parametrize(
    "body",
    ["Heading\n=======\n", "<<<<<<<< eight is not a marker\n", "text <<<<<<< HEAD\n"],
    ids=["setext", "eight-signs", "not-at-line-start"],
)
def test_split_does_not_mistake_markdown_for_conflicts(body: str) -> None:
    framed = frontmatter.split(f"---\na: 1\n---\n{body}")
    assert isinstance(framed, Framed)
    assert framed.body == body


def test_split_caps_the_front_matter_size() -> None:
    cap = frontmatter.MAX_FRONT_MATTER_CHARS
    at_cap = "x: " + "y" * (cap - 3)
    assert isinstance(frontmatter.split(f"---\n{at_cap}\n---\n"), Framed)
    assert frontmatter.split(f"---\n{at_cap}y\n---\n") == FramingProblem(
        "shape", "front matter is larger than 64 KiB", 2
    )


# records.interpret


def _mapping(text: str) -> Mapping:
    tree = yamltree.parse(text)
    assert isinstance(tree, Mapping)
    return tree


def test_interpret_keeps_the_usable_values_of_a_decision() -> None:
    tree = _mapping(
        "id: ' ADR-0001 '\n"
        "title: Use Redis\n"
        "date: 2026-06-15\n"
        "review_by: '2027-01-31'\n"
        "door: yes\n"
        "owner: ~\n"
        'deciders: ["@a", ~, "", b]\n'
        "tenets: T-001\n"
        "exit_path: {cost: high}\n"
        "unknown: kept out\n"
    )
    assert interpret(tree, decision_fields(Config())) == {
        "id": "ADR-0001",
        "title": "Use Redis",
        "date": dt.date(2026, 6, 15),
        "review_by": dt.date(2027, 1, 31),
        "door": "yes",
        "deciders": ["@a", "b"],
    }


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2026-02-28", {"date": dt.date(2026, 2, 28)}),
        ("2026-02-30", {}),
        ("2026-13-45", {}),
        ("2026-6-1", {}),
        ("20260601", {}),
    ],
)
def test_interpret_keeps_only_real_iso_dates(date: str, expected: dict[str, dt.date]) -> None:
    assert interpret(_mapping(f"date: {date}\n"), decision_fields(Config())) == expected


@pytest.mark.parametrize(
    ("priority", "expected"),
    [("3", {"priority": 3}), ("'3'", {}), ("three", {}), ("-1", {}), ("[1]", {})],
)
def test_interpret_reads_whole_numbers_only_unquoted(
    priority: str, expected: dict[str, int]
) -> None:
    assert interpret(_mapping(f"priority: {priority}\n"), tenet_fields()) == expected


def test_parse_never_raises_on_text_with_a_lone_surrogate() -> None:
    # Decoded files cannot hold one, but text built in memory (by editors) can.
    assert yamltree.parse("title: \udc80\n") == yamltree.YamlProblem(
        "syntax", "the text is not valid Unicode", 1, 1
    )
