"""``hinges summary``: what a pull request changes in the registry, as a comment body."""

from __future__ import annotations

from pathlib import Path

import click

from hinges.cli._common import emit, output_option, resolve_root, root_option


@click.command("summary")
@click.option(
    "--base", "base_ref", metavar="REF", required=True, help="The git ref to compare with."
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)
@output_option("summary")
@root_option
def summary_command(
    base_ref: str, output_format: str, output: Path | None, root: Path | None
) -> int:
    """Summarize the decisions and tenets added, changed or removed since REF.

    Lists each with id, title, door, owner, tenets and status change; warns when a one-way
    door is added or accepted; notes changed or retired tenets that accepted decisions cite,
    and accepted decisions whose applies_to or guards changed. Then lists the decisions in
    force that govern the files the branch changed (one-way doors first, with their owners),
    and, with a baseline of known guard violations, each decision's known violations and
    fixed entries. It judges nothing (that is 'hinges check --base').

    Exit status: 0 written, 2 usage or configuration error (a ref that is not there).
    """
    from hinges.codescan.tally import baseline_tally
    from hinges.gate.gitbase import load_base_registry
    from hinges.gate.governed import changed_paths
    from hinges.gate.summary import render_json, render_markdown, summarize
    from hinges.loader import load_registry

    registry_root, config = resolve_root(root)
    head = load_registry(registry_root, config)
    base = load_base_registry(registry_root, config, base_ref)
    summary = summarize(base, head, base_ref, changed_paths(registry_root, base_ref))
    # The code scan of a full check, only when there is a baseline to compare it with.
    summary.baseline = baseline_tally(head)
    text = render_markdown(summary) if output_format == "markdown" else render_json(summary)
    emit(text, output, "summary")
    return 0
