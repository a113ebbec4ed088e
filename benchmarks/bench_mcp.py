"""Benchmark ``hinges mcp`` against one ``hinges check`` run over the same 10,000 records.

    python benchmarks/bench_mcp.py [--records 10000] [--calls 10000] [--repeat 3] [--no-fail]

Targets (issue 12), on a generated registry whose decisions govern paths (``applies_to``):

* after start-up, ``get_record`` and ``decisions_for_paths`` answer (median round trip,
  through the MCP SDK's stdio client, stat check of every record file included) in under
  1/50 of the wall time of one ``hinges check`` of the same registry, measured in the same
  run (median of ``--repeat`` runs);
* the server's memory stays flat over ``--calls`` calls: its resident set after them is at
  most 10% (and 5 MB) above what it was after a warm-up of 500;
* the digest of the registry stays within the default budget (8,000 tokens).

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


async def _serve_calls(root: Path, ids: list[str], paths: list[str], calls: int) -> dict[str, Any]:
    from mcp.client.session import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    command = hinges_command()
    params = StdioServerParameters(
        command=command[0], args=[*command[1:], "mcp", "--root", str(root)]
    )
    rng = random.Random(7)
    with open(os.devnull, "w") as quiet:
        started = time.perf_counter()
        async with stdio_client(params, errlog=quiet) as (read, write):  # noqa: SIM117
            async with ClientSession(read, write) as session:
                await session.initialize()
                startup = time.perf_counter() - started
                pid = _server_pid(root)

                async def timed_call(name: str, arguments: dict[str, Any]) -> float:
                    before = time.perf_counter()
                    result = await session.call_tool(name, arguments)
                    elapsed = time.perf_counter() - before
                    if result.is_error:
                        raise SystemExit(f"{name}({arguments}) failed: {result.content}")
                    return elapsed

                for _ in range(250):  # warm-up
                    await timed_call("get_record", {"id": rng.choice(ids)})
                    await timed_call("decisions_for_paths", {"paths": [rng.choice(paths)]})
                rss_warm = _rss_mb(pid)
                record_times: list[float] = []
                path_times: list[float] = []
                for index in range(calls):
                    if index % 2:
                        record_times.append(await timed_call("get_record", {"id": rng.choice(ids)}))
                    else:
                        argument = {"paths": [rng.choice(paths)]}
                        path_times.append(await timed_call("decisions_for_paths", argument))
                rss_after = _rss_mb(pid)
    return {
        "startup_s": startup,
        "get_record_median_ms": statistics.median(record_times) * 1000,
        "get_record_p95_ms": statistics.quantiles(record_times, n=20)[-1] * 1000,
        "decisions_for_paths_median_ms": statistics.median(path_times) * 1000,
        "decisions_for_paths_p95_ms": statistics.quantiles(path_times, n=20)[-1] * 1000,
        "calls": calls,
        "rss_after_warmup_mb": rss_warm,
        "rss_after_calls_mb": rss_after,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000, help="decisions and tenets")
    parser.add_argument("--calls", type=int, default=10_000, help="calls to time")
    parser.add_argument("--repeat", type=int, default=3, help="runs of hinges check")
    parser.add_argument("--no-fail", action="store_true", help="exit 0 when a target is missed")
    args = parser.parse_args(argv)
    import anyio

    from hinges.config import Config
    from hinges.digest import render_digest, tokens
    from hinges.loader import load_registry

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
        served = anyio.run(_serve_calls, root, ids, paths, args.calls)
        digest = render_digest(load_registry(root, Config()), BUDGET)
    limit_ms = check * MAX_FRACTION * 1000
    growth = served["rss_after_calls_mb"] - served["rss_after_warmup_mb"]
    results = {
        "records": args.records,
        "hinges_check_median_s": check,
        "hinges_check_runs_s": check_times,
        "limit_ms": limit_ms,
        **served,
        "rss_growth_mb": growth,
        "digest_tokens": tokens(digest),
        "digest_budget": BUDGET,
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "mcp.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    met = {
        "get_record": served["get_record_median_ms"] < limit_ms,
        "decisions_for_paths": served["decisions_for_paths_median_ms"] < limit_ms,
        "memory": growth <= max(MAX_GROWTH_MB, MAX_GROWTH * served["rss_after_warmup_mb"]),
        "digest": tokens(digest) <= BUDGET,
    }
    for name, ok in met.items():
        print(f"{name}: {'met' if ok else 'MISSED'}")
    return 0 if all(met.values()) or args.no_fail else 1


if __name__ == "__main__":
    sys.exit(main())
