"""Select and render decisions for ``hinges list`` and records for ``hinges show``.

Pure functions from loaded records to strings; the commands print them. The JSON shape
(``"version": 1``) is documented in docs/guide/maintaining.md and only grows compatibly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from hinges import yamltree
from hinges.export import CSV_FIELDS, DECISION_FIELDS, decision_dict
from hinges.records import Record, is_null
from hinges.visible import json_text, shorten, terminal_text, visible

JSON_VERSION = 1
TABLE_COLUMNS = ("id", "status", "door", "owner", "date", "title")
# Cells are cut so that one long value cannot pad every row of its column to its width.
CELL_WIDTH = 40
LAST_CELL_WIDTH = 100
# Fields of each decision in the JSON output, in order: the export's (hinges.export).
JSON_FIELDS = DECISION_FIELDS


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    door: str | None = None
    owner: str | None = None
    tenet: str | None = None
    tag: str | None = None

    def accepts(self, record: Record) -> bool:
        if self.status is not None and record.status != self.status:
            return False
        if self.door is not None and record.str_value("door") != self.door:
            return False
        if self.owner is not None and _handle(record.str_value("owner")) != _handle(self.owner):
            return False
        if self.tenet is not None and self.tenet not in record.list_value("tenets"):
            return False
        return self.tag is None or self.tag in record.list_value("tags")


def _handle(owner: str | None) -> str | None:
    """Owners compare without the leading '@' and case: '@Payments' is 'payments'."""
    return None if owner is None else owner.removeprefix("@").lower()


def record_order(record: Record) -> tuple[int, str]:
    number = record.number
    return (number if number is not None else 1 << 62, record.path)


def select(records: Iterable[Record], filters: Filters) -> list[Record]:
    return sorted((r for r in records if filters.accepts(r)), key=record_order)


def _text(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


def table_cell(record: Record, column: str) -> str:
    text = _text(record.values.get(column)).replace("\n", " ")
    return text or "-"


def format_table(rows: list[list[str]], header: Iterable[str] | None = None) -> str:
    """Columns padded to their widest cell; the last column is not padded.

    Each cell is shown with :func:`hinges.visible.visible` (no control character, bidi
    override or line break of a record reaches the terminal) and cut: to ``CELL_WIDTH``
    in padded columns, to ``LAST_CELL_WIDTH`` in the last one.
    """
    rows = [
        [visible(shorten(cell, CELL_WIDTH)) for cell in row[:-1]]
        + [visible(shorten(row[-1], LAST_CELL_WIDTH))]
        for row in rows
    ]
    lines = [[h.upper() for h in header], *rows] if header is not None else rows
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]) - 1)]
    out = []
    for line in lines:
        cells = [cell.ljust(width) for cell, width in zip(line, widths, strict=False)]
        out.append("  ".join([*cells, line[-1]]).rstrip())
    return "\n".join(out) + "\n"


def as_table(records: list[Record]) -> str:
    rows = [[table_cell(record, column) for column in TABLE_COLUMNS] for record in records]
    return format_table(rows, TABLE_COLUMNS)


def as_dict(record: Record) -> dict[str, Any]:
    return decision_dict(record)


def as_json(records: list[Record]) -> str:
    document = {"version": JSON_VERSION, "decisions": [as_dict(r) for r in records]}
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def as_csv(records: list[Record]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line breaks
    writer.writerow(CSV_FIELDS)
    for record in records:
        values = as_dict(record)
        writer.writerow([_csv_cell(values[name]) for name in CSV_FIELDS])
    return buffer.getvalue()


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        return ";".join(value)  # one cell per field; ';' never occurs in ids, handles or tags
    return "" if value is None else str(value)


def _node_text(node: yamltree.Node) -> str:
    if isinstance(node, yamltree.Scalar):
        return "" if is_null(node) else node.text.strip()
    if isinstance(node, yamltree.Sequence):
        # Entries (mappings, such as reviews) one per line; plain items on one line.
        joiner = "\n" if any(isinstance(item, yamltree.Mapping) for item in node.items) else ", "
        return joiner.join(_node_text(item) for item in node.items)
    if isinstance(node, yamltree.Mapping):
        return ", ".join(f"{k}: {_node_text(v)}" for k, (_, v) in node.entries.items())
    return ""


def show(record: Record, cited_by: list[Record] | None = None) -> str:
    """A record for reading: its front matter as aligned fields, then its body.

    Field names and each line of a value are shown with :func:`hinges.visible.visible`;
    the body keeps its lines, tabs and backslashes, with controls and bidi characters
    escaped (:func:`hinges.visible.terminal_text`).
    """
    entries = [("path", visible(record.path))] + [
        (visible(key), "\n".join(visible(line) for line in _node_text(value).split("\n")))
        for key, (_, value) in record.front.entries.items()
    ]
    width = max(len(key) for key, _ in entries) + 2
    lines = []
    for key, text in entries:
        first, *rest = text.split("\n") if text else ["-"]
        lines.append(f"{key + ':':<{width}}{first}".rstrip())
        lines.extend(f"{'':<{width}}{more}".rstrip() for more in rest)
    out = "\n".join(lines) + "\n\n" + terminal_text(record.body.strip("\n")) + "\n"
    if cited_by is not None:
        out += "\nCited by:\n" if cited_by else "\nCited by no decision.\n"
        if cited_by:
            rows = [[r.id or "-", r.status or "-", r.title or "-"] for r in cited_by]
            out += "".join(f"  {line}\n" for line in format_table(rows).splitlines())
    return out
