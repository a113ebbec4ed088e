"""``hinges new``: files written, output, exit codes, prompts, safety and concurrency."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from authoring_support import assert_check_passes, record_files, run_with_input
from conftest import GOOD_DECISION, GOOD_TENET, run_hinges, write_files
from hinges.authoring.templates import add_months

TODAY = dt.date.today()
REVIEW_BY = add_months(TODAY, 6)
TWO_WAY = ("--door", "two-way", "--owner", "@payments", "--no-input")


def new(root: Path, *args: str) -> tuple[int, str, str]:
    result = run_hinges("new", *args, cwd=root)
    return result.code, result.stdout, result.stderr


def test_two_way_record_exact_text(registry: Path) -> None:
    code, out, err = new(registry, 'Use Redis: for "sessions"', *TWO_WAY, "--tenet", "1")
    assert (code, out, err) == (0, "decisions/0002-use-redis-for-sessions.md\n", "")
    text = (registry / "decisions/0002-use-redis-for-sessions.md").read_text("utf-8")
    assert text == textwrap.dedent(f"""\
        ---
        id: ADR-0002
        title: "Use Redis: for \\"sessions\\""
        status: proposed
        date: {TODAY}
        door: two-way
        owner: "@payments"
        tenets: [T-001]
        # exit_path: "How we would back out, and what it would cost."
        ---
        # Use Redis: for "sessions"

        ## Context

        What problem does this solve, and why now?

        ## Decision

        What we chose, in a sentence or two.

        ## Consequences

        What changes for the team. This is a two-way door: say in `exit_path` how we would
        walk back through it.
        """)
    assert_check_passes(registry)


def test_one_way_record_has_options_exit_path_and_review_date(registry: Path) -> None:
    code, out, _ = new(registry, "Store events as Avro", "--door", "one-way", "--owner", "@data",
                       "--no-input")  # fmt: skip
    assert (code, out) == (0, "decisions/0002-store-events-as-avro.md\n")
    text = (registry / "decisions/0002-store-events-as-avro.md").read_text("utf-8")
    front, body = text.split("\n---\n", 1)
    assert front.splitlines()[1:] == [
        "id: ADR-0002",
        'title: "Store events as Avro"',
        "status: proposed",
        f"date: {TODAY}",
        "door: one-way",
        'owner: "@data"',
        '# deciders: ["@alice", "@bob"]  # who takes part in the decision',
        '# exit_path: "How we would back out, and what it would cost."',
        f"review_by: {REVIEW_BY}",
    ]
    headings = [line for line in body.splitlines() if line.startswith("#")]
    assert headings == [
        "# Store events as Avro",
        "## Context",
        "## Options considered",
        "### Option 1: name it",
        "### Option 2: name it",
        "## Decision",
        "## Consequences",
        "## Exit path",
    ]
    result = assert_check_passes(registry)
    assert "before this can be accepted it needs: an exit_path, 2 deciders" in result.stdout


def test_review_interval_and_required_sections_come_from_config(registry: Path) -> None:
    (registry / "decisions/0001-use-postgres.md").unlink()  # it lacks the extra section
    write_files(registry, {"hinges.toml": """\
        review_interval_months = 3
        required_sections = ["Context", "Decision", "Consequences", "Risks"]
        """})  # fmt: skip
    code, out, _ = new(registry, "Pick a vendor", "--door", "one-way", "--owner", "@x",
                       "--no-input")  # fmt: skip
    assert code == 0
    text = (registry / out.strip()).read_text("utf-8")
    assert f"review_by: {add_months(TODAY, 3)}\n" in text
    assert "## Risks\n\nRequired by this registry: fill it in.\n" in text
    assert_check_passes(registry)


def test_accepted_needs_what_acceptance_requires(registry: Path) -> None:
    code, out, err = new(registry, "Pick a vendor", "--door", "one-way", "--owner", "@x",
                         "--status", "accepted", "--decider", "@alice", "--no-input")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "hinges: an accepted one-way door needs an exit path (--exit-path) and at least 2 "
        "deciders (--decider, given 1); create it as proposed and accept it with "
        "'hinges status' once it has them\n"
    )
    assert record_files(registry) == ["0001-use-postgres.md"]
    code, out, err = new(registry, "Pick a vendor", "--door", "one-way", "--owner", "@x",
                         "--status", "accepted", "--decider", "@alice", "--decider", "bob",
                         "--exit-path", "Export; a month.", "--no-input")  # fmt: skip
    # The front matter is ready, but the body would be the template's prompts.
    assert (code, out) == (1, "")
    assert err == (
        "hinges: a new decision's body is the template's prompts until someone writes it, so "
        "it cannot start as accepted; add --edit to write it now and accept it when the editor "
        "closes, or create it as proposed and accept it with 'hinges status' once it is "
        "written\n"
    )
    assert record_files(registry) == ["0001-use-postgres.md"]


def test_next_number_comes_from_file_names_only(tmp_path: Path) -> None:
    # Files that are not records, or not even readable, do not stop numbering.
    write_files(tmp_path, {
        "decisions/0041-a.md": "not a record at all",
        "decisions/0007-b.md": b"\xff\xfe broken bytes",
        "decisions/99999-x.txt": "ignored: not .md",
        "decisions/notes.md": "ignored: no number",
        "tenets/.keep": "",
    })  # fmt: skip
    code, out, _ = new(tmp_path, "Next", *TWO_WAY)
    assert (code, out) == (0, "decisions/0042-next.md\n")


def test_numbers_grow_past_four_digits(tmp_path: Path) -> None:
    write_files(tmp_path, {"decisions/9999-last.md": "x", "tenets/.keep": ""})
    code, out, _ = new(tmp_path, "Five digits", *TWO_WAY)
    assert (code, out) == (0, "decisions/10000-five-digits.md\n")
    assert "id: ADR-10000\n" in (tmp_path / out.strip()).read_text("utf-8")


def test_numbers_of_any_length_that_fit_a_file_name(tmp_path: Path) -> None:
    # 0000 counts as a record (MADR numbers from it); zero padding and width do not matter.
    write_files(tmp_path, {"decisions/0000-first.md": "x", "tenets/.keep": ""})
    assert new(tmp_path, "One", *TWO_WAY)[:2] == (0, "decisions/0001-one.md\n")
    huge = "9" * 200
    write_files(tmp_path, {f"decisions/000{huge}-huge.md": "x", "decisions/10000-b.md": "x"})
    code, out, _ = new(tmp_path, "Next", *TWO_WAY)
    assert (code, out) == (0, f"decisions/1{'0' * 200}-next.md\n")
    assert f"id: ADR-1{'0' * 200}\n" in (tmp_path / out.strip()).read_text("utf-8")


def test_a_next_number_too_long_for_a_file_name_is_refused(tmp_path: Path) -> None:
    # 250 nines leave room for "-x.md" in 255 bytes; the next number has 251 digits.
    write_files(tmp_path, {f"decisions/{'9' * 250}-x.md": "x", "tenets/.keep": ""})
    code, out, err = new(tmp_path, "T", *TWO_WAY)
    assert (code, out) == (1, "")
    assert err == (
        f"hinges: the next number in {tmp_path / 'decisions'} would have 251 digits, too many "
        "for a file name; give the record with the highest number a smaller one (its file "
        "name and id) or move it out of the folder\n"
    )
    assert sorted(p.name for p in (tmp_path / "decisions").iterdir()) == [f"{'9' * 250}-x.md"]


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "the title is empty; give the decision a short title"),
        ("a\tb", "the title contains a control character ('\\t' at position 2); "
                  "a title is a single line of text"),
        (" \t\n ", "the title is empty; give the decision a short title"),
        ("   ", "the title is empty; give the decision a short title"),
        ("line one\nline two", "the title contains a control character ('\\n' at position 9); "
                               "a title is a single line of text"),
        ("bell\x07", "the title contains a control character ('\\x07' at position 5); "
                     "a title is a single line of text"),
        ("sep\u2028arator", "the title contains a control character ('\\u2028' at position 4); "
                            "a title is a single line of text"),
        # A byte that is not UTF-8 on the command line arrives as a lone surrogate.
        ("caf\udce9", "the title holds bytes that are not UTF-8 (at position 4); "
                       "check your terminal's encoding"),
        ("x" * 201, "the title is 201 characters long, more than 200; say it in a short "
                    "phrase and put the rest in the body"),
    ],
)  # fmt: skip
def test_bad_titles_are_refused(registry: Path, title: str, message: str) -> None:
    code, out, err = new(registry, title, *TWO_WAY)
    assert (code, out, err) == (1, "", f"hinges: {message}\n")
    assert record_files(registry) == ["0001-use-postgres.md"]


@pytest.mark.parametrize(
    ("title", "file_name"),
    [
        ("Ça va — naïve café", "0002-ca-va-naive-cafe.md"),
        ("../../etc/passwd", "0002-etc-passwd.md"),
        (".hidden", "0002-hidden.md"),
        ("C:\\Windows\\system32", "0002-c-windows-system32.md"),
        ("日本語のタイトル", "0002-decision.md"),
        ("!!!", "0002-decision.md"),
        ("a" * 200, f"0002-{'a' * 60}.md"),
        ("word " * 30, "0002-" + "-".join(["word"] * 12) + ".md"),
    ],
)
def test_slugs_are_safe(registry: Path, title: str, file_name: str) -> None:
    code, out, _ = new(registry, title, *TWO_WAY)
    assert (code, out) == (0, f"decisions/{file_name}\n")
    assert sorted(p.name for p in registry.iterdir()) == ["decisions", "tenets"]
    assert_check_passes(registry)


def test_double_dash_lets_a_title_start_with_a_dash(registry: Path) -> None:
    code, out, _ = new(registry, *TWO_WAY, "--", "--not-an-option")
    assert (code, out) == (0, "decisions/0002-not-an-option.md\n")
    assert 'title: "--not-an-option"' in (registry / out.strip()).read_text("utf-8")
    assert_check_passes(registry)


def test_a_title_starting_with_a_dash_without_double_dash_is_a_usage_error(
    registry: Path,
) -> None:
    code, _, err = new(registry, "-x", *TWO_WAY)
    assert code == 2
    assert "No such option '-x'" in err


def test_no_input_names_the_missing_options(registry: Path) -> None:
    code, out, err = new(registry, "T", "--no-input")
    assert (code, out) == (1, "")
    assert err == (
        "hinges: missing --door and --owner; give them as options "
        "(prompts only appear on a terminal without --no-input)\n"
    )
    code, _, err = new(registry, "T", "--no-input", "--door", "one-way")
    assert (code, err.split(";")[0]) == (1, "hinges: missing --owner")


def test_without_a_terminal_it_never_prompts(registry: Path) -> None:
    # run_hinges gives a non-terminal stdin and no HINGES_INTERACTIVE: same as --no-input.
    code, _, err = new(registry, "T", "--door", "two-way")
    assert (code, err.split(";")[0]) == (1, "hinges: missing --owner")


@pytest.mark.parametrize(
    ("args", "settings", "message"),
    [
        (("--door", "two-way"), "", "an accepted two-way door needs an exit path (--exit-path); "
                                    "create it as proposed and accept it with 'hinges status' "
                                    "once it has one"),
        (("--door", "one-way", "--exit-path", "Export."), "",
         "an accepted one-way door needs at least 2 deciders (--decider, given 0); create it as "
         "proposed and accept it with 'hinges status' once it has them"),
        (("--door", "one-way", "--exit-path", "Export."), "one_way_min_deciders = 1\n",
         "an accepted one-way door needs at least 1 decider (--decider, given 0); create it as "
         "proposed and accept it with 'hinges status' once it has one"),
        (("--door", "one-way"), "one_way_min_deciders = 1\n",
         "an accepted one-way door needs an exit path (--exit-path) and at least 1 decider "
         "(--decider, given 0); create it as proposed and accept it with 'hinges status' once "
         "it has them"),
    ],
)  # fmt: skip
def test_acceptance_gaps_are_named_in_grammatical_english(
    registry: Path, args: tuple[str, ...], settings: str, message: str
) -> None:
    write_files(registry, {"hinges.toml": settings})
    code, out, err = new(registry, "T", "--owner", "@x", "--status", "accepted", "--no-input",
                         *args)  # fmt: skip
    assert (code, out, err) == (1, "", f"hinges: {message}\n")
    assert record_files(registry) == ["0001-use-postgres.md"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--owner", "https://github.com/x"), "owner 'https://github.com/x' looks like a URL; "
                                              "write a handle such as @team, @org/team or alice"),
        (("--owner", "@a", "--tenet", "T-009"), "there is no tenet 'T-009'; the tenets are: T-001"),
        (("--owner", "@a", "--tenet", "first"), "'first' is not a tenet id (T-001) or number (1)"),
        (("--owner", "@a", "--supersedes", "X-1"), "'X-1' is not a decision id such as ADR-0003"),
        (("--owner", "@a", "--decider", "a b"), "decider 'a b' is not a handle; "
                                                "write a handle such as @team, @org/team or alice"),
        (("--owner", "@a", "--exit-path", "  "), "--exit-path is empty; say how we would back "
                                                 "out, or leave it out"),
    ],
)  # fmt: skip
def test_bad_values_are_refused(registry: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = new(registry, "T", "--door", "two-way", "--no-input", *args)
    assert (code, out, err) == (1, "", f"hinges: {message}\n")
    assert record_files(registry) == ["0001-use-postgres.md"]


def test_owner_must_be_allowed_when_owners_are_configured(registry: Path) -> None:
    write_files(registry, {"hinges.toml": 'owners = ["@payments", "@data", "@arch"]\n'})
    code, _, err = new(registry, "T", "--door", "two-way", "--owner", "@sales", "--no-input")
    assert (code, err) == (
        1,
        "hinges: owner '@sales' is not one of the owners allowed by the owners setting of "
        "hinges.toml (@payments, @data, @arch)\n",
    )
    code, out, _ = new(registry, "T", "--door", "two-way", "--owner", "DATA", "--no-input")
    assert code == 0
    assert 'owner: "@data"\n' in (registry / out.strip()).read_text("utf-8")
    assert_check_passes(registry)


def test_owner_must_be_in_codeowners_when_there_is_one(registry: Path) -> None:
    write_files(registry, {".github/CODEOWNERS": "* @payments @platform/infra\n/tenets/ @arch\n"})
    code, _, err = new(registry, "T", "--door", "two-way", "--owner", "@sales", "--no-input")
    assert code == 1
    assert "allowed by .github/CODEOWNERS (@payments, @platform/infra, @arch)" in err
    code, _, _ = new(registry, "T", "--door", "two-way", "--owner", "@platform/infra",
                     "--no-input")  # fmt: skip
    assert code == 0
    assert_check_passes(registry)


def test_missing_registry_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = new(tmp_path, "T", *TWO_WAY)
    assert (code, out) == (2, "")
    assert err == (
        f"hinges: no registry here: decisions/ does not exist in {tmp_path.resolve()}; "
        "run 'hinges init' or pass --root\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_decisions_folder_leading_outside_the_root_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "repo"
    root.mkdir()
    (root / "decisions").symlink_to(outside)
    code, _, err = new(root, "T", *TWO_WAY)
    assert code == 2
    assert "decisions/ resolves outside the registry root" in err
    assert list(outside.iterdir()) == []


def test_path_is_printed_relative_to_the_current_folder(registry: Path) -> None:
    result = run_hinges("new", "T", *TWO_WAY, cwd=registry / "tenets")
    assert (result.code, result.stdout) == (0, "../decisions/0002-t.md\n")
    elsewhere = registry.parent
    result = run_hinges("new", "U", *TWO_WAY, "--root", str(registry), cwd=elsewhere)
    assert (result.code, result.stdout) == (0, f"{registry.name}/decisions/0003-u.md\n")


def test_supersedes_updates_both_records(registry: Path) -> None:
    code, out, err = new(registry, "Use CockroachDB", *TWO_WAY, "--supersedes", "1")
    assert (code, out) == (0, "decisions/0002-use-cockroachdb.md\n")
    assert err == "hinges: decisions/0001-use-postgres.md is now superseded by ADR-0002\n"
    new_text = (registry / "decisions/0002-use-cockroachdb.md").read_text("utf-8")
    assert "supersedes: [ADR-0001]\n" in new_text
    old_text = (registry / "decisions/0001-use-postgres.md").read_text("utf-8")
    expected_old = GOOD_DECISION.replace("status: accepted", "status: superseded").replace(
        "date: 2026-01-10", f"date: {TODAY}"
    )
    assert old_text.replace("superseded_by: [ADR-0002]\n", "") == expected_old
    assert "superseded_by: [ADR-0002]\n" in old_text
    assert_check_passes(registry)


def test_supersedes_refused_before_anything_is_created(registry: Path) -> None:
    before = (registry / "decisions/0001-use-postgres.md").read_bytes()
    code, out, err = new(registry, "X", *TWO_WAY, "--supersedes", "ADR-0001", "--supersedes", "7")
    assert (code, out) == (1, "")
    assert "ADR-0007" in err
    assert record_files(registry) == ["0001-use-postgres.md"]
    assert (registry / "decisions/0001-use-postgres.md").read_bytes() == before


def test_edit_opens_the_editor_on_the_new_file(registry: Path, tmp_path: Path) -> None:
    log = tmp_path / "editor.log"
    editor = tmp_path / "my editor.py"
    editor.write_text(f"import sys\nopen({str(log)!r}, 'w').write(repr(sys.argv[1:]))\n")
    env = {"VISUAL": f"{sys.executable} '{editor}' --wait", "EDITOR": "false"}
    result = run_hinges("new", "T", *TWO_WAY, "--edit", cwd=registry, env=env)
    assert (result.code, result.stdout, result.stderr) == (0, "decisions/0002-t.md\n", "")
    assert log.read_text() == repr(["--wait", str(registry / "decisions/0002-t.md")])


def test_edit_without_an_editor_says_so(registry: Path) -> None:
    env = {"VISUAL": "", "EDITOR": ""}
    result = run_hinges("new", "T", *TWO_WAY, "--edit", cwd=registry, env=env)
    assert (result.code, result.stdout) == (0, "decisions/0002-t.md\n")
    assert result.stderr == (
        f"hinges: neither $VISUAL nor $EDITOR is set; open {registry / 'decisions/0002-t.md'} "
        "yourself\n"
    )


def test_edit_reports_a_failing_editor(registry: Path) -> None:
    result = run_hinges("new", "T", *TWO_WAY, "--edit", cwd=registry, env={"VISUAL": "false"})
    assert (result.code, result.stderr) == (1, "hinges: the editor 'false' exited with 1\n")
    assert (registry / "decisions/0002-t.md").is_file()


def test_prompts_ask_for_door_owner_and_tenets(registry: Path) -> None:
    write_files(registry, {"tenets/T-002-data.md": GOOD_TENET.replace("T-001", "T-002").replace(
        "Reversible choices over perfect ones", "Data outlives code").replace(
        "priority: 1", "priority: 2")})  # fmt: skip
    answers = "3\n2\nhttp://x\n@data\nT-9\n2, t-001\n"
    result = run_with_input("new", "Store events as Avro", input=answers, cwd=registry)
    assert (result.code, result.stdout) == (0, "decisions/0002-store-events-as-avro.md\n")
    assert result.stderr == textwrap.dedent("""\
        Is this a one-way or a two-way door?
          1) two-way: cheap to walk back through (a library behind an interface, a config flag,
             a tool one team uses). Decide quickly, record it briefly, review it later.
          2) one-way: costly or impossible to reverse (a public API contract, a storage format
             holding customer data, a vendor that holds your data). Weigh several options,
             consult, name who decided, and set a date to look again.
        Door (1 or 2): 3
        Error: answer 1 (two-way) or 2 (one-way)
        Door (1 or 2): 2
        Owner: the one team or person accountable for the decision over time (e.g. @payments): http://x
        Error: owner 'http://x' looks like a URL; write a handle such as @team, @org/team or alice
        Owner: the one team or person accountable for the decision over time (e.g. @payments): @data
        Which tenets does this decision follow? (highest priority first)
          T-001  Reversible choices over perfect ones
          T-002  Data outlives code
        Tenets (numbers or ids, e.g. 1 3; blank for none): T-9
        Error: there is no tenet 'T-9'; the tenets are: T-001, T-002
        Tenets (numbers or ids, e.g. 1 3; blank for none): 2, t-001
        """)
    text = (registry / "decisions/0002-store-events-as-avro.md").read_text("utf-8")
    assert "door: one-way\n" in text
    assert 'owner: "@data"\n' in text
    assert "tenets: [T-002, T-001]\n" in text
    assert_check_passes(registry)


def test_prompts_skip_what_was_given_and_allow_no_tenets(registry: Path) -> None:
    result = run_with_input("new", "T", "--door", "two-way", input="@x\n\n", cwd=registry)
    assert (result.code, result.stdout) == (0, "decisions/0002-t.md\n")
    assert "Door" not in result.stderr
    assert "tenets:" not in (registry / "decisions/0002-t.md").read_text("utf-8")


def test_prompt_for_owner_lists_allowed_owners_and_defaults_to_a_single_one(
    registry: Path,
) -> None:
    write_files(registry, {"hinges.toml": 'owners = ["@payments"]\n'})
    result = run_with_input("new", "T", "--door", "two-way", input="\n\n", cwd=registry)
    assert result.code == 0, result
    assert "Allowed owners (the owners setting of hinges.toml): @payments\n" in result.stderr
    assert "(e.g. @payments) [@payments]: \n" in result.stderr
    assert 'owner: "@payments"\n' in (registry / "decisions/0002-t.md").read_text("utf-8")


def test_no_input_wins_over_forced_prompts(registry: Path) -> None:
    result = run_with_input("new", "T", "--no-input", input="2\n@x\n", cwd=registry)
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (
        "hinges: missing --door and --owner; give them as options (prompts only appear on a "
        "terminal without --no-input)\n"
    )
    assert record_files(registry) == ["0001-use-postgres.md"]


def test_real_terminal_prompts(registry: Path) -> None:
    """A real pseudo-terminal: the TTY check itself turns the questions on."""
    pty = pytest.importorskip("pty")
    env = {k: v for k, v in os.environ.items() if k != "HINGES_INTERACTIVE"}
    script = "from hinges.cli import main; main()"
    pid, fd = pty.fork()
    if pid == 0:  # the child: hinges on the terminal's end
        os.chdir(registry)
        os.execve(sys.executable, [sys.executable, "-c", script, "new", "Via a terminal"], env)
    transcript = b""
    answers = iter([b"1\n", b"@term\n", b"1\n"])
    for expected in (b"Door (1 or 2): ", b"(e.g. @payments): ", b"blank for none): "):
        while expected not in transcript:
            chunk = os.read(fd, 1024)
            assert chunk, transcript
            transcript += chunk
        os.write(fd, next(answers))
        transcript = transcript.split(expected, 1)[1]
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        transcript += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"decisions/0002-via-a-terminal.md" in transcript
    text = (registry / "decisions/0002-via-a-terminal.md").read_text("utf-8")
    assert "door: two-way\n" in text
    assert 'owner: "@term"\n' in text
    assert "tenets: [T-001]\n" in text


# Each process imports hinges, then waits for the same moment, so that all eight choose a
# number at once (started one after another, they would rarely overlap).
_AT_ONCE = """
import sys, time
from hinges.cli import main
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
main(sys.argv[2:])
"""


@pytest.mark.parametrize("titles", ["same", "different"])
def test_parallel_creation_never_writes_the_same_file(registry: Path, titles: str) -> None:
    start = time.time() + 2.0
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _AT_ONCE, str(start), "new", *TWO_WAY,
             "Parallel" if titles == "same" else f"Parallel {i}"],
            cwd=registry,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(8)
    ]  # fmt: skip
    outputs = [process.communicate(timeout=60) for process in processes]
    assert [process.returncode for process in processes] == [0] * 8, outputs
    printed = sorted(out.strip() for out, _ in outputs)
    assert len(set(printed)) == 8
    numbers = sorted(name[:4] for name in record_files(registry))
    assert numbers == [f"{n:04d}" for n in range(1, 10)]
    for path in printed:
        number = Path(path).name[:4]
        assert f"id: ADR-{number}\n" in (registry / path).read_text("utf-8")
    assert_check_passes(registry)


_IMPORTS = """
import sys
from hinges.cli import main
try:
    main(["new", "Lean", "--door", "two-way", "--owner", "@x", "--no-input"])
