"""The violations of one guard on its decision's page: how many, how many the baseline
knows, and where the first few are.

The counts come from :meth:`hinges.site.model.CatalogModel.guard_violations`: the scan a full
``hinges check`` runs, once per build and only when a decision in force has guards, over
the files git tracks (without the catalog's own output). When they cannot be counted (not
a git work tree, the rule turned off, an unreadable baseline) the page says why instead of
showing a number. Locations are plain text (``path:line``), never links: the file is in
the repository, not in the site.
"""

from __future__ import annotations

from hinges.codescan.tally import Violation
from hinges.inforce import is_in_force
from hinges.records import Guard, Record
from hinges.site.markup import esc
from hinges.site.model import CatalogModel
from hinges.site.tables import plural
from hinges.visible import visible

SHOWN_LOCATIONS = 5
"""Locations listed per guard; the rest are counted."""


def _location(violation: Violation) -> str:
    hit = violation.hit
    known = ' <span class="hinges-guard-known">(known)</span>' if violation.known else ""
    return f"<li><code>{esc(visible(hit.path))}:{hit.line}</code>{known}</li>"


def _counted(violations: list[Violation], baseline: bool) -> str:
    if not violations:
        return "<dd>none</dd>"
    known = sum(1 for violation in violations if violation.known)
    text = plural(len(violations), "violation")
    if baseline:
        text += f", {known} known in the baseline"
    shown = "".join(_location(violation) for violation in violations[:SHOWN_LOCATIONS])
    rest = len(violations) - SHOWN_LOCATIONS
    if rest > 0:
        shown += f"<li>and {rest} more (<code>hinges check</code> lists them all)</li>"
    return f'<dd>{text}<ul class="hinges-guard-hits">{shown}</ul></dd>'


def violations_item(model: CatalogModel, record: Record, guard: Guard) -> str:
    """``<dt>Violations</dt><dd>...</dd>`` for one guard of ``record``."""
    if not is_in_force(record):  # checked first: such a guard never makes the build scan
        return (
            '<dt>Violations</dt><dd class="hinges-guard-uncounted">not checked: the decision '
            "is not in force (only accepted decisions that are not superseded are)</dd>"
        )
    counted = model.guard_violations()
    if isinstance(counted, str):
        return (
            '<dt>Violations</dt><dd class="hinges-guard-uncounted">not counted: '
            f"{esc(counted)}; run <code>hinges check</code></dd>"
        )
    violations = counted.of(guard)
    if violations is None:
        return (
            '<dt>Violations</dt><dd class="hinges-guard-uncounted">not checked: the guard is '
            "not valid; see <code>hinges check</code></dd>"
        )
    return "<dt>Violations</dt>" + _counted(violations, counted.baseline)
