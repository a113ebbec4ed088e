"""The questions ``hinges new`` and ``hinges tenet new`` ask on a terminal.

Prompts appear only when standard input is a terminal and ``--no-input`` is not given.
``HINGES_INTERACTIVE=1`` forces them on without a terminal; it exists so tests can drive
the questions through piped input, and is not meant for users.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click

from hinges.authoring.owners import AllowedOwners, check_owner
from hinges.cli._common import echo
from hinges.errors import HingesError
from hinges.visible import shorten, visible

if TYPE_CHECKING:
    from hinges.authoring.tenets import Tenet

DOOR_CHOICES = {"1": "two-way", "2": "one-way", "two-way": "two-way", "one-way": "one-way"}
DOOR_QUESTION = """\
Is this a one-way or a two-way door?
  1) two-way: cheap to walk back through (a library behind an interface, a config flag,
     a tool one team uses). Decide quickly, record it briefly, review it later.
  2) one-way: costly or impossible to reverse (a public API contract, a storage format
     holding customer data, a vendor that holds your data). Weigh several options,
     consult, name who decided, and set a date to look again."""


def prompts_enabled(no_input: bool) -> bool:
    """Whether to ask: on a terminal (or when forced for tests), unless --no-input."""
    if no_input:
        return False
    return sys.stdin.isatty() or os.environ.get("HINGES_INTERACTIVE") == "1"


def _door(answer: str) -> str:
    door = DOOR_CHOICES.get(answer.strip().lower())
    if door is None:
        raise click.BadParameter("answer 1 (two-way) or 2 (one-way)")
    return door


def ask_door() -> str:
    echo(DOOR_QUESTION, err=True)
    door: str = click.prompt("Door (1 or 2)", value_proc=_door, err=True)
    return door


def ask_owner(allowed: AllowedOwners | None, what: str = "the decision") -> str:
    """Ask until the answer is a handle (and an allowed one, when the registry has a list)."""
    if allowed is not None:
        owners = ", ".join(visible(owner) for owner in allowed.owners)
        echo(f"Allowed owners ({visible(allowed.source)}): {owners}", err=True)

    def valid(answer: str) -> str:
        try:
            return check_owner(answer, allowed)
        except HingesError as error:
            raise click.BadParameter(error.message) from None

    default = allowed.owners[0] if allowed is not None and len(allowed.owners) == 1 else None
    # click shows the default in the prompt as it is: a file's value, so make it visible.
    shown = f" [{visible(default)}]" if default is not None else ""
    owner: str = click.prompt(
        f"Owner: the one team or person accountable for {what} over time (e.g. @payments)" + shown,
        default=default,
        show_default=False,
        value_proc=valid,
        err=True,
    )
    return owner


def ask_tenets(active: Sequence[Tenet]) -> list[str]:
    """Ask which of the active tenets the decision follows (by number or id; blank: none)."""
    from hinges.authoring.tenets import resolve_tenet_id

    if not active:
        return []
    echo("Which tenets does this decision follow? (highest priority first)", err=True)
    for tenet in active:
        echo(f"  {visible(tenet.id)}  {visible(shorten(tenet.title, 100))}", err=True)
    known = {tenet.id: tenet for tenet in active}

    def valid(answer: str) -> list[str]:
        chosen: list[str] = []
        try:
            for word in answer.replace(",", " ").split():
                tenet_id = resolve_tenet_id(word, known)
                if tenet_id not in chosen:
                    chosen.append(tenet_id)
        except HingesError as error:
            raise click.BadParameter(error.message) from None
        return chosen

    tenets: list[str] = click.prompt(
        "Tenets (numbers or ids, e.g. 1 3; blank for none)",
        default="",
        show_default=False,
        value_proc=valid,
        err=True,
    )
    return tenets
