"""``require`` guards on real git repositories: every covered file must hold a match."""

from __future__ import annotations

from pathlib import Path

from conftest import write_files
from gate_support import check_base, commit_all, git
from guard_support import GUARDED, assert_one_finding_at, check_text, guarded_repo

REQUIRING = GUARDED.replace(
    "guards:\n",
    """guards:
  - require: "authenticate\\\\("
    in: ["services/orders/handlers/*.py"]
    message: Every handler authenticates its caller.
""",
)
MISSING = (
    "error HG1001 ADR-0001 (owner @orders) requires this in every file here, missing: "
    "Every handler authenticates its caller."
)
GOOD_HANDLER = "def get(request):\n    authenticate(request)\n    return 1\n"
BAD_HANDLER = "def get(request):\n    return 1\n"


def _repo(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    return guarded_repo(tmp_path / "repo", {"decisions/0001-use-postgres.md": REQUIRING, **files})


def test_full_check_reports_each_file_without_a_match_at_line_one(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path,
        {
            "services/orders/handlers/a.py": GOOD_HANDLER,
            "services/orders/handlers/b.py": BAD_HANDLER,
            "services/orders/other.py": BAD_HANDLER,  # not covered by the guard
        },
    )
    assert check_text(repo) == (
        1,
        [
            f"services/orders/handlers/b.py:1:1: {MISSING}",
            "2 files checked, 4 code files scanned: 1 error, 0 warnings, 0 notes",
        ],
    )


def test_base_judges_only_files_the_branch_adds_or_changes(tmp_path: Path) -> None:
    repo = _repo(
        tmp_path,
        {
            "services/orders/handlers/old.py": BAD_HANDLER,  # an old miss: not this branch's
            "services/orders/handlers/a.py": GOOD_HANDLER,
        },
    )
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(
        repo,
        {
            "services/orders/handlers/new.py": BAD_HANDLER,
            "services/orders/handlers/kept.py": GOOD_HANDLER,
        },
    )
    commit_all(repo, "two handlers", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 1, done
    assert done.stdout.splitlines() == [
        f"services/orders/handlers/new.py:1:1: {MISSING}",
        "2 files checked, 2 code files scanned: 1 error, 0 warnings, 0 notes",
    ]


def test_base_catches_a_branch_that_only_deletes_the_required_line(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"services/orders/handlers/a.py": GOOD_HANDLER})
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(
        repo,
        {"services/orders/handlers/a.py": GOOD_HANDLER.replace("    authenticate(request)\n", "")},
    )
    commit_all(repo, "no more auth", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 1, done
    assert done.stdout.splitlines()[0] == f"services/orders/handlers/a.py:1:1: {MISSING}"


def test_a_match_on_an_old_line_satisfies_the_guard_under_base(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"services/orders/handlers/a.py": GOOD_HANDLER})
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(
        repo, {"services/orders/handlers/a.py": GOOD_HANDLER + "\n\ndef put():\n    pass\n"}
    )
    commit_all(repo, "another handler", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 0, done


def test_json_and_sarif_locate_the_file(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {"services/orders/handlers/b.py": BAD_HANDLER})
    assert_one_finding_at(repo, "services/orders/handlers/b.py", 1)


def test_a_guard_with_both_forbid_and_require_is_reported_at_the_record(tmp_path: Path) -> None:
    both = REQUIRING.replace(
        '  - require: "authenticate\\\\("\n',
        '  - require: "authenticate\\\\("\n    forbid: "x"\n',
    )
    repo = _repo(tmp_path, {"decisions/0001-use-postgres.md": both})
    code, lines = check_text(repo)
    assert code == 1
    assert [line for line in lines if "HG102" in line] == [
        "decisions/0001-use-postgres.md:14:5: error HG102 'guards' guard has "
        "'forbid' and 'require'; give it exactly one; write - {forbid: REGEX, in: [GLOB, ...], "
        "message: TEXT} (or require: REGEX, or forbid_import: {from: [MODULE, ...], "
        "to: [MODULE, ...]}, or forbid_dependency: [NAME, ...])",
    ]


def test_a_require_pattern_re2_refuses_is_reported_at_its_line(tmp_path: Path) -> None:
    bad = REQUIRING.replace('require: "authenticate\\\\("', 'require: "(?=auth)"')
    repo = _repo(tmp_path, {"decisions/0001-use-postgres.md": bad})
    code, lines = check_text(repo)
    assert code == 1
    assert lines[0].startswith("decisions/0001-use-postgres.md:14:14: error HG105 ")