except SystemExit:
    pass
heavy = ("hinges.rules", "hinges.checker", "hinges.loader", "jsonschema", "yaml", "calendar")
print(sorted(m for m in sys.modules if m.split(".")[0] in heavy or m.startswith(heavy)))
"""


def test_new_imports_no_rules_checker_or_yaml(registry: Path) -> None:
    """Creating a record must stay cheap: the benchmark compares it with importing click."""
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTS], cwd=registry, capture_output=True, text=True, check=True
    )
    assert done.stdout == "decisions/0002-lean.md\n[]\n"


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        ("Use C #", "# Use C # #"),  # the hashes would be read as a closing sequence
        ("Title ##", "# Title ## #"),
        ("#", "# # #"),
        ("C#", "# C#"),
        ("# leading hash", "# # leading hash"),
        ("*emphasis* and `code`", "# *emphasis* and `code`"),
        ("Back\\slash\\", "# Back\\slash\\"),
        ("> quote", "# > quote"),
    ],
)
def test_markdown_significant_titles_keep_their_h1(registry: Path, title: str, h1: str) -> None:
    code, out, _ = new(registry, *TWO_WAY, "--", title)
    assert code == 0
    assert f"\n---\n{h1}\n\n" in (registry / out.strip()).read_text("utf-8")
    assert "HG801" not in assert_check_passes(registry).stdout
