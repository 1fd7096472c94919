"""``claimledger benchmark throughput``: extract vs a bare spaCy pipe (EVALUATION.md §5).

Prints a small table and, with ``--json OUT``, writes the full result (``-`` for stdout, the
table then going to stderr). Exit status 0 whether or not the targets are met (throughput
depends on the machine; the figures are for the docs), 2 on a wrong option or missing data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .evaluate import shared_dir

benchmark_app = typer.Typer(
    name="benchmark",
    help="Measure extraction speed and memory (see docs/benchmarks.md).",
    no_args_is_help=True,
)
app.add_typer(benchmark_app, name="benchmark")


@benchmark_app.command("throughput")
def throughput(
    split: Annotated[str, typer.Option(help="PolNeAR split whose texts are used.")] = "test",
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for both runs.")] = 2,
    limit: Annotated[
        int | None, typer.Option(min=1, help="Only the first N articles (a quick run).")
    ] = None,
    data: Annotated[
        Path | None, typer.Option(help="PolNeAR folder (default: SHARED/data/polnear).")
    ] = None,
    json_out: Annotated[
        str | None, typer.Option("--json", help="Also write the result as JSON ('-': stdout).")
    ] = None,
    rounds: Annotated[
        int,
        typer.Option(min=1, help="Alternating rounds of both paths; each path's median counts."),
    ] = 3,
) -> None:
    """Articles/s and peak memory per worker: claimledger extract next to bare nlp.pipe."""
    from ..benchmark import markdown, polnear_texts, run_throughput

    try:
        paths = polnear_texts(data or shared_dir() / "data" / "polnear", split, limit=limit)
        result = run_throughput(paths, workers=workers, rounds=rounds)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    result["split"] = split
    typer.echo(markdown(result), err=json_out == "-")
    if json_out == "-":
        json.dump(result, sys.stdout, indent=2)
        sys.stdout.write("\n")
    elif json_out:
        Path(json_out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
