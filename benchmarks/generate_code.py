"""Generate a repository of code governed by decisions with guards, for bench_guards.py.

    python benchmarks/generate_code.py OUT [--files 20000] [--megabytes 80] [--guards 50]

The repository (a git work tree, committed) holds:

* ``decisions/``: one accepted decision per guard (numbered from 1), each with
  ``applies_to`` and one guard whose ``in`` covers a language or a service tree, and
  ``tenets/`` with two tenets;
* ``services/svcNN/...``: ``--files`` source files (Python, TypeScript, Go) of about
  ``--megabytes`` in all, written from a fixed vocabulary with a seeded generator, so the
  same arguments give the same bytes. About one file in 20 mentions a decision id (all of
  them exist), and about one in 500 holds a line a guard forbids.

``guard_patterns(count)`` returns the 50 patterns, for the ``git grep -P`` baseline.
"""

from __future__ import annotations

import argparse
import random
import subprocess
from pathlib import Path

LANGUAGES = (("py", "#"), ("ts", "//"), ("go", "//"))
WORDS = [
    "order",
    "customer",
    "price",
    "invoice",
    "ledger",
    "cache",
    "event",
    "queue",
    "retry",
    "limit",
    "window",
    "session",
    "token",
    "account",
    "payment",
    "refund",
    "shipment",
    "stock",
    "catalog",
    "report",
    "metric",
    "trace",
    "span",
    "batch",
]
SCOPES = ("**/*.py", "**/*.ts", "**/*.go", "services/**", "services/svc0*/**")


def guard_patterns(count: int) -> list[str]:
    """``count`` distinct patterns, valid in RE2 and PCRE alike, of a few common shapes."""
    shapes = (
        r"\blegacy_client_{i}\.(connect|open)\(",
        r"^\s*import\s+forbidden_mod_{i}\b",
        r"(?i)\bdeprecated_api_{i}\s*\(",
        r"\bsecret_{i}\s*=\s*[\"'][A-Za-z0-9]{{8,}}",
        r"http://internal-{i}\.example\.com",
    )
    return [shapes[i % len(shapes)].format(i=i) for i in range(count)]


def _violation(i: int) -> str:
    return (
        f"legacy_client_{i}.connect(",
        f"import forbidden_mod_{i}",
        f"Deprecated_Api_{i} (x)",
        f"secret_{i} = 'abcdefgh1234'",
        f"http://internal-{i}.example.com",
    )[i % 5]


def _decision(number: int, pattern: str, scope: str) -> str:
    quoted = pattern.replace("\\", "\\\\").replace('"', '\\"')
    return f"""---
id: ADR-{number:04d}
title: Guard rail number {number}
status: accepted
date: 2026-01-10
door: two-way
owner: "@team-{number % 7}"
deciders: ["@alice"]
tenets: [T-001]
exit_path: Remove the guard and the rule it enforces; an afternoon.
review_by: 2099-01-10
applies_to: ["{scope}"]
guards:
  - forbid: "{quoted}"
    in: ["{scope}"]
    message: Guard rail {number} forbids this.
---
# Guard rail number {number}

## Context

Generated for the guard benchmark.

## Decision

Forbid pattern {number}.

## Consequences

Violations are reported.
"""


TENET = """---
id: T-00{n}
title: Generated tenet {n}
status: active
owner: "@arch"
priority: {n}
---
# Generated tenet {n}

Generated.
"""


def _line(rng: random.Random, comment: str) -> str:
    words = rng.choices(WORDS, k=rng.randint(3, 9))
    if rng.random() < 0.3:
        return f"    {comment} {' '.join(words)}"
    name = "_".join(words[:2])
    return f"    {name} = compute_{words[2]}({', '.join(words[3:])})"


def generate_code_repo(
    out: Path, *, files: int = 20_000, megabytes: float = 80, guards: int = 50, seed: int = 1
) -> list[str]:
    """Write and commit the repository at ``out``; return the guards' patterns."""
    rng = random.Random(seed)
    patterns = guard_patterns(guards)
    (out / "decisions").mkdir(parents=True)
    (out / "tenets").mkdir()
    for n in (1, 2):
        (out / "tenets" / f"T-00{n}-generated-{n}.md").write_text(TENET.format(n=n))
    for number, pattern in enumerate(patterns, start=1):
        scope = SCOPES[number % len(SCOPES)]
        path = out / "decisions" / f"{number:04d}-guard-rail-{number}.md"
        path.write_text(_decision(number, pattern, scope))
    per_file = int(megabytes * 1_000_000 / files)
    for index in range(files):
        extension, comment = LANGUAGES[index % len(LANGUAGES)]
        folder = out / "services" / f"svc{index % 40:02d}" / f"pkg{index % 13}"
        folder.mkdir(parents=True, exist_ok=True)
        lines = [f"{comment} module {index}"]
        size = len(lines[0])
        while size < per_file:
            line = _line(rng, comment)
            lines.append(line)
            size += len(line) + 1
        if index % 20 == 0:
            lines.insert(1, f"{comment} see ADR-{rng.randint(1, guards):04d}")
        if index % 500 == 7:
            lines.insert(2, _violation(rng.randrange(guards)))
        (folder / f"mod_{index}.{extension}").write_text("\n".join(lines) + "\n")
    env_args = ["-c", "user.name=bench", "-c", "user.email=bench@example.com"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(out)], check=True)
    subprocess.run(["git", "-C", str(out), "add", "-A"], check=True)
    subprocess.run(
        ["git", "-C", str(out), *env_args, "commit", "-q", "--no-gpg-sign", "-m", "generated"],
        check=True,
    )
    return patterns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--megabytes", type=float, default=80)
    parser.add_argument("--guards", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.out.exists():
        raise SystemExit(f"{args.out} exists; choose a new folder")
    generate_code_repo(
        args.out, files=args.files, megabytes=args.megabytes, guards=args.guards, seed=args.seed
    )


if __name__ == "__main__":
    main()
