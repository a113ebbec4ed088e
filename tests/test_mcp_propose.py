"""`propose_decision` over the real MCP server: one proposed record, never more."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from mcp.client.session import ClientSession

from conftest import run_hinges
from digest_support import digest_registry
from mcp_support import data_of, error_of, with_server

PROPOSAL: dict[str, Any] = {
    "title": "Publish order events on NATS",
    "door": "one-way",
    "owner": "@payments",
    "tenets": ["T-2"],
    "context": "Other teams poll the orders table.\n\nThat costs us a replica.",
    "options": ["NATS JetStream", "Kafka  with\nits cluster"],
    "decision": "Publish every order change on NATS JetStream.",
    "consequences": "Consumers subscribe instead of polling.",
    "exit_path": "Events are plain JSON; moving to Kafka costs a sprint.",
    "applies_to": ["services/orders/**"],
}


def _decisions(root: Path) -> set[str]:
    return {path.name for path in (root / "decisions").iterdir()}


def test_a_proposal_is_written_once_as_proposed_and_passes_check(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    (root / "services/orders").mkdir(parents=True)
    (root / "services/orders/store.py").write_text("x = 1\n")
    before = _decisions(root)

    async def work(session: ClientSession) -> Any:
        answer = data_of(await session.call_tool("propose_decision", PROPOSAL))
        listed = data_of(await session.call_tool("get_record", {"id": answer["id"]}))
        return answer, listed

    answer, listed = with_server(root, work)
    assert _decisions(root) - before == {"0007-publish-order-events-on-nats.md"}
    assert answer == {
        "id": "ADR-0007",
        "path": "decisions/0007-publish-order-events-on-nats.md",
        "status": "proposed",
        "door": "one-way",
        "next": "ADR-0007 is a one-way door: costly to reverse. People must weigh it and "
        "accept it: ask @payments to review it with the deciders. Do not accept it, and do "
        "not act on it, until they have.",
    }
    assert (listed["status"], listed["in_force"]) == ("proposed", False)
    text = (root / answer["path"]).read_text()
    today = dt.date.today().isoformat()
    assert text.startswith(
        f'---\nid: ADR-0007\ntitle: "Publish order events on NATS"\nstatus: proposed\n'
        f'date: {today}\ndoor: one-way\nowner: "@payments"\n'
    )
    assert 'applies_to: ["services/orders/**"]\n' in text
    assert "tenets: [T-002]\n" in text
    assert text.endswith(
        "# Publish order events on NATS\n\n## Context\n\nOther teams poll the orders table.\n\n"
        "That costs us a replica.\n\n## Options considered\n\n- NATS JetStream\n"
        "- Kafka with its cluster\n\n## Decision\n\nPublish every order change on NATS "
        "JetStream.\n\n## Consequences\n\nConsumers subscribe instead of polling.\n\n"
        "## Exit path\n\nEvents are plain JSON; moving to Kafka costs a sprint.\n"
    )
    check = run_hinges("check", "--root", str(root), "--format", "text")
    assert check.code == 0, check
    assert ": error " not in check.stdout


def test_a_two_way_proposal_says_the_owner_accepts_it(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    small = {k: PROPOSAL[k] for k in ("title", "owner", "context", "decision")}

    async def work(session: ClientSession) -> Any:
        return data_of(await session.call_tool("propose_decision", {**small, "door": "two-way"}))

    answer = with_server(root, work)
    assert answer["next"] == (
        "ADR-0007 is proposed. @payments reviews it and accepts it with 'hinges status "
        "ADR-0007 accepted'; an agent never accepts its own proposal."
    )


def test_no_argument_makes_a_proposal_anything_but_proposed(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    sneaky = {**PROPOSAL, "status": "accepted", "supersedes": ["ADR-0001"]}

    async def work(session: ClientSession) -> Any:
        return await session.call_tool("propose_decision", sneaky)

    result = with_server(root, work)
    if not result.is_error:  # extra arguments ignored: the record is still only proposed
        path = root / data_of(result)["path"]
        assert "status: proposed\n" in path.read_text()
        assert "supersedes" not in path.read_text()
    assert "superseded_by" not in (root / "decisions/0001-search.md").read_text()


def test_refused_proposals_write_nothing(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    before = {p: p.read_bytes() for p in (root / "decisions").iterdir()}

    async def work(session: ClientSession) -> list[str]:
        refusals = []
        for change in (
            {"door": "revolving"},
            {"owner": "https://evil.example"},
            {"tenets": ["T-042"]},
            {"applies_to": ["/etc/**"]},
            {"context": "Fine.\n## Decision\nAccepted already."},
            {"title": "   "},
        ):
            result = await session.call_tool("propose_decision", {**PROPOSAL, **change})
            refused = error_of(result)
            refusals.append(refused.removeprefix("Error executing tool propose_decision: "))
        return refusals

    refusals = with_server(root, work)
    assert refusals[0] == "door must be one-way or two-way, not 'revolving'"
    assert refusals[1] == (
        "owner 'https://evil.example' looks like a URL; write a handle such as @team, "
        "@org/team or alice"
    )
    assert refusals[2] == "no tenet has the id T-042; list_tenets shows them"
    assert refusals[3].startswith("applies_to pattern '/etc/**': ")
    assert refusals[4] == (
        "context holds a '#' or '##' heading, which would split the record's sections; "
        "use '###' for subheadings"
    )
    assert refusals[5] == "the title is empty; give the decision a short title"
    assert {p: p.read_bytes() for p in (root / "decisions").iterdir()} == before


def test_read_only_has_no_way_to_write(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    before = {p: p.read_bytes() for p in (root / "decisions").iterdir()}

    async def work(session: ClientSession) -> str:
        return error_of(await session.call_tool("propose_decision", PROPOSAL))

    assert "propose_decision" in with_server(root, work, "--read-only")
    assert {p: p.read_bytes() for p in (root / "decisions").iterdir()} == before


def test_mcp_without_a_registry_is_a_usage_error(tmp_path: Path) -> None:
    done = run_hinges("mcp", "--root", str(tmp_path))
    assert done.code == 2
    assert done.stderr == (
        f"hinges: no registry here: decisions/ does not exist in {tmp_path}; run 'hinges init' "
        "or pass --root\n"
    )
