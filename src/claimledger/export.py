"""Exports of the store as JSON Lines, CSV or Parquet: attributions, quantities, entities,
clusters.

Rows are streamed from the database in batches (``yield_per``), never loaded all at once, and
written as they come: JSON Lines and CSV line by line, Parquet one row group per batch through
``pyarrow.parquet.ParquetWriter``. Every kind has a fixed column list and Arrow schema, so an
empty export still has its header (CSV) or schema (Parquet).

Lists (``via``, ``roles``, ``outlets``) are JSON arrays in JSON Lines, Arrow lists in Parquet,
and ``"; "``-joined in CSV (as ``claimledger claims --format csv`` prints them).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection, Engine, Select, func, select

from .store.schema import metadata

#: What can be exported.
KINDS = ("attributions", "quantities", "entities", "clusters")
#: Output formats.
FORMATS = ("jsonl", "csv", "parquet")
#: Rows fetched and written at a time.
BATCH = 2000
#: MIME type of each format (for downloads).
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}

_T = metadata.tables
D, A, Q, TM = _T["documents"], _T["attributions"], _T["quantities"], _T["times"]
E, DE = _T["entities"], _T["doc_entities"]
C, CM = _T["clusters"], _T["cluster_members"]

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_L = pa.list_(pa.string())

#: Column name and Arrow type of each kind, in output order.
SCHEMAS: dict[str, tuple[tuple[str, pa.DataType], ...]] = {
    "attributions": (
        ("document", _S), ("id", _S), ("kind", _S), ("content", _S), ("content_start", _I),
        ("content_end", _I), ("source", _S), ("source_start", _I), ("source_end", _I),
        ("source_entity", _S), ("source_role", _S), ("cue", _S), ("cue_start", _I),
        ("cue_end", _I), ("via", _L), ("channel", _S), ("said_on", _S), ("nested_in", _S),
        ("hedge", _S), ("outlet", _S), ("published", _S), ("date", _S),
    ),
    "quantities": (
        ("document", _S), ("attribution", _S), ("start", _I), ("end", _I), ("text", _S),
        ("low", _F), ("high", _F), ("low_inclusive", _B), ("high_inclusive", _B),
        ("approximate", _B), ("unit", _S), ("subject", _S), ("kind", _S), ("currency", _S),
        ("outlet", _S), ("published", _S),
    ),
    "entities": (
        ("document", _S), ("name", _S), ("type", _S), ("roles", _L), ("mentions", _I),
        ("entity_id", _I), ("entity", _S),
    ),
    "clusters": (
        ("cluster", _I), ("label", _S), ("origins", _I), ("mentions", _I), ("document", _S),
        ("attribution", _S), ("origin", _S), ("date", _S), ("source", _S), ("outlet", _S),
        ("content", _S),
    ),
}


def columns(kind: str) -> tuple[str, ...]:
    """The column names of ``kind``.

    Raises:
        ValueError: an unknown kind (the message lists ``KINDS``).
    """
    _check(kind, KINDS, "kind")
    return tuple(name for name, _ in SCHEMAS[kind])


def _check(value: str, allowed: Sequence[str], what: str) -> None:
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}, got {value!r}")


def _statement(kind: str, outlet: str | None, document: str | None) -> Select[Any]:
    if kind == "attributions":
        stmt = select(
            D.c.key.label("document"), A.c.local_id.label("id"), A.c.kind,
            A.c.content_text.label("content"), A.c.content_start, A.c.content_end,
            A.c.source_text.label("source"), A.c.source_start, A.c.source_end,
            A.c.source_entity, A.c.source_role, A.c.cue_text.label("cue"), A.c.cue_start,
            A.c.cue_end, A.c.via, A.c.channel, A.c.said_on, A.c.nested_in, A.c.hedge,
            A.c.outlet, A.c.published, A.c.claim_date.label("date"),
        ).select_from(A).join(D, D.c.pk == A.c.document_pk).order_by(A.c.pk)
    elif kind == "quantities":
        stmt = select(
            D.c.key.label("document"), Q.c.attribution_local.label("attribution"), Q.c.start,
            Q.c.end, Q.c.text, Q.c.low, Q.c.high, Q.c.low_inclusive, Q.c.high_inclusive,
            Q.c.approximate, Q.c.unit, Q.c.subject, Q.c.kind, Q.c.currency, D.c.outlet,
            D.c.published,
        ).select_from(Q).join(D, D.c.pk == Q.c.document_pk).order_by(Q.c.pk)
    elif kind == "entities":
        n = (
            select(func.count()).where(_T["mentions"].c.doc_entity_pk == DE.c.pk)
            .scalar_subquery()
        )
        stmt = select(
            D.c.key.label("document"), DE.c.name, DE.c.type, DE.c.roles, n.label("mentions"),
            DE.c.entity_id, E.c.name.label("entity"),
        ).select_from(DE).join(D, D.c.pk == DE.c.document_pk).outerjoin(
            E, E.c.id == DE.c.entity_id
        ).order_by(DE.c.pk)
    else:
        stmt = select(
            C.c.id.label("cluster"), C.c.label, C.c.origins, C.c.mentions,
            D.c.key.label("document"), A.c.local_id.label("attribution"),
            CM.c.origin_key.label("origin"), A.c.claim_date.label("date"),
            func.coalesce(A.c.source_entity, A.c.source_text).label("source"), D.c.outlet,
            A.c.content_text.label("content"),
        ).select_from(CM).join(C, C.c.id == CM.c.cluster_id).join(
            A, A.c.pk == CM.c.attribution_id
        ).join(D, D.c.pk == A.c.document_pk).order_by(C.c.id, A.c.claim_date, A.c.pk)
    if outlet is not None:
        stmt = stmt.where(D.c.outlet == outlet)
    if document is not None:
        stmt = stmt.where(D.c.key == document)
    return stmt


_LISTS = {"via", "roles"}
_BOOLS = {"low_inclusive", "high_inclusive", "approximate"}


def iter_rows(
    bind: Engine | Connection,
    kind: str,
    *,
    outlet: str | None = None,
    document: str | None = None,
    batch: int = BATCH,
) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``kind`` in batches of at most ``batch`` dicts, in storage order.

    Args:
        outlet, document: keep rows of this outlet / document id only (exact match).

    Raises:
        ValueError: an unknown kind or a batch below 1.
    """
    _check(kind, KINDS, "kind")
    if batch < 1:
        raise ValueError(f"batch must be 1 or more, got {batch}")
    stmt = _statement(kind, outlet, document)
    names = columns(kind)
    if isinstance(bind, Connection):
        yield from _batches(bind, stmt, names, batch)
    else:
        with bind.connect() as conn:
            yield from _batches(conn, stmt, names, batch)


