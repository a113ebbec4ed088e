"""Options and helpers shared by the commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from hinges.config import Config, load_config
from hinges.config_file import find_root

F = TypeVar("F", bound=Callable[..., Any])


def root_option(function: F) -> F:
    decorator = click.option(
        "--root",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        help="The registry root (default: the nearest folder up from here with decisions/).",
    )
    return decorator(function)


def resolve_root(root: Path | None) -> tuple[Path, Config]:
    """The registry root and its configuration (ConfigError propagates as exit 2)."""
    found = root.resolve() if root is not None else find_root(Path.cwd())
    return found, load_config(found)


class DateType(click.ParamType):  # type: ignore[type-arg]
    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not an ISO date (YYYY-MM-DD)", param, ctx)


DATE = DateType()


def output_option(what: str) -> Callable[[F], F]:
    """``-o/--output FILE`` for a command whose ``what`` :func:`emit` prints or writes."""
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Write the {what} to this file (replaced atomically) instead of standard output.",
    )


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print ``text`` to standard output (or error) with no raw control character in it.

    Every command prints through this, never ``click.echo`` directly: record values are
    made visible where they are placed (:func:`hinges.visible.visible`), and this is the
    guard for anything that was not, so a record or a file name can never draw on the
    reader's terminal or CI log (decisions/0019). Line breaks and tabs are kept.
    """
    from hinges.visible import terminal_text

    click.echo(terminal_text(text), err=err, nl=nl)


def emit(text: str, output: Path | None, what: str) -> None:
    """Print ``text`` (through :func:`echo`), or write it atomically to ``output`` as is.

    A file that cannot be written is a usage error (exit 2) naming ``what`` it was for.
    """
    if output is None:
        echo(text, nl=False)
        return
    from hinges.atomic import write_text
    from hinges.errors import UsageError

    try:
        write_text(output, text)
    except OSError as error:
        raise UsageError(
            f"cannot write the {what}: {error.strerror or error}", path=output
        ) from None
