"""The typer application every command module registers on."""

from __future__ import annotations

from typing import Annotated

import typer

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
