"""The ``communique`` command group. Each command lives in its own module and is
registered here by name, imported only when it runs (``communique --help`` stays fast).
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from communique import __version__

#: command name -> "module:function" under communique.cli
COMMANDS: dict[str, str] = {
    "ingest": "ingest_cmd:ingest",
    "docs": "docs_cmd:docs",
    "doc": "docs_cmd:doc",
    "extract": "extract_cmd:extract",
    "who": "who_cmd:who",
    "entities": "entities_cmd:entities",
    "events": "events_cmd:events",
    "timeline": "timeline_cmd:timeline",
    "search": "search_cmd:search_cmd",
    "export": "export_cmd:export_cmd",
    "serve": "serve_cmd:serve",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        module = importlib.import_module(f"communique.cli.{module_name}")
        command: click.Command = getattr(module, attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
def cli() -> None:
    """communique: who met whom, when, where, what was signed — from news reports.

    Typical use: `communique ingest FOLDER`, then `communique timeline`, or
    `communique extract FOLDER` for JSON Lines without a database.
    """


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point."""
    return cli.main(args=argv, prog_name="communique")
