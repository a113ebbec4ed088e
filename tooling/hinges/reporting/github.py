"""GitHub Actions workflow commands: one annotation per finding, on the offending line.

Output, one line per finding, in the order of the findings (path, line, column, code)::

    ::error file=docs/decisions/0001-x.md,line=3,col=1,title=HG103::unknown key 'ownr' ...

* the command is ``error``, ``warning`` or ``notice`` (for severity ``info``);
* ``file`` is relative to the checkout (:func:`hinges.reporting.checkout_folder`:
  ``GITHUB_WORKSPACE`` when set, else the top of the git work tree, else the registry
  root), so annotations land on the right file when the registry lives in a subfolder;
* ``line`` and ``col`` are 1-based; ``title`` is the rule code;
* property values escape ``%``, CR, LF, ``:`` and ``,``; the message escapes ``%``, CR, LF,
  as the workflow-command syntax requires, after controls, bidi characters, line breaks and
  backslashes are made visible as in the text format (:func:`hinges.visible.visible`): a
  record cannot start a workflow command of its own or draw on the CI log.

With ``--base``, each changed file that a decision in force governs gets one more
annotation, ``notice`` (or the level ``governed_annotation`` sets for the door), titled
``governed``, naming each governing decision and its owner. These are not findings and
never change the exit status.

The last lines are those of the text format (the baseline's lines per decision, then the
summary), which GitHub shows as plain log output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinges.findings import Severity
from hinges.reporting import checkout_folder, checkout_relative
from hinges.reporting.text import baseline_lines, summary_line
from hinges.visible import visible

if TYPE_CHECKING:
    from hinges.checker import CheckResult

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult) -> str:
    root = result.root.resolve()
    base = checkout_folder(root)
    lines = []
    for f in result.findings:
        path = checkout_relative(root, base, f.path)
        properties = ",".join(
            (
                f"file={_escape_property(visible(path))}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={_escape_property(f.code)}",
            )
        )
        lines.append(f"::{_COMMAND[f.severity]} {properties}::{_escape_data(visible(f.message))}")
    for note in result.governed:
        path = checkout_relative(root, base, note.path)
        properties = f"file={_escape_property(visible(path))},title=governed"
        lines.append(f"::{note.level} {properties}::{_escape_data(visible(note.message))}")
    lines += baseline_lines(result)
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
