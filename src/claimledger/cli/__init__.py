"""The command line: a thin layer over the Python API.

Each command lives in a module of this package named for what it does, and registers itself
on ``app``; importing the modules here is what makes them part of the CLI.
"""

from __future__ import annotations

from . import (  # noqa: F401  (each registers its commands)
    analyze,
    benchmark,
    evaluate,
    extract,
    ledger,
    serve,
)
from .app import app


def main() -> None:
    app()
