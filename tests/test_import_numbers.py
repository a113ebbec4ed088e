"""``hinges import`` keeps every record and its number: names, templates, collisions, 0.

The fixture ``many-names`` is shaped like real decision logs: numbers written in every
common way (``adr-001-``, ``ADR-0002-``, ``adr003-``, three digits, from 0000), a gap, two
files with one number, a slug containing "template", any-slug names, real templates,
indexes, notes, a nested folder and a hidden one.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from conftest import run_hinges, write_files
from gate_support import commit_all, init_repo
from import_support import copy_fixture, front_matter, import_into, new_registry

SECTIONS = ("Imported", "Would import", "Already imported", "Skipped", "Not records")


def _sections(report: str) -> dict[str, list[str]]:
    """Report section title -> its lines (without the two-space indent)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in report.splitlines():
        if line.startswith("  ") and current is not None:
            current.append(line[2:])
        elif line.endswith("):") and " (" in line:
            current = found.setdefault(line.rsplit(" (", 1)[0], [])
        else:
            current = None
    return found


def test_every_record_is_imported_with_its_own_number(tmp_path: Path) -> None:
    source, root = copy_fixture("many-names", tmp_path), new_registry(tmp_path)
    result = import_into(root, source)
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == textwrap.dedent("""\
        Source format: MADR (detected)
        Numbering: kept 9 source numbers; 1 record renumbered (the number collides; each is marked below); 1 record without a source number numbered from 0014 (by date, then path)
        Imported (11):
          0000-use-markdown-records.md -> decisions/0000-use-markdown-records.md
          adr-001-use-adrs.md -> decisions/0001-use-adrs.md
          ADR-0002-Use-PostgreSQL.md -> decisions/0002-use-postgresql.md
          adr003-cache-with-redis.md -> decisions/0003-cache-with-redis.md
          004-queue-with-kafka.md -> decisions/0004-queue-with-kafka.md
          0007-use-velocity-as-template-engine.md -> decisions/0007-use-velocity-as-template-engine.md
          0008-store-chats-in-mvstore.md -> decisions/0008-store-chats-in-mvstore.md
          archive/0010-use-soap.md -> decisions/0010-use-soap.md
          0012-keep-chats-in-sqlite.md -> decisions/0012-keep-chats-in-sqlite.md
          0008-store-chats-in-json.md -> decisions/0013-store-chats-in-json.md (renumbered: 0008 is also the number of 0008-store-chats-in-mvstore.md, which was added first)
          adr_with_a_WeIrd-filename.md -> decisions/0014-adr-with-a-weird-filename.md (no number in the source)
        Not records (6):
          0000-adr-template.md: a template (a template's file name)
          0009-copy-of-the-template.md: a template (its title is a placeholder)
          README.md: an index or README
          guidelines.md: no number or date in its name, and no status, date or decision section
          index.md: an index or README
          template.md: a template (a template's file name)
        Not searched (1):
          .drafts/: a hidden folder
        Wrote 11 records. Each keeps imported_from until a person fills in what the source did not say; 'hinges check' lists them.
        """)  # noqa: E501
    decisions = root / "decisions"
    # Titles lose the number they repeat ("ADR-001: ", "004 - "), and the ids are the numbers.
    assert front_matter(decisions / "0001-use-adrs.md").splitlines()[1:3] == [
        "id: ADR-0001",
        'title: "Record architecture decisions"',
    ]
    assert 'title: "Queue with Kafka"' in front_matter(decisions / "0004-queue-with-kafka.md")
    # "status: superseded by ADR-0012" is a relation by id, kept on both records.
    assert "status: superseded\n" in front_matter(decisions / "0013-store-chats-in-json.md")
    assert "superseded_by: [ADR-0012]\n" in front_matter(decisions / "0013-store-chats-in-json.md")
    assert "supersedes: [ADR-0013]\n" in front_matter(decisions / "0012-keep-chats-in-sqlite.md")
    # A link to the moved record follows it, number in the link's text included.
    sqlite = (decisions / "0012-keep-chats-in-sqlite.md").read_text("utf-8")
    assert "JSON files ([0013](0013-store-chats-in-json.md)) did not scale." in sqlite
    postgres = (decisions / "0002-use-postgresql.md").read_text("utf-8")
    assert "See [ADR-001](0001-use-adrs.md)." in postgres
    check = run_hinges("check", "--root", str(root))
    assert check.code == 0, check
    assert "11 files checked: 0 errors," in check.stdout


