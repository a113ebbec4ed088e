"""The code scan shared by the rules that look at code (not a rule itself).

The file list and the scan are computed once per check, on first use, and kept on the
:class:`Context`. Nothing is listed or read when no rule needs it: a registry without
``applies_to`` or guards, with the id rules turned off, never touches its code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hinges.rules.base import Context

if TYPE_CHECKING:
    from hinges.codescan import CodeScan, Listing

GUARD_RULE = ("HG1001", "guard-violation")
ID_RULES = (
    ("HG1002", "unknown-id-in-code"),
    ("HG1003", "superseded-id-in-code"),
    ("HG1004", "rejected-id-in-code"),
)


def rule_on(context: Context, rule: tuple[str, str]) -> bool:
    severity = context.registry.config.severity
    return "off" not in (severity.get(rule[0]), severity.get(rule[1]))


def listing(context: Context) -> Listing:
    if "listing" not in context.shared:
        from hinges.codescan import list_files

        registry = context.registry
        context.shared["listing"] = list_files(registry.root, registry.config)
    found: Listing = context.shared["listing"]
    return found


def code_scan(context: Context) -> CodeScan | None:
    """The scan of this check, or None when no rule needs one."""
    if "code_scan" in context.shared:
        cached: CodeScan | None = context.shared["code_scan"]
        return cached
    from hinges.codescan import active_guards, scan_registry

    guards = rule_on(context, GUARD_RULE) and bool(active_guards(context.registry))
    ids = any(rule_on(context, rule) for rule in ID_RULES)
    scan = None
    if guards or ids:
        base = getattr(context.base, "ref", None) if context.base is not None else None
        scan = scan_registry(context.registry, listing(context), guards=guards, ids=ids, base=base)
    context.shared["code_scan"] = scan
    return scan
