"""Relations between imported records: supersedes on both sides, other links as text.

hinges knows one relation, supersedes / superseded_by, written on both records. A
"Supersedes" or "Superseded by" line naming another imported record, by link or by its
source id (MADR's ``status: superseded by ADR-0005``), becomes that relation (whichever
side wrote it). Any other verb ("Amends", "Amended by", or the names users give
``adr link``) has no hinges field: the line stays in the body and the report lists it.
Links between imported records are rewritten to the records' new file names, and where a
record was renumbered, the old number at the start of a link's text and the id in a
supersede line follow it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinges.importers.links import (
    SUPERSEDED_BY,
    SUPERSEDES,
    RelationLine,
    Relink,
    renumber_mentions,
    resolve,
    rewrite_targets,
)
from hinges.importers.numbering import source_number

if TYPE_CHECKING:
    from hinges.importers.plan import Plan, Planned


def _by_number(plan: Plan) -> dict[int, list[Planned]]:
    found: dict[int, list[Planned]] = {}
    for planned in plan.records:
        number = source_number(planned)
        if number is not None:
            found.setdefault(number, []).append(planned)
    return found


def _target_by_id(
    plan: Plan, relpath: str, relation: RelationLine, by_number: dict[int, list[Planned]]
) -> Planned | None:
    from hinges.importers.plan import Note

    assert relation.number is not None
    holders = by_number.get(relation.number, [])
    if len(holders) == 1:
        return holders[0]
    names = ", ".join(planned.source.relpath for planned in holders)
    why = (
        f"a number several imported records had ({names}); relate it by hand"
        if holders
        else "no imported record"
    )
    plan.kept_as_text.append(Note(relpath, f"'{relation.line_text}' names {why}"))
    return None


def _edges(
    plan: Plan, new_by_source: dict[str, Planned], earlier: dict[str, tuple[str, str]]
) -> set[tuple[str, str]]:
    """(successor id, replaced id) pairs among this import's records."""
    from hinges.importers.plan import Note

    by_number = _by_number(plan)
    edges: set[tuple[str, str]] = set()
    for planned in plan.records:
        relpath = planned.source.relpath
        for relation in planned.source.relations:
            if relation.verb not in (SUPERSEDES, SUPERSEDED_BY):
                note = f"'{relation.line_text}': hinges has no '{relation.verb}' relation"
                plan.kept_as_text.append(Note(relpath, note))
                continue
            if relation.number is not None:
                target = _target_by_id(plan, relpath, relation, by_number)
                if target is None:
                    continue
            else:
                target_path = resolve(relpath, relation.target)
                target = new_by_source.get(target_path)
            if target is None:
                where = (
                    f"{earlier[target_path][0]}, imported earlier; relate the two by hand"
                    if target_path in earlier
                    else "no imported record"
                )
                plan.kept_as_text.append(Note(relpath, f"'{relation.line_text}' names {where}"))
                continue
            pair = (planned, target) if relation.verb == SUPERSEDES else (target, planned)
            if pair[0] is pair[1]:
                plan.kept_as_text.append(Note(relpath, f"'{relation.line_text}' names itself"))
            elif pair[0].status == "rejected":
                plan.kept_as_text.append(
                    Note(relpath, f"'{relation.line_text}': a rejected record supersedes nothing")
                )
            else:
                edges.add((pair[0].id, pair[1].id))
    return edges


def link_records(plan: Plan, earlier: dict[str, tuple[str, str]]) -> None:
    """Set supersedes / superseded_by and statuses, and rewrite links, for ``plan``'s records.

    ``earlier`` maps source files imported by an earlier run to their (id, registry path).
    """
    from hinges.importers.plan import Note

    new_by_source = {planned.source.relpath: planned for planned in plan.records}
    edges = _edges(plan, new_by_source, earlier)
    by_id = {planned.id: planned for planned in plan.records}
    for successor, replaced in sorted(edges):
        by_id[successor].supersedes.append(replaced)
        by_id[replaced].superseded_by.append(successor)
    for planned in plan.records:
        relpath = planned.source.relpath
        if planned.superseded_by and planned.status != "superseded":
            successors = ", ".join(planned.superseded_by)
            plan.unmapped.append(
                Note(
                    relpath,
                    f"status {planned.status} imported as superseded: {successors} supersedes it",
                )
            )
            planned.status = "superseded"
        elif planned.status == "superseded" and not planned.superseded_by:
            plan.unmapped.append(
                Note(
                    relpath, "status superseded names no imported successor; imported as deprecated"
                )
            )
            planned.status = "deprecated"
    _rewrite_links(plan, earlier)


def _rewrite_links(plan: Plan, earlier: dict[str, tuple[str, str]]) -> None:
    from hinges.importers.plan import Note

    names = {source: Relink(path.rsplit("/", 1)[-1]) for source, (_, path) in earlier.items()}
    for planned in plan.records:
        old = source_number(planned)
        numbers = None if old is None or old == planned.number else (old, planned.number)
        names[planned.source.relpath] = Relink(planned.file_name, numbers)
    moved = {
        number: holders[0].number
        for number, holders in _by_number(plan).items()
        if len(holders) == 1 and holders[0].number != number
    }
    for planned in plan.records:
        relpath = planned.source.relpath
        left: list[str] = []

        def replace(target: str, relpath: str = relpath, left: list[str] = left) -> Relink | None:
            new = names.get(resolve(relpath, target))
            if new is None:
                if target not in left:
                    left.append(target)
                return None
            anchor = target.split("#", 1)[1] if "#" in target else None
            return new if anchor is None else Relink(f"{new.target}#{anchor}", new.numbers)

        planned.body = renumber_mentions(rewrite_targets(planned.source.body, replace), moved)
        for target in left:
            plan.kept_as_text.append(
                Note(relpath, f"link '{target}' left as it was: it is not an imported record")
            )
