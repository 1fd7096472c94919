"""``claimledger serve``, ``export`` and ``benchmark web``.

Thin layers over ``claimledger.api.app.create_app`` (run under uvicorn), ``claimledger.export``
and ``claimledger.web.bench``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .app import DbOption, app
from .benchmark import benchmark_app


def _open_existing(db: str | None) -> Any:
    """The engine of an existing store; a missing SQLite file is an error, not a new store.

    Raises:
        ValueError: an unsupported URL or a SQLite file that does not exist.
    """
    from sqlalchemy.engine import make_url

    from ..store import db as store_db

    url = make_url(store_db.resolve_url(db))
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        raise ValueError(f"no store at {url.database} (run 'claimledger ingest' first)")
    return store_db.create(db)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port (0: any free one).")] = (
        8000
    ),
    log_level: Annotated[str, typer.Option(help="uvicorn's log level.")] = "info",
) -> None:
    """Serve the JSON API and the web UI over the store.

    The API is under /api; its OpenAPI description is /api/openapi.json and a reference
    page is /api/docs.

    Writing (POST /api/documents) needs the bearer token in $CLAIMLEDGER_TOKEN; without it
    the server is read-only.
    """
    import uvicorn

    from ..api.app import TOKEN_ENV, create_app

    try:
        application = create_app(_open_existing(db))
    except ValueError as exc:
        typer.echo(f"claimledger serve: {exc}", err=True)
        raise typer.Exit(1) from exc
    mode = "read-write" if application.state.token else f"read-only (set {TOKEN_ENV} to write)"
    typer.echo(f"claimledger serve: http://{host}:{port}/ ({mode})", err=True)
    uvicorn.run(application, host=host, port=port, log_level=log_level)


@app.command("export")
def export_command(
    kind: Annotated[str, typer.Argument(help="attributions, quantities, entities or clusters.")],
    format: Annotated[
        str, typer.Option("--format", help="jsonl, csv or parquet.")
    ] = "jsonl",
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write ('-': standard output).")
    ] = "-",
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    document: Annotated[str | None, typer.Option(help="Only this document id.")] = None,
    db: DbOption = None,
) -> None:
    """Export rows of the store, streamed, as JSON Lines, CSV or Parquet.

    Parquet is binary: it is refused on a terminal (use --output FILE).
    """
    from .. import export

    try:
        export.columns(kind)
        if format not in export.FORMATS:
            raise ValueError(f"format must be one of {', '.join(export.FORMATS)}, got {format!r}")
        if format == "parquet" and output == "-" and sys.stdout.isatty():
            raise ValueError("parquet is binary: write it to a file with --output FILE")
        engine = _open_existing(db)
        if output == "-":
            n = export.write(engine, kind, format, sys.stdout.buffer, outlet=outlet,
                             document=document)
            sys.stdout.buffer.flush()
        else:
            with open(output, "wb") as out:
                n = export.write(engine, kind, format, out, outlet=outlet, document=document)
    except (ValueError, OSError) as exc:
        typer.echo(f"claimledger export: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"{n} {kind} exported", err=True)


@benchmark_app.command("web")
def benchmark_web(
    words: Annotated[int, typer.Option(help="Words of the synthetic article.")] = 5000,
    claims: Annotated[int, typer.Option(help="Claims in the synthetic article.")] = 200,
    db: Annotated[
        str | None,
        typer.Option("--db", help="A big SQLite store for the API latency (see "
                     "'benchmark store'); without it only the page render is timed."),
    ] = None,
    repeat: Annotated[int, typer.Option(min=1, help="Timed runs of each measurement.")] = 50,
    json_out: Annotated[
        str | None, typer.Option("--json", help="Also write the result as JSON to this file.")
    ] = None,
) -> None:
    """Page render time of a big article and the API's p95 for the attributions listing."""
    from ..web import bench

    try:
        report = bench.web_benchmark(words=words, claims=claims, db=db, repeat=repeat)
    except ValueError as exc:
        typer.echo(f"claimledger benchmark web: {exc}", err=True)
        raise typer.Exit(1) from exc
    text = json.dumps(report, indent=2)
    typer.echo(text)
    if json_out:
        Path(json_out).write_text(text + "\n", encoding="utf-8")
