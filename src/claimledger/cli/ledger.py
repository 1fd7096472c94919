"""``claimledger ingest``, ``claims``, ``sources`` and ``benchmark store|ingest``.

The benchmarks join the ``benchmark`` group of ``cli.benchmark``.

Thin layers over ``claimledger.ingest`` and ``claimledger.store.queries``: parse options, call
the Python API, print.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from .app import DbOption, app, table_console
from .benchmark import benchmark_app

FORMATS = ("table", "jsonl", "csv")



def _format(value: str | None) -> str:
    fmt = value or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}, got {fmt!r}")
    return fmt


def _print_rows(
    rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str], title: str
) -> None:
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else list(columns))
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()}
            )
    else:
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=escape(title), show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row in rows:
            # escape: a "[...]" in a claim or a role is data, not rich markup.
            table.add_row(*(escape(_cell(row.get(col))) for col in columns))
        table_console().print(table)


def _open_existing(db: str | None) -> Any:
    """The engine of an existing store; a missing SQLite file is an error, not a new store."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from ..store import db as store_db

    url = make_url(store_db.resolve_url(db))
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).exists():
        raise ValueError(f"no store at {url.database} (run 'claimledger ingest' first)")
    return store_db.create(db)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date for documents without one.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for documents without one.")] = None,
    metadata: Annotated[
        str | None,
        typer.Option(
            "--metadata",
            help="TSV/CSV of metadata by document id (id or filename, outlet or publisher, "
            "published or publication_date, title, url) for documents without their own.",
        ),
    ] = None,
    db: DbOption = None,
    workers: Annotated[
        int | None, typer.Option(help="Extraction processes (default: one per core).")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar on stderr.")] = True,
    json_summary: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON.")
    ] = False,
) -> None:
    """Extract documents and store the results; unchanged documents are skipped.

    Exits with status 2 when an input was rejected (the others are still stored).
    """
    from ..ingest import ingest as run
    from ..pipeline import default_workers

    try:
        summary = run(
            paths, db_url=db, workers=workers or default_workers(), published=published,
            outlet=outlet, progress=progress and sys.stderr.isatty(), metadata_table=metadata,
        )
    except ValueError as exc:
        typer.echo(f"claimledger ingest: {exc}", err=True)
        raise typer.Exit(1) from exc
    for r in summary.rejected:
        typer.echo(f"{r.origin}: {r.detail} ({r.reason})", err=True)
    if json_summary:
        typer.echo(json.dumps(summary.to_dict()))
    else:
        reasons = ", ".join(f"{k} {v}" for k, v in summary.reasons().items())
        typer.echo(
            f"{summary.documents} documents: {summary.new} new, {summary.updated} updated, "
            f"{summary.unchanged} unchanged, {len(summary.rejected)} rejected"
            + (f" ({reasons})" if reasons else "")
            + f"; {summary.claims_added} claims added in {summary.seconds:.1f} s"
        )
    if summary.rejected:
        raise typer.Exit(2)


@app.command()
def claims(
    source: Annotated[str | None, typer.Option(help="Source entity or mention.")] = None,
    entity: Annotated[
        str | None, typer.Option(help="An entity that is the source or is mentioned.")
    ] = None,
    text: Annotated[str | None, typer.Option(help="Words that must all occur.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, inclusive.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    document: Annotated[str | None, typer.Option(help="Only this document id.")] = None,
    kind: Annotated[
        str | None, typer.Option(help="Only this kind: direct, indirect, mixed, according_to.")
    ] = None,
    unsourced: Annotated[
        bool, typer.Option("--unsourced", help="Only claims that name no source.")
    ] = False,
    limit: Annotated[int, typer.Option(help="Rows per page.")] = 50,
    offset: Annotated[int, typer.Option(help="Rows to skip.")] = 0,
    format: Annotated[
        str | None, typer.Option("--format", help="table, jsonl or csv (default: table on a "
                                 "terminal, else jsonl).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Stored claims, newest first, filtered."""
    from ..store import queries

    fmt = _format(format)
    try:
        engine = _open_existing(db)
        rows = queries.claims(
            engine, source=source, entity=entity, text=text, since=since, until=until,
            outlet=outlet, document=document, kind=kind, unsourced=unsourced, limit=limit,
            offset=offset,
        )
    except ValueError as exc:
        typer.echo(f"claimledger claims: {exc}", err=True)
        raise typer.Exit(1) from exc
    _print_rows(
        [r.to_dict() for r in rows], fmt,
        ("date", "source_entity", "source", "cue", "content", "via", "channel", "outlet",
         "document"),
        "claims",
    )


@app.command()
def sources(
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    limit: Annotated[int, typer.Option(help="Rows per page.")] = 50,
    offset: Annotated[int, typer.Option(help="Rows to skip.")] = 0,
    format: Annotated[
        str | None, typer.Option("--format", help="table, jsonl or csv.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Named speakers with their claim counts, channels, roles and the names they go by.

    After `claimledger analyze`, one speaker is one merged entity (Zelensky, Zelenskyy).
    """
    from ..store import queries

    fmt = _format(format)
    try:
        rows = queries.sources(_open_existing(db), outlet=outlet, limit=limit, offset=offset)
    except ValueError as exc:
        typer.echo(f"claimledger sources: {exc}", err=True)
        raise typer.Exit(1) from exc
    _print_rows(
        [r.to_dict() for r in rows], fmt,
        ("name", "claims", "documents", "channels", "roles", "first", "last", "names"),
        "sources",
    )


@benchmark_app.command("store")
def benchmark_store(
    attributions: Annotated[int, typer.Option(help="Attributions in the synthetic store.")] = (
        100_000
    ),
    db: Annotated[
        str | None, typer.Option("--db", help="SQLite file to fill (default: a temp file).")
    ] = None,
    repeat: Annotated[int, typer.Option(help="Timed runs of each query.")] = 200,
    seed_dir: Annotated[
        str | None, typer.Option(help="Extracted corpus to replicate (default: PolNeAR dev).")
    ] = None,
) -> None:
    """Fill a SQLite store with replicated rows and time the common queries (p50/p95)."""
    from ..store import bench

    report = bench.store_benchmark(
        attributions=attributions, path=db, repeat=repeat, corpus=seed_dir
    )
    typer.echo(json.dumps(report, indent=2))


@benchmark_app.command("ingest")
def benchmark_ingest(
    documents: Annotated[int, typer.Option(help="PolNeAR texts to process.")] = 100,
    workers: Annotated[int | None, typer.Option(help="Extraction processes.")] = None,
    corpus: Annotated[
        str | None, typer.Option(help="Directory of .txt files (default: PolNeAR test).")
    ] = None,
    rounds: Annotated[int, typer.Option(help="Alternating runs of each; the best counts.")] = 2,
) -> None:
    """Compare extract-only and ingest throughput on the same texts, in one run."""
    from ..pipeline import default_workers
    from ..store import bench

    report = bench.ingest_benchmark(
        documents=documents, workers=workers or default_workers(), corpus=corpus, rounds=rounds
    )
    typer.echo(json.dumps(report, indent=2))
