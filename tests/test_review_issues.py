"""`hinges review --open-issues`: one GitHub issue per due review, against a real local server.

The server (tests/net_support.py) speaks GitHub's list, create and update issue endpoints
on 127.0.0.1; every test runs the real CLI against it and asserts both what the CLI
printed and what the server received.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import GOOD_DECISION, run_hinges, write_files
from net_support import NO_PROXY, TOKEN, FakeState, serving

REPO = "acme/shop"


def decision(number: int, review_by: str, door: str = "two-way") -> str:
    return (
        GOOD_DECISION.replace("ADR-0001", f"ADR-{number:04d}")
        .replace("review_by: 2027-01-10", f"review_by: {review_by}")
        .replace("door: two-way", f"door: {door}")
    )


@pytest.fixture
def due(registry: Path) -> Path:
    # ADR-0001 is due 2027-01-10 (not yet); ADR-0002 and ADR-0003 are overdue on 2026-12-01.
    return write_files(
        registry,
        {
            "decisions/0002-b.md": decision(2, "2026-11-01"),
            "decisions/0003-c.md": decision(3, "2026-11-30", door="one-way"),
        },
    )


def sync(root: Path, api: str, *extra: str, token: str = TOKEN, as_of: str = "2026-12-01"):
    env = {**NO_PROXY, "GITHUB_TOKEN": token, "GITHUB_API_URL": api, "GITHUB_REPOSITORY": None}
    args = ("review", "--open-issues", "--repo", REPO, "--as-of", as_of, "--root", str(root))
    return run_hinges(*args, *extra, env=env)


def test_opens_one_issue_per_due_review_then_keeps_them(due: Path) -> None:
    state = FakeState()
    with serving(state) as api:
        first = sync(due, api)
        second = sync(due, api)
    assert (first.code, first.stderr) == (0, ""), first
    assert first.stdout == (
        "opened #1 for ADR-0002 (overdue 30 days)\nopened #2 for ADR-0003 (overdue 1 day)\n"
    )
    assert (second.code, second.stdout) == (
        0,
        "kept #1 for ADR-0002 (overdue 30 days)\nkept #2 for ADR-0003 (overdue 1 day)\n",
    ), second
    assert [issue["title"] for issue in state.issues] == [
        "Review due: ADR-0002 Use PostgreSQL for orders",
        "Review due: ADR-0003 Use PostgreSQL for orders",
    ]
    assert state.issues[0]["body"].endswith("<!-- hinges-review ADR-0002 2026-11-01 -->")
    assert "hinges review ADR-0002 --outcome" in state.issues[0]["body"]
    creates = [seen for seen in state.requests if seen.method == "POST"]
    assert [seen.body["labels"] for seen in creates] == [["decision-review"]] * 2
    lists = [seen for seen in state.requests if seen.method == "GET"]
    assert lists[0].path == f"/repos/{REPO}/issues"
    assert lists[0].query == {
        "state": ["all"],
        "labels": ["decision-review"],
        "per_page": ["100"],
        "page": ["1"],
    }
    # The token is sent, as a bearer token, on every request, and printed nowhere.
    assert {seen.headers["Authorization"] for seen in state.requests} == {f"Bearer {TOKEN}"}
    assert TOKEN not in first.stdout + first.stderr + second.stdout + second.stderr


def test_recording_the_review_closes_its_issue(due: Path) -> None:
    state = FakeState()
    with serving(state) as api:
        assert sync(due, api).code == 0
        recorded = run_hinges(
            "review", "ADR-0002", "--outcome", "kept", "--note", "Still fits.",
            "--as-of", "2026-12-02", "--root", str(due),
        )  # fmt: skip
        assert recorded.code == 0, recorded
        after = sync(due, api, as_of="2026-12-02")
    assert (after.code, after.stderr) == (0, ""), after
    assert after.stdout == (
        "kept #2 for ADR-0003 (overdue 2 days)\n"
        "closed #1 for ADR-0002 (reviewed on 2026-12-02: kept)\n"
    )
    closing = [seen for seen in state.requests if seen.method == "PATCH"]
    assert [(seen.path, seen.body["state"]) for seen in closing] == [
        (f"/repos/{REPO}/issues/1", "closed")
    ]
    assert state.issue(1)["body"].endswith("Closed by hinges: reviewed on 2026-12-02: kept.")
    assert state.issue(2)["state"] == "open"


def test_an_issue_closed_by_hand_is_neither_reopened_nor_duplicated(due: Path) -> None:
    state = FakeState()
    with serving(state) as api:
        assert sync(due, api).code == 0
        state.issue(1)["state"] = "closed"
        again = sync(due, api)
    assert again.code == 0, again
    assert again.stdout.splitlines()[0] == "kept #1 for ADR-0002 (closed by hand; not reopened)"
    assert len(state.issues) == 2


def test_finds_its_issues_across_pages(due: Path) -> None:
    state = FakeState()
    others = [
        {"number": n, "title": "x", "body": "unrelated", "state": "open",
         "labels": [{"name": "decision-review"}]}
        for n in range(1, 151)
    ]  # fmt: skip
    state.issues.extend(others)
    state.issues.append(
        {"number": 151, "title": "old", "body": "<!-- hinges-review ADR-0002 2026-11-01 -->",
         "state": "open", "labels": [{"name": "decision-review"}]}
    )  # fmt: skip
    with serving(state) as api:
        result = sync(due, api)
    assert result.code == 0, result
    assert result.stdout == (
        "opened #152 for ADR-0003 (overdue 1 day)\nkept #151 for ADR-0002 (overdue 30 days)\n"
    )
    pages = [seen.query["page"] for seen in state.requests if seen.method == "GET"]
    assert pages == [["1"], ["2"]]


def test_a_refused_token_is_a_clear_error_without_the_token(due: Path) -> None:
    state = FakeState()
    wrong = "ghp_wrongTOKEN987"
    with serving(state) as api:
        result = sync(due, api, token=wrong)
    assert result.code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "hinges: GitHub API at 127.0.0.1:"
        f"{api.rsplit(':', 1)[1]} refused the credentials (401): Bad credentials; check the token\n"
    )
    assert wrong not in result.stderr


@pytest.mark.parametrize(
    ("status", "headers", "body", "expected"),
    [
        (500, {}, b'{"message": "Server Error"}', "answered 500: Server Error"),
        (404, {}, b'{"message": "Not Found"}', "answered 404: Not Found"),
        (
            403,
            {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1767225600"},
            b'{"message": "API rate limit exceeded"}',
            "is rate limiting these requests (403); retry after 1767225600",
        ),
        (
            429,
            {"Retry-After": "60"},
            b"{}",
            "is rate limiting these requests (429); retry after 60",
        ),
        (
            403,
            {"Retry-After": "30"},
            b'{"message": "You have exceeded a secondary rate limit."}',
            "is rate limiting these requests (403); retry after 30",
        ),
        (
            403,
            {},
            b'{"message": "Resource not accessible by integration"}',
            "refused the request (403): Resource not accessible by integration; the token may "
            "lack permission",
        ),
        (
            502,
            {},
            f"bad gateway \x1b[31m {TOKEN}".encode(),
            "answered 502: bad gateway \\x1b[31m ***",
        ),
    ],
)
def test_http_errors_are_messages(
    due: Path, status: int, headers: dict[str, str], body: bytes, expected: str
) -> None:
    state = FakeState(fail_with=(status, headers, body))
    with serving(state) as api:
        result = sync(due, api)
    host = api.removeprefix("http://")
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == f"hinges: GitHub API at {host} {expected}\n"
    assert TOKEN not in result.stderr


def test_an_unreachable_server_is_a_message(due: Path) -> None:
    with serving(FakeState()) as api:
        pass  # the server is gone: its port refuses connections
    result = sync(due, api)
    assert result.code == 1
    assert result.stderr.startswith(f"hinges: cannot reach GitHub API at {api[7:]}: ")
    assert "Traceback" not in result.stderr


def test_a_label_the_token_cannot_set_is_refused_before_duplicates(due: Path) -> None:
    state = FakeState(drop_labels=True)
    with serving(state) as api:
        result = sync(due, api)
    assert result.code == 1
    assert "issue #1 for ADR-0002 was opened without the label 'decision-review'" in result.stderr
    assert len(state.issues) == 1  # stopped at the first


def test_usage_errors(due: Path) -> None:
    env = {**NO_PROXY, "GITHUB_TOKEN": None, "GITHUB_REPOSITORY": None}
    no_repo = run_hinges("review", "--open-issues", "--root", str(due), env=env)
    assert (no_repo.code, no_repo.stderr) == (
        2,
        "hinges: --open-issues needs --repo OWNER/NAME (or GITHUB_REPOSITORY)\n",
    )
    no_token = run_hinges("review", "--open-issues", "--repo", REPO, "--root", str(due), env=env)
    assert (no_token.code, no_token.stderr) == (
        2,
        "hinges: --open-issues needs a token in GITHUB_TOKEN (issues: write)\n",
    )


def test_review_json_stays_the_one_source(due: Path) -> None:
    listed = run_hinges("review", "--format", "json", "--as-of", "2026-12-01", "--root", str(due))
    # Overdue reviews are listed, not failed: only --strict makes them exit 1.
    assert listed.code == 0, listed
    assert [item["id"] for item in json.loads(listed.stdout)["reviews"]] == ["ADR-0002", "ADR-0003"]
