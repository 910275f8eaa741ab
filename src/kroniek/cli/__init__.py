"""The `kroniek` command: thin typer commands over the library.

Exit status: 0 when every document was analysed, 1 when any document failed
(each failure is printed naming its file, line or id), 2 on a usage error.
Commands live by purpose: `analyse` (extract, ingest), `read` (quotes, events, actors,
timeline, over a store), `tools` (eval, serve); `common` holds their options and output.
"""
from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from .common import HELP, app


def _plain_help() -> None:
    """typer 0.29 labels every parameter in help with its Python type (`<list[str]>`, `<bool>`);
    show the metavar a person reads instead (flags and arguments need none)."""
    typer.core.TyperArgument.display_type_rich = lambda self, ctx: None
    typer.core.TyperOption.display_type_rich = (
        lambda self, ctx: None if self.is_flag else self.metavar or self.name.upper())


_plain_help()


def _version(show: bool) -> None:
    if show:
        print(f"kroniek {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True,
                                                       help="Print the version and exit.")] = False) -> None:
    """kroniek: who said or did what to whom, when and where — from dated news."""


from . import analyse, read, tools  # registering the commands, in help order

__all__ = ["HELP", "analyse", "app", "main", "read", "tools"]


def main() -> None:
    app()