def _batches(
    conn: Connection, stmt: Select[Any], names: Sequence[str], batch: int
) -> Iterator[list[dict[str, Any]]]:
    result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
    for part in result.partitions(batch):
        rows = []
        for r in part:
            m = r._mapping
            row: dict[str, Any] = {}
            for name in names:
                v = m[name]
                if name in _LISTS:
                    v = json.loads(v) if v else []
                elif name in _BOOLS and v is not None:
                    v = bool(v)
                row[name] = v
            rows.append(row)
        yield rows


def write(
    bind: Engine | Connection,
    kind: str,
    fmt: str,
    out: IO[bytes],
    *,
    outlet: str | None = None,
    document: str | None = None,
    batch: int = BATCH,
) -> int:
    """Write every row of ``kind`` to the binary stream ``out`` as ``fmt``; return the count.

    Raises:
        ValueError: an unknown kind or format (the message lists the valid ones).
    """
    _check(fmt, FORMATS, "format")
    batches = iter_rows(bind, kind, outlet=outlet, document=document, batch=batch)
    if fmt == "parquet":
        return write_parquet(kind, batches, out)
    written = [0]

    def counted() -> Iterator[list[dict[str, Any]]]:
        for rows in batches:
            written[0] += len(rows)
            yield rows

    for chunk in encode_text(kind, fmt, counted()):
        out.write(chunk)
    return written[0]


def encode_text(
    kind: str, fmt: str, batches: Iterator[list[dict[str, Any]]]
) -> Iterator[bytes]:
    """UTF-8 chunks of JSON Lines or CSV (with a header), one chunk per batch of rows.

    Raises:
        ValueError: ``fmt`` is not ``jsonl`` or ``csv``.
    """
    _check(fmt, ("jsonl", "csv"), "format")
    names = columns(kind)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(names)
        yield buf.getvalue().encode("utf-8")
    for rows in batches:
        if fmt == "jsonl":
            yield "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
        else:
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            for r in rows:
                writer.writerow([_csv_cell(r[c]) for c in names])
            yield buf.getvalue().encode("utf-8")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return "" if value is None else value


def arrow_schema(kind: str) -> pa.Schema:
    """The Arrow schema of ``kind``'s Parquet export.

    Raises:
        ValueError: an unknown kind.
    """
    _check(kind, KINDS, "kind")
    return pa.schema([pa.field(name, typ) for name, typ in SCHEMAS[kind]])


def write_parquet(kind: str, batches: Iterator[list[dict[str, Any]]], out: IO[bytes]) -> int:
    """Write row ``batches`` of ``kind`` to ``out`` as Parquet, one row group per batch."""
    schema = arrow_schema(kind)
    n = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for rows in batches:
            n += len(rows)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
    return n
