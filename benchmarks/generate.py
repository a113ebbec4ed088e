"""Generate realistic, valid hinges registries for benchmarks and tests.

    python benchmarks/generate.py OUT --decisions N --tenets M [--seed S] [--chain]

Decisions get varied titles, owners, deciders, tenet citations, tags and exit paths, and
bodies of a few hundred words (Context, Options considered, Decision, Consequences). Most
are accepted; some are proposed, rejected or deprecated, and some come in superseded pairs
that agree on both sides. Accepted one-way doors have two or more deciders, a review date
and two or more options. ``--chain`` turns the N decisions into one supersedes chain
(each superseded by the next, the last accepted). The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

TECHNOLOGIES = (
    "PostgreSQL", "Kafka", "Redis", "gRPC", "GraphQL", "Terraform", "Kubernetes", "OpenTelemetry",
    "protobuf", "Avro", "Parquet", "S3", "DynamoDB", "Elasticsearch", "RabbitMQ", "Go", "Rust",
    "Kotlin", "TypeScript", "React", "Envoy", "Vault", "Argo CD", "GitHub Actions", "Bazel",
    "Flyway", "SQLite", "ClickHouse", "Temporal", "NATS", "OAuth 2.1", "OpenAPI", "Prometheus",
)  # fmt: skip
COMPONENTS = (
    "the order service", "the billing pipeline", "the search index", "the mobile gateway",
    "customer notifications", "the audit log", "the pricing engine", "internal dashboards",
    "the identity provider", "the data warehouse", "feature flags", "the checkout flow",
    "inventory sync", "the partner API", "build caching", "secrets handling", "release tooling",
)  # fmt: skip
TITLE_FORMS = (
    "Use {tech} for {component}",
    "Adopt {tech} in {component}",
    "Move {component} to {tech}",
    "Standardise {component} on {tech}",
    "Keep {component} on {tech} for now",
    "Replace the in-house queue of {component} with {tech}",
)
TEAMS = (
    "payments", "platform", "search", "mobile", "identity", "data", "growth", "infra",
    "checkout", "observability", "security", "developer-experience",
)  # fmt: skip
PEOPLE = (
    "alice", "bob", "chen", "dara", "emeka", "farah", "goran", "hana", "ivan", "jun", "kemi",
    "lars", "mira", "noor", "oskar", "priya", "quinn", "rosa", "sanjay", "tove",
)  # fmt: skip
TAGS = (
    "storage", "messaging", "api", "security", "observability", "build", "frontend",
    "latency", "cost", "compliance", "data", "tooling", "reliability",
)  # fmt: skip
TENET_TITLES = (
    "Predictable tail latency over peak throughput",
    "Keep language-specific choices out of contracts and stored data",
    "Reversible choices over perfect ones",
    "Boring technology unless the upside is large",
    "Teams own what they run",
    "Managed services over self-hosted ones",
    "Data outlives code",
    "Fewer moving parts over fewer lines of code",
)
SENTENCES = (
    "Traffic on {component} has doubled over the last year and the current setup shows it.",
    "On-call engineers spend several hours a week on incidents traced back to this area.",
    "The team evaluated the options against the tenets this decision cites.",
    "Most of the cost is in migrating existing data, not in writing new code.",
    "Two other teams already run {tech} in production and offered to share their runbooks.",
    "Latency at the 99th percentile matters more here than average throughput.",
    "Any choice must keep stored data in a language-neutral format.",
    "The contract with downstream consumers cannot change without a deprecation period.",
    "We measured a prototype under production-like load for two weeks.",
    "Licensing and support costs were compared over three years, not one.",
    "The operational burden falls on a small team, so simplicity weighs heavily.",
    "Security review found no blocking issues, with two follow-ups noted below.",
    "Rolling back means replaying the last day of events into the previous store.",
    "New engineers should be productive in this area within their first month.",
    "Monitoring and alerting are set up before the first production traffic arrives.",
)
HEADINGS = ("Context", "Options considered", "Decision", "Consequences")


@dataclass(frozen=True)
class Plan:
    """What one decision will be: its place in the registry and how it relates to others."""

    number: int
    status: str
    supersedes: int | None = None
    superseded_by: int | None = None


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48].rstrip("-")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_quote(item) for item in items) + "]"


def _paragraph(rng: random.Random, count: int, tech: str, component: str) -> str:
    picked = rng.sample(SENTENCES, count)
    return " ".join(sentence.format(tech=tech, component=component) for sentence in picked)


def plan_decisions(count: int, rng: random.Random, *, chain: bool) -> list[Plan]:
    """Statuses and supersedes links: every link is recorded on both sides."""
    if chain:
        return [
            Plan(
                number,
                "accepted" if number == count else "superseded",
                supersedes=number - 1 if number > 1 else None,
                superseded_by=number + 1 if number < count else None,
            )
            for number in range(1, count + 1)
        ]
    plans: list[Plan] = []
    number = 1
    while number <= count:
        roll = rng.random()
        if roll < 0.08 and number < count:  # an old decision and the one that replaced it
            plans.append(Plan(number, "superseded", superseded_by=number + 1))
            plans.append(Plan(number + 1, "accepted", supersedes=number))
            number += 2
            continue
        status = (
            "proposed"
            if roll < 0.18
            else "rejected"
            if roll < 0.22
            else "deprecated"
            if roll < 0.26
            else "accepted"
        )
        plans.append(Plan(number, status))
        number += 1
    return plans


def _ref(prefix: str, number: int | None) -> list[str]:
    return [] if number is None else [f"{prefix}-{number:04d}"]


def decision_text(
    plan: Plan, rng: random.Random, tenet_ids: list[str], prefix: str = "ADR"
) -> tuple[str, str]:
    """The file name and text of one decision."""
    tech, component = rng.choice(TECHNOLOGIES), rng.choice(COMPONENTS)
    title = rng.choice(TITLE_FORMS).format(tech=tech, component=component)
    title = title[0].upper() + title[1:]
    door = "one-way" if rng.random() < 0.3 else "two-way"
    date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 900))
    review_by = date + dt.timedelta(days=rng.randrange(540, 1100))
    deciders = rng.sample(PEOPLE, rng.randint(2, 4) if door == "one-way" else rng.randint(1, 3))
    cited = rng.sample(tenet_ids, min(len(tenet_ids), rng.randint(1, 3))) if tenet_ids else []
    alternatives = [tech, *rng.sample([t for t in TECHNOLOGIES if t != tech], rng.randint(1, 2))]
    front = [
        "---",
        f"id: {prefix}-{plan.number:04d}",
        f"title: {_quote(title)}",
        f"status: {plan.status}",
        f"date: {date.isoformat()}",
        f"door: {door}",
        f"owner: {_quote('@' + rng.choice(TEAMS))}",
        f"deciders: {_flow(['@' + person for person in deciders])}",
    ]
    if cited:
        front.append(f"tenets: [{', '.join(cited)}]")
    front.append(
        "exit_path: "
        + _quote(
            f"Put {component} back on {alternatives[1]} behind the same interface; "
            f"about {rng.randint(1, 8)} sprints, mostly data migration."
        )
    )
    if door == "one-way" or rng.random() < 0.5:
        front.append(f"review_by: {review_by.isoformat()}")
    for key, number in (("supersedes", plan.supersedes), ("superseded_by", plan.superseded_by)):
        if number is not None:
            front.append(f"{key}: [{', '.join(_ref(prefix, number))}]")
    front.append(f"tags: [{', '.join(sorted(rng.sample(TAGS, rng.randint(1, 3))))}]")
    body = [f"# {title}", ""]
    for heading in HEADINGS:
        body += [f"## {heading}", ""]
        if heading == "Options considered":
            for option in alternatives:
                body += [f"### {option}", "", _paragraph(rng, 3, option, component), ""]
        else:
            body += [_paragraph(rng, rng.randint(4, 7), tech, component), ""]
    return f"{plan.number:04d}-{_slug(title)}.md", "\n".join([*front, "---", *body])


def tenet_text(number: int, priority: int, rng: random.Random) -> tuple[str, str]:
    """The file name and text of one tenet (T-NNN), active unless it is the odd retired one."""
    base = TENET_TITLES[(number - 1) % len(TENET_TITLES)]
    title = base if number <= len(TENET_TITLES) else f"{base} (revision {number})"
    status = "retired" if number % 11 == 0 else "active"
    front = [
        "---",
        f"id: T-{number:03d}",
        f"title: {_quote(title)}",
        f"status: {status}",
        f"owner: {_quote('@' + rng.choice(TEAMS))}",
        f"priority: {priority}",
        f"date: {dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 700))}",
        "---",
        f"# {title}",
        "",
        _paragraph(rng, 4, "this", "every team"),
        "",
        "This tenet settles the tension between speed today and the cost of changing course.",
        "",
    ]
    return f"T-{number:03d}-{_slug(title)}.md", "\n".join(front)


def generate_files(
    decisions: int, tenets: int, *, seed: int = 0, chain: bool = False
) -> dict[str, str]:
    """Relative path -> text of a whole registry. Pure: the same arguments, the same files."""
    rng = random.Random(seed)
    files: dict[str, str] = {}
    priorities = rng.sample(range(1, tenets + 1), tenets)
    active: list[str] = []
    for number in range(1, tenets + 1):
        name, text = tenet_text(number, priorities[number - 1], rng)
        files[f"tenets/{name}"] = text
        if "status: active" in text:
            active.append(f"T-{number:03d}")
    for plan in plan_decisions(decisions, rng, chain=chain):
        name, text = decision_text(plan, rng, active)
        files[f"decisions/{name}"] = text
    return files


def generate_registry(
    out: Path, decisions: int, tenets: int, *, seed: int = 0, chain: bool = False
) -> dict[str, str]:
    """Write a registry under ``out`` (which must not hold one already); returns its files."""
    files = generate_files(decisions, tenets, seed=seed, chain=chain)
    for folder in ("decisions", "tenets"):
        target = out / folder
        if target.exists() and any(target.iterdir()):
            raise FileExistsError(f"{target} is not empty; choose a fresh output folder")
        target.mkdir(parents=True, exist_ok=True)
    for relpath, text in files.items():
        (out / relpath).write_text(text, encoding="utf-8", newline="\n")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to create the registry in")
    parser.add_argument("--decisions", type=int, default=100, help="number of decisions")
    parser.add_argument("--tenets", type=int, default=8, help="number of tenets")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same files)")
    parser.add_argument("--chain", action="store_true", help="make one supersedes chain")
    args = parser.parse_args(argv)
    if args.decisions < 0 or args.tenets < 0:
        parser.error("counts must be 0 or more")
    try:
        files = generate_registry(
            args.out, args.decisions, args.tenets, seed=args.seed, chain=args.chain
        )
    except (FileExistsError, OSError) as error:
        print(f"generate: {error}", file=sys.stderr)
        return 2
    print(f"wrote {len(files)} records to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