def test_the_report_accounts_for_every_markdown_file_once(tmp_path: Path) -> None:
    source = copy_fixture("many-names", tmp_path)
    write_files(source, {
        "archive/0011-latin1.md": "# Caf\xe9\n".encode("latin-1"),
        "0015-broken.md": "---\nstatus: [accepted\n---\n# Broken\n",
        "node_modules/pkg/README.md": "# A package\n",
    })  # fmt: skip
    os.symlink(source / "0000-use-markdown-records.md", source / "0016-link.md")
    root = new_registry(tmp_path)
    assert import_into(root, source).code == 0
    write_files(source, {"0017-later.md": "---\nstatus: proposed\n---\n# Later\n"})
    result = import_into(root, source, "--dry-run")
    assert result.code == 0, result
    sections = _sections(result.stdout)
    assert [title for title in sections if title in (*SECTIONS, "Not searched")] == [
        "Would import", "Already imported", "Skipped", "Not records", "Not searched"
    ]  # fmt: skip
    named = [
        line.split(" ", 1)[0].rstrip(":") for title in SECTIONS for line in sections.get(title, [])
    ]
    not_searched = [line.split(":", 1)[0] for line in sections["Not searched"]]
    every_file = sorted(
        Path(folder, name).relative_to(source).as_posix()
        for folder, _, names in os.walk(source)
        for name in names
        if name.endswith(".md")
    )
    for relpath in every_file:
        inside = [folder for folder in not_searched if relpath.startswith(folder)]
        assert named.count(relpath) + len(inside) == 1, (relpath, result.stdout)
    assert len(named) == len(set(named)) == len(every_file) - 2  # .drafts, node_modules
    assert sections["Skipped"] == [
        "0015-broken.md: line 2: front matter is not valid YAML: YAML syntax error: unclosed "
        "'[': close the list opened on line 2, column 9 with ']' (the parser only noticed at "
        "line 3, the end of the front matter)",
        "0016-link.md: not a regular file",
        "archive/0011-latin1.md: not UTF-8 text",
    ]
    assert sections["Would import"] == ["0017-later.md -> decisions/0017-later.md"]
    assert sections["Not searched"] == [
        ".drafts/: a hidden folder",
        "node_modules/: installed packages",
    ]


def test_a_shared_number_stays_with_the_file_git_added_first(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "repo")
    # Written later, committed first: git's order wins over the dates written in the files.
    write_files(repo, {
        "adr/0005-use-nats.md": "# 5. Use NATS\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n",
        "adr/0009-use-grpc.md": "# 9. Use gRPC\n\nDate: 2024-04-01\n\n## Status\n\nAccepted\n\n"
                                "Follows [ADR-0005](0005-use-nats.md) and "
                                "[5. Kafka](0005-use-kafka.md).\n",
    })  # fmt: skip
    commit_all(repo, "nats", when="2024-03-02T10:00:00")
    write_files(repo, {
        "adr/0005-use-kafka.md": "# 5. Use Kafka\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n"
                                 "Superseded by ADR-0009\n",
    })  # fmt: skip
    commit_all(repo, "kafka from another branch", when="2024-05-01T10:00:00")
    root = new_registry(tmp_path)
    result = import_into(root, repo / "adr")
    assert result.code == 0, result
    assert result.stdout.splitlines()[2:6] == [
        "Imported (3):",
        "  0005-use-nats.md -> decisions/0005-use-nats.md",
        "  0009-use-grpc.md -> decisions/0009-use-grpc.md",
        "  0005-use-kafka.md -> decisions/0010-use-kafka.md (renumbered: 0005 is also the "
        "number of 0005-use-nats.md, which was added first)",
    ]
    grpc = (root / "decisions/0009-use-grpc.md").read_text("utf-8")
    assert "Follows [ADR-0005](0005-use-nats.md) and [10. Kafka](0010-use-kafka.md)." in grpc
    kafka = root / "decisions/0010-use-kafka.md"
    assert "superseded_by: [ADR-0009]\n" in front_matter(kafka)
    assert "\nSuperseded by ADR-0009\n" in kafka.read_text("utf-8")


