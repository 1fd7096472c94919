"""Reads the API and the web UI need beyond ``store.queries`` and ``ledger.build``.

Written on top of the store's schema (``store.schema``), never editing it: document listings,
cross-document entities, measures by id with their pairwise relations, and one cluster with its
origins and copies. Every function takes an ``Engine`` or ``Connection`` and returns frozen
dataclasses with ``to_dict``; paging arguments are checked like ``store.queries`` does
(``ValueError`` naming the accepted range).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from ..ledger.conflicts import Interval, as_written, measure_relations
from ..store import queries
from ..store.schema import metadata

_T = metadata.tables
D, A, Q = _T["documents"], _T["attributions"], _T["quantities"]
E, DE, M = _T["entities"], _T["doc_entities"], _T["mentions"]
C, CM = _T["clusters"], _T["cluster_members"]
MS, MM = _T["measures"], _T["measure_members"]

Bind = Engine | Connection


@contextmanager
def _connect(bind: Bind) -> Iterator[Connection]:
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.connect() as conn:
            yield conn


def check_page(limit: int, offset: int) -> None:
    """Raise ``ValueError`` unless ``1 <= limit <= queries.MAX_LIMIT`` and ``offset >= 0``."""
    if not 1 <= limit <= queries.MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {queries.MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise ValueError(f"offset must be 0 or more, got {offset}")


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A stored document without its text."""

    id: str
    status: str
    outlet: str | None
    published: str | None
    title: str | None
    url: str | None
    attributions: int
    reject_reason: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def documents(
    bind: Bind,
    *,
    outlet: str | None = None,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[DocumentSummary]:
    """Stored documents, most recently stored first (the primary key's order: on a million
    claims any other order would sort the whole table for one page).

    Raises:
        ValueError: a page out of range or a status other than ``ok``/``rejected``.
    """
    check_page(limit, offset)
    if status not in (None, "ok", "rejected"):
        raise ValueError(f"status must be 'ok' or 'rejected', got {status!r}")
    stmt = select(
        D.c.pk, D.c.key, D.c.status, D.c.outlet, D.c.published, D.c.title, D.c.url,
        D.c.reject_reason,
    )
    if outlet is not None:
        stmt = stmt.where(D.c.outlet == outlet)
    if status is not None:
        stmt = stmt.where(D.c.status == status)
    stmt = stmt.order_by(D.c.pk.desc()).limit(limit).offset(offset)
    with _connect(bind) as conn:
        rows = conn.execute(stmt).all()
        pks = [r.pk for r in rows]
        counts: dict[int, int] = {}
        if pks:
            for pk, n in conn.execute(
                select(A.c.document_pk, func.count())
                .where(A.c.document_pk.in_(pks))
                .group_by(A.c.document_pk)
            ):
                counts[pk] = n
    return [
        DocumentSummary(
            id=r.key, status=r.status, outlet=r.outlet, published=r.published, title=r.title,
            url=r.url, attributions=counts.get(r.pk, 0), reject_reason=r.reject_reason,
        )
        for r in rows
    ]


def counts(bind: Bind) -> dict[str, int]:
    """Row counts of the main tables (for the index page)."""
    out: dict[str, int] = {}
    with _connect(bind) as conn:
        for name, table in (
            ("documents", D), ("attributions", A), ("entities", E), ("clusters", C),
            ("measures", MS),
        ):
            out[name] = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    return out


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """A cross-document entity: its names, type, roles and how many documents mention it."""

    id: int
    name: str
    type: str | None
    roles: tuple[tuple[str, str | None, str | None], ...]  # (role, first seen, last seen)
    names: tuple[str, ...]
    documents: int

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["roles"] = [{"role": r, "first": f, "last": la} for r, f, la in self.roles]
        d["names"] = list(self.names)
        return d


def entities(
    bind: Bind,
    *,
    name: str | None = None,
    type: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[EntitySummary]:
    """Cross-document entities (filled by ``claimledger analyze``), by name.

    Args:
        name: keep entities whose canonical name contains this (case-insensitive).
        type: keep entities of this type (``PERSON``, ``ORG``, ...), exactly.

    Raises:
        ValueError: a page out of range.
    """
    check_page(limit, offset)
    stmt = select(E.c.id, E.c.name, E.c.type, E.c.roles)
    if name is not None:
        stmt = stmt.where(E.c.name_norm.contains(name.casefold().strip(), autoescape=True))
    if type is not None:
        stmt = stmt.where(E.c.type == type)
    stmt = stmt.order_by(E.c.name_norm, E.c.id).limit(limit).offset(offset)
    with _connect(bind) as conn:
        rows = conn.execute(stmt).all()
        return [_entity(conn, r) for r in rows]


def entity(bind: Bind, entity_id: int) -> EntitySummary | None:
    """One cross-document entity, or ``None`` when there is none with this id."""
    with _connect(bind) as conn:
        row = conn.execute(
            select(E.c.id, E.c.name, E.c.type, E.c.roles).where(E.c.id == entity_id)
        ).first()
        return None if row is None else _entity(conn, row)


def _entity(conn: Connection, r: Any) -> EntitySummary:
    variants = conn.execute(
        select(DE.c.name, func.count(DE.c.document_pk.distinct()))
        .where(DE.c.entity_id == r.id)
        .group_by(DE.c.name)
        .order_by(DE.c.name)
    ).all()
    docs = conn.execute(
        select(func.count(DE.c.document_pk.distinct())).where(DE.c.entity_id == r.id)
    ).scalar_one()
    return EntitySummary(
        id=r.id, name=r.name, type=r.type, roles=_roles(r.roles),
        names=tuple(v[0] for v in variants), documents=int(docs),
    )


def _roles(raw: str | None) -> tuple[tuple[str, str | None, str | None], ...]:
    """Roles over time, stored as ``[role, first, last]`` triples (plain strings accepted)."""
    out = []
    for item in json.loads(raw or "[]"):
        if isinstance(item, str):
            out.append((item, None, None))
        elif isinstance(item, list) and item:
            first = item[1] if len(item) > 1 else None
            last = item[2] if len(item) > 2 else None
            out.append((str(item[0]), first, last))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class MeasureSummary:
    """A measure and its number of estimates."""

    id: int
    label: str
    unit: str | None
    subject: str | None
    period: str | None
    estimates: int
    holder: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def measures(
    bind: Bind, *, text: str | None = None, min_estimates: int = 1, limit: int = 50,
    offset: int = 0,
) -> list[MeasureSummary]:
    """Measures, most estimates first; ``text``: every word must occur in the label.

    Raises:
        ValueError: a page out of range, or ``min_estimates`` below 1.
    """
    check_page(limit, offset)
    if min_estimates < 1:
        raise ValueError(f"min_estimates must be 1 or more, got {min_estimates}")
    n = func.count(MM.c.quantity_id).label("n")
    stmt = (
        select(MS.c.id, MS.c.label, MS.c.unit, MS.c.subject, MS.c.period, MS.c.holder, n)
        .select_from(MS)
        .join(MM, MM.c.measure_id == MS.c.id)
        .group_by(MS.c.id, MS.c.label, MS.c.unit, MS.c.subject, MS.c.period, MS.c.holder)
        .having(n >= min_estimates)
        .order_by(n.desc(), MS.c.id)
        .limit(limit)
        .offset(offset)
    )
    for word in (text or "").casefold().split():
        stmt = stmt.where(MS.c.label_norm.contains(word, autoescape=True))
    with _connect(bind) as conn:
        return [
            MeasureSummary(r.id, r.label, r.unit, r.subject, r.period, int(r.n), r.holder)
            for r in conn.execute(stmt)
        ]


@dataclass(frozen=True, slots=True)
class MeasureEstimate:
    """One estimate of a measure, with the claim it belongs to (for links) and its interval."""

    index: int
    quantity: str
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    approximate: bool
    interval: str
    date: str | None
    source: str | None
    via: tuple[str, ...]
    outlet: str | None
    document: str
    attribution: str | None
    origin: str | None
    conflicts_with: tuple[int, ...]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["via"] = list(self.via)
        d["conflicts_with"] = list(self.conflicts_with)
        return d


@dataclass(frozen=True, slots=True)
class MeasureDetail:
    """A measure, its estimates oldest first, and how they relate pairwise."""

    id: int
    label: str
    unit: str | None
    subject: str | None
    period: str | None
    relation: str
    counts: tuple[tuple[str, int], ...]
    origins: int
    estimates: tuple[MeasureEstimate, ...]
    pairs: tuple[tuple[int, int, str], ...]
    holder: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "unit": self.unit, "subject": self.subject,
            "period": self.period, "holder": self.holder, "relation": self.relation,
            "counts": dict(self.counts),
            "origins": self.origins, "estimates": [e.to_dict() for e in self.estimates],
            "pairs": [{"i": i, "j": j, "relation": r} for i, j, r in self.pairs],
        }


#: Estimates shown for one measure; relations are pairwise, so this bounds the work too.
MAX_ESTIMATES = 500


def measure(bind: Bind, measure_id: int) -> MeasureDetail | None:
    """A measure with its estimates and their pairwise relations, or ``None`` if unknown."""
    with _connect(bind) as conn:
        head = conn.execute(
            select(
                MS.c.id, MS.c.label, MS.c.unit, MS.c.subject, MS.c.period, MS.c.holder
            ).where(MS.c.id == measure_id)
        ).first()
        if head is None:
            return None
        rows = queries.measure_timeline(conn, measure_id, limit=MAX_ESTIMATES)
    intervals = [
        Interval.from_bounds(r.low, r.high, r.low_inclusive, r.high_inclusive, r.approximate)
        for r in rows
    ]
    rel = measure_relations(intervals)
    conflicts: dict[int, list[int]] = {}
    for p in rel.pairs:
        if p.relation == "conflicting":
            conflicts.setdefault(p.i, []).append(p.j)
            conflicts.setdefault(p.j, []).append(p.i)
    estimates = tuple(
        MeasureEstimate(
            index=i, quantity=r.quantity, low=r.low, high=r.high,
            low_inclusive=r.low_inclusive, high_inclusive=r.high_inclusive,
            approximate=r.approximate,
            interval=as_written(
                r.low, r.high, r.low_inclusive, r.high_inclusive, r.approximate
            ),
            date=r.date, source=r.source, via=r.via,
            outlet=r.outlet, document=r.document, attribution=r.attribution, origin=r.origin_key,
            conflicts_with=tuple(sorted(conflicts.get(i, ()))),
        )
        for i, r in enumerate(rows)
    )
    return MeasureDetail(
        id=head.id, label=head.label, unit=head.unit, subject=head.subject, period=head.period,
        relation=rel.overall, counts=rel.counts,
        origins=len({r.origin_key for r in rows}),
        estimates=estimates, pairs=tuple((p.i, p.j, p.relation) for p in rel.pairs),
        holder=head.holder,
    )


@dataclass(frozen=True, slots=True)
class ClusterMemberView:
    """One attribution of a cluster; ``role`` is ``origin`` (the first report of its origin)
    or ``copy`` (a later report of the same origin)."""

    document: str
    attribution: str
    date: str | None
    source: str | None
    via: tuple[str, ...]
    outlet: str | None
    origin: str | None
    role: str
    content: str

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["via"] = list(self.via)
        return d


@dataclass(frozen=True, slots=True)
class ClusterDetail:
    """A claim cluster: its counts, outlets and members grouped by independent origin."""

    id: int
    label: str | None
    origins: int
    mentions: int
    outlets: tuple[str, ...]
    members: tuple[ClusterMemberView, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "origins": self.origins,
            "mentions": self.mentions, "outlets": list(self.outlets),
            "members": [m.to_dict() for m in self.members],
        }


def cluster(bind: Bind, cluster_id: int) -> ClusterDetail | None:
    """One claim cluster, members ordered by origin then date, or ``None`` if unknown."""
    with _connect(bind) as conn:
        head = conn.execute(
            select(C.c.id, C.c.label, C.c.origins, C.c.mentions).where(C.c.id == cluster_id)
        ).first()
        if head is None:
            return None
        rows = conn.execute(
            select(
                A.c.claim_date, A.c.source_entity, A.c.source_text, A.c.via, A.c.local_id,
                D.c.outlet, D.c.key, CM.c.origin_key, A.c.content_text,
            )
            .select_from(CM)
            .join(A, A.c.pk == CM.c.attribution_id)
            .join(D, D.c.pk == A.c.document_pk)
            .where(CM.c.cluster_id == cluster_id)
            .order_by(A.c.claim_date, A.c.pk)
        ).all()
    seen: set[str | None] = set()
    members: list[ClusterMemberView] = []
    for r in rows:
        # Rows come oldest first: the first report of an origin is the origin, later ones copy.
        role = "copy" if r.origin_key in seen else "origin"
        seen.add(r.origin_key)
        members.append(ClusterMemberView(
            document=r.key, attribution=r.local_id, date=r.claim_date,
            source=r.source_entity or r.source_text,
            via=tuple(json.loads(r.via)) if r.via else (), outlet=r.outlet,
            origin=r.origin_key, role=role, content=r.content_text,
        ))
    order = {k: i for i, k in enumerate(dict.fromkeys(m.origin for m in members))}
    members.sort(key=lambda m: (order[m.origin], m.role != "origin"))
    return ClusterDetail(
        id=head.id, label=head.label, origins=int(head.origins or len(order)),
        mentions=int(head.mentions or len(members)),
        outlets=tuple(sorted({m.outlet for m in members if m.outlet})), members=tuple(members),
    )
