"""The registries the catalog-site tests build: a realistic one and a hostile one.

The realistic registry is clean under ``hinges check`` (so ``mkdocs build --strict`` must
pass); its facts (doors, owners, the supersedes chain, words found in one body only) are
spelled out as constants so the browser tests compare against them, not against the site.
"""

from __future__ import annotations

from dataclasses import dataclass

BUILD_DATE = "2026-06-01"


@dataclass(frozen=True)
class Decision:
    number: int
    slug: str
    title: str
    status: str
    door: str
    owner: str
    deciders: tuple[str, ...]
    tenets: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    superseded_by: tuple[str, ...] = ()
    words: str = ""
    """A sentence of the body that says what is special about this record."""

    @property
    def id(self) -> str:
        return f"ADR-{self.number:04d}"

    @property
    def stem(self) -> str:
        return f"{self.number:04d}-{self.slug}"


@dataclass(frozen=True)
class Tenet:
    number: int
    slug: str
    title: str
    status: str
    owner: str
    priority: int

    @property
    def id(self) -> str:
        return f"T-{self.number:03d}"

    @property
    def stem(self) -> str:
        return f"T-{self.number:03d}-{self.slug}"


TENETS = (
    Tenet(1, "reversible-choices", "Reversible choices over perfect ones", "active",
          "@architecture", 1),
    Tenet(2, "tail-latency", "Predictable tail latency over peak throughput", "active",
          "@platform/sre", 2),
    Tenet(3, "data-outlives-code", "Data outlives code", "active", "@data", 3),
    Tenet(4, "managed-services", "Managed services over self-hosted ones", "retired",
          "@platform/sre", 4),
)  # fmt: skip

# A word that occurs in exactly one record's body and nowhere else on the site.
SEARCH_WORD = "quokkafjord"
SEARCH_RECORD = "0006-use-redis-for-session-storage"

DECISIONS = (
    Decision(1, "use-rabbitmq-for-order-events", "Use RabbitMQ for order events", "superseded",
             "two-way", "@payments", ("@alice",), ("T-001", "T-004"), ("messaging",),
             superseded_by=("ADR-0002",), words="The first broker we ran ourselves."),
    Decision(2, "use-nats-for-order-events", "Use NATS for order events", "superseded",
             "two-way", "@payments", ("@alice", "@bob"), ("T-001",), ("messaging", "latency"),
             supersedes=("ADR-0001",), superseded_by=("ADR-0003",),
             words="NATS was lighter to run but lost events during failover."),
    Decision(3, "use-kafka-for-order-events", "Use Kafka for order events", "accepted",
             "one-way", "@payments", ("@alice", "@bob", "@chen"), ("T-001", "T-002"),
             ("messaging", "data"), supersedes=("ADR-0002",),
             words="Kafka keeps a replayable log that other teams now depend on."),
    Decision(4, "store-orders-in-postgresql", "Store orders in PostgreSQL", "accepted",
             "one-way", "@payments", ("@dara", "@emeka"), ("T-003",), ("storage", "data"),
             words="Orders are customer data and must outlive any service that writes them."),
    Decision(5, "serve-the-partner-api-over-grpc", "Serve the partner API over gRPC", "accepted",
             "one-way", "@platform/api", ("@farah", "@goran"), ("T-002", "T-003"), ("api",),
             words="Partners generate clients from the published protobuf contract."),
    Decision(6, "use-redis-for-session-storage", "Use Redis for session storage", "accepted",
             "two-way", "@identity", ("@hana",), ("T-002",), ("security", "latency"),
             words=f"The {SEARCH_WORD} load test showed sessions survive a node restart."),
    Decision(7, "run-search-on-opensearch", "Run search on OpenSearch", "deprecated",
             "two-way", "@search", ("@ivan",), ("T-004",), ("storage",),
             words="The managed search offering replaced our own cluster."),
    Decision(8, "rewrite-the-pricing-engine-in-rust", "Rewrite the pricing engine in Rust",
             "rejected", "one-way", "@pricing", ("@jun",), ("T-001",), ("cost",),
             words="A rewrite would freeze pricing features for two quarters."),
    Decision(9, "adopt-temporal-for-checkout", "Adopt Temporal for checkout", "proposed",
             "two-way", "@checkout", ("@kemi",), ("T-001",), ("reliability",),
             words="Checkout retries are hand-written today and hard to follow."),
    Decision(10, "use-github-actions-for-ci", "Use GitHub Actions for CI", "accepted",
             "two-way", "@developer-experience", ("@lars",), ("T-001",), ("build", "tooling"),
             words="Workflows live beside the code they build."),
    Decision(11, "flag-features-with-openfeature", "Flag features with OpenFeature", "accepted",
             "two-way", "@platform/sre", ("@mira",), ("T-001",), ("tooling",),
             words="The flag provider can be swapped behind the OpenFeature interface."),
    Decision(12, "collect-traces-with-opentelemetry", "Collect traces with OpenTelemetry",
             "accepted", "two-way", "@observability", ("@noor",), ("T-002",),
             ("observability",), words="Every service exports spans in the open format."),
)  # fmt: skip


