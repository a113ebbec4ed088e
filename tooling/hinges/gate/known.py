"""The pull-request summary's section on known guard violations (the baseline).

The tallies are computed by the command (:func:`hinges.codescan.tally.baseline_tally`,
the scan of a full ``hinges check``) and handed to the summary as values: per decision,
the violations the committed baseline still lists and its entries that no longer occur.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from hinges.baseline import BASELINE_FILE, DecisionTally
from hinges.gate.mdtext import code, escape


def known_markdown(tallies: list[DecisionTally] | None) -> list[str]:
    """A table of the decisions with known violations or fixed entries; [] without any."""
    if not tallies:
        return []
    out = ["", "### Known guard violations", ""]
    out += [f"The baseline ({code(BASELINE_FILE)}) lets a full `hinges check` pass with these"]
    out += ["violations; each decision's count should only go down.", ""]
    out += ["| Decision | Known violations | Fixed entries |", "| --- | --- | --- |"]
    for tally in tallies:
        name = " ".join(part for part in (escape(tally.id), escape(tally.title)) if part)
        out.append(f"| {name} | {tally.known} | {tally.fixed} |")
    if any(tally.fixed for tally in tallies):
        out += ["", "Fixed entries no longer occur: run `hinges check --update-baseline` and"]
        out += ["commit the smaller file."]
    return out


def known_json(tallies: list[DecisionTally] | None) -> list[dict[str, Any]] | None:
    return None if tallies is None else [asdict(tally) for tally in tallies]
