"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One JSON document (UTF-8, two-space indent) holding one run::

    {
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": [{
        "tool": {"driver": {"name": "hinges", "version": "0.1.0", "rules": [...]}},
        "columnKind": "unicodeCodePoints",
        "results": [...]
      }]
    }

``tool.driver.rules`` lists every registered rule (:func:`hinges.rules.all_rules`), in
registry order, whether or not it found anything, so ``ruleIndex`` is stable:

* ``id``: the code (``HG103``); ``name``: the slug (``unknown-key``);
* ``shortDescription.text``: the first line of the rule's docstring;
* ``fullDescription.text``: the rest of the docstring (the summary again if there is none);
* ``help.text`` and ``help.markdown``: the whole docstring, which is Markdown (the rules
  reference is generated from the same text);
* ``defaultConfiguration.level``: the rule's default severity, ``error`` -> ``error``,
  ``warning`` -> ``warning``, ``info`` -> ``note``.

Each finding is one entry of ``results``, in the order of the findings:

* ``ruleId`` (the code) and ``ruleIndex`` (its position in ``rules``);
* ``level``: the finding's severity after configured overrides, mapped as above;
* ``message.text``: the finding's message;
* ``locations[0].physicalLocation``: ``artifactLocation`` with ``uri`` and
  ``uriBaseId: "%SRCROOT%"``, and ``region`` with 1-based ``startLine`` / ``startColumn``
  (columns count Unicode code points, hence ``columnKind``).

Where ``uri`` points: code scanning resolves a relative ``uri`` against the root of the
repository and ignores ``uriBaseId``, so the path is made relative to the checkout, exactly
as the github format does (:func:`hinges.reporting.checkout_folder`: ``GITHUB_WORKSPACE``
when set, else the top of the git work tree holding the registry, else the registry root).
A registry in ``docs/`` therefore yields ``docs/decisions/0001-x.md``, which is the file
GitHub shows. ``%SRCROOT%`` names that same folder for other viewers; it is deliberately
not given an absolute ``originalUriBaseIds`` entry, so the output does not depend on where
the checkout lives. Paths are percent-encoded as URI references (spaces, ``%``, ``:``,
non-ASCII; the bytes of a file name that is not UTF-8 as they are).

Strings are escaped as in the json format (:func:`hinges.visible.json_text`): exact values,
safe to print. The output is deterministic: the same registry and settings give the same
bytes.
"""

from __future__ import annotations

import inspect
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from hinges import __version__
from hinges.findings import Finding, Severity
from hinges.reporting import checkout_folder, checkout_relative
from hinges.rules import RuleInfo, all_rules
from hinges.visible import json_text

if TYPE_CHECKING:
    from hinges.checker import CheckResult

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SOURCE_ROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptor(info: RuleInfo) -> dict[str, Any]:
    """The SARIF ``reportingDescriptor`` of one rule, built from its docstring."""
    doc = inspect.cleandoc(info.doc) if info.doc.strip() else info.slug
    summary, _, rest = doc.partition("\n")
    rest = rest.strip() or summary
    return {
        "id": info.code,
        "name": info.slug,
        "shortDescription": {"text": summary.strip()},
        "fullDescription": {"text": rest},
        "defaultConfiguration": {"level": LEVELS[info.rule.severity]},
        "help": {"text": doc, "markdown": doc},
    }


def _result(finding: Finding, uri: str, rule_index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in rule_index:  # every code should be registered; never invent an index
        result["ruleIndex"] = rule_index[finding.code]
    result["level"] = LEVELS[finding.severity]
    result["message"] = {"text": finding.message}
    result["locations"] = [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": uri, "uriBaseId": SOURCE_ROOT},
                "region": {"startLine": finding.line, "startColumn": finding.column},
            }
        }
    ]
    return result


def _uri(path: str) -> str:
    """``path`` percent-encoded as a URI reference.

    A file name that is not valid UTF-8 reaches us with its bytes as lone surrogates
    (surrogateescape); they are encoded back to those bytes, so the URI names the file.
    """
    return quote(path, safe="/", errors="surrogateescape")


def document(result: CheckResult) -> dict[str, Any]:
    """The SARIF log for ``result`` as plain data."""
    rules = all_rules()
    rule_index = {info.code: index for index, info in enumerate(rules)}
    root = result.root.resolve()
    base = checkout_folder(root)
    results = [
        _result(finding, _uri(checkout_relative(root, base, finding.path)), rule_index)
        for finding in result.findings
    ]
    driver = {
        "name": "hinges",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [rule_descriptor(info) for info in rules],
    }
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}


def render(result: CheckResult) -> str:
    return json_text(json.dumps(document(result), indent=2, ensure_ascii=False)) + "\n"
