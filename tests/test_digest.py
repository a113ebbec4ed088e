"""`hinges digest`: what is in force, as Markdown, within a budget, in a file's block."""

from __future__ import annotations

from pathlib import Path

from conftest import GOOD_TENET, run_hinges, write_files
from digest_support import EXPECTED, decision, digest_registry, with_key
from hinges.config import Config
from hinges.digest import render_digest, tokens
from hinges.loader import load_registry


def test_digest_shows_what_is_in_force_in_order(tmp_path: Path) -> None:
    root = digest_registry(tmp_path)
    done = run_hinges("digest", "--root", str(root))
    assert (done.code, done.stderr) == (0, ""), done
    assert done.stdout == EXPECTED


def test_digest_is_the_same_bytes_whatever_order_files_were_written(tmp_path: Path) -> None:
    first = digest_registry(tmp_path / "a")
    second = tmp_path / "b"
    for path in sorted(first.rglob("*.md"), reverse=True):  # written in the other order
        target = second / path.relative_to(first)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    one = run_hinges("digest", "--root", str(first))
    two = run_hinges("digest", "--root", str(second))
    assert (one.code, two.code) == (0, 0)
    assert one.stdout == two.stdout == EXPECTED


def _many(root: Path, count: int) -> Path:
    files = {}
    for number in range(1, count + 1):
        door = "one-way" if number % 10 == 0 else "two-way"
        text = decision(number, f"Decision number {number} about a thing", door=door)
        files[f"decisions/{number:04d}-d.md"] = with_key(
            text, f'summary: "{"Long summary words " * 9}end."'
        )
    return write_files(root, files)


def test_over_budget_two_way_doors_shrink_and_the_digest_says_so(tmp_path: Path) -> None:
    root = _many(tmp_path, 60)
    full = run_hinges("digest", "--root", str(root), "--budget", "100000")
    small = run_hinges("digest", "--root", str(root), "--budget", "3000")
    assert (full.code, small.code) == (0, 0)
    assert "## Left out" not in full.stdout
    assert tokens(small.stdout) <= 3000 < tokens(full.stdout)
    one_way = [line for line in full.stdout.splitlines() if "**ADR-0010**" in line]
    assert one_way[0] in small.stdout.splitlines()  # one-way doors stay in full
    assert "- **ADR-0001** Decision number 1 about a thing\n" in small.stdout
    assert "Long summary" not in small.stdout.split("## Two-way doors")[1]
    assert small.stdout.endswith(
        "To stay within 3,000 tokens this digest leaves out the summaries, owners and scope "
        "of the 54 two-way doors. `hinges why PATH` shows the decisions that govern a path, "
        "`hinges show ID` one record, `hinges list --status accepted` them all.\n"
    )


def test_a_tiny_budget_still_holds_and_counts_what_it_left_out(tmp_path: Path) -> None:
    root = _many(tmp_path, 60)
    done = run_hinges("digest", "--root", str(root), "--budget", "500")
    assert done.code == 0
    assert tokens(done.stdout) <= 500
    assert "54 in force, left out to stay within the budget." in done.stdout
    assert "all 54 two-way doors" in done.stdout


def test_the_budget_setting_is_read_from_the_configuration(tmp_path: Path) -> None:
    root = _many(tmp_path, 60)
    write_files(root, {"hinges.toml": "digest_budget_tokens = 3000\n"})
    done = run_hinges("digest", "--root", str(root))
    assert done.code == 0
    assert tokens(done.stdout) <= 3000
    assert "within 3,000 tokens" in done.stdout


def test_record_values_cannot_break_the_markdown(tmp_path: Path) -> None:
    hostile = with_key(
        decision(1, "Use <b>[x](http://evil)</b> *now*"),
        'summary: "<!-- hinges:digest:end --> `code` & \\u001b[2J _it_"',
    ).replace('owner: "@payments"', 'owner: "@pay_ments"')
    hostile = with_key(hostile, 'applies_to: ["a`b/**"]')
    root = write_files(tmp_path, {"decisions/0001-x.md": hostile})
    done = run_hinges("digest", "--root", str(root))
    assert done.code == 0
    line = next(line for line in done.stdout.splitlines() if "ADR-0001" in line)
    assert line == (
        "- **ADR-0001** Use \\<b>\\[x\\](http://evil)\\</b> \\*now\\*: \\<!-- hinges:digest:end "
        "--> \\`code\\` \\& \\x1b\\[2J \\_it\\_. Owner: @pay\\_ments. Scope: ``a`b/**``."
    )
    assert "\x1b" not in done.stdout


def test_summary_falls_back_to_the_decision_sections_first_sentence(tmp_path: Path) -> None:
    text = decision(1, "Pick a queue").replace(
        "PostgreSQL.\n", "```\ncode first\n```\n\n- We use NATS! Then more.\n"
    )
    root = write_files(tmp_path, {"decisions/0001-q.md": text})
    registry = load_registry(root, Config())
    assert "- **ADR-0001** Pick a queue: We use NATS! Owner: @payments." in render_digest(registry)


def test_a_summary_over_200_characters_is_reported(tmp_path: Path) -> None:
    text = with_key(decision(1, "Pick a queue"), f"summary: {'x' * 201}")
    root = write_files(tmp_path, {"decisions/0001-q.md": text, "tenets/T-001-r.md": GOOD_TENET})
    done = run_hinges("check", "--root", str(root), "--as-of", "2026-11-26", "--format", "text")
    assert done.code == 1
    assert done.stdout == (
        "decisions/0001-q.md:3:10: error HG102 'summary' is 201 characters long; keep it to "
        "200 or fewer\n2 files checked: 1 error, 0 warnings, 0 notes\n"
    )
    ok = write_files(tmp_path, {"decisions/0001-q.md": text.replace("x" * 201, "x" * 200)})
    assert run_hinges("check", "--root", str(ok), "--as-of", "2026-11-26").code == 0
