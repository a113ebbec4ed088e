"""Two or more record files have the same number.

This is what happens when two branches each add the next record at once: both create
`decisions/0042-....md`, and both pass review on their own. The numbers must differ,
because the number is the record's id.

Every file of the group is reported (not only the one added later, which a check cannot
know without history), so the problem shows whichever of the files a pull request
touches. The message names the other files and the next free numbers: the highest number
in use plus one, plus two, and so on, handed out in order so that no two suggestions
collide. `hinges renumber` moves the record added later and updates every reference.
Files that failed to load are counted too.

Passing:

    decisions/0042-use-kafka-for-order-events.md
    decisions/0043-keep-order-history-for-seven-years.md

Failing:

    decisions/0042-use-kafka-for-order-events.md
    decisions/0042-keep-order-history-for-seven-years.md
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.records import RecordKind
from hinges.rules._naming import NumberedName, format_number, numbered_name
from hinges.rules.base import Context, Rule
from hinges.visible import shorten

RULE = Rule("HG204", "duplicate-number", Severity.ERROR)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _groups(kind: RecordKind, relpaths: list[str]) -> dict[int, list[tuple[str, NumberedName]]]:
    groups: dict[int, list[tuple[str, NumberedName]]] = {}
    for relpath in relpaths:
        numbered = numbered_name(kind, relpath)
        if numbered is not None:
            groups.setdefault(numbered.number, []).append((relpath, numbered))
    return groups


def _check_kind(kind: RecordKind, relpaths: list[str]) -> Iterator[Finding]:
    groups = _groups(kind, relpaths)
    next_free = max(groups, default=0) + 1
    for number in sorted(groups):
        group = groups[number]
        if len(group) < 2:
            continue
        free = [format_number(kind, next_free + offset) for offset in range(len(group) - 1)]
        next_free += len(group) - 1
        if len(free) == 1:
            advice = (
                f"renumber one of them to {free[0]} (hinges renumber moves the one added later)"
            )
        else:
            advice = (
                f"renumber all but one of them, to {_and(free)} "
                "(hinges renumber moves the ones added later)"
            )
        for relpath, numbered in group:
            others = _and([other for other, _ in group if other != relpath])
            yield RULE.finding(
                relpath,
                1,
                1,
                f"number {shorten(numbered.digits)} is also used by {others}; {advice}",
            )


def check(context: Context) -> Iterator[Finding]:
    files = context.registry.files
    kinds: tuple[RecordKind, ...] = ("decision", "tenet")
    for kind in kinds:
        yield from _check_kind(kind, sorted(path for path, of in files.items() if of == kind))
