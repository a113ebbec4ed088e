"""``hinges rules``: list the rules, or print the full rules reference."""

from __future__ import annotations

import click

from hinges.cli._common import echo


@click.command("rules")
@click.option("--markdown", is_flag=True, help="Print the full rules reference page as Markdown.")
def rules_command(markdown: bool) -> int:
    """List every rule: code, slug, default severity and summary.

    Severities can be changed per registry in the configuration ([tool.hinges.severity]).
    """
    from hinges.reference import rules_markdown, rules_table
    from hinges.rules import all_rules

    echo(rules_markdown() if markdown else rules_table(all_rules()) + "\n", nl=False)
    return 0
