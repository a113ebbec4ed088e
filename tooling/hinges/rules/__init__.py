"""The rules, registered explicitly: one module each, with a code, a slug and a docstring.

A rule module defines ``RULE`` (a :class:`hinges.rules.base.Rule`) and, unless the loader
reports its problems, ``check(context)`` yielding findings. Its docstring is its page in
the rules reference: a summary line, an explanation, and ``Passing`` / ``Failing`` examples.
"""

from __future__ import annotations

import importlib
from functools import cache

from hinges.rules.base import Check, Context, Rule, RuleInfo

__all__ = ["RULE_MODULES", "Context", "Rule", "RuleInfo", "all_rules", "rule_by_name"]

# Order is the order of the rules reference; codes group rules by theme.
RULE_MODULES: tuple[str, ...] = (
    "unreadable_file",
    "encoding",
    "merge_conflict",
    "front_matter_fence",
    "front_matter_shape",
    "yaml_syntax",
    "duplicate_key",
    "unsupported_yaml",
    "ambiguous_scalar",
    "missing_key",
    "invalid_value",
    "unknown_key",
    "invalid_glob",
    "invalid_guard",
    "pattern_matches_nothing",
    # naming and numbering (HG2xx)
    "file_name",
    "id_mismatch",
    "duplicate_id",
    "duplicate_number",
    # references between records (HG3xx)
    "unknown_tenet",
    "unknown_decision",
    "self_reference",
    "supersede_cycle",
    "one_sided_relation",
    "superseded_status",
    "successor_proposed",
    "successor_not_accepted",
    # door rules (HG4xx)
    "exit_path_required",
    "one_way_deciders",
    "one_way_review_date",
    "one_way_options",
    "acceptance_readiness",
    # review (HG5xx)
    "review_overdue",
    "review_entry",
    "review_order",
    "reversed_still_accepted",
    # tenets (HG6xx)
    "retired_tenet_cited",
    "tenet_uncited",
    "tenet_priority",
    # owner (HG7xx)
    "owner_not_allowed",
    # body (HG8xx)
    "title_heading",
    "required_sections",
    "template_text",
    # against the base branch (HG9xx)
    "accepted_changed",
    "record_deleted",
    "record_renamed",
    "base_collision",
    "status_transition",
    "accepted_on_arrival",
    "review_rewritten",
    # the code the decisions govern (HG10xx)
    "guard_violation",
    "unknown_id_in_code",
    "superseded_id_in_code",
    "rejected_id_in_code",
    "stale_baseline_entry",
    # other registries named by qualified ids (HG11xx)
    "unknown_source",
    "unknown_source_id",
    "stale_source",
)


@cache
def all_rules() -> tuple[RuleInfo, ...]:
    infos = []
    for name in RULE_MODULES:
        module = importlib.import_module(f"hinges.rules.{name}")
        rule: Rule = module.RULE
        check: Check | None = getattr(module, "check", None)
        infos.append(RuleInfo(rule, module.__doc__ or "", check, name))
    return tuple(infos)


def rule_by_name(name: str) -> RuleInfo | None:
    """Look a rule up by code (``HG101``) or slug (``missing-key``)."""
    for info in all_rules():
        if name in (info.code, info.slug):
            return info
    return None
