"""The ``hinges`` command line: a thin click layer over the core.

Commands live in their own modules and are imported only when invoked, so ``hinges check``
does not pay for the imports of ``hinges new`` (or of mkdocs). Every command returns its
exit code: 0 success, 1 findings or a failed operation, 2 usage or configuration errors.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Sequence

import click

from hinges import __version__
from hinges.cli._common import echo
from hinges.errors import HingesError

# command name -> "module:attribute"
COMMANDS: dict[str, str] = {
    "check": "hinges.cli.check:check_command",
    "schema": "hinges.cli.schema:schema_command",
    "rules": "hinges.cli.rules:rules_command",
    # authoring: creating records
    "init": "hinges.cli.init:init_command",
    "new": "hinges.cli.new:new_command",
    "tenet": "hinges.cli.tenet:tenet_group",
    # authoring: changing and listing records
    "status": "hinges.cli.status:status_command",
    "list": "hinges.cli.listing:list_command",
    "show": "hinges.cli.listing:show_command",
    "review": "hinges.cli.review:review_command",
    "renumber": "hinges.cli.renumber:renumber_command",
    # import and export
    "import": "hinges.cli.importing:import_command",
    "export": "hinges.cli.export:export_command",
    "render": "hinges.cli.render:render_command",
    # pull-request gate
    "summary": "hinges.cli.summary:summary_command",
    # network, only when asked (decisions/0015)
    "notify": "hinges.cli.notify:notify_command",
    "sources": "hinges.cli.sources:sources_group",
    # guard rails
    "why": "hinges.cli.why:why_command",
    "codeowners": "hinges.cli.codeowners:codeowners_command",
    # coding agents
    "digest": "hinges.cli.digest:digest_command",
    "mcp": "hinges.cli.mcp:mcp_command",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hinges")
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
def cli(debug: bool) -> None:
    """A registry of technology decisions and the tenets behind them."""


def main(argv: Sequence[str] | None = None) -> None:
    """Run the CLI and exit with the command's exit code; never show a traceback by default."""
    args = list(sys.argv[1:] if argv is None else argv)
    # A command is a short-lived process that builds a large heap of records and frees
    # it at exit; the cyclic collector would only walk that heap again and again
    # (decisions/0009). It is restored for callers that run main() in-process.
    collecting = gc.isenabled()
    gc.disable()
    try:
        code = cli.main(args=args, prog_name="hinges", standalone_mode=False)
    except click.exceptions.Exit as stop:
        code = stop.exit_code
    except click.exceptions.Abort:
        echo("hinges: aborted", err=True)
        code = 1
    except click.ClickException as error:
        # Through the guard too: a bad argument (a file name from a glob) is quoted as is.
        import io

        shown = io.StringIO()
        error.show(file=shown)
        echo(shown.getvalue(), err=True, nl=False)
        code = error.exit_code
    except HingesError as error:
        if "--debug" in args and error.__cause__ is not None:  # a wrapped internal error
            import traceback  # only here: it costs ~5 ms of start-up on every run

            traceback.print_exception(error)
        echo(f"hinges: {error.format()}", err=True)
        code = error.exit_code
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (``hinges list | head``): not an error
        code = 0
    except Exception as error:  # the promise: one line, never a traceback unless asked
        if "--debug" in args:
            import traceback

            traceback.print_exc()
        echo(f"hinges: internal error: {error!r} (run with --debug for the traceback)", err=True)
        code = 1
    finally:
        if collecting:
            gc.enable()
    sys.exit(code if isinstance(code, int) else 0)
