"""The text of new decisions and tenets: pure functions from values to Markdown.

The value types are named tuples rather than dataclasses: ``hinges new`` imports this
module, and a named tuple is several times cheaper to define at import time.

Values go into the front matter through :mod:`hinges.yamlwrite`, so a title with a colon,
a quote or a newline can neither break the YAML nor add keys. Ids and dates are written
plain (they are validated before they get here and read the same in every YAML tool);
titles, handles and exit paths are always quoted.

What acceptance will require but the author has not given yet (an exit path, deciders)
is written as a commented-out key: the record stays valid, ``hinges check`` lists what is
missing, and the author uncomments the line when they know the answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from hinges import template_prompts as prompts
from hinges.yamlwrite import quote

_ONE_WAY_GUIDANCE = prompts.ONE_WAY_GUIDANCE
_TWO_WAY_GUIDANCE = prompts.TWO_WAY_GUIDANCE
_OPTION_TEMPLATE = prompts.OPTION_TEMPLATE


class DecisionDraft(NamedTuple):
    """Everything a new decision's text is made from."""

    id: str
    title: str
    status: str
    date: dt.date
    door: str
    owner: str
    deciders: Sequence[str] = ()
    tenets: Sequence[str] = ()
    exit_path: str | None = None
    review_by: dt.date | None = None
    supersedes: Sequence[str] = ()
    required_sections: Sequence[str] = ("Context", "Decision", "Consequences")
    sections: Sequence[tuple[str, str]] = ()
    """Text written for sections (heading, Markdown), used instead of the door's prompts."""
    applies_to: Sequence[str] = ()


class TenetDraft(NamedTuple):
    id: str
    title: str
    owner: str
    priority: int
    date: dt.date
    statement: str = prompts.TENET_STATEMENT
    rationale: str = prompts.TENET_RATIONALE
    tension: str = prompts.TENET_TENSION


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` months on, clamped to the end of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    # The last day of the target month; importing ``calendar`` would cost ~10 ms.
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last_day = (following - dt.timedelta(days=1)).day
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def heading(title: str) -> str:
    """The H1 line for ``title``, which Markdown reads back as exactly ``title``.

    A title that ends in a space and hashes ("Use C #") would lose them as the heading's
    optional closing sequence, so a closing sequence of our own is added to protect them.
    """
    unhashed = title.rstrip("#")
    if len(unhashed) < len(title) and unhashed[-1:] in ("", " ", "\t"):
        return f"# {title} #"
    return f"# {title}"


def plain_list(values: Sequence[str]) -> str:
    """A flow list of validated ids (``[T-001, T-002]``): plain, since ids read the same."""
    return "[" + ", ".join(values) + "]"


def quoted_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(quote(value) for value in values) + "]"


def _section_names(draft: DecisionDraft) -> list[str]:
    guidance = _ONE_WAY_GUIDANCE if draft.door == "one-way" else _TWO_WAY_GUIDANCE
    names = list(guidance)
    known = {name.casefold() for name in names}
    names += [name for name in draft.required_sections if name.casefold() not in known]
    known = {name.casefold() for name in names}
    for name, _text in draft.sections:  # a section the template lacks goes before Decision
        if name.casefold() not in known:
            at = next((i for i, n in enumerate(names) if n.casefold() == "decision"), len(names))
            names.insert(at, name)
            known.add(name.casefold())
    return names


def _section(draft: DecisionDraft, name: str) -> str:
    given = {key.casefold(): text for key, text in draft.sections}.get(name.casefold())
    if given is not None:
        return f"## {name}\n\n{given.strip()}\n"
    guidance = _ONE_WAY_GUIDANCE if draft.door == "one-way" else _TWO_WAY_GUIDANCE
    text = f"## {name}\n\n{guidance.get(name, prompts.REQUIRED_SECTION_PROMPT)}\n"
    if name == "Options considered":
        text += "".join("\n" + _OPTION_TEMPLATE.format(n=n) + "\n" for n in (1, 2))
    return text


def decision_front_matter(draft: DecisionDraft) -> list[str]:
    lines = [
        f"id: {draft.id}",
        f"title: {quote(draft.title)}",
        f"status: {draft.status}",
        f"date: {draft.date.isoformat()}",
        f"door: {draft.door}",
        f"owner: {quote(draft.owner)}",
    ]
    if draft.deciders:
        lines.append(f"deciders: {quoted_list(draft.deciders)}")
    elif draft.door == "one-way":
        example = quoted_list(prompts.EXAMPLE_DECIDERS)
        lines.append(f"# deciders: {example}  # who takes part in the decision")
    if draft.tenets:
        lines.append(f"tenets: {plain_list(draft.tenets)}")
    if draft.exit_path is not None:
        lines.append(f"exit_path: {quote(draft.exit_path)}")
    else:
        lines.append(f"# exit_path: {quote(prompts.EXIT_PATH_PROMPT)}")
    if draft.review_by is not None:
        lines.append(f"review_by: {draft.review_by.isoformat()}")
    if draft.supersedes:
        lines.append(f"supersedes: {plain_list(draft.supersedes)}")
    if draft.applies_to:
        lines.append(f"applies_to: {quoted_list(draft.applies_to)}")
    return lines


def decision_text(draft: DecisionDraft) -> str:
    """The Markdown of a new decision: front matter, the title as H1, the door's sections."""
    front = "\n".join(decision_front_matter(draft))
    sections = "\n".join(_section(draft, name) for name in _section_names(draft))
    return f"---\n{front}\n---\n{heading(draft.title)}\n\n{sections}"


def tenet_text(draft: TenetDraft) -> str:
    """The Markdown of a new tenet: statement, rationale, and the tension it settles."""
    return (
        "---\n"
        f"id: {draft.id}\n"
        f"title: {quote(draft.title)}\n"
        "status: active\n"
        f"owner: {quote(draft.owner)}\n"
        f"priority: {draft.priority}\n"
        f"date: {draft.date.isoformat()}\n"
        "---\n"
        f"{heading(draft.title)}\n\n"
        f"{draft.statement}\n\n"
        "## Rationale\n\n"
        f"{draft.rationale}\n\n"
        "## Tension it settles\n\n"
        f"{draft.tension}\n"
    )
