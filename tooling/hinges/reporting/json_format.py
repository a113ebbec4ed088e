"""Machine-readable findings, as one JSON document (UTF-8, two-space indent)::

    {
      "version": 1,
      "findings": [
        {"path": "decisions/0001-x.md", "line": 3, "column": 1, "code": "HG103",
         "severity": "error", "message": "unknown key 'ownr' in a decision; ..."}
      ],
      "summary": {"files": 3, "errors": 1, "warnings": 0, "infos": 0}
    }

* ``path`` is relative to the registry root with ``/`` separators; ``line`` and ``column``
  are 1-based; ``severity`` is ``error``, ``warning`` or ``info`` (after configured
  overrides); findings come in the order path, line, column, code;
* ``summary.files`` counts the record files checked (the selected ones when PATHS are given);
* strings hold the exact characters of records and file names (a message quotes a value
  cut to 80 characters); besides what JSON requires, DEL, C1 controls, bidi characters,
  line separators and lone surrogates are written as ``\\u`` escapes
  (:func:`hinges.visible.json_text`), so the document is safe to print as well.
* when guards ran or the code scan skipped files, ``summary`` also has ``code_files`` (code
  files read), ``skipped_binary`` and ``skipped_large`` (over ``max_file_bytes``).
* when a baseline of known guard violations was applied (a check without ``--base``),
  ``summary.known_violations`` is their total and ``baseline`` lists, per decision that
  has any, ``{"id", "title", "known", "fixed"}``: the violations the baseline still knows
  and its entries that no longer occur (``fixed`` is 0 in a check limited to PATHS);
  ``id`` is the decision's path when it has no id, ``title`` may be null.

The shape is versioned: within a version, fields are only ever added, never renamed or
removed, so consumers should ignore fields they do not know.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from hinges.visible import json_text

if TYPE_CHECKING:
    from hinges.checker import CheckResult

VERSION = 1


def render(result: CheckResult) -> str:
    document = {
        "version": VERSION,
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
            }
            for f in result.findings
        ],
        "summary": result.summary(),
    }
    if result.baseline is not None:
        document["baseline"] = [asdict(tally) for tally in result.baseline]
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
