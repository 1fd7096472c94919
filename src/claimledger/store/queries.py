"""Reading the store: claims, sources, one document's extraction, a measure's estimates.

This is the Python API that ``claimledger claims``/``sources`` (and the web app) are thin
layers over. Every function takes an ``Engine`` or an open ``Connection`` and returns frozen
dataclasses with a ``to_dict``. Filters are keyword-only; a bad value raises ``ValueError``
naming what is accepted.

Text search is one API over two engines: SQLite matches an FTS5 index (porter stemming),
PostgreSQL a GIN index on ``to_tsvector('english', ...)``; both take plain words, all of which
must occur (stemmed), and neither gives special meaning to any character the user types.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, and_, func, select, text

from ..errors import DocumentRejected
from ..model import (
    KINDS,
    Attribution,
    Diagnostic,
    Document,
    Entity,
    Extraction,
    Meta,
    Quantity,
    Relay,
    Span,
    TimeExpression,
)
from . import speakers
from .schema import metadata

_T = metadata.tables
D = _T["documents"]
A = _T["attributions"]
Q = _T["quantities"]
TM = _T["times"]
DE = _T["doc_entities"]
M = _T["mentions"]
DG = _T["diagnostics"]
E = _T["entities"]
MM = _T["measure_members"]
MS = _T["measures"]

#: Largest page a query returns.
MAX_LIMIT = 10_000
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WORD = re.compile(r"\w+", re.UNICODE)

Bind = Engine | Connection

#: The attributions involving an entity (``:entity_norm``, casefolded): those whose source or
#: content it is in, through its name in a document or the cross-document entity it was merged
#: into, and those whose unresolved source mention is that name. Each branch is an index
#: lookup; an OR instead would scan doc_entities.
ENTITY_SQL = (
    "SELECT ae.attribution_pk FROM attribution_entities ae WHERE ae.doc_entity_pk IN ("
    "SELECT de.pk FROM doc_entities de WHERE de.name_norm = :entity_norm "
    "UNION SELECT de.pk FROM doc_entities de JOIN entities e ON e.id = de.entity_id "
    "WHERE e.name_norm = :entity_norm) "
    "UNION SELECT s.pk FROM attributions s WHERE s.source_norm = :entity_norm"
)
#: The attributions whose content matches an FTS5 query (``:fts``), on SQLite.
FTS_SQL = "SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH :fts"


@dataclass(frozen=True, slots=True)
class Claim:
    """One stored attribution with its document's outlet and dates.

    ``date`` is the statement's date when the text gives one (``said_on``), else the
    document's publication date; the date filters and the order use it.
    """

    document: str
    id: str
    kind: str
    content: str
    content_start: int
    content_end: int
    source: str | None
    source_start: int | None
    source_end: int | None
    source_entity: str | None
    source_role: str | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    via: tuple[str, ...]
    channel: str | None
    said_on: str | None
    nested_in: str | None
    hedge: str | None
    outlet: str | None
    published: str | None
    date: str | None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["via"] = list(self.via)
        return d


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """A speaker: how many claims, in how many documents, through which channels and roles."""

    name: str
    claims: int
    documents: int
    channels: tuple[str, ...]
    roles: tuple[str, ...]
    first: str | None
    last: str | None
    entity_id: int | None = None
    names: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["channels"] = list(self.channels)
        d["roles"] = list(self.roles)
        d["names"] = list(self.names)
        return d


@dataclass(frozen=True, slots=True)
class Estimate:
    """One quantity estimating a measure, with who gave it and where."""

    measure_id: int
    quantity: str
    low: float | None
    high: float | None
    low_inclusive: bool
    high_inclusive: bool
    approximate: bool
    date: str | None
    source: str | None
    via: tuple[str, ...]
    outlet: str | None
    document: str
    origin_key: str | None
    attribution: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["via"] = list(self.via)
        return d


@contextmanager
def _connect(bind: Bind) -> Iterator[Connection]:
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.connect() as conn:
            yield conn


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    if offset < 0:
        raise ValueError(f"offset must be 0 or more, got {offset}")


def _check_date(name: str, value: str | None) -> None:
    if value is None:
        return
    try:
        if not _DATE.match(value):
            raise ValueError
        # Padding a partial date to its first day checks the month (and the day) for real.
        dt.date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        raise ValueError(
            f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}"
        ) from None


def fts_query(words: str) -> str:
    """The SQLite FTS5 query for plain ``words``: every word quoted, all required.

    Raises:
        ValueError: ``words`` holds no word characters.
    """
    tokens = _WORD.findall(words)
    if not tokens:
        raise ValueError(f"text search needs at least one word, got {words!r}")
    return " ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def _source_names(conn: Connection, name: str) -> list[str]:
    """``name`` and every name merged with it into one cross-document entity, normalized."""
    norm = name.casefold().strip()
    names = {norm}
    # Two steps, so the (usually empty) entity lookup never turns into a scan of doc_entities.
    ids = [r[0] for r in conn.execute(select(E.c.id).where(E.c.name_norm == norm))]
    if ids:
        merged = select(DE.c.name_norm).distinct().where(DE.c.entity_id.in_(ids))
        names.update(r[0] for r in conn.execute(merged))
    return sorted(names)


def _claims_select(
    conn: Connection,
    *,
    source: str | None,
    entity: str | None,
    words: str | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    document: str | None,
    kind: str | None = None,
    unsourced: bool = False,
) -> Select[Any]:
    stmt = select(A, D.c.key.label("document_key")).join(D, D.c.pk == A.c.document_pk)
    conds: list[Any] = []
    if kind is not None:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
        conds.append(A.c.kind == kind)
    if unsourced:
        conds.append(A.c.source_text.is_(None))
    if source is not None:
        names = _source_names(conn, source)
        conds.append(A.c.source_norm == names[0] if len(names) == 1 else A.c.source_norm.in_(names))
    if entity is not None:
        conds.append(
            A.c.pk.in_(text(ENTITY_SQL).bindparams(entity_norm=entity.casefold().strip()))
        )
    if words is not None:
        if conn.dialect.name == "sqlite":
            conds.append(
                A.c.pk.in_(text(FTS_SQL).bindparams(fts=fts_query(words)))
            )
        elif conn.dialect.name == "postgresql":
            if not _WORD.search(words):
                raise ValueError(f"text search needs at least one word, got {words!r}")
            # Spelled exactly like the index expression of migration 0002, so it is used.
            conds.append(
                text(
                    "to_tsvector('english', attributions.content_text) "
                    "@@ plainto_tsquery('english', :words)"
                ).bindparams(words=words)
            )
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported by db.py
            for w in _WORD.findall(words):
                conds.append(A.c.content_text.ilike(f"%{w}%"))
    _check_date("since", since)
    _check_date("until", until)
    if since is not None:
        conds.append(A.c.claim_date >= since)
    if until is not None:
        # "until 2016-03" includes every day of March 2016 (dates compare as text).
        conds.append(A.c.claim_date <= until + "-99-99"[: 10 - len(until)])
    if outlet is not None:
        conds.append(A.c.outlet == outlet)
    if document is not None:
        conds.append(D.c.key == document)
    if conds:
        stmt = stmt.where(and_(*conds))
    return stmt


def claims(
    bind: Bind,
    *,
    source: str | None = None,
    entity: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    document: str | None = None,
    kind: str | None = None,
    unsourced: bool = False,
    limit: int = 50,
    offset: int = 0,
) -> list[Claim]:
    """Stored claims, newest first (by ``Claim.date``, then most recently stored).

    Args:
        source: the source's canonical entity (or, for an unresolved source, its mention),
            case-insensitive; names merged with it across documents match too.
        entity: claims whose source is this entity or whose content mentions it.
        text: words that must all occur in the content (stemmed full-text match).
        since, until: inclusive bounds on the claim's date, ``YYYY[-MM[-DD]]``.
        outlet: the document's outlet, exactly.
        document: the document id, exactly.
        kind: the attribution's kind (``direct``, ``indirect``, ``mixed``, ``according_to``).
        unsourced: only the claims that name no source ("is widely seen as", "is accused
            of", "as expected": views the text gives without saying whose).
        limit, offset: the page.

    Raises:
        ValueError: a malformed date, an empty text search, an unknown kind, or a page out of
            range.
    """
    _check_page(limit, offset)
    with _connect(bind) as conn:
        if (
            (text is not None or entity is not None) and conn.dialect.name == "sqlite"
            and source is None and outlet is None and document is None
            and kind is None and not unsourced
        ):
            return _claims_by_sets(conn, text, entity, since, until, limit, offset)
        stmt = _claims_select(
            conn, source=source, entity=entity, words=text, since=since, until=until,
            outlet=outlet, document=document, kind=kind, unsourced=unsourced,
        )
        date_order = A.c.claim_date.desc()
        if conn.dialect.name == "postgresql":
            date_order = date_order.nulls_last()
        stmt = stmt.order_by(date_order, A.c.pk.desc()).limit(limit).offset(offset)
        return [_claim(r._mapping) for r in conn.execute(stmt)]


def _claims_by_sets(
    conn: Connection,
    words: str | None,
    entity: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
) -> list[Claim]:
    """A text or entity search on SQLite in two steps: rank the matching claims by date using
    only the small (pk, claim_date) index, then read the page's rows. Visiting every match in
    the wide table to sort them is what makes a common word or entity slow on a million rows."""
    _check_date("since", since)
    _check_date("until", until)
    where: list[str] = []
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    if words is not None:
        where.append(f"pk IN ({FTS_SQL})")
        params["fts"] = fts_query(words)
    if entity is not None:
        where.append(f"pk IN ({ENTITY_SQL})")
        params["entity_norm"] = entity.casefold().strip()
    if since is not None:
        where.append("claim_date >= :since")
        params["since"] = since
    if until is not None:
        where.append("claim_date <= :until")
        params["until"] = until + "-99-99"[: 10 - len(until)]
    pks = [
        r[0]
        for r in conn.execute(
            text(
                "SELECT pk FROM attributions INDEXED BY ix_attributions_pk_date WHERE "
                + " AND ".join(where)
                + " ORDER BY claim_date DESC, pk DESC LIMIT :limit OFFSET :offset"
            ),
            params,
        )
    ]
    if not pks:
        return []
    rows = conn.execute(
        select(A, D.c.key.label("document_key"))
        .join(D, D.c.pk == A.c.document_pk)
        .where(A.c.pk.in_(pks))
    )
    by_pk = {r.pk: _claim(r._mapping) for r in rows}
    return [by_pk[pk] for pk in pks]


def _claim(r: Any) -> Claim:
    return Claim(
        document=r["document_key"], id=r["local_id"], kind=r["kind"],
        content=r["content_text"], content_start=r["content_start"],
        content_end=r["content_end"], source=r["source_text"],
        source_start=r["source_start"], source_end=r["source_end"],
        source_entity=r["source_entity"], source_role=r["source_role"], cue=r["cue_text"],
        cue_start=r["cue_start"], cue_end=r["cue_end"], via=tuple(json.loads(r["via"])),
        channel=r["channel"], said_on=r["said_on"], nested_in=r["nested_in"],
        hedge=r["hedge"], outlet=r["outlet"], published=r["published"], date=r["claim_date"],
    )


def sources(
    bind: Bind,
    *,
    outlet: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[SourceSummary]:
    """Named speakers (sources resolved to an entity), most claims first.

    A speaker is a cross-document entity when ``claimledger analyze`` has merged its names
    ("Zelensky", "Zelenskyy", "Volodymyr Zelensky" are one speaker, listed under the entity's
    name with the names it was written as); a source not yet merged is listed by its name.
    The whole list comes from the summary ``analyze`` stores (:mod:`.speakers`); a list for
    one outlet, or one asked for after documents changed, is counted live.

    Raises:
        ValueError: a page out of range.
    """
    _check_page(limit, offset)
    with _connect(bind) as conn:
        rows = speakers.summarized(conn, limit=limit, offset=offset) if outlet is None else None
        if rows is None:
            conds = [A.c.outlet == outlet] if outlet is not None else []
            rows = speakers.count(conn, conds, limit=limit, offset=offset)
        return [
            SourceSummary(
                name=r["name"], claims=r["claims"], documents=r["documents"],
                channels=tuple(r["channels"]), roles=tuple(r["roles"]), first=r["first"],
                last=r["last"], entity_id=r["entity_id"], names=tuple(r["names"]),
            )
            for r in rows
        ]


def measure_timeline(bind: Bind, measure_id: int, *, limit: int = 1000) -> list[Estimate]:
    """The estimates of one measure, oldest first.

    Raises:
        ValueError: a limit out of range.
    """
    _check_page(limit, 0)
    date = func.coalesce(A.c.claim_date, D.c.published)
    stmt = (
        select(
            MM.c.measure_id, MM.c.origin_key, Q.c.text, Q.c.low, Q.c.high, Q.c.low_inclusive,
            Q.c.high_inclusive, Q.c.approximate, date.label("date"),
            func.coalesce(A.c.source_entity, A.c.source_text).label("source"),
            A.c.via, A.c.local_id, D.c.outlet, D.c.key,
        )
        .select_from(MM)
        .join(Q, Q.c.pk == MM.c.quantity_id)
        .join(D, D.c.pk == Q.c.document_pk)
        .outerjoin(A, A.c.pk == Q.c.attribution_pk)
        .where(MM.c.measure_id == measure_id)
        .order_by(date, Q.c.pk)
        .limit(limit)
    )
    with _connect(bind) as conn:
        return [
            Estimate(
                measure_id=r.measure_id, quantity=r.text, low=r.low, high=r.high,
                low_inclusive=bool(r.low_inclusive), high_inclusive=bool(r.high_inclusive),
                approximate=bool(r.approximate), date=r.date, source=r.source,
                via=tuple(json.loads(r.via)) if r.via else (), outlet=r.outlet,
                document=r.key, origin_key=r.origin_key, attribution=r.local_id,
            )
            for r in conn.execute(stmt)
        ]


def _relays(text: str, stored: str | None) -> tuple[Relay, ...]:
    """Relays as ``store.write.relays_json`` wrote them."""
    out = []
    for src_start, src_end, entity, cue_start, cue_end, start, end in json.loads(stored or "[]"):
        cue = None if cue_start is None else Span.of(text, cue_start, cue_end)
        out.append(
            Relay(Span.of(text, src_start, src_end), entity, cue, Span.of(text, start, end))
        )
    return tuple(out)


def extraction(bind: Bind, key: str) -> Extraction | DocumentRejected | None:
    """The stored extraction of document ``key`` exactly as it was written, or the rejection
    recorded under that key, or ``None`` when nothing is stored under it."""
    with _connect(bind) as conn:
        doc = conn.execute(select(D).where(D.c.key == key)).mappings().first()
        if doc is None:
            return None
        if doc["status"] == "rejected":
            return DocumentRejected(doc["reject_reason"], doc["reject_detail"], doc["origin"])
        pk = doc["pk"]
        text_ = doc["text"]
        document = Document(
            id=doc["key"], text=text_,
            meta=Meta(
                outlet=doc["outlet"], published=doc["published"], title=doc["title"],
                url=doc["url"], language=doc["language"],
            ),
            origin=doc["origin"] or "", encoding=doc["encoding"] or "utf-8",
        )

        def span(start: int | None, end: int | None) -> Span | None:
            return None if start is None or end is None else Span.of(text_, start, end)

        attributions = tuple(
            Attribution(
                id=r["local_id"], content=Span.of(text_, r["content_start"], r["content_end"]),
                kind=r["kind"], source=span(r["source_start"], r["source_end"]),
                source_entity=r["source_entity"], source_role=r["source_role"],
                cue=span(r["cue_start"], r["cue_end"]), via=tuple(json.loads(r["via"])),
                channel=r["channel"], said_on=r["said_on"], nested_in=r["nested_in"],
                hedge=r["hedge"], relays=_relays(text_, r["relays"]),
            )
            for r in conn.execute(
                select(A).where(A.c.document_pk == pk).order_by(A.c.seq)
            ).mappings()
        )
        quantities = tuple(
            Quantity(
                span=Span.of(text_, r["start"], r["end"]), low=r["low"], high=r["high"],
                low_inclusive=bool(r["low_inclusive"]), high_inclusive=bool(r["high_inclusive"]),
                approximate=bool(r["approximate"]), unit=r["unit"], subject=r["subject"],
                kind=r["kind"], currency=r["currency"], attribution=r["attribution_local"],
                holder=span(r["holder_start"], r["holder_end"]), holder_entity=r["holder_entity"],
            )
            for r in conn.execute(
                select(Q).where(Q.c.document_pk == pk).order_by(Q.c.seq)
            ).mappings()
        )
        times = tuple(
            TimeExpression(
                span=Span.of(text_, r["start"], r["end"]), type=r["type"], value=r["value"],
                anchor=r["anchor"], attribution=r["attribution_local"],
            )
            for r in conn.execute(
                select(TM).where(TM.c.document_pk == pk).order_by(TM.c.seq)
            ).mappings()
        )
        mentions: dict[int, list[Span]] = {}
        for r in conn.execute(
            select(M).where(M.c.document_pk == pk).order_by(M.c.doc_entity_pk, M.c.seq)
        ).mappings():
            mentions.setdefault(r["doc_entity_pk"], []).append(
                Span.of(text_, r["start"], r["end"])
            )
        entities = tuple(
            Entity(
                name=r["name"], type=r["type"], roles=tuple(json.loads(r["roles"])),
                mentions=tuple(mentions.get(r["pk"], ())),
            )
            for r in conn.execute(
                select(DE).where(DE.c.document_pk == pk).order_by(DE.c.seq)
            ).mappings()
        )
        diagnostics = tuple(
            Diagnostic(code=r["code"], message=r["message"], start=r["start"], end=r["end"])
            for r in conn.execute(
                select(DG).where(DG.c.document_pk == pk).order_by(DG.c.seq)
            ).mappings()
        )
        return Extraction(
            document=document, attributions=attributions, quantities=quantities, times=times,
            entities=entities, diagnostics=diagnostics,
        )


def document_keys(bind: Bind, *, status: str | None = None) -> list[str]:
    """The keys of every stored document (of one ``status``, ``ok`` or ``rejected``), sorted.

    Raises:
        ValueError: an unknown status.
    """
    if status not in (None, "ok", "rejected"):
        raise ValueError(f"status must be 'ok' or 'rejected', got {status!r}")
    stmt = select(D.c.key).order_by(D.c.key)
    if status is not None:
        stmt = stmt.where(D.c.status == status)
    with _connect(bind) as conn:
        return [r[0] for r in conn.execute(stmt)]
