"""`hinges check --base`: real git repositories, branches, merges and shallow clones."""

from __future__ import annotations

from pathlib import Path

from conftest import GOOD_DECISION, GOOD_TENET, run_hinges, write_files
from gate_support import (
    AS_OF,
    NOT_ON_GITHUB,
    check_base,
    commit_all,
    decision,
    git,
    registry_repo,
)


def _gate_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if " HG9" in line]


def test_two_branches_adding_the_same_number_are_caught_then_renumbered(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    git(repo, "checkout", "-q", "-b", "kafka")
    write_files(repo, {"decisions/0002-use-kafka.md": decision(2, "Use Kafka for events")})
    commit_all(repo, "kafka", when="2026-02-01T10:00:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "nats")
    write_files(repo, {"decisions/0002-use-nats.md": decision(2, "Use NATS for orders")})
    commit_all(repo, "nats", when="2026-02-02T10:00:00")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-edit", "kafka", when="2026-02-03T10:00:00")
    # The merge result of the second pull request: main (with kafka) plus nats.
    git(repo, "checkout", "-q", "nats")
    git(repo, "merge", "-q", "--no-edit", "main", when="2026-02-04T10:00:00")
    assert sorted(p.name for p in (repo / "decisions").iterdir()) == [
        "0001-use-postgres.md",
        "0002-use-kafka.md",
        "0002-use-nats.md",
    ]

    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert _gate_lines(caught.stdout) == [
        "decisions/0002-use-nats.md:1:1: error HG904 number 0002 is already used at the base "
        "ref by decisions/0002-use-kafka.md; renumber this record to 0003 "
        "(hinges renumber --base main)"
    ]

    renumbered = run_hinges("renumber", "--root", str(repo), "--base", "main")
    assert renumbered.code == 0, renumbered
    assert "0002-use-nats.md" in renumbered.stdout and "0003" in renumbered.stdout
    fixed = check_base(repo, "main")
    assert fixed.code == 0, fixed
    assert _gate_lines(fixed.stdout) == []
    assert (repo / "decisions" / "0003-use-nats.md").is_file()
    assert (repo / "decisions" / "0002-use-kafka.md").is_file()


def test_an_edit_to_an_accepted_decision_is_caught(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    record = repo / "decisions" / "0001-use-postgres.md"
    record.write_text(
        GOOD_DECISION.replace("exit_path: Orders", "exit_path: All orders").replace(
            "PostgreSQL.\n", "PostgreSQL 16.\n"
        ),
        encoding="utf-8",
    )
    result = check_base(repo, "main")
    assert result.code == 1, result
    advice = (
        "ADR-0001 was accepted at the base ref and its content is history: restore it and "
        "supersede it instead (hinges new TITLE --supersedes ADR-0001)"
    )
    assert _gate_lines(result.stdout) == [
        f"decisions/0001-use-postgres.md:10:12: error HG901 'exit_path' changed; {advice}",
        f"decisions/0001-use-postgres.md:21:1: error HG901 the body changed; {advice}",
    ]


def test_whitespace_and_quoting_are_not_content_changes(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    record = repo / "decisions" / "0001-use-postgres.md"
    record.write_text(
        GOOD_DECISION.replace(
            "title: Use PostgreSQL for orders", 'title: "Use PostgreSQL for orders"'
        )
        .replace("We need a store for orders.", "We need a store\nfor orders.  ")
        .replace("\n", "\r\n"),
        encoding="utf-8",
    )
    result = check_base(repo, "main")
    assert result.code == 0, result
    assert _gate_lines(result.stdout) == []


def test_permitted_changes_of_an_accepted_decision_pass(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    record = repo / "decisions" / "0001-use-postgres.md"
    record.write_text(
        GOOD_DECISION.replace("status: accepted", "status: deprecated")
        .replace("date: 2026-01-10", "date: 2026-11-20")
        .replace("review_by: 2027-01-10", "review_by: 2027-06-01\ntags: [storage]"),
        encoding="utf-8",
    )
    result = check_base(repo, "main")
    assert result.code == 0, result
    assert _gate_lines(result.stdout) == []


def test_mutable_fields_are_configurable(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"hinges.toml": 'mutable_when_accepted = ["status"]\n'})
    commit_all(repo, "configure")
    record = repo / "decisions" / "0001-use-postgres.md"
    record.write_text(GOOD_DECISION.replace("2027-01-10", "2027-06-01"), encoding="utf-8")
    result = check_base(repo, "main")
    assert result.code == 1, result
    assert [line.split(" HG901 ")[1][:19] for line in _gate_lines(result.stdout)] == [
        "'review_by' changed"
    ]


def test_status_transitions_follow_the_lifecycle(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"decisions/0002-use-kafka.md": decision(2, "Use Kafka for events")})
    commit_all(repo, "propose kafka")
    write_files(
        repo,
        {
            "decisions/0002-use-kafka.md": decision(2, "Use Kafka for events", status="accepted"),
            "tenets/T-001-reversible.md": GOOD_TENET.replace("status: active", "status: retired"),
        },
    )
    allowed = check_base(repo, "main")
    # Accepting a proposal and retiring a tenet are allowed moves: no error, and no gate
    # finding (the warnings are the two citations of the now retired tenet).
    assert (allowed.code, allowed.stderr) == (0, ""), allowed
    assert _gate_lines(allowed.stdout) == []
    assert allowed.stdout.endswith("\n3 files checked: 0 errors, 2 warnings, 0 notes\n")
    write_files(
        repo,
        {"decisions/0002-use-kafka.md": decision(2, "Use Kafka for events", status="superseded")},
    )
    result = check_base(repo, "main")
    assert result.code == 1, result
    assert [line for line in _gate_lines(result.stdout) if "HG905" in line] == [
        "decisions/0002-use-kafka.md:4:9: error HG905 status changed from proposed to "
        "superseded; from proposed a decision may only become accepted or rejected"
    ]


def test_a_deleted_proposal_is_caught_and_told_to_be_rejected(tmp_path: Path) -> None:
    # A proposed record cannot become deprecated (the accepted case is the rule example).
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"decisions/0002-use-kafka.md": decision(2, "Use Kafka for events")})
    commit_all(repo, "kafka")
    (repo / "decisions" / "0002-use-kafka.md").unlink()
    result = check_base(repo, "main")
    assert result.code == 1, result
    assert _gate_lines(result.stdout) == [
        "decisions/0002-use-kafka.md:1:1: error HG902 ADR-0002 (decisions/0002-use-kafka.md) "
        "was deleted; records stay on record: restore the file and set its status to "
        "rejected"
    ]


def test_a_renamed_away_record_is_caught(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    git(repo, "mv", "decisions/0001-use-postgres.md", "decisions/0001-use-postgresql.md")
    result = check_base(repo, "main")
    assert result.code == 1, result
    assert _gate_lines(result.stdout) == [
        "decisions/0001-use-postgres.md:1:1: error HG903 ADR-0001 was renamed to "
        "decisions/0001-use-postgresql.md; links to decisions/0001-use-postgres.md break: "
        "keep the file name it was published under (git mv decisions/0001-use-postgresql.md "
        "decisions/0001-use-postgres.md)"
    ]


def test_an_added_accepted_decision_is_a_warning_unless_configured(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    accepted = decision(2, "Use Kafka for events", status="accepted")
    write_files(repo, {"decisions/0002-use-kafka.md": accepted})
    warned = check_base(repo, "main")
    assert warned.code == 0, warned
    assert _gate_lines(warned.stdout) == [
        "decisions/0002-use-kafka.md:4:9: warning HG906 ADR-0002 is added as accepted without "
        "having been proposed on the base branch; add it as proposed and accept it in a "
        "later change"
    ]
    write_files(repo, {"hinges.toml": '[severity]\naccepted-on-arrival = "error"\n'})
    assert check_base(repo, "main").code == 1


def test_the_registry_may_live_in_a_subfolder(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo", prefix="docs/adr")
    (repo / "docs/adr/decisions/0001-use-postgres.md").unlink()
    result = check_base(repo / "docs/adr", "main")
    assert result.code == 1, result
    assert [line.split(" error ")[1][:5] for line in _gate_lines(result.stdout)] == ["HG902"]
    assert _gate_lines(result.stdout)[0].startswith("decisions/0001-use-postgres.md:1:1:")


def test_a_shallow_clone_with_the_base_fetched_works(tmp_path: Path) -> None:
    origin = registry_repo(tmp_path / "origin")
    git(origin, "checkout", "-q", "-b", "feature")
    (origin / "decisions" / "0001-use-postgres.md").write_text(
        GOOD_DECISION.replace("Use PostgreSQL for orders", "Use MySQL for orders"), encoding="utf-8"
    )
    commit_all(origin, "rewrite history", when="2026-03-01T10:00:00")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", origin.as_uri(), str(clone))
    missing = check_base(clone, "origin/main")
    assert missing.code == 2, missing
    assert "git fetch --depth=1 origin main" in missing.stderr
    git(clone, "fetch", "-q", "--depth=1", "origin", "main:refs/remotes/origin/main")
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    result = check_base(clone, "origin/main")
    assert result.code == 1, result
    assert [line.split(": ", 1)[1][:24] for line in _gate_lines(result.stdout)] == [
        "error HG901 'title' chan",
        "error HG901 the body cha",
    ]


def test_a_missing_ref_is_a_usage_error(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    result = check_base(repo, "origin/release")
    assert result.code == 2, result
    assert result.stdout == ""
    assert result.stderr == (
        "hinges: the base ref 'origin/release' is not a commit in this repository; in a "
        "shallow CI checkout fetch it first, e.g. 'git fetch --depth=1 origin release' "
        "(then pass --base origin/release or --base FETCH_HEAD)\n"
    )


def test_outside_a_git_repository_base_is_a_usage_error(tmp_path: Path) -> None:
    write_files(tmp_path, {"decisions/0001-use-postgres.md": GOOD_DECISION})
    result = run_hinges(
        "check", "--root", str(tmp_path), "--as-of", AS_OF, "--base", "main", env=NOT_ON_GITHUB
    )
    assert result.code == 2, result
    assert "--base needs the registry to be in a git repository" in result.stderr


def test_without_base_the_gate_rules_are_silent(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    (repo / "decisions" / "0001-use-postgres.md").unlink()
    write_files(repo, {"decisions/0001-use-postgres.md": decision(1, "Other", status="accepted")})
    result = run_hinges(
        "check", "--root", str(repo), "--as-of", AS_OF, "--format", "text", env=NOT_ON_GITHUB
    )
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == "2 files checked: no problems\n"


def test_superseding_with_hinges_new_passes_the_gate(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    created = run_hinges(
        "new", "Use NATS for orders", "--root", str(repo), "--door", "two-way",
        "--owner", "@payments", "--tenet", "T-001", "--supersedes", "ADR-0001", "--no-input",
        env=NOT_ON_GITHUB,
    )  # fmt: skip
    assert created.code == 0, created
    assert "status: superseded" in (repo / "decisions/0001-use-postgres.md").read_text()
    result = check_base(repo, "main")
    # The edit hinges new made to the accepted record (status and superseded_by) is one the
    # gate allows; the three warnings are about the new record still being a proposal
    # (HG307 its predecessor stays in force, HG405 and HG803 its template text is unwritten).
    assert (result.code, result.stderr) == (0, ""), result
    assert _gate_lines(result.stdout) == []
    warnings = [line.split()[2] for line in result.stdout.splitlines()[:-1]]
    assert warnings == ["HG307", "HG405", "HG803"], result
    assert result.stdout.endswith("\n3 files checked: 0 errors, 3 warnings, 0 notes\n")
