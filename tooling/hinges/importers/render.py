"""The text of an imported record: hinges front matter, then the source's body."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinges.yamlwrite import flow_list, quote, scalar

if TYPE_CHECKING:
    from hinges.importers.plan import Planned

COMMENT_INTRO = "# kept from the source's front matter (hinges has no field for these):"


def render_record(planned: Planned, format_name: str) -> str:
    source = planned.source
    lines = [
        "---",
        f"id: {planned.id}",
        f"title: {quote(source.title)}",
        f"status: {planned.status}",
        f"date: {planned.date.isoformat()}",
    ]
    if planned.deciders:
        lines.append(f"deciders: {flow_list(planned.deciders)}")
    if planned.supersedes:
        lines.append(f"supersedes: {flow_list(planned.supersedes)}")
    if planned.superseded_by:
        lines.append(f"superseded_by: {flow_list(planned.superseded_by)}")
    tags = list(dict.fromkeys(source.tags))
    if tags:
        lines.append(f"tags: {flow_list(tags)}")
    lines.append(f"imported_from: {scalar(f'{format_name}:{source.relpath}')}")
    if planned.comments:
        lines.append(COMMENT_INTRO)
        lines.extend(f"# {line}" for line in planned.comments)
    lines.append("---")
    body = planned.body if planned.body.endswith("\n") else planned.body + "\n"
    return "\n".join(lines) + "\n" + body
