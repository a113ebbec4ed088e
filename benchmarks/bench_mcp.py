"""Benchmark ``hinges mcp`` against one ``hinges check`` run over the same 10,000 records.

    python benchmarks/bench_mcp.py [--records 10000] [--calls 10000] [--poll-calls 200]
                                   [--repeat 3] [--no-fail]

Targets (issue 12), on a generated registry whose decisions govern paths (``applies_to``):

* after start-up, ``get_record`` and ``decisions_for_paths`` answer (median round trip,
  through the MCP SDK's stdio client, the check for changed files included) in under
  1/50 of the wall time of one ``hinges check`` of the same registry, measured in the same
  run (median of ``--repeat`` runs);
* the server's memory stays flat over ``--calls`` calls: its resident set after them is at
  most 10% (and 5 MB) above what it was after the first 1,000 (it is read at start too);
* the digest of the registry stays within the default budget (8,000 tokens).

It also reports what the check for changed files costs per call in this process, looking
at every file (``--poll``) against asking the kernel, and the round trips of a server
started with ``--poll`` over ``--poll-calls`` calls, and the load average before and after.
Results go to ``benchmarks/out/mcp.json``; the exit status is 1 when a target is missed
(unless ``--no-fail``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import compile_package, hinges_command, timed
from generate import COMPONENTS, generate_registry

OUT = Path(__file__).resolve().parent / "out"
MAX_FRACTION = 1 / 50
MAX_GROWTH = 0.10
MAX_GROWTH_MB = 5.0
WARM_CALLS = 1000
"""Calls after which the resident set is the baseline the end is compared with."""
BUDGET = 8000
PARTS = 40
"""Folders per component: 680 scopes, so a path is governed by about ten decisions."""


def _component_folder(component: str) -> str:
    return component.removeprefix("the ").replace(" ", "-")


def add_scopes(root: Path, rng: random.Random) -> list[str]:
    """Give every decision an ``applies_to`` under ``services/<component>/partN/``; one
    path in each of those folders."""
    folders = [f"{_component_folder(c)}/part{n}" for c in COMPONENTS for n in range(PARTS)]
    for path in sorted((root / "decisions").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        folder = rng.choice(folders)
        scope = f'applies_to: ["services/{folder}/**", "docs/{folder}.md"]\n'
        head, rest = text.split("\n", 1)  # after the opening fence
        path.write_text(f"{head}\n{scope}{rest}", encoding="utf-8")
    return [f"services/{f}/handlers/file.py" for f in folders]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for process {pid}")


def _server_pid(root: Path) -> int:
    """The ``hinges mcp`` child of this process serving ``root``."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = next(line for line in status.splitlines() if line.startswith("PPid:"))
        if int(parent.split()[1]) == os.getpid() and str(root).encode() in command:
            return int(entry.name)
    raise SystemExit("the server process was not found")


def _median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def _p95_ms(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] * 1000


async def _serve_calls(
    root: Path, ids: list[str], paths: list[str], calls: int, *options: str
) -> dict[str, Any]:
    """Start ``hinges mcp``, then alternate ``get_record`` and ``decisions_for_paths``
    calls, timing each round trip and reading the server's resident set at start, every
    1,000 calls and at the end."""
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    command = hinges_command()
    params = StdioServerParameters(
        command=command[0], args=[*command[1:], "mcp", "--root", str(root), *options]
    )
    rng = random.Random(7)
    record_times: list[float] = []
    path_times: list[float] = []
    rss: dict[str, float] = {}
    every: list[float] = []
    with open(os.devnull, "w") as quiet:
        started = time.perf_counter()
        async with stdio_client(params, errlog=quiet) as (read, write):  # noqa: SIM117
            async with ClientSession(read, write) as session:
                await session.initialize()
                startup = time.perf_counter() - started
                pid = _server_pid(root)
                rss["start"] = _rss_mb(pid)
                for index in range(calls):
                    if index % 2:
                        name, arguments = "get_record", {"id": rng.choice(ids)}
                    else:
                        name, arguments = "decisions_for_paths", {"paths": [rng.choice(paths)]}
                    before = time.perf_counter()
                    result = await session.call_tool(name, arguments)
                    elapsed = time.perf_counter() - before
                    if result.is_error:
                        raise SystemExit(f"{name}({arguments}) failed: {result.content}")
                    (record_times if index % 2 else path_times).append(elapsed)
                    if (index + 1) % WARM_CALLS == 0:
                        every.append(round(_rss_mb(pid), 2))
                rss["end"] = _rss_mb(pid)
                if every:
                    rss["after_1000"] = every[0]
    return {
        "startup_s": startup,
        "calls": calls,
        "get_record_median_ms": _median_ms(record_times),
        "get_record_p95_ms": _p95_ms(record_times),
        "decisions_for_paths_median_ms": _median_ms(path_times),
        "decisions_for_paths_p95_ms": _p95_ms(path_times),
        "first_decisions_for_paths_ms": path_times[0] * 1000,
        **{f"rss_{when}_mb": value for when, value in rss.items()},
        "rss_every_1000_calls_mb": every,
    }


