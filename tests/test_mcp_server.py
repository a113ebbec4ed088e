"""`hinges mcp`: the real server over stdio, driven by the MCP SDK's client."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mcp.client.session import ClientSession
from mcp.types import TextResourceContents

from conftest import run_hinges
from digest_support import EXPECTED, digest_registry
from mcp_support import data_of, error_of, with_server

TOOLS = {
    "search_decisions": ({"query", "door", "status", "owner", "tenet", "tag"}, set()),
    "get_record": ({"id"}, {"id"}),
    "decisions_for_paths": ({"paths"}, {"paths"}),
    "list_tenets": (set(), set()),
    "get_digest": (set(), set()),
    "check_registry": (set(), set()),
    "propose_decision": (
        {
            "title",
            "door",
            "owner",
            "tenets",
            "context",
            "options",
            "decision",
            "consequences",
            "exit_path",
            "applies_to",
        },
        {"title", "door", "owner", "context", "decision"},
    ),
}
ERROR_PREFIX = "Error executing tool "


def _tools(session: ClientSession) -> Any:
    async def work() -> dict[str, tuple[set[str], set[str]]]:
        listed = await session.list_tools()
        return {
            tool.name: (
                set(tool.input_schema.get("properties", {})),
                set(tool.input_schema.get("required", [])),
            )
            for tool in listed.tools
        }

    return work()


def test_lists_exactly_the_tools_and_arguments_of_the_issue(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    assert with_server(root, _tools) == TOOLS
    read_only = with_server(root, _tools, "--read-only")
    assert read_only == {name: args for name, args in TOOLS.items() if name != "propose_decision"}


def test_get_record_and_the_resource_answer_decisions_and_tenets(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")

    async def work(session: ClientSession) -> None:
        decision = data_of(await session.call_tool("get_record", {"id": "adr-2"}))
        assert {k: decision[k] for k in ("kind", "id", "status", "door", "owner", "path")} == {
            "kind": "decision",
            "id": "ADR-0002",
            "status": "accepted",
            "door": "one-way",
            "owner": "@payments",
            "path": "decisions/0002-orders.md",
        }
        assert decision["summary"] == "Orders live in PostgreSQL 16."
        assert decision["applies_to"] == ["services/orders/**"]
        assert decision["in_force"] is True
        assert decision["body"].startswith("# Store orders in PostgreSQL\n")
        old = data_of(await session.call_tool("get_record", {"id": "ADR-0003"}))
        assert (old["in_force"], old["replaced_by"]) == (False, ["ADR-0004"])
        tenet = data_of(await session.call_tool("get_record", {"id": "T-2"}))
        assert (tenet["kind"], tenet["id"], tenet["priority"]) == ("tenet", "T-002", 1)
        read = await session.read_resource("hinges://ADR-0002")
        content = read.contents[0]
        assert isinstance(content, TextResourceContents)
        assert content.text == (root / "decisions/0002-orders.md").read_text()

    with_server(root, work)


def test_bad_arguments_are_error_results_and_the_server_keeps_serving(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")

    async def work(session: ClientSession) -> None:
        unknown = error_of(await session.call_tool("get_record", {"id": "ADR-0099"}))
        assert unknown == ERROR_PREFIX + "get_record: no decision or tenet has the id 'ADR-0099'"
        wrong_type = error_of(await session.call_tool("get_record", {"id": 5}))
        assert wrong_type.startswith(ERROR_PREFIX + "get_record: 1 validation error")
        missing = error_of(await session.call_tool("decisions_for_paths", {}))
        assert "paths" in missing
        outside = error_of(await session.call_tool("decisions_for_paths", {"paths": ["../x"]}))
        assert outside == (
            ERROR_PREFIX + f"decisions_for_paths: '../x' is outside the registry root {root}"
        )
        door = error_of(await session.call_tool("search_decisions", {"door": "revolving"}))
        assert door == (
            ERROR_PREFIX + "search_decisions: door must be one of one-way, two-way, not 'revolving'"
        )
        hostile = error_of(await session.call_tool("get_record", {"id": "T-9\x1b[2J"}))
        assert "\x1b" not in hostile
        still = data_of(await session.call_tool("get_record", {"id": "ADR-0001"}))
        assert still["id"] == "ADR-0001"

    with_server(root, work)


def test_search_combines_its_filters(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")

    async def ids(session: ClientSession, **arguments: str) -> list[str]:
        found = data_of(await session.call_tool("search_decisions", arguments))
        assert found["total"] == len(found["decisions"])
        return [d["id"] for d in found["decisions"]]

    async def work(session: ClientSession) -> None:
        assert await ids(session) == [f"ADR-000{n}" for n in range(1, 7)]
        assert await ids(session, status="accepted") == ["ADR-0001", "ADR-0002", "ADR-0004"]
        assert await ids(session, door="one-way") == ["ADR-0002"]
        assert await ids(session, query="opensearch NIGHTLY") == ["ADR-0001"]
        assert await ids(session, query="kafka", status="accepted") == []
        assert await ids(session, tenet="T-1", status="proposed") == ["ADR-0005"]
        assert await ids(session, owner="Payments", tag="none") == []

    with_server(root, work)


def test_paths_digest_tenets_and_check_answer_as_the_commands_do(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    (root / "services/orders").mkdir(parents=True)
    why = run_hinges("why", "services/orders/x.py", "README.md", "--format", "json", cwd=root)
    check = run_hinges("check", "--root", str(root), "--format", "json")
    assert (why.code, check.code) == (0, 0)

    async def work(session: ClientSession) -> None:
        paths = {"paths": ["services/orders/x.py", "README.md"]}
        assert data_of(await session.call_tool("decisions_for_paths", paths)) == json.loads(
            why.stdout
        )
        assert data_of(await session.call_tool("get_digest", {})) == EXPECTED
        tenets = data_of(await session.call_tool("list_tenets", {}))["tenets"]
        assert [(t["id"], t["status"]) for t in tenets] == [
            ("T-002", "active"),
            ("T-001", "active"),
            ("T-003", "retired"),
        ]
        checked = data_of(await session.call_tool("check_registry", {}))
        assert checked == json.loads(check.stdout)

    with_server(root, work)


def test_edited_and_added_files_are_noticed_before_the_next_call(tmp_path: Path) -> None:
    root = digest_registry(tmp_path / "r")
    record = root / "decisions/0001-search.md"

    async def work(session: ClientSession) -> None:
        before = data_of(await session.call_tool("get_record", {"id": "ADR-0001"}))
        assert before["title"] == "Use OpenSearch for search"
        record.write_text(record.read_text().replace("Use OpenSearch", "Use Solr"))
        after = data_of(await session.call_tool("get_record", {"id": "ADR-0001"}))
        assert after["title"] == "Use Solr for search"
        copy = (root / "decisions/0005-kafka.md").read_text().replace("ADR-0005", "ADR-0007")
        (root / "decisions/0007-copy.md").write_text(copy)
        added = data_of(await session.call_tool("get_record", {"id": "ADR-0007"}))
        assert added["path"] == "decisions/0007-copy.md"

    with_server(root, work)
