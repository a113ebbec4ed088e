"""A small, clean registry that exercises every catalog page, and helpers to build its site.

Facts the tests compare against are spelled out here (not read back from the site):
ADR-0002 supersedes ADR-0001 and is an accepted one-way door to review by 2026-09-01;
ADR-0004 is due for review 14 days after BUILD_DATE; ADR-0003 is proposed. The registry
is clean on BUILD_DATE (LATE_DATE makes both reviews overdue: 91 and 169 days).
"""

from __future__ import annotations

import datetime as dt
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

BUILD_DATE = dt.date(2026, 6, 1)
LATE_DATE = dt.date(2026, 12, 1)

SECTIONS = """
## Context

{context}

## Options considered

- Option one, the one we took.
- Option two, the one we did not take.

## Decision

We decided. {decision}

## Consequences

Things follow.
"""


def decision(front: str, title: str, context: str = "Why.", decision: str = "") -> str:
    body = SECTIONS.format(context=context, decision=decision)
    return f"---\n{textwrap.dedent(front).strip()}\n---\n# {title}\n{body}"


TENETS = {
    "tenets/T-001-reversible.md": """\
        ---
        id: T-001
        title: Reversible choices over perfect ones
        status: active
        owner: "@arch"
        priority: 1
        ---
        # Reversible choices over perfect ones

        We prefer the option we can walk back from.
        """,
    "tenets/T-002-boring.md": """\
        ---
        id: T-002
        title: Boring technology unless the upside is large
        status: active
        owner: "@arch"
        priority: 2
        date: 2026-01-05
        ---
        # Boring technology unless the upside is large

        Known tools first; novelty must pay for itself.
        """,
}

DECISIONS = {
    "decisions/0001-use-mysql.md": decision(
        """
        id: ADR-0001
        title: Use MySQL for orders
        status: superseded
        date: 2026-04-02
        door: two-way
        owner: "@payments"
        deciders: ["@alice"]
        tenets: [T-001]
        exit_path: Plain SQL tables; a sprint to move.
        superseded_by: [ADR-0002]
        """,
        "Use MySQL for orders",
    ),
    "decisions/0002-use-postgres.md": decision(
        """
        id: ADR-0002
        title: Use PostgreSQL for orders
        status: accepted
        date: 2026-03-01
        door: one-way
        owner: "@payments"
        deciders: ["@alice", "@bob"]
        tenets: [T-001, T-002]
        tags: [storage, data]
        exit_path: Orders live in PostgreSQL; leaving means a migration of two sprints.
        review_by: 2026-09-01
        supersedes: [ADR-0001]
        """,
        "Use PostgreSQL for orders",
        context="The quokka benchmark showed MySQL stalls on our order volume.",
    ),
    "decisions/0003-adopt-kafka.md": decision(
        """
        id: ADR-0003
        title: Adopt Kafka for events
        status: proposed
        date: 2026-05-20
        door: two-way
        owner: "@platform/events"
        deciders: ["@carol"]
        tenets: [T-002]
        tags: [messaging]
        exit_path: Producers write through one interface; swapping the broker is a week.
        """,
        "Adopt Kafka for events",
    ),
    "decisions/0004-feature-flags.md": decision(
        """
        id: ADR-0004
        title: Feature flags in config files
        status: accepted
        date: 2026-05-02
        door: two-way
        owner: "@platform/events"
        deciders: ["@dan"]
        exit_path: Flags are plain YAML; any flag service can import them.
        review_by: 2026-06-15
        """,
        "Feature flags in config files",
    ),
}


def write_registry(root: Path, extra: dict[str, str] | None = None) -> Path:
    files = {**{k: textwrap.dedent(v) for k, v in TENETS.items()}, **DECISIONS, **(extra or {})}
    for relpath, text in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def write_site_config(
    root: Path,
    *,
    options: dict[str, Any] | None = None,
    site_url: str | None = None,
    directory_urls: bool = True,
) -> Path:
    """mkdocs.yml and docs/index.md beside the registry; only the catalog home is in nav."""
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "index.md").write_text("# Home\n\nSee [the catalog](catalog/index.md).\n", "utf-8")
    config: dict[str, Any] = {
        "site_name": "Test registry",
        "theme": {"name": "material", "font": False},
        "nav": [{"Home": "index.md"}, {"Catalog": "catalog/index.md"}],
        "plugins": [
            "search",
            {"hinges": {"build_date": BUILD_DATE.isoformat(), **(options or {})}},
        ],
        "markdown_extensions": ["admonition", "tables", {"toc": {"permalink": True}}],
        "use_directory_urls": directory_urls,
    }
    if site_url is not None:
        config["site_url"] = site_url
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


class Element:
    """One parsed HTML element: its tag, attributes, text and children."""

    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Element] = []
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self) -> list[Element]:
        found = [self]
        for child in self.children:
            found.extend(child.iter())
        return found

    def find_all(self, tag: str | None = None, css_class: str | None = None) -> list[Element]:
        return [
            element
            for element in self.iter()[1:]
            if (tag is None or element.tag == tag)
            and (css_class is None or css_class in element.classes())
        ]

    def by_id(self, element_id: str) -> Element:
        matches = [e for e in self.iter() if e.attrs.get("id") == element_id]
        assert len(matches) == 1, f"{len(matches)} elements with id {element_id!r}"
        return matches[0]


_VOID = frozenset((
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
))  # fmt: skip
# A start tag that ends an open element whose end tag HTML lets a page leave out (the
# catalog's big tables and lists do, to save bytes): tag -> (what it ends, where it stops).
_ENDS_OPEN = {
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"thead", "tbody", "table"}),
    "tbody": ({"thead", "tr", "td", "th"}, {"table"}),
    "li": ({"li"}, {"ul", "ol"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ENDS_OPEN:
            ends, stops = _ENDS_OPEN[tag]
            node: Element | None = self.current
            while node is not None and node.tag not in stops:
                if node.tag in ends and node.parent is not None:
                    self.current = node.parent
                node = node.parent
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in _VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        node: Element | None = self.current
        while node is not None:  # text counts for every enclosing element
            node.parts.append(data)
            node = node.parent


def parse_html(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root
