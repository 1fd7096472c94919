"""The typer application every command module registers on."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

#: Width of a table written to a pipe or file (a terminal's own width is used).
TABLE_WIDTH = 120

app = typer.Typer(
    name="claimledger",
    help="Turn news reports into a ledger of grounded, attributed claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: The store option every store command shares (``claimledger.store.db.resolve_url``).
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Store URL or SQLite path (default: $CLAIMLEDGER_DB, else ./claimledger.db).",
        show_default=False,
    ),
]


def table_console() -> Console:
    """The console tables print on: a terminal's width, or :data:`TABLE_WIDTH` columns when
    the output is piped or redirected (rich would assume 80, too narrow for claims)."""
    from rich.console import Console

    console = Console()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(width=TABLE_WIDTH)
    return console
