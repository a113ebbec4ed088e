"""The pull request names the decisions governing the files it changes (summary, annotations)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_hinges, write_files
from gate_support import DECISION, NOT_ON_GITHUB, commit_all, decision, git, registry_repo
from hinges.gate.governed import SHOWN_FILES


def _scoped(number: int, title: str, applies_to: str, *, door: str = "two-way") -> str:
    record = decision(number, title, status="accepted", door=door)
    return record.replace(
        "review_by: 2099-01-10", f"review_by: 2099-01-10\napplies_to: {applies_to}"
    )


def _services_repo(tmp_path: Path) -> Path:
    """main: ADR-0002 (two-way, orders) and ADR-0003 (one-way, all services), and code;
    then a branch that changes orders code, billing code and the README."""
    repo = registry_repo(tmp_path / "repo")
    write_files(
        repo,
        {
            "decisions/0002-orders-in-postgres.md": _scoped(
                2, "Orders in PostgreSQL", '["services/orders/**"]'
            ).replace("@payments", "@orders"),
            "decisions/0003-services-speak-grpc.md": _scoped(
                3, "Services speak gRPC | <b>", '["services/**"]', door="one-way"
            ).replace("@payments", "@platform"),
            "services/orders/store.py": "import psycopg\n",
            "services/billing/api.py": "import grpc\n",
            "README.md": "# shop\n",
        },
    )
    commit_all(repo, "services")
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(
        repo,
        {
            "services/orders/store.py": "import psycopg\nimport json\n",
            "services/billing/new.py": "x = 1\n",
            "README.md": "# shop, now with billing\n",
        },
    )
    (repo / "services" / "billing" / "api.py").unlink()
    commit_all(repo, "billing")
    return repo


def _run(repo: Path, *args: str) -> str:
    result = run_hinges(*args, "--root", str(repo), "--base", "main", env=NOT_ON_GITHUB)
    assert result.code == 0, result
    return result.stdout


def test_the_summary_lists_governing_decisions_one_way_first_with_owner_and_files(
    tmp_path: Path,
) -> None:
    repo = _services_repo(tmp_path)
    assert _run(repo, "summary") == (
        "## Decision records: changes since ` main `\n"
        "\n"
        "No decision or tenet changed.\n"
        "\n"
        "### Decisions governing the changed files\n"
        "\n"
        "> [!IMPORTANT]\n"
        "> An accepted one-way door governs files this pull request changes:\n"
        "> ask the owner to review. Reversing a one-way door is costly.\n"
        "\n"
        "| Decision | Door | Owner | Changed files |\n"
        "| --- | --- | --- | --- |\n"
        "| ADR-0003 Services speak gRPC \\| &lt;b&gt; | **one-way** | ` @platform ` "
        "| ` services/billing/api.py `, ` services/billing/new.py `, "
        "` services/orders/store.py ` |\n"
        "| ADR-0002 Orders in PostgreSQL | two-way | ` @orders ` "
        "| ` services/orders/store.py ` |\n"
    )
    document = json.loads(_run(repo, "summary", "--format", "json"))
    assert document["governed"] == [
        {
            "id": "ADR-0003",
            "title": "Services speak gRPC | <b>",
            "path": "decisions/0003-services-speak-grpc.md",
            "door": "one-way",
            "owner": "@platform",
            "files": [
                "services/billing/api.py",
                "services/billing/new.py",
                "services/orders/store.py",
            ],
        },
        {
            "id": "ADR-0002",
            "title": "Orders in PostgreSQL",
            "path": "decisions/0002-orders-in-postgres.md",
            "door": "two-way",
            "owner": "@orders",
            "files": ["services/orders/store.py"],
        },
    ]
    assert document["scope_changes"] == []


def _annotations(output: str) -> list[str]:
    return [line for line in output.splitlines() if ",title=governed::" in line]


def test_each_governed_changed_file_gets_a_notice_naming_decisions_and_owners(
    tmp_path: Path,
) -> None:
    repo = _services_repo(tmp_path)
    result = run_hinges(
        "check", "--root", str(repo), "--base", "main", "--format", "github", env=NOT_ON_GITHUB
    )
    assert result.code == 1, result  # the one-way door lacks deciders: findings, not notes
    three = "ADR-0003 Services speak gRPC | <b> (one-way door, owner @platform)"
    assert _annotations(result.stdout) == [
        f"::notice file=services/billing/api.py,title=governed::Governed by {three}",
        f"::notice file=services/billing/new.py,title=governed::Governed by {three}",
        "::notice file=services/orders/store.py,title=governed::Governed by "
        f"{three}; ADR-0002 Orders in PostgreSQL (two-way door, owner @orders)",
    ]
    # Not findings: the summary line counts only the record problems.
    assert result.stdout.splitlines()[-1].endswith("0 notes")
    text = run_hinges("check", "--root", str(repo), "--base", "main", "--format", "text")
    assert text.code == 1 and "Governed by" not in text.stdout


def test_the_annotation_level_of_each_door_is_configurable(tmp_path: Path) -> None:
    repo = _services_repo(tmp_path)
    write_files(repo, {"hinges.toml": '[governed_annotation]\none-way = "warning"\n'})
    result = run_hinges(
        "check", "--root", str(repo), "--base", "main", "--format", "github", env=NOT_ON_GITHUB
    )
    assert result.code == 1, result
    levels = [line.split(" ", 1)[0] for line in _annotations(result.stdout)]
    assert levels == ["::warning", "::warning", "::warning"]
    write_files(
        repo, {"hinges.toml": '[governed_annotation]\none-way = "off"\ntwo-way = "warning"\n'}
    )
    result = run_hinges(
        "check", "--root", str(repo), "--base", "main", "--format", "github", env=NOT_ON_GITHUB
    )
    assert result.code == 1, result
    assert _annotations(result.stdout) == [
        "::warning file=services/orders/store.py,title=governed::Governed by "
        "ADR-0002 Orders in PostgreSQL (two-way door, owner @orders)"
    ]
    write_files(repo, {"hinges.toml": '[governed_annotation]\none-way = "error"\n'})
    refused = run_hinges("check", "--root", str(repo), "--base", "main", env=NOT_ON_GITHUB)
    assert refused.code == 2, refused
    assert (
        "governed_annotation of 'one-way' must be one of notice, warning, off, not 'error'"
        in refused.stderr
    )


def test_adding_applies_to_and_guards_to_an_accepted_decision_is_noted(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"services/orders/store.py": "import psycopg\n"})
    commit_all(repo, "code")
    git(repo, "checkout", "-q", "-b", "feature")
    scoped = DECISION.replace(
        "review_by: 2099-01-10",
        'review_by: 2099-01-10\napplies_to: ["services/orders/**"]\nguards:\n'
        '  - forbid: "import mysql"\n    in: ["services/**"]\n    message: No MySQL.',
    )
    write_files(repo, {"decisions/0001-use-postgres.md": scoped})
    commit_all(repo, "scope ADR-0001")
    gate = run_hinges("check", "--root", str(repo), "--base", "main", env=NOT_ON_GITHUB)
    assert gate.code == 0, gate  # allowed on an accepted decision
    markdown = _run(repo, "summary")
    assert (
        "> [!NOTE]\n"
        "> **Scope or guards changed.** This pull request changes the\n"
        "> `applies_to` or `guards` of accepted decisions (allowed: teams add them to\n"
        "> the decisions they already have):\n"
        "> - ADR-0001 Use PostgreSQL for orders: `applies_to` and `guards`\n"
    ) in markdown
    assert "### Decisions governing" not in markdown  # no governed file changed
    document = json.loads(_run(repo, "summary", "--format", "json"))
    assert document["scope_changes"] == [
        {
            "id": "ADR-0001",
            "title": "Use PostgreSQL for orders",
            "path": "decisions/0001-use-postgres.md",
            "fields": ["applies_to", "guards"],
        }
    ]
    assert document["governed"] == []


def test_nothing_governed_means_no_section_and_no_annotation(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(repo, {"src/app.py": "print('hi')\n"})
    git(repo, "add", "-A")
    assert _run(repo, "summary") == (
        "## Decision records: changes since ` main `\n\nNo decision or tenet changed.\n"
    )
    result = run_hinges(
        "check", "--root", str(repo), "--base", "main", "--format", "github", env=NOT_ON_GITHUB
    )
    assert result.code == 0 and _annotations(result.stdout) == []


def test_a_long_list_of_governed_files_is_cut_and_counted(tmp_path: Path) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"decisions/0002-orders.md": _scoped(2, "Orders", '["services/orders/**"]')})
    commit_all(repo, "scope")
    git(repo, "checkout", "-q", "-b", "feature")
    extra = 3
    files = {f"services/orders/m{n:02d}.py": "x = 1\n" for n in range(SHOWN_FILES + extra)}
    write_files(repo, files)
    git(repo, "add", "-A")  # staged, not committed: the working tree counts
    row = next(line for line in _run(repo, "summary").splitlines() if "ADR-0002" in line)
    shown = ", ".join(f"` services/orders/m{n:02d}.py `" for n in range(SHOWN_FILES))
    assert row == f"| ADR-0002 Orders | two-way | ` @payments ` | {shown}, and {extra} more |"
    document = json.loads(_run(repo, "summary", "--format", "json"))
    assert document["governed"][0]["files"] == sorted(files)


def test_paths_limit_the_annotations_as_they_limit_findings(tmp_path: Path) -> None:
    repo = _services_repo(tmp_path)
    result = run_hinges(
        "check",
        str(repo / "services" / "orders"),
        "--root",
        str(repo),
        "--base",
        "main",
        "--format",
        "github",
        env=NOT_ON_GITHUB,
    )
    assert result.code == 0, result  # the record findings are outside the selection
    assert [line.split("::")[1] for line in _annotations(result.stdout)] == [
        "notice file=services/orders/store.py,title=governed"
    ]


def test_hostile_file_names_are_escaped_in_the_summary_and_the_annotations(
    tmp_path: Path,
) -> None:
    repo = registry_repo(tmp_path / "repo")
    write_files(repo, {"decisions/0002-orders.md": _scoped(2, "Orders", '["services/orders/**"]')})
    commit_all(repo, "scope")
    git(repo, "checkout", "-q", "-b", "feature")
    write_files(repo, {"services/orders/a|b`c,d:e\u202e.py": "x = 1\n"})
    git(repo, "add", "-A")
    row = next(line for line in _run(repo, "summary").splitlines() if "ADR-0002" in line)
    assert row.endswith("| ` @payments ` | `` services/orders/a\\|b`c,d:e\\u202e.py `` |")
    result = run_hinges(
        "check", "--root", str(repo), "--base", "main", "--format", "github", env=NOT_ON_GITHUB
    )
    assert result.code == 0, result
    assert _annotations(result.stdout) == [
        "::notice file=services/orders/a|b`c%2Cd%3Ae\\u202e.py,title=governed::Governed by "
        "ADR-0002 Orders (two-way door, owner @payments)"
    ]
