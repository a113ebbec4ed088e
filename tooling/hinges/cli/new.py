"""``hinges new``: create the next decision record and print its path.

Only the path goes to standard output (``$EDITOR "$(hinges new ...)"`` works); questions
and notes go to standard error. This module imports the core lazily and never imports
the rules or the checker, so creating a record stays fast in a large registry (only
``--status accepted --edit`` runs the acceptance rules, once the editor closes).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hinges.cli._common import echo, resolve_root, root_option

if TYPE_CHECKING:
    from hinges.config import Config


def open_in_editor(path: Path) -> int:
    """Open ``path`` in ``$VISUAL`` or ``$EDITOR``; the exit code of the command."""
    import shlex
    import subprocess

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not editor:
        echo(f"hinges: neither $VISUAL nor $EDITOR is set; open {path} yourself", err=True)
        return 0
    command = [*shlex.split(editor), str(path)]
    try:
        completed = subprocess.run(command, check=False)
    except OSError as error:
        echo(f"hinges: could not start the editor {editor!r}: {error.strerror}", err=True)
        return 1
    if completed.returncode != 0:
        echo(f"hinges: the editor {editor!r} exited with {completed.returncode}", err=True)
        return 1
    return 0


def display_path(path: Path) -> str:
    """``path`` relative to the current folder when it is below it, else as given."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


@click.command("new")
@click.argument("title")
@click.option("--door", type=click.Choice(["one-way", "two-way"]), help="How costly to reverse.")
@click.option("--owner", help="The accountable team or person, e.g. @payments.")
@click.option(
    "--tenet",
    "tenets",
    multiple=True,
    help="A tenet this follows (T-001 or 1), or a source's (org:T-003).",
)
@click.option(
    "--supersedes",
    multiple=True,
    help="A decision this replaces (ADR-0003 or 3), or a source's (payments:PAY-0007).",
)
@click.option(
    "--status",
    type=click.Choice(["proposed", "accepted"]),
    default="proposed",
    show_default=True,
    help="accepted needs --edit: accepted when the editor closes, if it has what acceptance "
    "requires.",
)
@click.option("--decider", "deciders", multiple=True, help="Who took part; repeat for several.")
@click.option("--exit-path", help="How we would back out, and what it would cost.")
@root_option
@click.option("--no-input", is_flag=True, help="Never prompt; fail if door or owner is missing.")
@click.option("--edit", is_flag=True, help="Open the new record in $VISUAL or $EDITOR.")
def new_command(
    title: str,
    door: str | None,
    owner: str | None,
    tenets: tuple[str, ...],
    supersedes: tuple[str, ...],
    status: str,
    deciders: tuple[str, ...],
    exit_path: str | None,
    root: Path | None,
    no_input: bool,
    edit: bool,
) -> int:
    """Create the next decision record, titled TITLE, and print its path.

    On a terminal, asks for the door, the owner and the tenets when they are not given.
    Use -- before a title that starts with '-'. Exit status: 0 created, 1 refused (bad
    title, missing answers, a record that cannot be superseded; or, with --status accepted
    --edit, created but left proposed because it is not ready), 2 usage error.
    """
    import datetime as dt

    from hinges.authoring.naming import clean_title
    from hinges.authoring.new_decision import (
        DecisionRequest,
        create_decision,
        refuse_unready,
    )
    from hinges.authoring.owners import allowed_owners, check_owner
    from hinges.cli import prompts
    from hinges.errors import HingesError
    from hinges.source_config import split_qualified
    from hinges.visible import visible

    clean = clean_title(title)
    registry_root, config = resolve_root(root)
    interactive = prompts.prompts_enabled(no_input)
    missing = [name for name, value in (("--door", door), ("--owner", owner)) if value is None]
    if missing and not interactive:
        raise HingesError(
            f"missing {' and '.join(missing)}; give {'them' if len(missing) > 1 else 'it'} "
            "as options (prompts only appear on a terminal without --no-input)"
        )
    allowed = allowed_owners(registry_root, config)
    if door is None:
        door = prompts.ask_door()
    owner = prompts.ask_owner(allowed) if owner is None else check_owner(owner, allowed)
    cited: list[str] = []
    if tenets or interactive:  # tenets are read only when they are asked about
        from hinges.authoring.tenets import load_tenets, resolve_tenet_id

        known = load_tenets(registry_root, config)
        by_id = known.by_id()
        for text in tenets:
            if split_qualified(text) is not None:  # a source's tenet, in its synced copy
                from hinges.authoring.source_refs import check_qualified

                _note(check_qualified(registry_root, config, text, "tenet"))
                tenet_id = text
            else:
                tenet_id = resolve_tenet_id(text, by_id)
                if by_id[tenet_id].status != "active":
                    echo(f"hinges: note: {tenet_id} is {by_id[tenet_id].status}", err=True)
            if tenet_id not in cited:
                cited.append(tenet_id)
        if not tenets:
            cited = prompts.ask_tenets(known.active())
    request = DecisionRequest(
        title=clean,
        door=door,
        owner=owner,
        status=status,
        deciders=tuple(dict.fromkeys(check_owner(d, None, "decider") for d in deciders)),
        tenets=cited,
        supersedes=_predecessors(registry_root, config, supersedes),
        exit_path=_clean_exit_path(exit_path),
    )
    accept = status == "accepted" and edit
    if accept:  # written as proposed, accepted once the author has replaced the prompts
        refuse_unready(request, config)
        request = request._replace(status="proposed")
    created = create_decision(registry_root, config, request, dt.date.today())
    echo(display_path(created.path))
    for old in created.superseded:
        echo(f"hinges: {visible(display_path(old))} is now superseded by {created.id}", err=True)
    for value in request.supersedes:
        if split_qualified(value) is not None:
            _note(
                f"{visible(value)} is another registry's decision and is not edited here; "
                f"mark it superseded by this decision there"
            )
    code = open_in_editor(created.path) if edit else 0
    return _accept(registry_root, created.id, created.path) if accept and code == 0 else code


