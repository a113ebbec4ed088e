"""Hostile input: every case of the loader's contract (issue 2, section 3).

Each case is a registry in tmp_path holding a witness record (with one known warning) and
the hostile file; `hinges check` runs in a subprocess under a timeout. A case passes when
the hostile file gets exactly the expected finding (code, line, column, message), the
witness is still reported, stderr is empty (no traceback) and the exit code is 0 or 1 as
the findings require.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from hostile_support import (
    WITNESS_PATH,
    WITNESS_TEXT,
    CheckOutcome,
    check_in_subprocess,
    decision_text,
)

HOSTILE = "decisions/0002-hostile.md"
Expected = list[tuple[int, int, str, str]]


@dataclass(frozen=True)
class Case:
    name: str
    content: bytes
    expected: Expected
    """(line, column, code, message) of the loader and schema findings of the hostile file."""

    @property
    def exit_code(self) -> int:
        return 1 if any(not code.startswith("HG009") for _, _, code, _ in self.expected) else 0


def _text(
    *,
    title: str | None = None,
    values: dict[str, str] | None = None,
    extra: str = "",
    body: str | None = None,
) -> bytes:
    """The UTF-8 bytes of a valid decision 0002, varied as :func:`decision_text` allows."""
    return decision_text(2, title=title, values=values, extra=extra, body=body).encode("utf-8")


def _ambiguous(key: str, text: str, meaning: str) -> str:
    return (
        f"'{key}' value {text} is read as {meaning} by YAML 1.1 tools such as PyYAML; "
        f'quote it: "{text}"'
    )


_TOO_DEEP = "front matter nests deeper than 16 levels"
_TOO_BIG = "front matter is larger than 64 KiB"
_ANCHOR = "anchors (&{}) are not allowed in front matter; write the value out in full"
_TAG = "explicit YAML tags (tag:yaml.org,2002:{}) are not allowed in front matter"
_CONTROL = "control character U+{:04X} in the text; remove it"
_UNKNOWN_COLOUR = "unknown key 'colour' in a decision; did you mean 'door'?"
# libyaml stops at its own cap (1,000 levels) before handing over the 17th container;
# the pure-Python parser hands it over, and our cap of 16 levels refuses it.
_FLOW_DEPTH_COLUMN = 7 + 999 if yaml.__with_libyaml__ else 7 + 15
_BILLION_LAUGHS = "".join(
    [
        'lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n',
        *(f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)),
    ]
)
_CRLF_WITH_BOM = b"\xef\xbb\xbf" + decision_text(2, extra="colour: blue\n").replace(
    "\n", "\r\n"
).encode("utf-8")
_PYTHON_TAG = 'tags: !!python/object/apply:os.system ["touch hinges-was-here"]\n'

CASES = [
    Case(
        "door-yes",
        _text(values={"door": "yes"}),
        [(6, 7, "HG102", "'door' must be one of one-way, two-way, not 'yes'")],
    ),
    Case(
        "owner-no",
        _text(values={"owner": "no"}),
        [(7, 8, "HG009", _ambiguous("owner", "no", "a boolean"))],
    ),
    Case(
        "id-010",
        _text(values={"id": "010"}),
        [(2, 5, "HG102", "'id' '010' does not have the form of ADR-0007")],
    ),
    Case(
        "time-value",
        _text(title="12:30"),
        [(3, 8, "HG009", _ambiguous("title", "12:30", "a number"))],
    ),
    Case(
        "unquoted-iso-dates",
        _text(values={"date": "2026-01-10"}, extra="review_by: 2027-01-10\n"),
        [],
    ),
    Case(
        "month-13",
        _text(values={"date": "2026-13-45"}),
        [(5, 7, "HG102", "'date' '2026-13-45' is not a real date")],
    ),
    Case(
        "february-30",
        _text(extra="review_by: 2026-02-30\n"),
        [(9, 12, "HG102", "'review_by' '2026-02-30' is not a real date")],
    ),
    Case(
        "duplicate-key",
        _text(extra="status: proposed\n"),
        [
            (
                9,
                1,
                "HG007",
                "duplicate key 'status' (first set on line 4); "
                "YAML tools silently keep only one of them",
            )
        ],
    ),
    Case(
        "anchor",
        _text(extra='deciders: &people ["@alice", "@bob"]\n'),
        [(9, 11, "HG008", _ANCHOR.format("people"))],
    ),
    Case(
        "alias",
        _text(extra="tags: *people\n"),
        [
            (
                9,
                7,
                "HG008",
                "aliases (*people) are not allowed in front matter; write the value out",
            )
        ],
    ),
    Case("billion-laughs", _text(extra=_BILLION_LAUGHS), [(9, 7, "HG008", _ANCHOR.format("a0"))]),
    Case(
        "python-tag",
        _text(extra=_PYTHON_TAG),
        [(9, 7, "HG008", _TAG.format("python/object/apply:os.system"))],
    ),
    Case("int-tag", _text(extra="tags: !!int 3\n"), [(9, 7, "HG008", _TAG.format("int"))]),
    Case(
        "deep-flow-sequences",
        _text(extra="tags: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        [(9, _FLOW_DEPTH_COLUMN, "HG005", _TOO_DEEP)],
    ),
    Case(
        "deep-block-mappings",
        _text(extra="".join(" " * depth + "level:\n" for depth in range(300))),
        [(25, 17, "HG005", _TOO_DEEP)],
    ),
    Case(
        "deep-block-sequences",
        _text(extra="tags:\n" + "- " * 10_000 + "x\n"),
        [(10, 31, "HG005", _TOO_DEEP)],
    ),
    Case(
        "huge-front-matter",
        _text(extra="tags: [" + "tag, " * 20_000 + "]\n"),
        [(2, 1, "HG005", _TOO_BIG)],
    ),
    Case(
        "megabyte-title",
        _text(title="x" * 1_000_000, body="# A title of a million characters\n"),
        [(2, 1, "HG005", _TOO_BIG)],
    ),
    Case("bom-and-crlf", _CRLF_WITH_BOM, [(9, 1, "HG103", _UNKNOWN_COLOUR)]),
    Case(
        "utf-16",
        decision_text(2).encode("utf-16"),
        [(1, 1, "HG002", "file is UTF-16-encoded; save it as UTF-8")],
    ),
    Case(
        "latin-1",
        decision_text(2, title="Café menus").encode("latin-1"),
        [(3, 11, "HG002", "byte 0xe9 is not valid UTF-8; save the file as UTF-8")],
    ),
    Case(
        "nul-byte",
        _text(body="# Record 2\n\nNUL \x00 here\n"),
        [(12, 1, "HG002", "file contains a NUL byte; is it binary?")],
    ),
    Case(
        "escape-character",
        _text(values={"exit_path": "Revert \x1b[31m now"}),
        [(8, 19, "HG002", _CONTROL.format(0x1B))],
    ),
    Case(
        "lone-carriage-return",
        _text(title="Record 2\rinjected: true"),
        [(3, 16, "HG002", _CONTROL.format(0x0D))],
    ),
    Case(
        "line-separator",
        _text(title="Record\u20282"),
        [(3, 14, "HG002", "character U+2028 in the text; remove it")],
    ),
    Case(
        "fence-not-on-line-1",
        b"\n\n" + _text(),
        [
            (
                3,
                1,
                "HG004",
                "front matter must open with '---' on line 1, not line 3; "
                "remove the lines before it",
            )
        ],
    ),
    Case(
        "no-front-matter",
        b"# Record 2\n\nJust Markdown.\n",
        [(1, 1, "HG004", "no front matter: a record starts with '---' on line 1")],
    ),
    Case(
        "unclosed-fence",
        _text().replace(b"\n---\n", b"\n\n", 1),
        [
            (
                1,
                1,
                "HG004",
                "front matter opened on line 1 is never closed; add a line '---' after it, "
                "before line 10 (the first heading)",
            )
        ],
    ),
    Case(
        "empty-front-matter",
        b"---\n---\n# Record 2\n",
        [(1, 1, "HG005", "front matter is empty; it must be a mapping of keys")],
    ),
    Case(
        "comment-only-front-matter",
        b"---\n# nothing here\n---\n# Record 2\n",
        [(2, 1, "HG005", "front matter is empty; it must be a mapping of keys")],
    ),
    Case(
        "list-front-matter",
        b"---\n- id: ADR-0002\n- title: Record 2\n---\n# Record 2\n",
        [(2, 1, "HG005", "front matter is a list; it must be a mapping of keys")],
    ),
    Case(
        "scalar-front-matter",
        b"---\nADR-0002 Record 2\n---\n# Record 2\n",
        [(2, 1, "HG005", "front matter is a single value; it must be a mapping of keys")],
    ),
    Case(
        "merge-conflict",
        _text().replace(
            b"status: accepted\n",
            b"<<<<<<< HEAD\nstatus: accepted\n=======\nstatus: superseded\n>>>>>>> topic\n",
        ),
        [
            (
                4,
                1,
                "HG003",
                "unresolved merge-conflict marker; resolve the conflict and remove the markers",
            )
        ],
    ),
    Case(
        "setext-heading-is-not-a-conflict",
        _text(
            body="# Record 2\n\n## Context\n\nWhy.\n\nNotes\n=======\n\nMore.\n\n"
            "## Decision\n\nWhat.\n\n## Consequences\n\nWhat follows.\n"
        ),
        [],
    ),
    Case(
        "two-yaml-documents",
        _text(extra="--- {tags: [b]}\n"),
        [(9, 1, "HG006", "front matter must hold a single YAML document")],
    ),
    Case(
        "list-as-key",
        _text(extra="? [a, b]\n: value\n"),
        [(9, 3, "HG008", "mapping keys must be plain text")],
    ),
    Case(
        "tab-indentation",
        _text(extra="tags:\n\t- a\n"),
        [
            (
                10,
                1,
                "HG006",
                "YAML syntax error: line 10 is indented with a tab; YAML indents with spaces "
                "only: replace the tab with spaces",
            )
        ],
    ),
]


def _registry(root: Path, files: dict[str, bytes]) -> Path:
    for relpath, content in {WITNESS_PATH: WITNESS_TEXT.encode("utf-8"), **files}.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def _assert_witnessed(outcome: CheckOutcome) -> None:
    assert outcome.has_witness(), outcome.findings


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_record(case: Case, tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {HOSTILE: case.content})
    outcome = check_in_subprocess(root)
    assert outcome.at(HOSTILE) == case.expected
    _assert_witnessed(outcome)
    assert outcome.exit_code == case.exit_code
    assert outcome.summary["files"] == 2


def test_every_case_at_once_hides_nothing(tmp_path: Path) -> None:
    files = {f"decisions/{10 + i:04d}-{case.name}.md": case.content for i, case in enumerate(CASES)}
    outcome = check_in_subprocess(_registry(tmp_path / "registry", files))
    for path, case in zip(files, CASES, strict=True):
        assert outcome.at(path) == case.expected, path
    _assert_witnessed(outcome)
    assert outcome.summary["files"] == len(CASES) + 1


def test_python_tag_runs_nothing(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {HOSTILE: _text(extra=_PYTHON_TAG)})
    check_in_subprocess(root)
    assert not (root / "hinges-was-here").exists()
    assert not (Path.cwd() / "hinges-was-here").exists()


def test_ten_thousand_levels_of_block_mappings(tmp_path: Path) -> None:
    # 10,000 indented levels take 50 MB, over the default file limit; raise it so the
    # front matter itself reaches the loader, which refuses it by size, not by recursion.
    deep = "".join(" " * depth + "k:\n" for depth in range(10_000))
    root = _registry(tmp_path / "registry", {HOSTILE: _text(extra=deep)})
    (root / "hinges.toml").write_text("max_file_bytes = 100_000_000\n", encoding="utf-8")
    outcome = check_in_subprocess(root)
    assert outcome.at(HOSTILE) == [(2, 1, "HG005", _TOO_BIG)]
    _assert_witnessed(outcome)


# File-system cases: what kind of entry a record name is, not what it holds.

_OUTSIDE = "is a symlink leading outside the registry; not read"
_BROKEN = "is a broken or looping symlink; not read"


def _check_one_unreadable(root: Path, path: str, message: str) -> None:
    outcome = check_in_subprocess(root)
    assert outcome.at(path, every_code=True) == [(1, 1, "HG001", message)]
    _assert_witnessed(outcome)
    assert outcome.exit_code == 1


def test_symlink_leaving_the_root(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {})
    secret = tmp_path / "secret.md"
    secret.write_bytes(_text())
    (root / HOSTILE).symlink_to(secret)
    _check_one_unreadable(root, HOSTILE, _OUTSIDE)


def test_symlink_to_a_system_file(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {})
    (root / HOSTILE).symlink_to("/etc/passwd")
    _check_one_unreadable(root, HOSTILE, _OUTSIDE)


def test_symlink_inside_the_root_is_read(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {"notes/real.md": _text(extra="colour: blue\n")})
    (root / HOSTILE).symlink_to(Path("..") / "notes" / "real.md")
    outcome = check_in_subprocess(root)
    assert outcome.at(HOSTILE) == [(9, 1, "HG103", _UNKNOWN_COLOUR)]
    _assert_witnessed(outcome)


def test_symlink_loop(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {})
    (root / "decisions/0002-a.md").symlink_to("0003-b.md")
    (root / "decisions/0003-b.md").symlink_to("0002-a.md")
    outcome = check_in_subprocess(root)
    assert outcome.at("decisions/0002-a.md", every_code=True) == [(1, 1, "HG001", _BROKEN)]
    assert outcome.at("decisions/0003-b.md", every_code=True) == [(1, 1, "HG001", _BROKEN)]
    _assert_witnessed(outcome)


def test_broken_symlink(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {})
    (root / HOSTILE).symlink_to("0009-missing.md")
    _check_one_unreadable(root, HOSTILE, _BROKEN)


def test_fifo_does_not_block(tmp_path: Path) -> None:
    # Opening a FIFO for reading blocks until a writer appears; the timeout turns a hang
    # into a failure.
    root = _registry(tmp_path / "registry", {})
    os.mkfifo(root / HOSTILE)
    _check_one_unreadable(root, HOSTILE, "is a FIFO (named pipe); only regular files are read")


def test_symlink_to_a_fifo_inside_the_root_does_not_block(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {})
    os.mkfifo(root / "pipe")
    (root / HOSTILE).symlink_to(Path("..") / "pipe")
    _check_one_unreadable(root, HOSTILE, "is a FIFO (named pipe); only regular files are read")


def test_folder_named_like_a_record(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {f"{HOSTILE}/inside.md": _text()})
    _check_one_unreadable(root, HOSTILE, "is a folder; only regular files are read")


def test_character_device(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {})
    try:
        os.mknod(root / HOSTILE, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    except OSError as error:
        pytest.skip(f"cannot create a device node here: {error.strerror}")
    _check_one_unreadable(root, HOSTILE, "is a device; only regular files are read")


def test_socket(tmp_path: Path) -> None:
    root = _registry(tmp_path / "registry", {})
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(root / HOSTILE))
        _check_one_unreadable(root, HOSTILE, "is a socket; only regular files are read")
    finally:
        listener.close()


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A folder that user ``nobody`` can reach (pytest's ``tmp_path`` is private to its user)."""
    folder = Path(tempfile.mkdtemp(prefix="hinges-unprivileged-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


# These run the check as user nobody when the tests run as root (as in CI), where a mode of
# 000 would not stop root from reading: the "cannot be read" path runs everywhere.


def test_unreadable_file(shared_tmp: Path) -> None:
    root = _registry(shared_tmp / "registry", {HOSTILE: _text()})
    (root / HOSTILE).chmod(0)
    outcome = check_in_subprocess(root, unprivileged=True)
    assert outcome.at(HOSTILE, every_code=True) == [
        (1, 1, "HG001", "cannot be read (Permission denied)")
    ]
    _assert_witnessed(outcome)


def test_unlistable_tenets_folder_is_reported_not_taken_for_empty(shared_tmp: Path) -> None:
    root = _registry(
        shared_tmp / "registry",
        {HOSTILE: _text(extra="tenets: [T-001]\n"), "tenets/T-001-a.md": b"anything"},
    )
    (root / "tenets").chmod(0)
    outcome = check_in_subprocess(root, unprivileged=True)
    assert outcome.at("tenets", every_code=True) == [
        (1, 1, "HG001", "folder cannot be listed (Permission denied); not read")
    ]
    assert outcome.exit_code == 1
    _assert_witnessed(outcome)


def test_unlistable_decisions_folder_fails_the_check(shared_tmp: Path) -> None:
    root = _registry(shared_tmp / "registry", {HOSTILE: _text()})
    (root / "decisions").chmod(0)
    outcome = check_in_subprocess(root, unprivileged=True)
    assert outcome.findings == [
        ("decisions", 1, 1, "HG001", "folder cannot be listed (Permission denied); not read")
    ]
    assert outcome.exit_code == 1


def test_huge_file_is_not_read(tmp_path: Path) -> None:
    # A sparse 8 GiB file: reading it would blow the timeout and the memory; its size is
    # checked first.
    root = _registry(tmp_path / "registry", {HOSTILE: _text()})
    size = 8 * 1024**3
    os.truncate(root / HOSTILE, size)
    _check_one_unreadable(
        root, HOSTILE, f"is {size} bytes, more than the limit of 1048576; not read"
    )


def test_file_just_over_max_file_bytes(tmp_path: Path) -> None:
    content = _text(body="# Record 2\n" + "x" * 2_000 + "\n")
    root = _registry(tmp_path / "registry", {HOSTILE: content})
    (root / "hinges.toml").write_text("max_file_bytes = 1000\n", encoding="utf-8")
    outcome = check_in_subprocess(root)
    message = f"is {len(content)} bytes, more than the limit of 1000; not read"
    assert outcome.at(HOSTILE, every_code=True) == [(1, 1, "HG001", message)]


def test_decisions_folder_is_a_symlink_out_of_the_root(tmp_path: Path) -> None:
    elsewhere = _registry(tmp_path / "elsewhere", {})
    root = tmp_path / "registry"
    root.mkdir()
    (root / "decisions").symlink_to(elsewhere / "decisions")
    (root / "tenets").mkdir()
    (root / "tenets/T-001-witness.md").write_text(
        '---\nid: T-001\ntitle: Witness\nstatus: active\nowner: "@platform"\npriority: 1\n'
        "colour: blue\n---\n# Witness\n",
        encoding="utf-8",
    )
    outcome = check_in_subprocess(root)
    assert outcome.at("decisions", every_code=True) == [
        (1, 1, "HG001", "folder resolves outside the registry root; not read")
    ]
    assert not any(path.startswith("decisions/") for path, *_ in outcome.findings)
    assert outcome.at("tenets/T-001-witness.md") == [
        (
            7,
            1,
            "HG103",
            "unknown key 'colour' in a tenet; "
            "known keys: id, title, status, owner, priority, date, tags",
        )
    ]