def test_ids_of_moved_records_follow_them_in_supersede_lines(tmp_path: Path) -> None:
    source = write_files(tmp_path / "src", {
        "0001-use-rest.md": "# 1. Use REST\n\nDate: 2024-01-01\n\n## Status\n\n"
                            "Superseded by ADR-0002\n",
        "0002-use-graphql.md": "# 2. Use GraphQL\n\nDate: 2024-02-01\n\n## Status\n\nAccepted\n\n"
                               "Supersedes ADR-0001\n",
    })  # fmt: skip
    root = new_registry(tmp_path)
    write_files(root, {"decisions/0001-own.md": "x\n", "decisions/0002-own.md": "x\n"})
    result = import_into(root, source)
    assert result.code == 0, result
    rest, graphql = root / "decisions/0003-use-rest.md", root / "decisions/0004-use-graphql.md"
    assert "superseded_by: [ADR-0004]\n" in front_matter(rest)
    assert "\nSuperseded by ADR-0004\n" in rest.read_text("utf-8")
    assert "\nSupersedes ADR-0003\n" in graphql.read_text("utf-8")


def test_an_id_that_two_records_shared_is_not_guessed(tmp_path: Path) -> None:
    source = write_files(tmp_path / "src", {
        "0001-a.md": "---\nstatus: accepted\ndate: 2024-01-01\n---\n# A\n",
        "0001-b.md": "---\nstatus: accepted\ndate: 2024-02-01\n---\n# B\n",
        "0002-c.md": "---\nstatus: superseded by ADR-0001\ndate: 2024-03-01\n---\n# C\n",
    })  # fmt: skip
    result = import_into(new_registry(tmp_path), source)
    assert result.code == 0, result
    assert "  0002-c.md: 'status: superseded by ADR-0001' names a number several imported " \
        "records had (0001-a.md, 0001-b.md); relate it by hand\n" in result.stdout  # fmt: skip
    assert "  0002-c.md: status superseded names no imported successor; imported as " \
        "deprecated\n" in result.stdout  # fmt: skip


def test_records_without_a_number_follow_by_date_then_path(tmp_path: Path) -> None:
    source = write_files(tmp_path / "src", {
        "docs/adr/20210301-use-vue.md": "# Use Vue\n\n- Status: accepted\n",
        "docs/adr/adr_with_a_WeIrd-filename.md": "# Weird\n\n- Status: accepted\n"
                                                 "- Date: 2020-01-02\n",
        "docs/adr/use-log4brains.md": "# Use log4brains\n\n- Status: accepted\n",
        "packages/web/adr/20200924-use-react.md": "# Use React\n\n- Status: accepted\n",
    })  # fmt: skip
    result = import_into(new_registry(tmp_path), source)
    assert result.code == 0, result
    assert result.stdout.splitlines()[1:7] == [
        "Numbering: 4 records without a source number numbered from 0001 (by date, then path)",
        "Imported (4):",
        "  docs/adr/adr_with_a_WeIrd-filename.md -> decisions/0001-adr-with-a-weird-filename.md "
        "(no number in the source)",
        "  packages/web/adr/20200924-use-react.md -> decisions/0002-use-react.md "
        "(no number in the source)",
        "  docs/adr/20210301-use-vue.md -> decisions/0003-use-vue.md (no number in the source)",
        "  docs/adr/use-log4brains.md -> decisions/0004-use-log4brains.md "
        "(no number in the source)",
    ]
