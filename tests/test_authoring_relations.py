"""check_supersedable and mark_superseded: the contract `hinges new --supersedes` relies on."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, write_files
from hinges.authoring.relations import check_supersedable, find_one, mark_superseded
from hinges.config import Config
from hinges.errors import HingesError

TODAY = dt.date(2026, 11, 26)


def decision(number: int, status: str = "accepted", extra: str = "") -> str:
    text = GOOD_DECISION.replace("ADR-0001", f"ADR-{number:04d}").replace(
        "status: accepted", f"status: {status}"
    )
    return text.replace("review_by: 2027-01-10\n", f"review_by: 2027-01-10\n{extra}")


def test_check_supersedable_returns_paths_once_each(registry: Path) -> None:
    write_files(registry, {"decisions/0002-second.md": decision(2)})
    paths = check_supersedable(registry, Config(), ["ADR-0002", "ADR-0001", "ADR-0002"])
    assert paths == [
        registry / "decisions/0002-second.md",
        registry / "decisions/0001-use-postgres.md",
    ]


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (
            "proposed",
            "decisions/0002-second.md: ADR-0002 is proposed; only an accepted decision can be "
            "superseded (to drop a proposal: hinges status ADR-0002 rejected)",
        ),
        (
            "superseded",
            "decisions/0002-second.md: ADR-0002 is superseded; only an accepted decision can be "
            "superseded (it already is superseded; supersede its successor instead)",
        ),
        (
            "rejected",
            "decisions/0002-second.md: ADR-0002 is rejected; only an accepted decision can be "
            "superseded",
        ),
    ],
)
def test_check_supersedable_refuses_other_statuses(
    registry: Path, status: str, message: str
) -> None:
    write_files(registry, {"decisions/0002-second.md": decision(2, status)})
    with pytest.raises(HingesError) as raised:
        check_supersedable(registry, Config(), ["ADR-0001", "ADR-0002"])
    assert raised.value.format() == message


def test_check_supersedable_unknown_and_malformed_ids(registry: Path) -> None:
    with pytest.raises(HingesError, match=r"^no record has the id ADR-0009$"):
        check_supersedable(registry, Config(), ["ADR-0009"])
    with pytest.raises(HingesError, match=r"'T-001' is not a decision id"):
        check_supersedable(registry, Config(), ["T-001"])
    with pytest.raises(HingesError, match=r"'0001' is not a decision id"):
        check_supersedable(registry, Config(), ["0001"])


def test_check_supersedable_ambiguous_id(registry: Path) -> None:
    write_files(registry, {"decisions/0001-other.md": decision(1)})
    with pytest.raises(HingesError) as raised:
        check_supersedable(registry, Config(), ["ADR-0001"])
    assert raised.value.format() == (
        "ADR-0001 is ambiguous: decisions/0001-other.md, decisions/0001-use-postgres.md "
        "all have it; run 'hinges renumber' first"
    )


def test_check_supersedable_finds_a_misnamed_record(registry: Path) -> None:
    write_files(registry, {"decisions/0007-misnamed.md": decision(3)})
    assert check_supersedable(registry, Config(), ["ADR-0003"]) == [
        registry / "decisions/0007-misnamed.md"
    ]


def test_check_supersedable_names_a_broken_candidate(registry: Path) -> None:
    write_files(registry, {"decisions/0002-broken.md": "---\nid: ADR-0002\nstatus: [\n---\n"})
    with pytest.raises(HingesError) as raised:
        check_supersedable(registry, Config(), ["ADR-0002"])
    assert raised.value.path == "decisions/0002-broken.md"
    assert raised.value.line is not None
    assert "cannot tell whether this is ADR-0002" in raised.value.message


def test_find_one_for_a_tenet(registry: Path) -> None:
    assert find_one(registry, Config(), "T-001").path == "tenets/T-001-reversible.md"


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_mark_superseded_changes_only_three_lines(registry: Path) -> None:
    path = registry / "decisions/0001-use-postgres.md"
    before = path.read_text(encoding="utf-8")
    mark_superseded(path, "ADR-0002", TODAY)
    after = path.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [
        "-status: accepted",
        "-date: 2026-01-10",
        "+status: superseded",
        "+date: 2026-11-26",
        "+superseded_by: [ADR-0002]",
    ]
    assert after.index("superseded_by") < after.index("\n---\n")


def test_mark_superseded_appends_to_a_block_list_and_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "0001-x.md"
    path.write_bytes(
        b"---\r\nid: ADR-0001  # first\r\nstatus: accepted # really\r\ndate: '2026-01-10'\r\n"
        b"superseded_by:\r\n    - ADR-0004\r\n# trailing comment\r\n---\r\n# X\r\n"
    )
    mark_superseded(path, "ADR-0005", TODAY)
    assert path.read_bytes() == (
        b"---\r\nid: ADR-0001  # first\r\nstatus: superseded # really\r\ndate: 2026-11-26\r\n"
        b"superseded_by:\r\n    - ADR-0004\r\n    - ADR-0005\r\n"
        b"# trailing comment\r\n---\r\n# X\r\n"
    )


def test_mark_superseded_keeps_an_existing_successor(tmp_path: Path) -> None:
    path = tmp_path / "0001-x.md"
    path.write_text("---\nstatus: accepted\ndate: 2026-01-10\nsuperseded_by: [ADR-0002]\n---\n")
    mark_superseded(path, "ADR-0002", TODAY)
    assert path.read_text() == (
        "---\nstatus: superseded\ndate: 2026-11-26\nsuperseded_by: [ADR-0002]\n---\n"
    )


def test_mark_superseded_refuses_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "0001-x.md"
    original = "---\nstatus: accepted\nstatus: proposed\n---\n"
    path.write_text(original)
    with pytest.raises(HingesError) as raised:
        mark_superseded(path, "ADR-0002", TODAY)
    assert raised.value.line == 3
    assert "duplicate key 'status'" in raised.value.message
    assert path.read_text() == original
