"""The naming and reference rules on registries built in tmp_path: cycles, long chains,
several successors and predecessors, and the numbers suggested for duplicates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hinges.checker import check
from hinges.config import load_config
from hinges.rules._relations import strongly_connected, supersede_cycles

TODAY = dt.date(2026, 11, 26)
REFERENCE_CODES = ("HG302", "HG303", "HG304", "HG305", "HG306", "HG307", "HG308")


def _flow(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


def write_decision(
    root: Path,
    number: int,
    *,
    slug: str = "order-events",
    status: str = "accepted",
    supersedes: list[str] | None = None,
    superseded_by: list[str] | None = None,
    record_id: str | None = None,
) -> None:
    lines = [
        "---",
        f"id: {record_id or f'ADR-{number:04d}'}",
        f"title: Order events, take {number}",
        f"status: {status}",
        "date: 2026-03-01",
        "door: two-way",
        'owner: "@orders"',
    ]
    if supersedes:
        lines.append(f"supersedes: {_flow(supersedes)}")
    if superseded_by:
        lines.append(f"superseded_by: {_flow(superseded_by)}")
    lines += ["---", f"# Order events, take {number}", ""]
    path = root / "decisions" / f"{number:04d}-{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def lines_of(root: Path, *codes: str) -> list[str]:
    result = check(root, load_config(root), today=TODAY)
    return [
        f"{f.path}:{f.line}:{f.column}: {f.severity.value} {f.code} {f.message}"
        for f in result.findings
        if f.code in codes
    ]


def test_three_cycle_is_reported_once_at_the_smallest_id(tmp_path: Path) -> None:
    # 0002 supersedes 0001, 0003 supersedes 0002, and 0001 was edited to supersede 0003.
    write_decision(
        tmp_path, 1, status="superseded", supersedes=["ADR-0003"], superseded_by=["ADR-0002"]
    )
    write_decision(
        tmp_path, 2, status="superseded", supersedes=["ADR-0001"], superseded_by=["ADR-0003"]
    )
    write_decision(
        tmp_path, 3, status="superseded", supersedes=["ADR-0002"], superseded_by=["ADR-0001"]
    )
    assert lines_of(tmp_path, "HG304") == [
        "decisions/0001-order-events.md:8:14: error HG304 supersedes links form a cycle: "
        "ADR-0001 -> ADR-0003 -> ADR-0002 -> ADR-0001 (each supersedes the next); "
        "a decision cannot replace itself, so remove one of these links"
    ]


def test_a_cycle_written_on_one_side_only_is_still_found(tmp_path: Path) -> None:
    # Only superseded_by entries: the reversed edges make the same cycle.
    write_decision(tmp_path, 4, status="superseded", superseded_by=["ADR-0005"])
    write_decision(tmp_path, 5, status="superseded", superseded_by=["ADR-0004"])
    assert lines_of(tmp_path, "HG304") == [
        "decisions/0004-order-events.md:8:17: error HG304 supersedes links form a cycle: "
        "ADR-0004 -> ADR-0005 -> ADR-0004 (each supersedes the next); "
        "a decision cannot replace itself, so remove one of these links"
    ]


def _chain(root: Path, length: int, *, closed: bool) -> None:
    """ADR-0002 supersedes ADR-0001, ADR-0003 supersedes ADR-0002, and so on."""
    for number in range(1, length + 1):
        last = number == length
        write_decision(
            root,
            number,
            status="accepted" if last and not closed else "superseded",
            supersedes=[f"ADR-{number - 1:04d}"] if number > 1 else None,
            superseded_by=[f"ADR-{number + 1:04d}"] if not last else None,
        )
    if closed:  # the first record also supersedes the last, closing the circle
        write_decision(
            root,
            1,
            status="superseded",
            supersedes=[f"ADR-{length:04d}"],
            superseded_by=["ADR-0002"],
        )
        write_decision(
            root,
            length,
            status="superseded",
            supersedes=[f"ADR-{length - 1:04d}"],
            superseded_by=["ADR-0001"],
        )


# About 5 s on a loaded 2-core machine (most of it writing and reading 3,000 files); a walk
# of the chain that restarts at every record would take far longer than the limit.
@pytest.mark.timeout(60)
def test_a_chain_of_3000_records_has_no_cycle_and_agrees_on_both_sides(tmp_path: Path) -> None:
    _chain(tmp_path, 3000, closed=False)
    assert lines_of(tmp_path, *REFERENCE_CODES) == []


@pytest.mark.timeout(60)
def test_a_closed_chain_of_3000_records_is_one_cycle(tmp_path: Path) -> None:
    _chain(tmp_path, 3000, closed=True)
    found = lines_of(tmp_path, *REFERENCE_CODES)
    assert len(found) == 1
    expected_chain = " -> ".join(f"ADR-{n:04d}" for n in [1, 3000, *range(2999, 0, -1)])
    assert found[0].startswith(
        f"decisions/0001-order-events.md:8:14: error HG304 supersedes links form a cycle: "
        f"{expected_chain} (each"
    )


def test_cycle_search_finds_each_tangle_once() -> None:
    # Two separate cycles, one of them a figure eight through ADR-0010; a tail into a cycle.
    edges: dict[str, dict[str, None]] = {
        "ADR-0010": {"ADR-0011": None, "ADR-0012": None},
        "ADR-0011": {"ADR-0010": None},
        "ADR-0012": {"ADR-0010": None},
        "ADR-0020": {"ADR-0021": None},
        "ADR-0021": {"ADR-0020": None},
        "ADR-0030": {"ADR-0020": None},
    }
    assert sorted(map(sorted, strongly_connected(edges))) == [
        ["ADR-0010", "ADR-0011", "ADR-0012"],
        ["ADR-0020", "ADR-0021"],
        ["ADR-0030"],
    ]
    assert supersede_cycles(edges) == [["ADR-0010", "ADR-0011"], ["ADR-0020", "ADR-0021"]]


def test_several_successors_and_several_predecessors(tmp_path: Path) -> None:
    # 0001 and 0002 are merged into 0003, which is later split into 0004 and 0005.
    write_decision(tmp_path, 1, status="superseded", superseded_by=["ADR-0003"])
    write_decision(tmp_path, 2, status="superseded", superseded_by=["ADR-0003"])
    write_decision(
        tmp_path,
        3,
        status="superseded",
        supersedes=["ADR-0001", "ADR-0002"],
        superseded_by=["ADR-0004", "ADR-0005"],
    )
    write_decision(tmp_path, 4, supersedes=["ADR-0003"])
    write_decision(tmp_path, 5, status="proposed", supersedes=["ADR-0003"])
    assert lines_of(tmp_path, *REFERENCE_CODES) == [
        "decisions/0003-order-events.md:9:27: warning HG307 successor ADR-0005 is still "
        "proposed; this decision stays in force until ADR-0005 is accepted"
    ]


def test_one_of_several_predecessors_missing_its_side(tmp_path: Path) -> None:
    write_decision(tmp_path, 1, status="superseded", superseded_by=["ADR-0003"])
    write_decision(tmp_path, 2, status="deprecated")
    write_decision(tmp_path, 3, supersedes=["ADR-0001", "ADR-0002"])
    assert lines_of(tmp_path, *REFERENCE_CODES) == [
        "decisions/0003-order-events.md:8:24: error HG305 ADR-0003 lists ADR-0002 in "
        "supersedes, but decisions/0002-order-events.md does not list ADR-0003 in "
        "superseded_by; add it there"
    ]


def test_three_files_with_one_number_get_distinct_free_numbers(tmp_path: Path) -> None:
    write_decision(tmp_path, 7, slug="use-kafka")
    write_decision(tmp_path, 7, slug="use-redis")
    write_decision(tmp_path, 7, slug="use-grpc")
    write_decision(tmp_path, 9, slug="use-postgresql")
    write_decision(tmp_path, 9, slug="use-openfeature")
    advice_7 = (
        "renumber all but one of them, to 0010 and 0011 "
        "(hinges renumber moves the ones added later)"
    )
    advice_9 = "renumber one of them to 0012 (hinges renumber moves the one added later)"
    assert lines_of(tmp_path, "HG204") == [
        "decisions/0007-use-grpc.md:1:1: error HG204 number 0007 is also used by "
        f"decisions/0007-use-kafka.md and decisions/0007-use-redis.md; {advice_7}",
        "decisions/0007-use-kafka.md:1:1: error HG204 number 0007 is also used by "
        f"decisions/0007-use-grpc.md and decisions/0007-use-redis.md; {advice_7}",
        "decisions/0007-use-redis.md:1:1: error HG204 number 0007 is also used by "
        f"decisions/0007-use-grpc.md and decisions/0007-use-kafka.md; {advice_7}",
        "decisions/0009-use-openfeature.md:1:1: error HG204 number 0009 is also used by "
        f"decisions/0009-use-postgresql.md; {advice_9}",
        "decisions/0009-use-postgresql.md:1:1: error HG204 number 0009 is also used by "
        f"decisions/0009-use-openfeature.md; {advice_9}",
    ]
    # The shared ids are the same problem; duplicate-id leaves them to duplicate-number.
    assert lines_of(tmp_path, "HG203") == []


def test_a_broken_file_still_counts_for_numbers_and_names(tmp_path: Path) -> None:
    write_decision(tmp_path, 3, slug="use-kafka")
    broken = tmp_path / "decisions" / "0003-Use-Redis.md"
    broken.write_text("---\nid: ADR-0003\ntitle: [unclosed\n", encoding="utf-8")
    assert lines_of(tmp_path, "HG201", "HG204") == [
        "decisions/0003-Use-Redis.md:1:1: error HG201 file name '0003-Use-Redis.md' has a slug "
        "('Use-Redis') with characters other than lowercase ASCII letters, digits and hyphens; "
        "decision files are named NNNN-slug.md (4 or more digits; the slug in lowercase ASCII "
        "letters, digits and hyphens, at most 60 characters); rename it, e.g. to "
        "0004-use-redis.md",
        "decisions/0003-Use-Redis.md:1:1: error HG204 number 0003 is also used by "
        "decisions/0003-use-kafka.md; renumber one of them to 0004 (hinges renumber moves the "
        "one added later)",
        "decisions/0003-use-kafka.md:1:1: error HG204 number 0003 is also used by "
        "decisions/0003-Use-Redis.md; renumber one of them to 0004 (hinges renumber moves the "
        "one added later)",
    ]


def test_file_name_suggestion_takes_the_number_from_the_id(tmp_path: Path) -> None:
    write_decision(tmp_path, 1)
    (tmp_path / "decisions" / "0001-order-events.md").rename(
        tmp_path / "decisions" / "Order events.md"
    )
    write_decision(tmp_path, 2, slug="x" * 61)
    found = lines_of(tmp_path, "HG201")
    assert [line.rsplit("; ", 1)[-1] for line in found] == [
        "rename it, e.g. to 0002-" + "x" * 60 + ".md",
        "rename it, e.g. to 0001-order-events.md",
    ]
    assert "has a slug of 61 characters, more than 60" in found[0]


def test_id_prefix_comes_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "hinges.toml").write_text('id_prefix = "TDR"\n', encoding="utf-8")
    write_decision(tmp_path, 1, record_id="TDR-0001")
    write_decision(tmp_path, 2, slug="use-kafka", record_id="ADR-0002")
    assert lines_of(tmp_path, "HG202") == [
        "decisions/0002-use-kafka.md:2:5: error HG202 id 'ADR-0002' does not match the file "
        "name '0002-use-kafka.md'; it should be TDR-0002 (decision ids start with the "
        "configured id_prefix 'TDR')"
    ]


def test_unknown_references_suggest_the_id_with_the_same_number(tmp_path: Path) -> None:
    write_decision(tmp_path, 1, status="superseded", superseded_by=["ADR-0002"])
    write_decision(tmp_path, 2, supersedes=["adr-0001", "ADR-0009"])
    assert lines_of(tmp_path, "HG302") == [
        "decisions/0002-order-events.md:8:14: error HG302 supersedes names adr-0001, which is "
        "not a decision in decisions/; did you mean ADR-0001?",
        "decisions/0002-order-events.md:8:24: error HG302 supersedes names ADR-0009, which is "
        "not a decision in decisions/",
    ]
