"""Decision ids mentioned in code: unknown, superseded and rejected ones, at their lines."""

from __future__ import annotations

from pathlib import Path

from conftest import run_hinges, write_files
from gate_support import AS_OF, NOT_ON_GITHUB, check_base, commit_all, decision, git, registry_repo

SUPERSEDED = decision(2, "Use RabbitMQ for events", status="superseded").replace(
    "review_by: 2099-01-10", "review_by: 2099-01-10\nsuperseded_by: [ADR-0003]"
)
SUCCESSOR = decision(3, "Use Kafka for events", status="accepted").replace(
    "review_by: 2099-01-10", "review_by: 2099-01-10\nsupersedes: [ADR-0002]"
)
REJECTED = decision(4, "Shard orders", status="rejected")
CODE = """\
# Orders: ADR-0001 (fine).
# Events: ADR-0002, then ADR-0003.
# Sharding was ADR-0004; see also ADR-0099 and XADR-0005 and ADR-12.
"""


def _repo(tmp_path: Path) -> Path:
    repo = registry_repo(tmp_path / "repo")
    write_files(
        repo,
        {
            "decisions/0002-rabbitmq.md": SUPERSEDED,
            "decisions/0003-kafka.md": SUCCESSOR,
            "decisions/0004-shard.md": REJECTED,
        },
    )
    commit_all(repo, "more decisions")
    return repo


def test_every_mention_is_reported_at_its_line(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write_files(repo, {"src/orders.py": CODE})
    commit_all(repo, "code")
    done = run_hinges(
        "check", "--root", str(repo), "--as-of", AS_OF, "--format", "text", env=NOT_ON_GITHUB
    )
    assert done.code == 1, done
    assert done.stdout.splitlines() == [
        "src/orders.py:2:11: warning HG1003 ADR-0002 is superseded by ADR-0003; refer to "
        "that instead",
        "src/orders.py:3:16: warning HG1004 ADR-0004 was rejected; the code should not rely on it",
        "src/orders.py:3:35: error HG1002 ADR-0099 is not a decision in decisions/; correct or "
        "remove the reference",
        "5 files checked: 1 error, 2 warnings, 0 notes",
    ]


def test_base_reports_only_mentions_the_branch_adds(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write_files(repo, {"src/orders.py": "# legacy: ADR-0098\n"})
    commit_all(repo, "old unknown mention")
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(repo, {"src/orders.py": "# legacy: ADR-0098\n# new: ADR-0097 and ADR-0002\n"})
    commit_all(repo, "new mention", when="2026-02-01T10:00:00")
    done = check_base(repo, "main")
    assert done.code == 1, done
    assert [line.split(" ADR-")[0] for line in done.stdout.splitlines()[:-1]] == [
        "src/orders.py:2:8: error HG1002",
        "src/orders.py:2:21: warning HG1003",
    ]


def test_the_record_folders_are_never_scanned(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write_files(repo, {"decisions/README.md": "ADR-0099 is an example.\n"})
    commit_all(repo, "readme")
    done = run_hinges("check", "--root", str(repo), "--as-of", AS_OF, env=NOT_ON_GITHUB)
    assert done.code == 0, done


def test_the_id_rules_can_be_turned_off(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    write_files(
        repo,
        {
            "src/orders.py": CODE,
            "hinges.toml": (
                '[severity]\nunknown-id-in-code = "off"\nHG1003 = "off"\nHG1004 = "off"\n'
            ),
        },
    )
    commit_all(repo, "code")
    done = run_hinges("check", "--root", str(repo), "--as-of", AS_OF, env=NOT_ON_GITHUB)
    assert done.code == 0, done
