"""`hinges summary --base`: the pull-request comment body, in Markdown and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import GOOD_DECISION, GOOD_TENET, run_hinges, write_files
from gate_support import NOT_ON_GITHUB, commit_all, decision, git, registry_repo
from hinges.gate.compare import TRANSITIONS
from hinges.gate.mdtext import code, escape


def _summary(repo: Path, *args: str) -> str:
    result = run_hinges("summary", "--root", str(repo), "--base", "main", *args, env=NOT_ON_GITHUB)
    assert result.code == 0, result
    assert result.stderr == ""
    return result.stdout


def test_added_changed_and_one_way_doors_are_listed(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"decisions/0002-use-kafka.md": decision(2, "Use Kafka for events")})
    commit_all(repo, "propose kafka")
    write_files(
        repo,
        {
            "decisions/0002-use-kafka.md": decision(2, "Use Kafka for events", status="accepted"),
            "decisions/0003-store-events.md": decision(
                3, "Store events | forever <script>", door="one-way"
            ),
        },
    )
    assert _summary(repo) == (
        "## Decision records: changes since ` main `\n"
        "\n"
        "2 decisions and 0 tenets changed.\n"
        "\n"
        "> [!WARNING]\n"
        "> **One-way door.** This pull request adds or accepts a\n"
        "> decision that is costly or impossible to reverse; review it with care:\n"
        "> - ADR-0003 Store events \\| forever &lt;script&gt; (proposed)\n"
        "\n"
        "| Change | Id | Title | Door | Owner | Tenets | Status |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        "| changed | ADR-0002 | Use Kafka for events | two-way | ` @payments ` | T-001 "
        "| proposed → accepted |\n"
        "| added | ADR-0003 | Store events \\| forever &lt;script&gt; | one-way "
        "| ` @payments ` | T-001 | proposed |\n"
    )


def test_a_changed_or_retired_tenet_lists_the_accepted_decisions_citing_it(
    tmp_path: Path,
) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"tenets/T-001-reversible.md": GOOD_TENET.replace("active", "retired")})
    out = _summary(repo)
    assert "| changed | T-001 | Reversible choices over perfect ones |  | " in out
    assert out.endswith(
        "> [!NOTE]\n"
        "> Tenet T-001 Reversible choices over perfect ones is retired. Accepted\n"
        "> decisions citing it, to revisit: ADR-0001 Use PostgreSQL for orders.\n"
    )


def test_deleted_and_renamed_records_are_listed(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"decisions/0002-use-kafka.md": decision(2, "Use Kafka for events")})
    commit_all(repo, "kafka")
    git(repo, "mv", "decisions/0001-use-postgres.md", "decisions/0001-use-postgresql.md")
    (repo / "decisions" / "0002-use-kafka.md").unlink()
    document = json.loads(_summary(repo, "--format", "json"))
    assert document["version"] == 1 and document["base"] == "main"
    assert [(r["change"], r["id"], r["path"]) for r in document["records"]] == [
        ("renamed", "ADR-0001", "decisions/0001-use-postgresql.md"),
        ("deleted", "ADR-0002", "decisions/0002-use-kafka.md"),
    ]
    assert document["one_way_doors"] == [] and document["tenet_notes"] == []


def test_json_names_one_way_doors_accepted_in_the_change(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    one_way = GOOD_DECISION.replace("door: two-way", "door: one-way")
    write_files(repo, {"decisions/0001-use-postgres.md": one_way.replace("accepted", "proposed")})
    commit_all(repo, "propose a one-way door")
    write_files(repo, {"decisions/0001-use-postgres.md": one_way})
    document = json.loads(_summary(repo, "--format", "json"))
    assert document["one_way_doors"] == ["ADR-0001"]
    assert document["records"][0] == {
        "change": "changed",
        "kind": "decision",
        "id": "ADR-0001",
        "title": "Use PostgreSQL for orders",
        "path": "decisions/0001-use-postgres.md",
        "door": "one-way",
        "owner": "@payments",
        "tenets": ["T-001"],
        "status_from": "proposed",
        "status_to": "accepted",
    }


def test_no_change_says_so(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    assert _summary(repo).endswith("\nNo decision or tenet changed.\n")


def test_a_missing_ref_is_a_usage_error(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    result = run_hinges("summary", "--root", str(repo), "--base", "gone", env=NOT_ON_GITHUB)
    assert result.code == 2
    assert "git fetch --depth=1 origin gone" in result.stderr


def test_markdown_escaping_of_record_values() -> None:
    assert escape("a|b <i>x</i> [l](u) `c` *e* _u_ ~s~ & !") == (
        "a\\|b &lt;i&gt;x&lt;/i&gt; \\[l\\](u) \\`c\\` \\*e\\* \\_u\\_ \\~s\\~ &amp; \\!"
    )
    assert escape("two\nlines") == "two lines"
    assert code("@team") == "` @team `"
    assert code("a`b|c") == "`` a`b\\|c ``"


def test_the_lifecycle_is_the_one_hinges_status_uses() -> None:
    from hinges.authoring.status import TRANSITIONS as AUTHORING

    assert AUTHORING == TRANSITIONS
