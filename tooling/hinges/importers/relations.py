"""Relations between imported records: supersedes on both sides, other links as text.

hinges knows one relation, supersedes / superseded_by, written on both records. A
"Supersedes" or "Superseded by" line naming another imported record becomes that relation
(whichever side wrote it). Any other verb ("Amends", "Amended by", or the names users give
``adr link``) has no hinges field: the line stays in the body and the report lists it.
Links between imported records are rewritten to the records' new file names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinges.importers.links import SUPERSEDED_BY, SUPERSEDES, resolve, rewrite_targets

if TYPE_CHECKING:
    from hinges.importers.plan import Plan, Planned


def _edges(
    plan: Plan, new_by_source: dict[str, Planned], earlier: dict[str, tuple[str, str]]
) -> set[tuple[str, str]]:
    """(successor id, replaced id) pairs among this import's records."""
    from hinges.importers.plan import Note

    edges: set[tuple[str, str]] = set()
    for planned in plan.records:
        relpath = planned.source.relpath
        for relation in planned.source.relations:
            target_path = resolve(relpath, relation.target)
            target = new_by_source.get(target_path)
            if relation.verb not in (SUPERSEDES, SUPERSEDED_BY):
                note = f"'{relation.line_text}': hinges has no '{relation.verb}' relation"
                plan.kept_as_text.append(Note(relpath, note))
                continue
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
    names = {source: path.rsplit("/", 1)[-1] for source, (_, path) in earlier.items()}
    names.update({planned.source.relpath: planned.file_name for planned in plan.records})
    for planned in plan.records:
        relpath = planned.source.relpath
        left: list[str] = []

        def replace(target: str, relpath: str = relpath, left: list[str] = left) -> str | None:
            new_name = names.get(resolve(relpath, target))
            if new_name is None:
                if target not in left:
                    left.append(target)
                return None
            anchor = target.split("#", 1)[1] if "#" in target else None
            return new_name if anchor is None else f"{new_name}#{anchor}"

        planned.body = rewrite_targets(planned.source.body, replace)
        for target in left:
            plan.kept_as_text.append(
                Note(relpath, f"link '{target}' left as it was: it is not an imported record")
            )
