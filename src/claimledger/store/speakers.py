"""The speakers summary: each named source's claim count, channels, roles and names, kept
in one small table so ``claimledger sources`` answers in milliseconds on a large store.

A speaker is a cross-document entity once ``claimledger analyze`` has merged its names
across documents (``e:<entity id>``), else its normalized name (``n:<name>``): a bare "Obama"
that ``analyze`` deliberately leaves unmerged in each document is one speaker "Obama", as
written, not one per document. Counting every named claim by
speaker means reading every claim with its entity (seconds on a million claims), so
:func:`refresh` does it once, at the end of ``analyze``, and stores the result with each
speaker's rank. Writing documents (``write_batch``) empties the table, so a summary is never
stale: until the next ``analyze``, ``queries.sources`` counts live.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    String,
    and_,
    cast,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
)

from .schema import metadata

_T = metadata.tables
A = _T["attributions"]
DE = _T["doc_entities"]
E = _T["entities"]
SP = _T["speakers"]


def _merged() -> Any:
    """The entities whose names come from two documents or more."""
    de = DE.alias("merged_de")
    return (
        select(de.c.entity_id.label("entity_id"))
        .where(de.c.entity_id.is_not(None))
        .group_by(de.c.entity_id)
        .having(func.count(de.c.document_pk.distinct()) > 1)
        .subquery("merged")
    )


_MERGED = _merged()


def speaker_key() -> Any:
    """``e:<entity id>`` for a source merged across documents, else ``n:<its name>``."""
    return func.coalesce(
        literal("e:") + cast(_MERGED.c.entity_id, String), literal("n:") + A.c.source_norm
    ).label("speaker")


def _joined() -> Any:
    return A.outerjoin(DE, DE.c.pk == A.c.source_doc_entity_pk).outerjoin(
        _MERGED, _MERGED.c.entity_id == DE.c.entity_id
    )


def count(
    conn: Connection, conds: Sequence[Any], *, limit: int | None, offset: int = 0
) -> list[dict[str, Any]]:
    """Speakers of the named claims matching ``conds``, most claims first, counted live."""
    group = speaker_key()
    n = func.count().label("n")
    stmt = (
        select(
            group, func.max(A.c.source_entity), n,
            func.count(A.c.document_pk.distinct()), func.min(A.c.claim_date),
            func.max(A.c.claim_date),
        )
        .select_from(_joined())
        .where(A.c.source_entity.is_not(None), *conds)
        .group_by(group)
        .order_by(n.desc(), group)
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    top = conn.execute(stmt).all()
    keys = [r[0] for r in top]
    ids = [int(k[2:]) for k in keys if k.startswith("e:")]
    names_of = {
        f"e:{i}": name
        for i, name in conn.execute(select(E.c.id, E.c.name).where(E.c.id.in_(ids)))
    } if ids else {}
    # All speakers (limit None): no IN list, one grouped pass over every named claim.
    only = keys if limit is not None else None
    channels = _distinct(conn, A.c.channel, only, conds)
    roles = _distinct(conn, A.c.source_role, only, conds)
    written = _distinct(conn, A.c.source_entity, only, conds)
    return [
        {
            "speaker": key, "name": names_of.get(key, name), "claims": claims,
            "documents": docs, "first": first, "last": last,
            "entity_id": int(key[2:]) if key.startswith("e:") else None,
            "channels": channels.get(key, []), "roles": roles.get(key, []),
            "names": written.get(key, [name]),
        }
        for key, name, claims, docs, first, last in top
    ]


def _distinct(
    conn: Connection, column: Any, keys: Sequence[str] | None, conds: Sequence[Any]
) -> dict[str, list[str]]:
    """The values of ``column`` for each speaker (of ``keys``, or all), most frequent first."""
    if keys is not None and not keys:
        return {}
    where = [A.c.source_entity.is_not(None), column.is_not(None), *conds]
    if keys is not None:
        ids = [int(k[2:]) for k in keys if k.startswith("e:")]
        norms = [k[2:] for k in keys if k.startswith("n:")]
        # Each speaker's claims by its index: the entity's doc_entities, or the source's name.
        where.append(or_(
            _MERGED.c.entity_id.in_(ids),
            and_(A.c.source_norm.in_(norms), _MERGED.c.entity_id.is_(None)),
        ))
    group = speaker_key()
    n = func.count().label("n")
    rows = conn.execute(
        select(group, column, n)
        .select_from(_joined())
        .where(*where)
        .group_by(group, column)
        .order_by(group, n.desc(), column)
    )
    out: dict[str, list[str]] = {}
    for key, value, _ in rows:
        out.setdefault(key, []).append(value)
    return out


def refresh(conn: Connection) -> int:
    """Recount every speaker into the summary table (inside the caller's transaction).

    Returns the number of speakers stored.
    """
    conn.execute(delete(SP))
    rows = count(conn, [], limit=None)
    batch: list[dict[str, Any]] = []
    for rank, r in enumerate(rows, start=1):
        batch.append({
            "speaker": r["speaker"], "rank": rank, "entity_id": r["entity_id"],
            "name": r["name"], "claims": r["claims"], "documents": r["documents"],
            "first": r["first"], "last": r["last"], "channels": json.dumps(r["channels"]),
            "roles": json.dumps(r["roles"]), "names": json.dumps(r["names"]),
        })
        if len(batch) == 5000:
            conn.execute(insert(SP), batch)
            batch = []
    if batch:
        conn.execute(insert(SP), batch)
    return len(rows)


def invalidate(conn: Connection) -> None:
    """Empty the summary: the documents changed, counts are live until the next refresh."""
    conn.execute(delete(SP))


def summarized(conn: Connection, *, limit: int, offset: int) -> list[dict[str, Any]] | None:
    """A page of the stored summary, or ``None`` when there is none (count live instead)."""
    if conn.execute(select(SP.c.rank).limit(1)).first() is None:
        return None
    rows = conn.execute(
        select(SP).where(SP.c.rank > offset).order_by(SP.c.rank).limit(limit)
    ).mappings()
    return [
        {
            **{k: r[k] for k in ("speaker", "name", "claims", "documents", "first", "last",
                                 "entity_id")},
            "channels": json.loads(r["channels"]), "roles": json.loads(r["roles"]),
            "names": json.loads(r["names"]),
        }
        for r in rows
    ]
