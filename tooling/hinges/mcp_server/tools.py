"""What each MCP tool answers, as plain data, from the core: no MCP here.

Every function takes the :class:`~hinges.mcp_server.state.LiveRegistry` and the tool's
arguments, and returns JSON-ready data or raises :class:`~hinges.errors.HingesError`
with a message for the agent (the server turns it into an MCP error result).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from typing import Any

from hinges.errors import HingesError
from hinges.export import decision_dict, tenet_dict
from hinges.field_values import DECISION_STATUSES, DOORS
from hinges.inforce import active_tenets, current_successors, is_in_force, scope, tenet_order
from hinges.loader import Registry
from hinges.mcp_server.state import LiveRegistry
from hinges.records import Record
from hinges.visible import shorten

MAX_RESULTS = 100
"""Most decisions one search returns; ``total`` says how many matched."""
MAX_TEXT = 20_000
"""Longest text accepted for one section of a proposal, in characters."""
_TENET_ID = re.compile(r"^[Tt]-?([0-9]+)$")
_HEADING = re.compile(r"^ {0,3}#{1,2}(?:[ \t]|$)", re.MULTILINE)


def _choice(name: str, value: str | None, allowed: Sequence[str]) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise HingesError(f"{name} must be one of {', '.join(allowed)}, not {shorten(value)!r}")
    return value


def _summary_of(record: Record) -> str | None:
    from hinges.digest import summary

    return summary(record)


def _brief(record: Record) -> dict[str, Any]:
    return {
        "id": record.id,
        "title": record.title,
        "status": record.status,
        "door": record.str_value("door"),
        "owner": record.str_value("owner"),
        "summary": _summary_of(record),
        "path": record.path,
    }


def search_decisions(
    live: LiveRegistry,
    query: str | None = None,
    door: str | None = None,
    status: str | None = None,
    owner: str | None = None,
    tenet: str | None = None,
    tag: str | None = None,
) -> dict[str, Any]:
    """Decisions matching every filter given; ``query``'s words must all appear in the
    id, title, summary, tags or body (case ignored). In number order."""
    from hinges.authoring.listing import Filters, select

    registry = live.current()
    filters = Filters(
        _choice("status", status, DECISION_STATUSES),
        _choice("door", door, DOORS),
        owner or None,
        _tenet_id(tenet) if tenet else None,
        tag or None,
    )
    found = select(registry.decisions, filters)
    words = (query or "").casefold().split()
    if words:
        found = [record for record in found if _matches(record, words)]
    return {
        "total": len(found),
        "decisions": [_brief(record) for record in found[:MAX_RESULTS]],
        "truncated": len(found) > MAX_RESULTS,
    }


def _matches(record: Record, words: list[str]) -> bool:
    text = " ".join(
        [
            record.id or "",
            record.title or "",
            record.str_value("summary") or "",
            record.body,
            *record.list_value("tags"),
        ]
    ).casefold()
    return all(word in text for word in words)


def _tenet_id(text: str) -> str:
    match = _TENET_ID.match(text.strip())
    if match is None:
        raise HingesError(f"{shorten(text.strip())!r} is not a tenet id such as T-001")
    return f"T-{match[1].lstrip('0').rjust(3, '0')}"


def find_record(registry: Registry, record_id: str) -> Record:
    """The one decision or tenet with ``record_id`` (``ADR-0007``, ``adr-7``, ``T-001``)."""
    from hinges.authoring.new_decision import normalise_decision_id

    text = record_id.strip()
    if not text:
        raise HingesError("id is empty; give a decision id (ADR-0007) or a tenet id (T-001)")
    if _TENET_ID.match(text):
        wanted, found = _tenet_id(text), registry.tenets_by_id()
    else:
        wanted = normalise_decision_id(text, registry.config.id_prefix)
        found = registry.decisions_by_id()
    records = found.get(wanted, [])
    if not records:
        raise HingesError(f"no decision or tenet has the id {wanted!r}")
    if len(records) > 1:
        paths = ", ".join(r.path for r in records)
        raise HingesError(f"{wanted} is the id of several records ({paths}); run hinges check")
    return records[0]


def get_record(live: LiveRegistry, record_id: str) -> dict[str, Any]:
    """One decision or tenet: its fields, its body, and whether it is in force."""
    registry = live.current()
    record = find_record(registry, record_id)
    if record.kind == "tenet":
        return {"kind": "tenet", **tenet_dict(record), "body": record.body}
    answer: dict[str, Any] = {"kind": "decision", **decision_dict(record)}
    answer.update(
        summary=_summary_of(record),
        applies_to=scope(record),
        in_force=is_in_force(record),
        replaced_by=current_successors(registry, record),
        body=record.body,
    )
    return answer


def record_text(live: LiveRegistry, record_id: str) -> str:
    """The record's file as it is on disk (the ``hinges://ID`` resource)."""
    record = find_record(live.current(), record_id)
    try:
        return (live.root / record.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise HingesError(f"cannot be read: {error}", path=record.path) from None


def decisions_for_paths(live: LiveRegistry, paths: Sequence[str]) -> dict[str, Any]:
    """The ``hinges why`` answer: the decisions in force that govern each path."""
    from hinges.reporting.why import registry_path, why_answer, why_document

    if not paths:
        raise HingesError("paths is empty; give at least one path, relative to the registry root")
    registry = live.current()
    # Paths are read from the registry root, as an agent working in the repository gives them.
    relative = [registry_path(path, live.root, live.root) for path in paths]
    return why_document(registry, why_answer(registry, relative))


def list_tenets(live: LiveRegistry) -> dict[str, Any]:
    """Every tenet, active ones first in priority order, then the retired."""
    registry = live.current()
    active = active_tenets(registry)
    retired = sorted((t for t in registry.tenets if t not in active), key=tenet_order)
    return {"tenets": [{**tenet_dict(t), "body": t.body} for t in [*active, *retired]]}


def get_digest(live: LiveRegistry) -> str:
    from hinges.digest import render_digest

    registry = live.current()
    return render_digest(registry, registry.config.digest_budget_tokens)


def check_registry(live: LiveRegistry) -> dict[str, Any]:
    """``hinges check --format json``'s document: the findings as data."""
    from hinges.checker import check
    from hinges.reporting.json_format import render

    live.current()  # the configuration as it is now
    result = check(live.root, live.config, today=dt.date.today())
    document: dict[str, Any] = json.loads(render(result))
    return document


def _section_text(name: str, text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    if len(text) > MAX_TEXT:
        raise HingesError(f"{name} is {len(text)} characters long; keep it under {MAX_TEXT}")
    if _HEADING.search(text):
        raise HingesError(
            f"{name} holds a '#' or '##' heading, which would split the record's sections; "
            "use '###' for subheadings"
        )
    if text.lstrip().startswith("---"):
        raise HingesError(f"{name} starts with '---'; start it with text")
    return text.strip()


def propose_decision(
    live: LiveRegistry,
    title: str,
    door: str,
    owner: str,
    tenets: Sequence[str] = (),
    context: str | None = None,
    options: Sequence[str] = (),
    decision: str | None = None,
    consequences: str | None = None,
    exit_path: str | None = None,
    applies_to: Sequence[str] = (),
) -> dict[str, Any]:
    """Write one new decision, always ``proposed``, through ``hinges new``'s code."""
    from hinges.authoring.naming import clean_title
    from hinges.authoring.new_decision import DecisionRequest, create_decision
    from hinges.authoring.owners import allowed_owners, check_owner
    from hinges.globs import GlobError, compile_glob

    registry = live.current()
    root, config = live.root, live.config
    if door not in DOORS:
        raise HingesError(f"door must be one-way or two-way, not {shorten(door)!r}")
    cited: list[str] = []
    known = registry.tenets_by_id()
    for text in tenets:
        tenet_id = _tenet_id(text)
        if tenet_id not in known:
            raise HingesError(f"no tenet has the id {tenet_id}; list_tenets shows them")
        if tenet_id not in cited:
            cited.append(tenet_id)
    patterns: list[str] = []
    for pattern in applies_to:
        try:
            compile_glob(pattern)
        except GlobError as error:
            raise HingesError(f"applies_to pattern {shorten(pattern)!r}: {error}") from None
        patterns.append(pattern)
    sections: list[tuple[str, str]] = []
    weighed = [" ".join(option.split()) for option in options if option.strip()]
    given: tuple[tuple[str, str | None], ...] = (
        ("Context", _section_text("context", context)),
        ("Options considered", "\n".join(f"- {o}" for o in weighed) or None),
        ("Decision", _section_text("decision", decision)),
        ("Consequences", _section_text("consequences", consequences)),
    )
    for name, written in given:
        if written is not None:
            sections.append((name, written))
    cleaned_exit = " ".join((exit_path or "").split()) or None
    if cleaned_exit and door == "one-way":
        sections.append(("Exit path", cleaned_exit))
    request = DecisionRequest(
        title=clean_title(title),
        door=door,
        owner=check_owner(owner, allowed_owners(root, config)),
        status="proposed",  # the only status a proposal can have: people accept decisions
        tenets=cited,
        exit_path=cleaned_exit,
        sections=sections,
        applies_to=patterns,
    )
    created = create_decision(root, config, request, dt.date.today())
    path = created.path.relative_to(root).as_posix()
    return {
        "id": created.id,
        "path": path,
        "status": "proposed",
        "door": door,
        "next": _next_step(created.id, door, request.owner),
    }


def _next_step(record_id: str, door: str, owner: str) -> str:
    if door == "one-way":
        return (
            f"{record_id} is a one-way door: costly to reverse. People must weigh it and "
            f"accept it: ask {owner} to review it with the deciders. Do not accept it, and do "
            "not act on it, until they have."
        )
    return (
        f"{record_id} is proposed. {owner} reviews it and accepts it with 'hinges status "
        f"{record_id} accepted'; an agent never accepts its own proposal."
    )
