"""``hinges import`` over fixture folders of each format: every field, the exact report."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from authoring_support import assert_check_passes
from import_support import copy_fixture, front_matter, import_into, new_registry

TODAY = dt.date.today().isoformat()


def _fronts(root: Path) -> dict[str, str]:
    return {p.name: front_matter(p) for p in sorted((root / "decisions").glob("*.md"))}


def _fm(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n"


def test_adr_tools(tmp_path: Path) -> None:
    source, root = copy_fixture("adr-tools", tmp_path), new_registry(tmp_path)
    result = import_into(root, source)
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == textwrap.dedent(f"""\
        Source format: adr-tools (Nygard format) (detected)
        Numbering: kept the source numbers
        Imported (4):
          0001-record-architecture-decisions.md -> decisions/0001-record-architecture-decisions.md
          0002-use-x.md -> decisions/0002-use-x.md
          0003-use-y.md -> decisions/0003-use-y.md
          0004-try-z.md -> decisions/0004-try-z.md
        Not records (3):
          README.md: an index or README
          notes.md: no number or date in its name, and no status, date or decision section
          template.md: a template (a template's file name)
        Not mapped (2):
          0003-use-y.md: no date; used today, {TODAY} (the source is not in git)
          0004-try-z.md: status 'Trial' is not a hinges status; imported as proposed
        Kept as body text (3):
          0002-use-x.md: 'Amended by [3. Use Y](0003-use-y.md)': hinges has no 'amended by' relation
          0003-use-y.md: 'Amends [2. Use X](0002-use-x.md)': hinges has no 'amends' relation
          0004-try-z.md: link '../overview.md' left as it was: it is not an imported record
        Wrote 4 records. Each keeps imported_from until a person fills in what the source did not say; 'hinges check' lists them.
        """)  # noqa: E501
    assert _fronts(root) == {
        "0001-record-architecture-decisions.md": _fm(
            "id: ADR-0001", 'title: "Record architecture decisions"', "status: accepted",
            "date: 2023-08-01", 'imported_from: "adr-tools:0001-record-architecture-decisions.md"',
        ),
        "0002-use-x.md": _fm(
            "id: ADR-0002", 'title: "Use X"', "status: superseded", "date: 2023-08-01",
            "superseded_by: [ADR-0003]", 'imported_from: "adr-tools:0002-use-x.md"',
        ),
        "0003-use-y.md": _fm(
            "id: ADR-0003", 'title: "Use Y"', "status: accepted", f"date: {TODAY}",
            "supersedes: [ADR-0002]", 'imported_from: "adr-tools:0003-use-y.md"',
        ),
        "0004-try-z.md": _fm(
            "id: ADR-0004", 'title: "Try Z"', "status: proposed", "date: 2023-08-01",
            'imported_from: "adr-tools:0004-try-z.md"',
        ),
    }  # fmt: skip
    body = (root / "decisions/0004-try-z.md").read_text("utf-8").split("---\n", 2)[2]
    source_body = (source / "0004-try-z.md").read_text("utf-8")
    assert body == source_body.replace("# 4. Try Z", "# Try Z")
    assert_check_passes(root)


def test_madr2_keeps_numbers_from_zero_and_keeps_names_out_of_deciders(tmp_path: Path) -> None:
    source, root = copy_fixture("madr2", tmp_path), new_registry(tmp_path)
    result = import_into(root, source, "--from", "madr")
    assert result.code == 0, result
    assert result.stdout == textwrap.dedent(f"""\
        Source format: MADR (as given by --from)
        Numbering: kept the source numbers
        Imported (3):
          0000-use-markdown-architectural-decision-records.md -> decisions/0000-use-markdown-architectural-decision-records.md
          0001-use-rest.md -> decisions/0001-use-rest.md
          0002-use-graphql.md -> decisions/0002-use-graphql.md
        Not records (2):
          adr-template.md: a template (a template's file name)
          index.md: an index or README
        Not mapped (2):
          0001-use-rest.md: deciders 'Alice Smith, Bob Jones' are names, not handles; left out of deciders
          0002-use-graphql.md: date '08/01/2023' could not be read; used today, {TODAY} (the source is not in git)
        Wrote 3 records. Each keeps imported_from until a person fills in what the source did not say; 'hinges check' lists them.
        """)  # noqa: E501
    assert _fronts(root) == {
        "0000-use-markdown-architectural-decision-records.md": _fm(
            "id: ADR-0000", 'title: "Use Markdown Architectural Decision Records"',
            "status: accepted", "date: 2023-08-01",
            'imported_from: "madr:0000-use-markdown-architectural-decision-records.md"',
        ),
        "0001-use-rest.md": _fm(
            "id: ADR-0001", 'title: "Use REST for the public API"', "status: superseded",
            "date: 2023-08-01", "superseded_by: [ADR-0002]",
            'imported_from: "madr:0001-use-rest.md"',
        ),
        "0002-use-graphql.md": _fm(
            "id: ADR-0002", 'title: "Use GraphQL for the public API"', "status: accepted",
            f"date: {TODAY}", 'deciders: [alice, "@bob"]', "supersedes: [ADR-0001]",
            'imported_from: "madr:0002-use-graphql.md"',
        ),
    }  # fmt: skip
    # The numbers are the source's, so the links and the ids in their text stay as written.
    graphql = (root / "decisions/0002-use-graphql.md").read_text("utf-8")
    assert "REST ([ADR-0001](0001-use-rest.md)) needs" in graphql
    rest = (root / "decisions/0001-use-rest.md").read_text("utf-8")
    assert "* Status: superseded by [ADR-0002](0002-use-graphql.md)" in rest
    assert_check_passes(root)


def test_madr3_front_matter_jekyll_keys_indented_and_text_ids(tmp_path: Path) -> None:
    source, root = copy_fixture("madr3", tmp_path), new_registry(tmp_path)
    result = import_into(root, source)
    assert result.code == 0, result
    assert result.stdout == textwrap.dedent(f"""\
        Source format: MADR (detected)
        Numbering: kept the source numbers
        Imported (4):
          0001-use-postgresql.md -> decisions/0001-use-postgresql.md
          0002-cache-with-redis.md -> decisions/0002-cache-with-redis.md
          0003-queue-with-rabbitmq.md -> decisions/0003-queue-with-rabbitmq.md
          0004-use-kafka.md -> decisions/0004-use-kafka.md
        Not records (1):
          0000-template.md: a template (a template's file name)
        Not mapped (6):
          0001-use-postgresql.md: front-matter keys kept as comments: parent, nav_order, consulted
          0002-cache-with-redis.md: no status; imported as proposed
          0002-cache-with-redis.md: no date; used today, {TODAY} (the source is not in git)
          0002-cache-with-redis.md: front-matter keys kept as comments: parent, nav_order
          0003-queue-with-rabbitmq.md: deciders 'Dana Diaz' are names, not handles; left out of deciders
          0004-use-kafka.md: status 'in review' is not a hinges status; imported as proposed
        Kept as body text (1):
          0004-use-kafka.md: 'Amends [Queue with RabbitMQ](0003-queue-with-rabbitmq.md)': hinges has no 'amends' relation
        Wrote 4 records. Each keeps imported_from until a person fills in what the source did not say; 'hinges check' lists them.
        """)  # noqa: E501
    comment = "# kept from the source's front matter (hinges has no field for these):"
    assert _fronts(root) == {
        "0001-use-postgresql.md": _fm(
            "id: ADR-0001", 'title: "Use PostgreSQL"', "status: accepted", "date: 2023-08-01",
            "deciders: [alice, bob]", 'imported_from: "madr:0001-use-postgresql.md"', comment,
            "# parent: Decisions", "# nav_order: 1", "# consulted: Carol Chen",
        ),
        "0002-cache-with-redis.md": _fm(
            "id: ADR-0002", 'title: "Cache with Redis"', "status: proposed", f"date: {TODAY}",
            'imported_from: "madr:0002-cache-with-redis.md"', comment,
            "# parent: Decisions", "# nav_order: 2",
        ),
        "0003-queue-with-rabbitmq.md": _fm(
            "id: ADR-0003", 'title: "Queue with RabbitMQ"', "status: accepted",
            "date: 2023-08-03", 'imported_from: "madr:0003-queue-with-rabbitmq.md"', comment,
            "# decision-makers: Dana Diaz",
        ),
        "0004-use-kafka.md": _fm(
            "id: ADR-0004", 'title: "Use Kafka"', "status: proposed", "date: 2023-08-13",
            "tags: [messaging]", 'imported_from: "madr:0004-use-kafka.md"',
        ),
    }  # fmt: skip
    assert_check_passes(root)


def test_log4brains_packages_numbered_by_date_then_name(tmp_path: Path) -> None:
    source, root = copy_fixture("log4brains", tmp_path), new_registry(tmp_path)
    result = import_into(root, source)
    assert result.code == 0, result
    assert result.stdout == textwrap.dedent(f"""\
        Source format: log4brains (detected)
        Numbering: 4 records without a source number numbered from 0001 (by date, then path)
        Imported (4):
          docs/adr/20200924-use-log4brains.md -> decisions/0001-use-log4brains.md (no number in the source)
          packages/web/adr/20201001-use-react.md -> decisions/0002-use-react.md (no number in the source)
          docs/adr/20210101-write-docs-in-english.md -> decisions/0003-write-docs-in-english.md (no number in the source)
          packages/web/adr/20210301-use-vue.md -> decisions/0004-use-vue.md (no number in the source)
        Not records (3):
          docs/adr/README.md: an index or README
          docs/adr/index.md: an index or README
          docs/adr/template.md: a template (a template's file name)
        Not mapped (1):
          docs/adr/20210101-write-docs-in-english.md: no date; used today, {TODAY} (the source is not in git)
        Wrote 4 records. Each keeps imported_from until a person fills in what the source did not say; 'hinges check' lists them.
        """)  # noqa: E501
    assert _fronts(root) == {
        "0001-use-log4brains.md": _fm(
            "id: ADR-0001", 'title: "Use Log4brains to manage the ADRs"', "status: accepted",
            "date: 2020-09-24", "tags: [doc, tooling]",
            'imported_from: "log4brains:docs/adr/20200924-use-log4brains.md"',
        ),
        "0002-use-react.md": _fm(
            "id: ADR-0002", 'title: "Use React"', "status: superseded", "date: 2020-10-01",
            "superseded_by: [ADR-0004]",
            'imported_from: "log4brains:packages/web/adr/20201001-use-react.md"',
        ),
        "0003-write-docs-in-english.md": _fm(
            "id: ADR-0003", 'title: "Write docs in English"', "status: proposed",
            f"date: {TODAY}", "deciders: [thomvaill]",
            'imported_from: "log4brains:docs/adr/20210101-write-docs-in-english.md"',
        ),
        "0004-use-vue.md": _fm(
            "id: ADR-0004", 'title: "Use Vue"', "status: accepted", "date: 2021-03-01",
            "supersedes: [ADR-0002]",
            'imported_from: "log4brains:packages/web/adr/20210301-use-vue.md"',
        ),
    }  # fmt: skip
    vue = (root / "decisions/0004-use-vue.md").read_text("utf-8")
    assert "Replaces [React](0002-use-react.md)." in vue
    assert_check_passes(root)