def _accept(root: Path, record_id: str, path: Path) -> int:
    """Accept the record just written and edited, or say why it stays proposed."""
    import datetime as dt

    from hinges.authoring.status import change_status
    from hinges.config import load_config
    from hinges.errors import HingesError
    from hinges.visible import visible

    try:
        change_status(root, load_config(root), record_id, "accepted", dt.date.today())
    except HingesError as error:
        echo(f"hinges: {error.format()}", err=True)
        echo(f"hinges: {visible(display_path(path))} stays proposed", err=True)
        return 1
    echo(f"hinges: {visible(record_id)} is accepted", err=True)
    return 0


def _note(text: str | None) -> None:
    if text is not None:
        echo(f"hinges: note: {text}", err=True)


def _predecessors(root: Path, config: Config, given: tuple[str, ...]) -> tuple[str, ...]:
    """The ids ``--supersedes`` names: local ones normalised (``3`` is ADR-0003), a
    source's checked against its synced copy; each once, in the order given."""
    from hinges.authoring.new_decision import normalise_decision_id
    from hinges.source_config import split_qualified

    ids = []
    for text in given:
        if split_qualified(text) is None:
            ids.append(normalise_decision_id(text, config.id_prefix))
            continue
        from hinges.authoring.source_refs import check_qualified

        _note(check_qualified(root, config, text, "decision"))
        ids.append(text)
    return tuple(dict.fromkeys(ids))


def _clean_exit_path(text: str | None) -> str | None:
    from hinges.errors import HingesError

    if text is None:
        return None
    cleaned = " ".join(text.split())
    if not cleaned:
        raise HingesError("--exit-path is empty; say how we would back out, or leave it out")
    return cleaned
