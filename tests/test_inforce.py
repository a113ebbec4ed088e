"""What is in force, and which decisions govern a path (hinges.inforce)."""

from __future__ import annotations

from pathlib import Path

from conftest import GOOD_DECISION, GOOD_TENET, write_files
from hinges.config import Config
from hinges.inforce import current_successors, governing, in_force, tenets_of
from hinges.loader import load_registry


def _decision(
    number: int, *, status: str = "accepted", door: str = "two-way", extra: str = ""
) -> str:
    return (
        GOOD_DECISION.replace("ADR-0001", f"ADR-{number:04d}")
        .replace("status: accepted", f"status: {status}\n{extra}".rstrip())
        .replace("door: two-way", f"door: {door}")
    )


def _registry(tmp_path: Path) -> Path:
    return write_files(
        tmp_path,
        {
            "tenets/T-001-reversible.md": GOOD_TENET,
            "decisions/0001-a.md": _decision(1, extra='applies_to: ["services/orders/**"]'),
            "decisions/0002-b.md": _decision(
                2, door="one-way", extra='applies_to: ["services/**/*.sql", "/abs"]'
            ),
            "decisions/0003-c.md": _decision(
                3, status="superseded", extra='applies_to: ["**"]\nsuperseded_by: [ADR-0004]'
            ),
            "decisions/0004-d.md": _decision(4, status="proposed", extra='applies_to: ["**"]'),
            "decisions/0005-e.md": _decision(
                5, extra='applies_to: ["**"]\nsuperseded_by: [ADR-0006]'
            ),
            "decisions/0006-f.md": _decision(6),
        },
    )


def test_in_force_is_accepted_not_superseded_one_way_first(tmp_path: Path) -> None:
    registry = load_registry(_registry(tmp_path), Config())
    assert [r.id for r in in_force(registry)] == ["ADR-0002", "ADR-0001", "ADR-0006"]


def test_governing_answers_every_path_in_door_order(tmp_path: Path) -> None:
    registry = load_registry(_registry(tmp_path), Config())
    answer = governing(registry, ["services/orders/db.sql", "services/orders/api.py", "README.md"])
    assert list(answer) == ["services/orders/db.sql", "services/orders/api.py", "README.md"]
    assert [(g.decision.id, g.patterns) for g in answer["services/orders/db.sql"]] == [
        ("ADR-0002", ("services/**/*.sql",)),
        ("ADR-0001", ("services/orders/**",)),
    ]
    assert [g.decision.id for g in answer["services/orders/api.py"]] == ["ADR-0001"]
    assert answer["README.md"] == []


def test_tenets_of(tmp_path: Path) -> None:
    registry = load_registry(_registry(tmp_path), Config())
    assert [t.id for t in tenets_of(registry, registry.decisions[0])] == ["T-001"]


def test_current_successors_follow_the_chain_and_stop_at_cycles(tmp_path: Path) -> None:
    root = write_files(
        tmp_path,
        {
            "tenets/T-001-reversible.md": GOOD_TENET,
            "decisions/0001-a.md": _decision(
                1, status="superseded", extra="superseded_by: [ADR-0002]"
            ),
            "decisions/0002-b.md": _decision(
                2, status="superseded", extra="superseded_by: [ADR-0003, ADR-0004]"
            ),
            "decisions/0003-c.md": _decision(3),
            "decisions/0004-d.md": _decision(
                4, status="superseded", extra="superseded_by: [ADR-0005]"
            ),
            "decisions/0005-e.md": _decision(
                5, status="superseded", extra="superseded_by: [ADR-0004]"
            ),
            "decisions/0006-f.md": _decision(
                6, status="superseded", extra="superseded_by: [ADR-0099]"
            ),
        },
    )
    registry = load_registry(root, Config())
    by_id = {r.id: r for r in registry.decisions}
    assert current_successors(registry, by_id["ADR-0001"]) == ["ADR-0003"]
    assert current_successors(registry, by_id["ADR-0004"]) == []  # a cycle leads nowhere
    assert current_successors(registry, by_id["ADR-0006"]) == ["ADR-0099"]  # as written
    assert current_successors(registry, by_id["ADR-0003"]) == []
