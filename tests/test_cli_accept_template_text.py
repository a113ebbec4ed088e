"""Accepting refuses while template text remains: ``hinges status`` and ``hinges new --status
accepted`` (with ``--edit``, a real editor: a script that writes the body)."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from authoring_support import assert_check_passes, record_files
from conftest import run_hinges, write_files

READY = ("--door", "one-way", "--owner", "@data", "--decider", "@maria", "--decider", "@sam",
         "--exit-path", "Convert the files to Avro; about a month.", "--no-input")  # fmt: skip

BODY = """\
## Context

Analysts query a year of order events; JSON makes every query scan it all.

## Options considered

### Option 1: Parquet

Columnar; every engine we use reads it.

### Option 2: Avro

Rows; slow for the analysts' scans.

## Decision

Parquet.

## Consequences

Writers batch events hourly.

## Exit path

One batch job converts the files to Avro; about a month.
"""


def write_body(path: Path, body: str) -> None:
    """Keep the front matter and the H1 ``hinges new`` wrote; put ``body`` below them."""
    text = path.read_text("utf-8")
    head, rest = text.split("\n---\n", 1)
    path.write_text(f"{head}\n---\n{rest.splitlines()[0]}\n\n{body}", "utf-8")


def editor(tmp_path: Path, body: str | None) -> dict[str, str]:
    """$EDITOR running a script that writes ``body`` (None: leaves the file as it is)."""
    script = tmp_path / "editor.py"
    script.write_text(
        textwrap.dedent(f"""\
            import sys
            from pathlib import Path
            body = {body!r}
            path = Path(sys.argv[1])
            if body is not None:
                head, rest = path.read_text("utf-8").split("\\n---\\n", 1)
                path.write_text(head + "\\n---\\n" + rest.splitlines()[0] + "\\n\\n" + body)
            """),
        "utf-8",
    )
    return {"EDITOR": f"{sys.executable} {script}", "VISUAL": ""}


def test_status_refuses_a_scaffold_with_its_prompts_left(registry: Path) -> None:
    created = run_hinges("new", "Store events as Parquet", *READY, cwd=registry)
    assert (created.code, created.stdout) == (0, "decisions/0002-store-events-as-parquet.md\n")
    path = registry / "decisions/0002-store-events-as-parquet.md"
    before = path.read_bytes()
    result = run_hinges("status", "ADR-0002", "accepted", cwd=registry)
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (
        "hinges: decisions/0002-store-events-as-parquet.md: ADR-0002 cannot be accepted yet "
        "(nothing changed); it needs:\n"
        "  - line 19: 'Options considered' weighs no option; an accepted one-way door must "
        "weigh at least two (a subheading or list item per option) [HG404]\n"
        "  - line 16: 'What forces us to decide now? What do we know, what do we n…' is text "
        "left from hinges' one-way template (more at lines 17, 21, 22, 24, 26, 28, 30, 34 and "
        "4 more); write what this decision says in its place [HG803]\n"
    )
    assert path.read_bytes() == before
    write_body(path, BODY)
    accepted = run_hinges("status", "ADR-0002", "accepted", cwd=registry)
    assert accepted.code == 0, accepted
    assert_check_passes(registry)


def test_status_names_a_single_prompt_left_in_a_written_record(registry: Path) -> None:
    assert run_hinges("new", "Store events as Parquet", *READY, cwd=registry).code == 0
    path = registry / "decisions/0002-store-events-as-parquet.md"
    write_body(path, BODY.replace("Writers batch events hourly.", "What becomes easier, "
                                  "what becomes harder, and what we must now do."))  # fmt: skip
    result = run_hinges("status", "ADR-0002", "accepted", cwd=registry)
    assert result.code == 1
    assert result.stderr.splitlines()[1:] == [
        "  - line 34: 'What becomes easier, what becomes harder, and what we must…' is "
        "text left from hinges' one-way template; write what this decision says in its "
        "place [HG803]"
    ]


def test_status_accepts_when_the_rule_is_configured_below_error(registry: Path) -> None:
    write_files(registry, {"hinges.toml": '[severity]\ntemplate-text = "warning"\n'})
    assert run_hinges("new", "Store events as Parquet", *READY, cwd=registry).code == 0
    path = registry / "decisions/0002-store-events-as-parquet.md"
    write_body(path, BODY.replace("Parquet.\n", "Which option we chose, and why it wins over "
                                                "the others.\n"))  # fmt: skip
    result = run_hinges("status", "ADR-0002", "accepted", cwd=registry)
    assert result.code == 0, result


def test_new_accepted_without_edit_is_refused_before_writing(registry: Path) -> None:
    result = run_hinges("new", "Store events as Parquet", *READY, "--status", "accepted",
                        cwd=registry)  # fmt: skip
    assert (result.code, result.stdout) == (1, "")
    assert "cannot start as accepted; add --edit" in result.stderr
    assert record_files(registry) == ["0001-use-postgres.md"]


def test_new_accepted_with_edit_accepts_what_the_author_wrote(
    registry: Path, tmp_path: Path
) -> None:
    env = editor(tmp_path, BODY)
    result = run_hinges("new", "Store events as Parquet", *READY, "--status", "accepted",
                        "--edit", cwd=registry, env=env)  # fmt: skip
    assert (result.code, result.stdout, result.stderr) == (
        0,
        "decisions/0002-store-events-as-parquet.md\n",
        "hinges: ADR-0002 is accepted\n",
    ), result
    text = (registry / "decisions/0002-store-events-as-parquet.md").read_text("utf-8")
    assert "\nstatus: accepted\n" in text and text.endswith(BODY)
    assert_check_passes(registry)


def test_new_accepted_with_edit_stays_proposed_while_prompts_remain(
    registry: Path, tmp_path: Path
) -> None:
    env = editor(tmp_path, None)  # the author closes the editor without writing
    result = run_hinges("new", "Store events as Parquet", *READY, "--status", "accepted",
                        "--edit", cwd=registry, env=env)  # fmt: skip
    assert (result.code, result.stdout) == (1, "decisions/0002-store-events-as-parquet.md\n")
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "hinges: decisions/0002-store-events-as-parquet.md: ADR-0002 cannot be accepted yet "
        "(nothing changed); it needs:"
    )
    assert [line.rsplit(" ", 1)[-1] for line in lines[1:-1]] == ["[HG404]", "[HG803]"]
    assert lines[-1] == "hinges: decisions/0002-store-events-as-parquet.md stays proposed"
    text = (registry / "decisions/0002-store-events-as-parquet.md").read_text("utf-8")
    assert "\nstatus: proposed\n" in text


def test_new_accepted_with_edit_still_needs_the_front_matter_first(
    registry: Path, tmp_path: Path
) -> None:
    result = run_hinges("new", "T", "--door", "two-way", "--owner", "@x", "--no-input",
                        "--status", "accepted", "--edit", cwd=registry,
                        env=editor(tmp_path, BODY))  # fmt: skip
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (
        "hinges: an accepted two-way door needs an exit path (--exit-path); create it as "
        "proposed and accept it with 'hinges status' once it has one\n"
    )
    assert record_files(registry) == ["0001-use-postgres.md"]
