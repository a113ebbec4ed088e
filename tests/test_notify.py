"""`hinges notify`: what is due (and what a merge changed) posted to a real local webhook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, run_hinges, write_files
from gate_support import commit_all, init_repo
from hinges.net.http import NetworkError, request
from net_support import NO_PROXY, FakeState, serving

HOOK_PATH = "/hooks/T000/B000/XXXXsecretXXXX"


def overdue(number: int, title: str, owner: str = "@payments") -> str:
    return (
        GOOD_DECISION.replace("ADR-0001", f"ADR-{number:04d}")
        .replace("title: Use PostgreSQL for orders", f"title: {json.dumps(title)}")
        .replace("review_by: 2027-01-10", "review_by: 2026-11-01")
        .replace('owner: "@payments"', f'owner: "{owner}"')
    )


def notify(root: Path, *args: str, env: dict[str, str | None] | None = None):
    return run_hinges("notify", "--as-of", "2026-12-01", "--root", str(root), *args,
                      env={**NO_PROXY, "HINGES_WEBHOOK_URL": None, **(env or {})})  # fmt: skip


def test_posts_what_is_due_with_a_text_field(registry: Path) -> None:
    write_files(registry, {"decisions/0002-b.md": overdue(2, "Cache <prices> & tax\nin Redis")})
    state = FakeState()
    with serving(state) as api:
        url = api + HOOK_PATH
        result = notify(registry, env={"HINGES_WEBHOOK_URL": url})
    assert (result.code, result.stderr) == (0, ""), result
    assert result.stdout == (
        "posted to the webhook (200): 1 due for review, 0 one-way doors accepted, "
        "0 superseded, 0 reversed\n"
    )
    assert HOOK_PATH not in result.stdout
    [seen] = state.requests
    assert (seen.method, seen.path, seen.headers["Content-Type"]) == (
        "POST",
        HOOK_PATH,
        "application/json",
    )
    assert seen.body["text"] == (
        "1 decision due for review as of 2026-12-01:\n"
        "• ADR-0002 Cache &lt;prices&gt; &amp; tax in Redis: overdue 30 days (owner @payments)"
    )
    assert seen.body["hinges"]["reviews"] == [
        {
            "id": "ADR-0002",
            "title": "Cache <prices> & tax\nin Redis",
            "owner": "@payments",
            "review_by": "2026-11-01",
            "days_overdue": 30,
        }
    ]


def test_nothing_due_posts_nothing(registry: Path) -> None:
    state = FakeState()
    with serving(state) as api:
        result = notify(registry, "--webhook", api + HOOK_PATH)
    assert (result.code, result.stdout) == (0, "nothing to notify as of 2026-12-01\n")
    assert state.requests == []


def test_webhook_failures_never_show_the_url(registry: Path) -> None:
    write_files(registry, {"decisions/0002-b.md": overdue(2, "Cache prices")})
    state = FakeState(fail_with=(404, {}, f"no_service {HOOK_PATH}".encode()))
    with serving(state) as api:
        result = notify(registry, "--webhook", api + HOOK_PATH)
    assert result.code == 1
    assert result.stderr == "hinges: the webhook answered 404: no_service ***\n"
    with serving(FakeState()) as api:
        pass
    gone = notify(registry, "--webhook", api + HOOK_PATH)
    assert gone.code == 1
    assert gone.stderr.startswith("hinges: cannot reach the webhook: ")
    assert HOOK_PATH not in gone.stderr and "127.0.0.1" not in gone.stderr


def test_no_webhook_is_a_usage_error(registry: Path) -> None:
    result = notify(registry)
    assert (result.code, result.stderr) == (
        2,
        "hinges: no webhook: pass --webhook URL or set HINGES_WEBHOOK_URL\n",
    )
    bad = notify(registry, "--webhook", "file:///etc/passwd")
    assert (bad.code, bad.stderr) == (
        2,
        "hinges: the webhook must be an https:// (or http://) URL\n",
    )


def test_with_base_reports_what_the_merge_changed(tmp_path: Path) -> None:
    one_way = (
        GOOD_DECISION.replace("ADR-0001", "ADR-0002")
        .replace("door: two-way", "door: one-way")
        .replace("title: Use PostgreSQL for orders", "title: Publish the orders API")
    )
    write_files(tmp_path, {"decisions/0001-use-postgres.md": GOOD_DECISION})
    write_files(tmp_path, {"decisions/0002-api.md": one_way.replace("accepted", "proposed")})
    init_repo(tmp_path)
    commit_all(tmp_path, "base")
    write_files(tmp_path, {"decisions/0002-api.md": one_way})
    recorded = run_hinges(
        "review", "ADR-0001", "--outcome", "reversed", "--note", "Moving to SQLite.",
        "--as-of", "2026-11-20", "--root", str(tmp_path),
    )  # fmt: skip
    assert recorded.code == 0, recorded
    result = notify(tmp_path, "--base", "HEAD", "--dry-run")
    assert result.code == 0, result
    payload = json.loads(result.stdout)
    assert payload["text"] == (
        "One-way door accepted: ADR-0002 Publish the orders API\n"
        "Reversed on review, to supersede or deprecate: ADR-0001 Use PostgreSQL for orders"
    )
    assert payload["hinges"]["one_way_doors_accepted"] == ["ADR-0002"]
    assert payload["hinges"]["reversed"] == ["ADR-0001"]


def test_a_server_that_answers_too_late_times_out() -> None:
    with serving(FakeState(delay=2.0)) as api, pytest.raises(NetworkError) as caught:
        request("POST", api + HOOK_PATH, service="the webhook", payload={}, timeout=0.3)
    assert caught.value.message == "the webhook did not answer within 0.3 seconds"