def change_check_cost(root: Path) -> dict[str, float]:
    """What finding out whether anything changed costs per call, in this process: looking
    at every file (``--poll``, and the server before the kernel was asked) against
    reading the kernel's queue of notes."""
    from hinges.config import load_config
    from hinges.mcp_server.state import snapshot, watch_registry

    config = load_config(root)
    looked = [timed_call(lambda: snapshot(root, config)) for _ in range(30)]
    watch = watch_registry(root, config)
    if watch is None:
        raise SystemExit("the kernel cannot be asked here (not Linux, or not a local file system)")
    try:
        asked = [timed_call(watch.changed) for _ in range(3000)]
    finally:
        watch.close()
    return {"look_median_ms": _median_ms(looked), "ask_median_ms": _median_ms(asked)}


def timed_call(call: Any) -> float:
    before = time.perf_counter()
    call()
    return time.perf_counter() - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000, help="decisions and tenets")
    parser.add_argument("--calls", type=int, default=10_000, help="calls to time")
    parser.add_argument("--poll-calls", type=int, default=200, help="calls with --poll (0: none)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of hinges check")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 when a target is missed")
    args = parser.parse_args(argv)
    if args.calls < 2 * WARM_CALLS:
        parser.error(f"--calls must be at least {2 * WARM_CALLS}")
    import anyio

    from hinges.config import Config
    from hinges.digest import render_digest, tokens
    from hinges.loader import load_registry

    load_before = os.getloadavg()
    compile_package()
    with tempfile.TemporaryDirectory(prefix="hinges-bench-mcp-") as folder:
        root = Path(folder) / "registry"
        generate_registry(root, args.records - 10, 10)
        paths = add_scopes(root, random.Random(3))
        ids = [f"ADR-{n:04d}" for n in range(1, args.records - 10 + 1)]
        check_times = [
            timed([*hinges_command(), "check", "--format", "text"], root, (0, 1))[0]
            for _ in range(args.repeat)
        ]
        check = statistics.median(check_times)
        change_check = change_check_cost(root)
        served = anyio.run(_serve_calls, root, ids, paths, args.calls)
        polled = (
            anyio.run(_serve_calls, root, ids, paths, args.poll_calls, "--poll")
            if args.poll_calls
            else {}
        )
        digest = render_digest(load_registry(root, Config()), BUDGET)
    limit_ms = check * MAX_FRACTION * 1000
    growth = served["rss_end_mb"] - served["rss_after_1000_mb"]
    results = {
        "records": args.records,
        "load_average_before": load_before,
        "load_average_after": os.getloadavg(),
        "hinges_check_median_s": check,
        "hinges_check_runs_s": check_times,
        "limit_ms": limit_ms,
        "change_check": change_check,
        **served,
        "check_over_get_record": check * 1000 / served["get_record_median_ms"],
        "check_over_decisions_for_paths": check * 1000 / served["decisions_for_paths_median_ms"],
        "rss_growth_after_1000_mb": growth,
        "poll": {
            key: polled[key]
            for key in ("calls", "get_record_median_ms", "decisions_for_paths_median_ms")
            if key in polled
        },
        "digest_tokens": tokens(digest),
        "digest_budget": BUDGET,
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "mcp.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    print(
        f"get_record 1/{check * 1000 / served['get_record_median_ms']:.0f} and "
        f"decisions_for_paths 1/{check * 1000 / served['decisions_for_paths_median_ms']:.0f} "
        f"of hinges check; RSS {served['rss_start_mb']:.1f} MB at start, "
        f"{served['rss_after_1000_mb']:.1f} MB after 1,000 calls, "
        f"{served['rss_end_mb']:.1f} MB after {args.calls:,}"
    )
    met = {
        "get_record": served["get_record_median_ms"] < limit_ms,
        "decisions_for_paths": served["decisions_for_paths_median_ms"] < limit_ms,
        "memory": growth <= max(MAX_GROWTH_MB, MAX_GROWTH * served["rss_after_1000_mb"]),
        "digest": tokens(digest) <= BUDGET,
    }
    for name, ok in met.items():
        print(f"{name}: {'met' if ok else 'MISSED'}")
    return 0 if all(met.values()) or args.no_fail else 1


if __name__ == "__main__":
    sys.exit(main())
