"""kg's command line: thin commands over the library, one module per command.

Exit status: 0 done; 1 error (one line on stderr, with what to do next);
2 bad usage; 3 done, but some inputs were skipped (listed in the summary).
"""
from __future__ import annotations

import importlib
import logging
import os
import sys

import click

from ..errors import KGError

#: Modules of kg.cli that each define one click command named like the module (``build`` -> ``kg build``).
COMMAND_MODULES = ["build", "push", "eval", "query", "remove", "export", "serve", "view"]

EXIT_ERROR, EXIT_USAGE, EXIT_SKIPPED = 1, 2, 3


class KGGroup(click.Group):
    """Turns every error into one line: KGError with its hint, anything else as an internal error."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except KGError as err:
            click.echo(f"Error: {err.one_line()}", err=True)
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:
            # The reader went away (``kg eval ... | head``): nothing more to say, and nothing wrong.
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("Interrupted.", err=True)
            sys.exit(130)
        except Exception as err:  # noqa: BLE001  (the CLI's promise: never a traceback)
            if os.environ.get("KG_DEBUG"):
                raise
            first = str(err).splitlines()[0] if str(err) else ""
            click.echo(f"Error: internal error {type(err).__name__}: {first} "
                       "(set KG_DEBUG=1 to see the traceback, and report it)", err=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg-conflict", prog_name="kg")
def cli() -> None:
    """kg: build a knowledge graph of conflict reporting from news articles.

    \b
    Example:
        kg build                       # the bundled sample corpus into ./kg-out/
        kg build articles/ news.jsonl -o out/
    """
    logging.basicConfig(format="%(message)s", level=logging.WARNING)


for _module in COMMAND_MODULES:
    cli.add_command(importlib.import_module(f"{__name__}.{_module}").command)


def main() -> None:
    cli(prog_name="kg")
