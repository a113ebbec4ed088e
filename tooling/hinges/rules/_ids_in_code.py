"""What a decision id mentioned in code resolves to (shared by HG1002-HG1004)."""

from __future__ import annotations

from collections.abc import Iterator

from hinges.codescan import Hit
from hinges.records import Record
from hinges.rules._code import code_scan
from hinges.rules.base import Context


def mentions(context: Context) -> Iterator[tuple[Hit, Record | None]]:
    """Each mention of an id in code, with the decision it names (None: no such decision)."""
    scan = code_scan(context)
    if scan is None:
        return
    by_id = context.registry.decisions_by_id()
    for hit in scan.scan.mentions:
        found = by_id.get(hit.text)
        yield hit, found[0] if found else None


def is_superseded(record: Record) -> bool:
    return record.status == "superseded" or bool(record.list_value("superseded_by"))
