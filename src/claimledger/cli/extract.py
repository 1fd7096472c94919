"""``claimledger extract``: the output contract of OUTPUT.md on stdout."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from .. import pipeline
from ..errors import DocumentRejected
from ..inputs import iter_documents
from ..model import Extraction
from .app import app, table_console


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or '-' for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for documents without one.")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet for documents without one.")] = None,
    format: Annotated[
        Format | None,
        typer.Option(
            "--format", help="jsonl (default when piped), json, or table (default on a terminal)."
        ),
    ] = None,
    encoding: Annotated[
        str, typer.Option(help="Encoding of .txt inputs: utf-8 (default), auto, or a codec name.")
    ] = "utf-8",
    workers: Annotated[
        int, typer.Option(min=0, help="Worker processes (0: one per core, the default).")
    ] = 0,
) -> None:
    """Extract attributed claims, quantities and times from news documents."""
    fmt = format or (Format.table if sys.stdout.isatty() else Format.jsonl)
    try:
        items = iter_documents(
            paths, published=published, outlet=outlet, stdin=sys.stdin, encoding=encoding
        )
        results = pipeline.extract_many(items, workers=workers or _workers_for(paths))
        failed = _emit(results, fmt)
    except ValueError as exc:
        typer.echo(f"claimledger extract: {exc}", err=True)
        raise typer.Exit(2) from None
    if failed:
        typer.echo(f"claimledger extract: {failed} document(s) could not be read", err=True)
        raise typer.Exit(2)


def _workers_for(paths: list[str]) -> int:
    # One document needs no pool: forking would only cost start-up time.
    if len(paths) == 1 and not paths[0].endswith(".jsonl") and "." in paths[0].rsplit("/", 1)[-1]:
        return 1
    return pipeline.default_workers()


def _emit(results: Iterable[Extraction | DocumentRejected], fmt: Format) -> int:
    failed = 0
    console = table_console()
    first = True
    if fmt is Format.json:
        sys.stdout.write("[")
    for item in results:
        if isinstance(item, DocumentRejected):
            failed += 1
            typer.echo(f"claimledger: {item.reason}: {item.detail}", err=True)
            continue
        if fmt is Format.table:
            render_table(item, console)
            continue
        line = json.dumps(item.to_dict(), ensure_ascii=False)
        if fmt is Format.json:
            sys.stdout.write(("" if first else ",\n") + line)
        else:
            sys.stdout.write(line + "\n")
        sys.stdout.flush()
        first = False
    if fmt is Format.json:
        sys.stdout.write("]\n")
    return failed


def render_table(result: Extraction, console: Console) -> None:
    """Print one document's attributions as a readable table, then its numbers and dates."""
    doc = result.document
    meta = doc.meta
    title = f"{doc.id}  ({meta.outlet or 'unknown outlet'}, {meta.published or 'undated'})"
    table = Table(title=title, show_lines=True, expand=True)
    # Short fixed words ("a12") never wrap; the others share what is left.
    table.add_column("id", no_wrap=True)
    for name, ratio in (("source", 3), ("cue", 2), ("content", 8)):
        table.add_column(name, ratio=ratio, overflow="fold")
    table.add_column("kind / via / channel / said on / hedge", ratio=3, overflow="fold")
    for a in result.attributions:
        source = a.source_entity or (a.source.text if a.source else "—")
        if a.source_role:
            source += f"\n[dim]{a.source_role}[/dim]"
        if a.source and a.source_entity and a.source.text != a.source_entity:
            source += f"\n[dim]as “{a.source.text}”[/dim]"
        extra = [
            a.kind,
            f"via {' → '.join(a.via)}" if a.via else "",
            a.channel or "",
            f"said on {a.said_on}" if a.said_on else "",
            f"hedge: {a.hedge}" if a.hedge else "",
            f"inside {a.nested_in}" if a.nested_in else "",
        ]
        table.add_row(
            a.id,
            source,
            a.cue.text if a.cue else "—",
            a.content.text,
            "\n".join(x for x in extra if x),
        )
    console.print(table)
    if result.quantities:
        q = Table(title="quantities", expand=True)
        for name in ("text", "interval", "unit", "claim"):
            q.add_column(name)
        for x in result.quantities:
            lo = "−∞" if x.low is None else f"{x.low:g}"
            hi = "∞" if x.high is None else f"{x.high:g}"
            interval = (
                f"{'[' if x.low_inclusive else '('}{lo}, {hi}{']' if x.high_inclusive else ')'}"
            )
            q.add_row(
                x.span.text,
                interval + (" ≈" if x.approximate else ""),
                x.unit or "—",
                x.attribution or "—",
            )
        console.print(q)
    if result.times:
        t = Table(title="times", expand=True)
        for name in ("text", "type", "value", "claim"):
            t.add_column(name)
        for time in result.times:
            t.add_row(time.span.text, time.type, time.value or "—", time.attribution or "—")
        console.print(t)
    for d in result.diagnostics:
        console.print(f"[yellow]diagnostic[/yellow] {d.code}: {d.message}")
