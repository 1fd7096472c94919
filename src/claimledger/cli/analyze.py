"""``claimledger analyze``, ``clusters`` and ``measure "TEXT"``.

Thin layers over ``claimledger.ledger.build``: ``analyze`` recomputes the cross-document ledger
(entities, claim clusters, origins, measures) of the store; ``clusters`` and ``measure`` print
timelines as a table, JSON Lines or CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer

from .app import DbOption, app, table_console

FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        help="table, jsonl or csv (default: table on a terminal, else jsonl).",
        show_default=False,
    ),
]
FORMATS = ("table", "jsonl", "csv")
COLUMNS = ("date", "source", "via", "interval", "outlet", "origin", "document", "text")


def _format(value: str | None) -> str:
    fmt = value or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(FORMATS)}, got {fmt!r}")
    return fmt


def _engine(db: str | None) -> Any:
    from ..store import db as store_db

    try:
        return store_db.create(db)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--db") from exc


def _print(groups: Sequence[tuple[str, dict[str, Any], list[dict[str, Any]]]], fmt: str) -> None:
    """Print each group's rows: a titled table each, or flat JSONL/CSV rows with group keys."""
    if fmt == "jsonl":
        for _, head, rows in groups:
            sys.stdout.write(json.dumps({**head, "entries": rows}, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        head_keys = list(groups[0][1]) if groups else []
        writer = csv.DictWriter(sys.stdout, fieldnames=head_keys + list(COLUMNS))
        writer.writeheader()
        for _, head, rows in groups:
            for row in rows:
                flat = {k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()}
                writer.writerow({**head, **flat})
        return
    from rich.markup import escape
    from rich.table import Table

    console = table_console()
    for title, _, rows in groups:
        # escape: "[casualty]" in a title or "[3, 3]" in a cell is data, not rich markup.
        table = Table(title=escape(title), title_justify="left")
        for col in COLUMNS:
            table.add_column(col, overflow="fold", max_width=60 if col == "text" else None)
        for row in rows:
            table.add_row(
                *(
                    escape("; ".join(row[c]) if isinstance(row[c], list) else str(row[c] or ""))
                    for c in COLUMNS
                )
            )
        console.print(table)
    if not groups:
        console.print("nothing found")


@app.command("analyze")
def analyze_command(db: DbOption = None) -> None:
    """Recompute cross-document entities, claim clusters, origins and measures of the store."""
    from ..ledger.build import build

    try:
        report = build(_engine(db))
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    d = report.to_dict()
    typer.echo(
        f"{d['documents']} documents: {d['entities']} entities, {d['syndicated_groups']} "
        f"syndicated groups, {d['clusters']} clusters, {d['measures']} measures "
        f"({d['embedded']} new embeddings) in {d['seconds']} s",
        err=True,
    )


@app.command("clusters")
def clusters_command(
    db: DbOption = None,
    text: Annotated[str | None, typer.Option(help="Words the cluster's label must hold.")] = None,
    min_outlets: Annotated[int, typer.Option(min=1, help="At least this many outlets.")] = 1,
    min_mentions: Annotated[int, typer.Option(min=1, help="At least this many claims.")] = 2,
    limit: Annotated[int, typer.Option(min=1, help="At most this many clusters.")] = 20,
    fmt: FormatOption = None,
) -> None:
    """Claim clusters, most independent origins first, each as a timeline."""
    from ..ledger.build import clusters

    fmt = _format(fmt)
    found = clusters(
        _engine(db), min_outlets=min_outlets, min_mentions=min_mentions, text=text, limit=limit
    )
    groups = []
    for c in found:
        head = {
            "cluster": c.id,
            "origins": c.origins,
            "mentions": c.mentions,
            "outlets": list(c.outlets),
            "label": c.label,
        }
        title = (
            f"cluster {c.id}: {c.origins} independent origins, {c.mentions} mentions, "
            f"{len(c.outlets)} outlets"
        )
        groups.append(
            (
                title,
                head if fmt != "csv" else {**head, "outlets": "; ".join(c.outlets)},
                [e.to_dict() for e in c.entries],
            )
        )
    _print(groups, fmt)


@app.command("measure")
def measure_command(
    text: Annotated[str, typer.Argument(help='Words naming the measure, e.g. "casualties".')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many measures.")] = 5,
    fmt: FormatOption = None,
) -> None:
    """The timeline of estimates of the measures TEXT names: date, source, via, interval,
    outlet, origin; with how the estimates relate (compatible, divergent, conflicting)."""
    from ..ledger.build import measure_timeline

    fmt = _format(fmt)
    try:
        found = measure_timeline(_engine(db), text, limit=limit)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="TEXT") from exc
    _print(_measure_groups(found), fmt)


@app.command("measures")
def measures_command(
    db: DbOption = None,
    min_estimates: Annotated[
        int, typer.Option(min=1, help="At least this many estimates.")
    ] = 2,
    min_origins: Annotated[
        int, typer.Option(min=1, help="At least this many independent origins.")
    ] = 1,
    limit: Annotated[int, typer.Option(min=1, help="At most this many measures.")] = 20,
    fmt: FormatOption = None,
) -> None:
    """Measures with several estimates, most estimates first, each as a timeline with how
    its estimates relate (compatible, divergent, conflicting)."""
    from ..ledger.build import measures

    fmt = _format(fmt)
    found = measures(
        _engine(db), min_estimates=min_estimates, min_origins=min_origins, limit=limit
    )
    _print(_measure_groups(found), fmt)


def _measure_groups(
    found: Sequence[Any],
) -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    groups = []
    for m in found:
        head = {
            "measure": m.id,
            "label": m.label,
            "unit": m.unit,
            "period": m.period,
            "relation": m.relation,
            "origins": m.origins,
        }
        counts = ", ".join(f"{n} {r}" for r, n in m.counts if n)
        title = (
            f"measure {m.id}: {m.label} [{m.unit}] — {m.relation}"
            f"{' (' + counts + ')' if counts else ''}, {m.origins} origins"
        )
        groups.append((title, head, [e.to_dict() for e in m.entries]))
    return groups