def _flow(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def decision_text(decision: Decision) -> str:
    front = [
        f"id: {decision.id}",
        f'title: "{decision.title}"',
        f"status: {decision.status}",
        f"date: 2025-{decision.number:02d}-15",
        f"door: {decision.door}",
        f'owner: "{decision.owner}"',
        f"deciders: {_flow(decision.deciders)}",
        f"tenets: [{', '.join(decision.tenets)}]",
        f"tags: [{', '.join(decision.tags)}]",
        f'exit_path: "Move {decision.title.lower()} behind an adapter; about two sprints."',
        f"review_by: 2028-{decision.number:02d}-01",
    ]
    for key in ("supersedes", "superseded_by"):
        if getattr(decision, key):
            front.append(f"{key}: [{', '.join(getattr(decision, key))}]")
    body = f"""# {decision.title}

## Context

{decision.words} We weighed it against the tenets it cites.

## Options considered

### {decision.title}

What this record chose, with its costs.

### Keep what we have

Cheaper today, dearer within a year.

## Decision

{decision.title}.

## Consequences

The owning team runs it and reviews it before the review date.
"""
    return "---\n" + "\n".join(front) + "\n---\n" + body


def tenet_text(tenet: Tenet) -> str:
    front = [
        f"id: {tenet.id}",
        f'title: "{tenet.title}"',
        f"status: {tenet.status}",
        f'owner: "{tenet.owner}"',
        f"priority: {tenet.priority}",
        "date: 2025-01-10",
    ]
    body = f"# {tenet.title}\n\nWhen two goods conflict, this one wins for us: {tenet.title}.\n"
    return "---\n" + "\n".join(front) + "\n---\n" + body


def registry_files() -> dict[str, str]:
    """The realistic registry: relative path -> text."""
    files = {f"tenets/{tenet.stem}.md": tenet_text(tenet) for tenet in TENETS}
    files.update({f"decisions/{d.stem}.md": decision_text(d) for d in DECISIONS})
    return files


# The hostile registry: front-matter values written to break out of HTML. It is built with
# validation off (the checker would reject these owners), which is exactly when escaping
# is the last line of defence.
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_SCRIPT_TITLE = "</title><script>alert(2)</script>"
HOSTILE_OWNER = "javascript:alert(3)"
HOSTILE_ATTRIBUTE_OWNER = '@x" onmouseover="alert(4)'
HOSTILE_TENET_TITLE = "<svg onload=alert(5)>"
HOSTILE_STEMS = ("0001-image-title", "0002-script-title", "0003-plain")


def _yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _hostile_decision(
    number: int, title: str, owner: str, status: str = "accepted", extra: str = ""
) -> str:
    return (
        f"---\nid: ADR-{number:04d}\ntitle: {_yaml_quoted(title)}\nstatus: {status}\n"
        f"date: 2025-03-0{number}\ndoor: two-way\nowner: {_yaml_quoted(owner)}\n"
        f"deciders: [{_yaml_quoted(owner)}]\ntenets: [T-001]\n"
        f"tags: [{_yaml_quoted('<b>bold</b>')}]\n"
        f"exit_path: {_yaml_quoted('<img src=y onerror=alert(6)>')}\n{extra}---\n"
        # The H1 says the title, as HG801 asks of every record (hinges new writes it so).
        f"# {title}\n\n## Context\n\nPlain body text.\n\n"
        "## Decision\n\nNothing.\n\n## Consequences\n\nNone.\n"
    )


def hostile_registry_files() -> dict[str, str]:
    tenet = (
        f"---\nid: T-001\ntitle: {_yaml_quoted(HOSTILE_TENET_TITLE)}\nstatus: active\n"
        f'owner: "@arch"\npriority: 1\n---\n# {HOSTILE_TENET_TITLE}\n\nPlain text.\n'
    )
    return {
        "tenets/T-001-hostile.md": tenet,
        # The plain record is superseded by the hostile one: its banner names the successor.
        f"decisions/{HOSTILE_STEMS[0]}.md": _hostile_decision(
            1, HOSTILE_TITLE, HOSTILE_OWNER, extra="supersedes: [ADR-0003]\n"
        ),
        f"decisions/{HOSTILE_STEMS[1]}.md": _hostile_decision(
            2, HOSTILE_SCRIPT_TITLE, HOSTILE_ATTRIBUTE_OWNER
        ),
        f"decisions/{HOSTILE_STEMS[2]}.md": _hostile_decision(
            3, "A plain predecessor", "@arch", "superseded", "superseded_by: [ADR-0001]\n"
        ),
    }
