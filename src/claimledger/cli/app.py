"""The typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="claimledger",
    help="Turn news reports into a ledger of grounded, attributed claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
