"""What acceptance requires of a decision, shared by the door rules (not a rule itself).

An accepted decision needs an ``exit_path`` and no text left from a template; an accepted
one-way door also needs enough deciders, a ``review_by`` date and a body that weighs at
least two options. The accepted rules (HG401-HG404, HG803) report each gap as an error;
HG405 lists them all, early, on a proposal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hinges.config import Config
from hinges.markdown import Heading
from hinges.records import Record
from hinges.rules._body import outline_of
from hinges.rules._templates import TemplateText, placeholders_in

_OPTIONS_HEADING = re.compile(r"\b(?:options?|alternatives?)\b", re.IGNORECASE)
_ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def is_one_way(record: Record) -> bool:
    return record.kind == "decision" and record.str_value("door") == "one-way"


def deciders_missing(record: Record, config: Config) -> int:
    """How many more deciders a one-way door needs before it can be accepted."""
    return max(config.one_way_min_deciders - len(record.list_value("deciders")), 0)


def describe_missing_deciders(record: Record, config: Config) -> str:
    """The missing deciders as a phrase: "2 deciders", "a second decider", "2 more deciders"."""
    have = len(record.list_value("deciders"))
    need = config.one_way_min_deciders
    missing = need - have
    if have == 0:
        return "a decider" if need == 1 else f"{need} deciders"
    if missing == 1 and need in _ORDINALS:
        return f"a {_ORDINALS[need]} decider"
    return f"{missing} more decider{'s' if missing > 1 else ''} ({need} in all)"


@dataclass(frozen=True, slots=True)
class OptionsWeighed:
    """The body's best attempt at weighing options: how many, under which heading."""

    count: int
    heading: Heading | None


def options_weighed(record: Record, template: TemplateText) -> OptionsWeighed:
    """Options in the section whose heading mentions options or alternatives.

    Options are the section's direct subheadings, or the items of its outer list before
    any subheading (a list under one option's heading is that option's pros and cons, not
    more options). With several such sections, the one weighing most counts. An option
    still as ``template`` wrote it ("### Option 1: name it") is not an option weighed.
    """
    outline = outline_of(record)
    best = OptionsWeighed(0, None)
    for heading in outline.headings:
        if not _OPTIONS_HEADING.search(heading.text):
            continue
        section = outline.section(heading)
        items = outline.top_level_items(section.heading.line + 1, section.intro_end_line)
        children = [c for c in section.children if not template.is_placeholder_heading(c.text)]
        items = [item for item in items if not template.is_placeholder_line(item.text)]
        count = max(len(children), len(items))
        if best.heading is None or count > best.count:
            best = OptionsWeighed(count, section.heading)
    return best


def acceptance_gaps(record: Record, config: Config, template: TemplateText) -> list[str]:
    """Everything acceptance will require that ``record`` lacks, as phrases."""
    gaps = []
    if not record.has("exit_path"):
        gaps.append("an exit_path")
    if is_one_way(record):
        if deciders_missing(record, config):
            gaps.append(describe_missing_deciders(record, config))
        if not record.has("review_by"):
            gaps.append("a review_by date")
        if options_weighed(record, template).count < 2:
            gaps.append("at least two options weighed in the body")
    left = sorted({placeholder.line for placeholder in placeholders_in(record, template)})
    if left:
        count = f"{len(left)} lines" if len(left) > 1 else "1 line"
        gaps.append(f"its own text in place of the template's ({count}, from line {left[0]})")
    return gaps
