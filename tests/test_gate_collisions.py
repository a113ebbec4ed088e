"""`hinges check --base` on two real branches: a number collision is not a rename.

Each test builds a repository whose main branch and feature branch both changed the
registry since the feature branch forked, then runs the gate on the feature branch (not
merged with main, as a developer does locally, and merged, as CI does). Identity comes
from the path or the content, never from a shared number or id; which side changed a file
comes from the fork; and no advice the gate prints may overwrite or delete a file.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from conftest import run_hinges, write_files
from gate_support import DECISION, assert_exit_agrees, check_base, commit_all, git, registry_repo

Changes = dict[str, str | None]
"""Relative path -> new text (None: delete the file)."""


def adr(
    number: int,
    title: str,
    context: str,
    *,
    status: str = "proposed",
    decision: str = "",
    consequences: str = "We look at it again in a year.",
) -> str:
    """A valid decision numbered ``number``, with its own title and body."""
    front = (
        DECISION.split("---\n")[1]
        .replace("ADR-0001", f"ADR-{number:04d}")
        .replace("Use PostgreSQL for orders", title)
        .replace("status: accepted", f"status: {status}")
    )
    body = (
        f"# {title}\n\n## Context\n\n{context}\n\n## Decision\n\n{decision or title + '.'}\n\n"
        f"## Consequences\n\n{consequences}\n"
    )
    return f"---\n{front}---\n{body}"


LEDGER = adr(21, "Move the ledger", "The ledger outgrew the shared database and blocks deploys.")
FLAGS = adr(21, "Adopt flags", "Releases wait on each other; flags decouple them from deploys.")


def _apply(repo: Path, changes: Changes) -> None:
    for path, text in changes.items():
        if text is None:
            (repo / path).unlink()
        else:
            write_files(repo, {path: text})


def forked(
    tmp_path: Path,
    *,
    main: Changes,
    branch: Changes,
    fork: Changes | None = None,
    main_first: bool = True,
) -> Path:
    """A repository checked out at branch ``feature``, which made ``branch`` after forking
    from main (at ``fork``), while main went on to make ``main``."""
    repo = registry_repo(tmp_path / "repo")
    if fork:
        _apply(repo, fork)
        commit_all(repo, "fork point", when="2026-01-15T10:00:00")
    git(repo, "branch", "feature")
    git(repo, "tag", "fork")
    # Which side committed first must not matter: both orders are tested.
    days = ("2026-02-01", "2026-02-02") if main_first else ("2026-02-02", "2026-02-01")
    _apply(repo, main)
    _commit(repo, "main moves on", f"{days[0]}T10:00:00")
    git(repo, "checkout", "-q", "feature")
    _apply(repo, branch)
    _commit(repo, "the branch's change", f"{days[1]}T10:00:00")
    return repo


def _commit(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, when=when)


def gate_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if " HG9" in line]


def assert_advice_is_safe(repo: Path, stdout: str) -> None:
    """Every `git mv A B` printed moves a file that exists onto a path that does not, and
    that main has only if the branch had it at the fork (else it is another record, which
    the move would replace once main is merged)."""
    at_base = set(git(repo, "ls-tree", "-r", "--name-only", "main").splitlines())
    at_fork = set(git(repo, "ls-tree", "-r", "--name-only", "fork").splitlines())
    for source, target in re.findall(r"git mv (\S+) (\S+?)\)", stdout):
        assert (repo / source).is_file(), f"advice moves a missing file: {source}"
        assert not (repo / target).exists(), f"advice would overwrite {target}"
        assert target in at_fork or target not in at_base, f"advice moves onto main's {target}"
    assert " rm " not in stdout and "--force" not in stdout and "mv -f" not in stdout


def titles(repo: Path) -> Counter[str]:
    return Counter(
        line.removeprefix("title: ")
        for path in (repo / "decisions").glob("*.md")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.startswith("title: ")
    )


def assert_renumber_agrees(repo: Path, stdout: str) -> None:
    """`hinges renumber --base` moves each reported record to the number its finding names."""
    suggested = {
        path: number
        for path, number in re.findall(
            r"^(\S+):1:1: error HG904 .*; renumber this record to (\d+) \(", stdout, re.M
        )
    }
    planned = run_hinges("renumber", "--root", str(repo), "--base", "main", "--dry-run")
    assert planned.code == 0, planned
    moves = dict(re.findall(r"^(\S+) -> \S+/(?:T-)?(\d+)-", planned.stdout, re.M))
    assert {path: moves.get(path) for path in suggested} == suggested


def follow_advice(repo: Path, stdout: str) -> None:
    """Run every command the gate suggested (each once), as a person would copy it."""
    commands = re.findall(r"\((git mv \S+ \S+|hinges renumber --base \S+)\)", stdout)
    for command in dict.fromkeys(commands):
        words = shlex.split(command)
        if words[0] == "git":
            git(repo, *words[1:])
        else:
            assert_renumber_agrees(repo, stdout)
            done = run_hinges(*words[1:], "--root", str(repo))
            assert done.code == 0, done


# -- the case, both ways round ----------------------------------------------------


@pytest.mark.parametrize("main_first", [True, False])
@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("decisions/0021-move-the-ledger.md", "decisions/0021-adopt-flags.md"),
        ("decisions/0021-adopt-flags.md", "decisions/0021-move-the-ledger.md"),
    ],
    ids=["ledger-branch", "flags-branch"],
)
def test_both_sides_added_the_number_is_a_collision_then_renumbered(
    tmp_path: Path, ours: str, theirs: str, main_first: bool
) -> None:
    text = {"decisions/0021-move-the-ledger.md": LEDGER, "decisions/0021-adopt-flags.md": FLAGS}
    fork = {f"decisions/{n:04d}-d{n}.md": adr(n, f"Decision {n}", f"Why {n}.") for n in (2, 20)}
    repo = forked(
        tmp_path, fork=fork, main={theirs: text[theirs]}, branch={ours: text[ours]},
        main_first=main_first,
    )  # fmt: skip
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        f"{ours}:1:1: error HG904 number 0021 is already used at the base ref by {theirs}; "
        "renumber this record to 0022 (hinges renumber --base main)"
    ]
    assert_advice_is_safe(repo, caught.stdout)

    renumbered = run_hinges("renumber", "--root", str(repo), "--base", "main")
    moved = ours.replace("0021", "0022")
    assert (renumbered.code, renumbered.stdout) == (
        0,
        f"{ours} -> {moved} (ADR-0021 -> ADR-0022; {theirs} at the base ref keeps ADR-0021)\n"
        "renumbered 1 record; run 'hinges check'\n",
    ), renumbered
    fixed = check_base(repo, "main")
    assert fixed.code == 0, fixed
    assert gate_lines(fixed.stdout) == []
    assert "id: ADR-0022\n" in (repo / moved).read_text(encoding="utf-8")

    # The branch now merges main without a conflict, and the merge result passes too.
    commit_all(repo, "renumbered", when="2026-02-03T10:00:00")
    git(repo, "merge", "-q", "--no-edit", "main", when="2026-02-04T10:00:00")
    assert (repo / theirs).read_text(encoding="utf-8") == text[theirs]
    merged = check_base(repo, "main")
    assert merged.code == 0, merged
    assert gate_lines(merged.stdout) == []


def test_the_merge_result_reports_the_same_collision(tmp_path: Path) -> None:
    repo = forked(
        tmp_path,
        main={"decisions/0021-adopt-flags.md": FLAGS},
        branch={"decisions/0021-move-the-ledger.md": LEDGER},
    )
    git(repo, "merge", "-q", "--no-edit", "main", when="2026-02-05T10:00:00")
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        "decisions/0021-move-the-ledger.md:1:1: error HG904 number 0021 is already used at "
        "the base ref by decisions/0021-adopt-flags.md; renumber this record to 0022 "
        "(hinges renumber --base main)"
    ]
    renumbered = run_hinges("renumber", "--root", str(repo), "--base", "main")
    assert renumbered.code == 0, renumbered
    assert renumbered.stdout.startswith(
        "decisions/0021-move-the-ledger.md -> decisions/0022-move-the-ledger.md "
    )
    assert check_base(repo, "main").code == 0
    assert (repo / "decisions/0021-adopt-flags.md").read_text(encoding="utf-8") == FLAGS


def test_the_base_record_older_than_the_fork_collides_too(tmp_path: Path) -> None:
    repo = forked(
        tmp_path,
        fork={"decisions/0021-adopt-flags.md": FLAGS},
        main={},
        branch={"decisions/0021-move-the-ledger.md": LEDGER},
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        "decisions/0021-move-the-ledger.md:1:1: error HG904 number 0021 is already used at "
        "the base ref by decisions/0021-adopt-flags.md; renumber this record to 0022 "
        "(hinges renumber --base main)"
    ]


def test_template_bodies_and_shared_titles_are_not_identity(tmp_path: Path) -> None:
    # Same template body, different titles; then the same title, different bodies.
    template = "What problem does this solve, and why now?"
    repo = forked(
        tmp_path,
        main={
            "decisions/0021-adopt-flags.md": adr(21, "Adopt flags", template),
            "decisions/0022-cache-prices.md": adr(22, "Cache prices", "Prices load slowly."),
        },
        branch={
            "decisions/0021-move-the-ledger.md": adr(21, "Move the ledger", template),
            "decisions/0022-cache-prices-2.md": adr(
                22, "Cache prices", "Auditors need every price we showed, kept for a year."
            ),
        },
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert [line.split(" error ")[1][:33] for line in gate_lines(caught.stdout)] == [
        "HG904 number 0021 is already used",
        "HG904 number 0022 is already used",
    ]
    assert "renumber this record to 0023" in caught.stdout
    assert "renumber this record to 0024" in caught.stdout
    follow_advice(repo, caught.stdout)
    assert check_base(repo, "main").code == 0


def test_tenets_collide_the_same_way(tmp_path: Path) -> None:
    def tenet(title: str, text: str) -> str:
        return (
            f'---\nid: T-002\ntitle: {title}\nstatus: active\nowner: "@arch"\npriority: 2\n'
            f"---\n# {title}\n\n{text}\n"
        )

    repo = forked(
        tmp_path,
        main={"tenets/T-002-boring-tech.md": tenet("Boring tech", "Proven tools first.")},
        branch={"tenets/T-002-own-your-data.md": tenet("Own your data", "Export everything.")},
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        "tenets/T-002-own-your-data.md:1:1: error HG904 number 002 is already used at the "
        "base ref by tenets/T-002-boring-tech.md; renumber this record to 003 "
        "(hinges renumber --base main)"
    ]
    follow_advice(repo, caught.stdout)
    assert (repo / "tenets/T-003-own-your-data.md").is_file()
    assert check_base(repo, "main").code == 0


# -- renames: the same record under a new name ----------------------------------------------

KAFKA = adr(2, "Use Kafka for events", "Order events must reach billing and shipping.")


@pytest.mark.parametrize("main_moved_on", [False, True])
def test_a_real_rename_is_still_a_rename(tmp_path: Path, main_moved_on: bool) -> None:
    repo = forked(
        tmp_path,
        fork={"decisions/0002-use-kafka.md": KAFKA},
        main={"decisions/0003-adopt-flags.md": adr(3, "Adopt flags", "x")} if main_moved_on else {},
        branch={"decisions/0002-use-kafka.md": None, "decisions/0002-kafka-events.md": KAFKA},
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        "decisions/0002-use-kafka.md:1:1: error HG903 ADR-0002 was renamed to "
        "decisions/0002-kafka-events.md; links to decisions/0002-use-kafka.md break: keep "
        "the file name it was published under (git mv decisions/0002-kafka-events.md "
        "decisions/0002-use-kafka.md)"
    ]
    assert_advice_is_safe(repo, caught.stdout)
    follow_advice(repo, caught.stdout)
    assert check_base(repo, "main").code == 0


def test_a_record_renumbered_by_the_branch_is_told_to_keep_its_name_and_id(
    tmp_path: Path,
) -> None:
    repo = forked(
        tmp_path,
        fork={"decisions/0002-use-kafka.md": KAFKA},
        main={"decisions/0003-adopt-flags.md": FLAGS.replace("0021", "0003")},
        branch={
            "decisions/0002-use-kafka.md": None,
            "decisions/0004-use-kafka.md": KAFKA.replace("ADR-0002", "ADR-0004"),
        },
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        "decisions/0002-use-kafka.md:1:1: error HG903 ADR-0002 was renamed to "
        "decisions/0004-use-kafka.md; links to decisions/0002-use-kafka.md break: keep the "
        "file name and id (ADR-0002) it was published under (git mv "
        "decisions/0004-use-kafka.md decisions/0002-use-kafka.md)"
    ]
    assert_advice_is_safe(repo, caught.stdout)


def test_a_rename_with_a_lightly_edited_title_is_a_rename(tmp_path: Path) -> None:
    edited = KAFKA.replace("Use Kafka for events", "Use Kafka for order events")
    repo = forked(
        tmp_path,
        fork={"decisions/0002-use-kafka.md": KAFKA},
        main={},
        branch={
            "decisions/0002-use-kafka.md": None,
            "decisions/0002-use-kafka-for-order.md": edited,
        },
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert [line.split(" error ")[1][:38] for line in gate_lines(caught.stdout)] == [
        "HG903 ADR-0002 was renamed to decision"
    ]
    assert_advice_is_safe(repo, caught.stdout)


def test_a_record_replaced_under_its_number_is_deleted_and_collides(tmp_path: Path) -> None:
    nats = adr(2, "Use NATS for orders", "Orders need a queue with replay on restart.")
    repo = forked(
        tmp_path,
        fork={"decisions/0002-use-kafka.md": KAFKA},
        main={},
        branch={"decisions/0002-use-kafka.md": None, "decisions/0002-use-nats.md": nats},
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        "decisions/0002-use-kafka.md:1:1: error HG902 ADR-0002 (decisions/0002-use-kafka.md) "
        "was deleted; records stay on record: restore the file and set its status to rejected",
        "decisions/0002-use-nats.md:1:1: error HG904 number 0002 is already used at the base "
        "ref by decisions/0002-use-kafka.md; renumber this record to 0003 "
        "(hinges renumber --base main)",
    ]
    assert_advice_is_safe(repo, caught.stdout)


def test_the_base_renamed_a_record_the_branch_edits(tmp_path: Path) -> None:
    accepted = adr(2, "Use Kafka for events", "Order events reach billing.", status="accepted")
    renumbered = accepted.replace("ADR-0002", "ADR-0003")
    repo = forked(
        tmp_path,
        fork={"decisions/0002-use-kafka.md": accepted},
        # main renumbered it (another collision, settled there) and added a record at 0002
        main={
            "decisions/0002-use-kafka.md": None,
            "decisions/0003-use-kafka.md": renumbered,
            "decisions/0002-adopt-flags.md": adr(2, "Adopt flags", "Decouple releases."),
        },
        branch={"decisions/0002-use-kafka.md": accepted.replace("2099-01-10", "2099-06-01")},
    )
    allowed = check_base(repo, "main")
    assert allowed.code == 0, allowed
    assert gate_lines(allowed.stdout) == []

    write_files(
        repo, {"decisions/0002-use-kafka.md": accepted.replace("reach billing", "reach nobody")}
    )
    edited = check_base(repo, "main")
    assert edited.code == 1, edited
    assert gate_lines(edited.stdout) == [
        "decisions/0002-use-kafka.md:17:1: error HG901 the body changed; ADR-0002 was "
        "accepted at the base ref and its content is history: restore it and supersede it "
        "instead (hinges new TITLE --supersedes ADR-0002)"
    ]


def test_the_branch_deleted_its_file_while_the_base_added_one_with_its_number(
    tmp_path: Path,
) -> None:
    repo = forked(
        tmp_path,
        fork={"decisions/0002-use-kafka.md": KAFKA},
        main={"decisions/0002-adopt-flags.md": adr(2, "Adopt flags", "Decouple releases.")},
        branch={"decisions/0002-use-kafka.md": None},
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    # Only the branch's deletion; main's record is not the branch's to restore.
    assert gate_lines(caught.stdout) == [
        "decisions/0002-use-kafka.md:1:1: error HG902 ADR-0002 (decisions/0002-use-kafka.md) "
        "was deleted; records stay on record: restore the file and set its status to rejected"
    ]


def test_records_main_added_or_accepted_since_the_fork_are_not_the_branchs_changes(
    tmp_path: Path,
) -> None:
    repo = forked(
        tmp_path,
        fork={"decisions/0002-use-kafka.md": KAFKA},
        main={
            "decisions/0002-use-kafka.md": KAFKA.replace("status: proposed", "status: accepted"),
            "decisions/0003-adopt-flags.md": adr(3, "Adopt flags", "Decouple releases."),
        },
        branch={"decisions/0004-cache-prices.md": adr(4, "Cache prices", "Prices load slowly.")},
    )
    result = check_base(repo, "main")
    assert result.code == 0, result
    assert gate_lines(result.stdout) == []
    summary = run_hinges("summary", "--root", str(repo), "--base", "main", "--format", "json")
    assert summary.code == 0, summary
    assert [(r["change"], r["path"]) for r in json.loads(summary.stdout)["records"]] == [
        ("added", "decisions/0004-cache-prices.md")
    ]


# -- both sides add the same file name ------------------------------------------------------


def test_both_sides_added_the_same_file_name_with_different_records(tmp_path: Path) -> None:
    ours = adr(
        21,
        "Adopt flags",
        "Our flags decide which customers see the new checkout.",
        decision="Product managers own a flag per experiment, in the admin console.",
        consequences="Experiments end with the flag removed within two sprints.",
    )
    theirs = adr(
        21, "Adopt flags", "Release toggles let us merge unfinished work to main.",
        decision="Every unfinished feature ships dark behind a toggle in the config file.",
        consequences="Toggles are deleted when the feature is released to everyone.",
    )  # fmt: skip
    repo = forked(
        tmp_path,
        main={"decisions/0021-adopt-flags.md": theirs},
        branch={"decisions/0021-adopt-flags.md": ours},
    )
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        "decisions/0021-adopt-flags.md:1:1: error HG904 the base ref has a different record "
        "at this same path (both sides added it, so merging them is a conflict); renumber "
        "this record to 0022 (hinges renumber --base main)"
    ]
    follow_advice(repo, caught.stdout)
    assert (repo / "decisions/0022-adopt-flags.md").read_text(encoding="utf-8") == ours.replace(
        "ADR-0021", "ADR-0022"
    )
    assert not (repo / "decisions/0021-adopt-flags.md").exists()
    fixed = check_base(repo, "main")
    assert fixed.code == 0, fixed
    commit_all(repo, "renumbered", when="2026-02-03T10:00:00")
    git(repo, "merge", "-q", "--no-edit", "main", when="2026-02-04T10:00:00")  # no conflict
    assert (repo / "decisions/0021-adopt-flags.md").read_text(encoding="utf-8") == theirs


def test_both_sides_added_the_same_record_is_no_collision(tmp_path: Path) -> None:
    repo = forked(
        tmp_path,
        main={"decisions/0021-adopt-flags.md": FLAGS},
        branch={"decisions/0021-adopt-flags.md": FLAGS},
    )
    result = check_base(repo, "main")
    assert result.code == 0, result
    assert gate_lines(result.stdout) == []


# -- the class: no advice destroys a file ---------------------------------------------------

SCENARIOS: dict[str, tuple[Changes, Changes, Changes]] = {
    # name: (fork, main, branch)
    "both-added-a-number": ({}, {"decisions/0021-adopt-flags.md": FLAGS},
                            {"decisions/0021-move-the-ledger.md": LEDGER}),
    "both-added-a-path": ({}, {"decisions/0021-adopt-flags.md": FLAGS},
                          {"decisions/0021-adopt-flags.md": LEDGER}),
    "renamed-onto-a-path-main-added": (
        {"decisions/0002-use-kafka.md": KAFKA},
        {"decisions/0003-kafka-events.md": FLAGS.replace("0021", "0003")},
        {"decisions/0002-use-kafka.md": None, "decisions/0003-kafka-events.md": KAFKA},
    ),
    "renamed-and-main-reused-the-number": (
        {"decisions/0002-use-kafka.md": KAFKA},
        {"decisions/0002-use-kafka.md": None,
         "decisions/0002-adopt-flags.md": FLAGS.replace("0021", "0002")},
        {"decisions/0002-use-kafka.md": None, "decisions/0002-kafka-events.md": KAFKA},
    ),
    "renumbered-own-record": (
        {"decisions/0002-use-kafka.md": KAFKA},
        {},
        {"decisions/0002-use-kafka.md": None,
         "decisions/0009-use-kafka.md": KAFKA.replace("ADR-0002", "ADR-0009")},
    ),
}  # fmt: skip


# Which scenarios git merges cleanly; the others stop the merge with a conflict, so only
# the branch alone can be checked (the gate runs on what git produced).
MERGEABLE = {"both-added-a-number", "renumbered-own-record"}


def _merge_main(repo: Path) -> bool:
    """Merge main into the branch; False on a conflict."""
    done = subprocess.run(
        ["git", "-C", str(repo), "merge", "-q", "--no-edit", "main"],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


@pytest.mark.parametrize(
    ("name", "merged"),
    [(name, False) for name in sorted(SCENARIOS)] + [(name, True) for name in sorted(MERGEABLE)],
)
def test_following_the_advice_never_loses_a_record(tmp_path: Path, name: str, merged: bool) -> None:
    fork, main, branch = SCENARIOS[name]
    repo = forked(tmp_path, fork=fork, main=main, branch=branch)
    if merged:
        assert _merge_main(repo), "git merges this scenario without a conflict"
    before = check_base(repo, "main")
    assert before.code == 1, before
    assert re.search(r"\((git mv|hinges renumber) ", before.stdout), "advice to follow"
    assert_advice_is_safe(repo, before.stdout)
    records = titles(repo)
    follow_advice(repo, before.stdout)
    after = check_base(repo, "main")
    assert_exit_agrees(after)
    assert [
        line for line in gate_lines(after.stdout) if " HG903 " in line or " HG904 " in line
    ] == []
    assert titles(repo) == records


def test_no_move_is_advised_onto_a_path_that_is_taken(tmp_path: Path) -> None:
    # A folder now sits at the record's old name: the name is not free to move back to
    # (git mv would put the record inside the folder), so no git mv is advised.
    repo = forked(
        tmp_path,
        fork={"decisions/0002-use-kafka.md": KAFKA},
        main={},
        branch={"decisions/0002-use-kafka.md": None, "decisions/0002-kafka-events.md": KAFKA},
    )
    write_files(repo, {"decisions/0002-use-kafka.md/notes.txt": "kept by hand\n"})
    caught = check_base(repo, "main")
    assert caught.code == 1, caught
    assert "git mv" not in caught.stdout
    assert gate_lines(caught.stdout) == [
        "decisions/0002-kafka-events.md:1:1: error HG904 number 0002 is already used at the "
        "base ref by decisions/0002-use-kafka.md; renumber this record to 0003 "
        "(hinges renumber --base main)"
    ]


def test_without_the_fork_in_a_shallow_clone_content_still_decides(tmp_path: Path) -> None:
    # No merge-base to be found: main's new record looks deleted (the base counts as the
    # fork), but the branch's record is still a collision, never a rename onto it.
    origin = forked(
        tmp_path,
        main={"decisions/0021-adopt-flags.md": FLAGS},
        branch={"decisions/0021-move-the-ledger.md": LEDGER},
    )
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=1", "--branch=feature", origin.as_uri(), str(clone))
    git(clone, "fetch", "-q", "--depth=1", "origin", "main:refs/remotes/origin/main")
    caught = check_base(clone, "origin/main")
    assert caught.code == 1, caught
    assert gate_lines(caught.stdout) == [
        "decisions/0021-adopt-flags.md:1:1: error HG902 ADR-0021 "
        "(decisions/0021-adopt-flags.md) was deleted; records stay on record: restore the "
        "file and set its status to rejected",
        "decisions/0021-move-the-ledger.md:1:1: error HG904 number 0021 is already used at "
        "the base ref by decisions/0021-adopt-flags.md; renumber this record to 0022 "
        "(hinges renumber --base origin/main)",
    ]
