"""A guard's `forbid` or `require` pattern, or a module pattern of `forbid_import`, cannot run.

Guards use RE2 syntax (decisions/0022): the usual regular expressions, without
look-around or back-references, matched line by line (`^` and `$` are the start and end of
a line). RE2 runs in linear time, so no pattern can hang the check. A pattern RE2 refuses,
one longer than 1,000 characters, or one that matches an empty line (it would flag every
line) is reported at the pattern, and the guard does not run until it is fixed. So is a
module pattern of `forbid_import` that is not dotted names, `*` and `**`
(`orders.api.**`, not `orders/api`), and a name of `forbid_dependency` that no
ecosystem allows as a package name.

Passing:

    ---
    guards:
      - forbid: "^import mysql"
        in: ["services/orders/**/*.py"]
        message: Orders live in PostgreSQL.
    ---

Failing:

    ---
    guards:
      - forbid: "(?<!#)import mysql"
        in: ["services/orders/**/*.py"]
        message: Orders live in PostgreSQL.
    ---
"""

from __future__ import annotations

from collections.abc import Iterator

from hinges.findings import Finding, Severity
from hinges.rules.base import Context, Rule

RULE = Rule("HG105", "invalid-guard", Severity.ERROR)


def check(context: Context) -> Iterator[Finding]:
    with_guards = [record for record in context.registry.decisions if record.guards()]
    if not with_guards:
        return  # the regex engine is imported only for registries that use guards
    from hinges.codescan.engine import pattern_problem
    from hinges.codescan.imports import module_pattern_problem
    from hinges.codescan.manifests import dependency_name_problem

    for record in with_guards:
        for guard in record.guards():
            if guard.kind in ("forbid_import", "forbid_dependency"):
                judge = (
                    module_pattern_problem
                    if guard.kind == "forbid_import"
                    else dependency_name_problem
                )
                for module in (*guard.sources, *guard.targets):
                    problem = judge(module)
                    if problem is not None:
                        message = f"{problem}; the guard does not run until it is fixed"
                        yield RULE.finding(record.path, guard.line, guard.column, message)
                continue
            problem = pattern_problem(guard.pattern)
            if problem is not None:
                message = f"guard pattern {problem}; the guard does not run until it is fixed"
                yield RULE.finding(record.path, guard.line, guard.column, message)
