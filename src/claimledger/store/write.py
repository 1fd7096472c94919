"""Storing extractions: a document's row and all its results, replaced as one unit.

``write_batch`` works inside the caller's transaction, so a batch of documents becomes visible
all at once or not at all: a process killed mid-batch leaves the store as it was before the
batch, and rerunning the ingest redoes exactly the documents that were not committed.

Rows are inserted with executemany (SQLAlchemy's "insertmanyvalues", with ``RETURNING`` where
the generated keys are needed to link children), one statement per table per batch, so writing
costs a small fraction of extracting.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from .. import __version__
from ..errors import DocumentRejected
from ..model import Document, Extraction, Relay
from . import speakers
from .schema import metadata

_T = metadata.tables
DOCUMENTS = _T["documents"]
ATTRIBUTIONS = _T["attributions"]
QUANTITIES = _T["quantities"]
TIMES = _T["times"]
DOC_ENTITIES = _T["doc_entities"]
MENTIONS = _T["mentions"]
DIAGNOSTICS = _T["diagnostics"]
ATTRIBUTION_ENTITIES = _T["attribution_entities"]

#: Children of a document, in the order they must be deleted (dependants first).
_CHILDREN = (QUANTITIES, TIMES, DIAGNOSTICS, ATTRIBUTIONS, MENTIONS, DOC_ENTITIES)
# (attribution_entities rows go with their attribution: ON DELETE CASCADE.)
#: SQLite's limit on bound parameters is 32766 (999 before 3.32); stay well below it.
_IN_CHUNK = 500


def relays_json(relays: tuple[Relay, ...]) -> str:
    """The relays of an attribution as stored (see ``schema.Attribution.relays``)."""
    return json.dumps([
        [r.source.start, r.source.end, r.source_entity,
         r.cue.start if r.cue else None, r.cue.end if r.cue else None,
         r.content.start, r.content.end]
        for r in relays
    ])


def extractor_version(model: str | None = None) -> str:
    """The version of the extractor that makes results today: claimledger's and the model's
    (``model`` defaults to ``nlp.DEFAULT_MODEL``).

    A stored document whose extractor differs is stale and is extracted again by ``ingest``.
    A model that is not installed reports version ``?`` (extraction will fail loudly later).
    """
    if model is None:
        from ..nlp import DEFAULT_MODEL  # spaCy is slow to import: only when needed

        model = DEFAULT_MODEL
    try:
        model_version = importlib.metadata.version(model)
    except importlib.metadata.PackageNotFoundError:
        model_version = "?"
    return f"claimledger {__version__}+{_code_digest()}; {model} {model_version}"


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """A digest of the extraction code itself, so that a changed rule re-extracts stored
    documents even when the package version stays the same."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def content_sha256(text: str) -> str:
    """The sha256 of a canonical text's UTF-8 bytes, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(document: Document, extractor: str) -> str:
    """What decides whether a stored document must be extracted again.

    It covers the text, the metadata (the publication date anchors relative times, the outlet
    decides which voice is the outlet's own) and the extractor version.
    """
    h = hashlib.sha256()
    h.update(extractor.encode("utf-8"))
    h.update(b"\0")
    h.update(json.dumps(document.meta.to_dict(), sort_keys=True).encode("utf-8"))
    h.update(b"\0")
    h.update(document.text.encode("utf-8"))
    return h.hexdigest()


def rejected_key(error: DocumentRejected) -> str:
    """The key a rejected input is stored under: its origin (there is no readable id)."""
    return error.origin or "stdin"


@dataclass(frozen=True, slots=True)
class Written:
    """What ``write_batch`` did with one item: ``status`` is new, updated or rejected."""

    key: str
    status: str
    attributions: int = 0
    reason: str | None = None
    detail: str | None = None


def write_batch(
    conn: Connection,
    items: Sequence[Extraction | DocumentRejected],
    *,
    extractor: str,
    now: dt.datetime | None = None,
) -> tuple[Written, ...]:
    """Store ``items`` inside the caller's open transaction, replacing older results.

    A document already stored under the same key has its row updated and every old result
    deleted before the new ones are inserted. A rejected input is recorded under its origin
    with the reason and detail; a good document read from an origin that was rejected before
    removes that rejection. When the same key occurs twice in ``items`` the later one wins.

    Raises:
        TypeError: an item is neither an ``Extraction`` nor a ``DocumentRejected``.
        sqlalchemy.exc.DBAPIError: the database refused the write (the caller rolls back).
    """
    now = now or dt.datetime.now(dt.UTC)
    keys = []
    for item in items:
        if isinstance(item, Extraction):
            keys.append(item.document.id)
        elif isinstance(item, DocumentRejected):
            keys.append(rejected_key(item))
        else:
            raise TypeError(f"expected Extraction or DocumentRejected, got {type(item).__name__}")
    existing = _existing(conn, keys)

    fixed_origins = [
        i.document.origin for i in items if isinstance(i, Extraction) and i.document.origin
    ]
    for chunk in _chunks(fixed_origins):
        conn.execute(
            delete(DOCUMENTS).where(
                DOCUMENTS.c.status == "rejected",
                DOCUMENTS.c.origin.in_(chunk),
                DOCUMENTS.c.key.not_in(keys),
            )
        )

    written: list[Written] = []
    stored: list[tuple[int, Extraction]] = []
    replaced: list[int] = []
    for key, item in zip(keys, items, strict=True):
        row = _document_row(key, item, extractor, now)
        pk = existing.get(key)
        if pk is None:
            row["ingested_at"] = now
            inserted = conn.execute(insert(DOCUMENTS).values(row)).inserted_primary_key
            assert inserted is not None  # an INSERT always has a primary key
            pk = int(inserted[0])
            existing[key] = pk
            status = "new"
        else:
            conn.execute(update(DOCUMENTS).where(DOCUMENTS.c.pk == pk).values(row))
            replaced.append(pk)
            status = "updated"
        if isinstance(item, DocumentRejected):
            written.append(Written(key, "rejected", 0, item.reason, item.detail))
        else:
            # A key repeated within the batch: only its last extraction is kept.
            stored = [(p, e) for p, e in stored if p != pk]
            stored.append((pk, item))
            written.append(Written(key, status, len(item.attributions)))

    for chunk in _chunks(replaced):
        for table in _CHILDREN:
            conn.execute(delete(table).where(table.c.document_pk.in_(chunk)))
    _insert_results(conn, stored)
    if written:
        speakers.invalidate(conn)  # the stored counts no longer hold: count live until analyze
    return tuple(written)


def store(
    engine: Engine,
    items: Iterable[Extraction | DocumentRejected],
    *,
    extractor: str | None = None,
) -> tuple[Written, ...]:
    """Store ``items`` in one transaction (a convenience over ``write_batch``)."""
    with engine.connect() as conn:
        conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            return write_batch(conn, list(items), extractor=extractor or extractor_version())


def _existing(conn: Connection, keys: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(set(keys))):
        for key, pk in conn.execute(
            select(DOCUMENTS.c.key, DOCUMENTS.c.pk).where(DOCUMENTS.c.key.in_(chunk))
        ):
            found[key] = pk
    return found


def _document_row(
    key: str, item: Extraction | DocumentRejected, extractor: str, now: dt.datetime
) -> dict[str, Any]:
    if isinstance(item, DocumentRejected):
        return {
            "key": key, "status": "rejected", "text": None, "content_sha256": None,
            "fingerprint": None, "outlet": None, "published": None, "title": None, "url": None,
            "language": None, "origin": item.origin, "encoding": None,
            "reject_reason": item.reason, "reject_detail": item.detail, "extractor": None,
            "updated_at": now,
        }
    doc = item.document
    meta = doc.meta
    return {
        "key": key, "status": "ok", "text": doc.text, "content_sha256": content_sha256(doc.text),
        "fingerprint": fingerprint(doc, extractor), "outlet": meta.outlet,
        "published": meta.published, "title": meta.title, "url": meta.url,
        "language": meta.language, "origin": doc.origin, "encoding": doc.encoding,
        "reject_reason": None, "reject_detail": None, "extractor": extractor,
        "updated_at": now,
    }


def _insert_results(conn: Connection, stored: Sequence[tuple[int, Extraction]]) -> None:
    """Insert the results of every stored document: entities, then attributions, then the
    rows that point at attributions."""
    entity_rows: list[dict[str, Any]] = []
    for pk, ex in stored:
        for seq, ent in enumerate(ex.entities):
            entity_rows.append({
                "document_pk": pk, "seq": seq, "name": ent.name,
                "name_norm": ent.name.casefold(), "type": ent.type,
                "roles": json.dumps(list(ent.roles)), "entity_id": None,
            })
    entity_pks = _insert_returning(conn, DOC_ENTITIES, entity_rows)
    by_doc_seq = {
        (r["document_pk"], r["seq"]): p for r, p in zip(entity_rows, entity_pks, strict=True)
    }

    mention_rows: list[dict[str, Any]] = []
    attribution_rows: list[dict[str, Any]] = []
    for pk, ex in stored:
        entity_by_name: dict[str, int] = {}
        for seq, ent in enumerate(ex.entities):
            entity_pk = by_doc_seq[(pk, seq)]
            entity_by_name.setdefault(ent.name, entity_pk)
            for mseq, m in enumerate(ent.mentions):
                mention_rows.append({
                    "doc_entity_pk": entity_pk, "document_pk": pk, "seq": mseq,
                    "start": m.start, "end": m.end, "text": m.text,
                })
        meta = ex.document.meta
        for seq, a in enumerate(ex.attributions):
            source_name = a.source_entity or (a.source.text if a.source else None)
            attribution_rows.append({
                "document_pk": pk, "seq": seq, "local_id": a.id, "kind": a.kind,
                "content_start": a.content.start, "content_end": a.content.end,
                "content_text": a.content.text,
                "source_start": a.source.start if a.source else None,
                "source_end": a.source.end if a.source else None,
                "source_text": a.source.text if a.source else None,
                "source_entity": a.source_entity,
                "source_norm": source_name.casefold() if source_name else None,
                "source_role": a.source_role,
                "cue_start": a.cue.start if a.cue else None,
                "cue_end": a.cue.end if a.cue else None,
                "cue_text": a.cue.text if a.cue else None,
                "via": json.dumps(list(a.via)), "relays": relays_json(a.relays),
                "channel": a.channel, "said_on": a.said_on,
                "nested_in": a.nested_in, "hedge": a.hedge, "outlet": meta.outlet,
                "published": meta.published, "claim_date": a.said_on or meta.published,
                "source_doc_entity_pk": entity_by_name.get(a.source_entity)
                if a.source_entity else None,
            })
    if mention_rows:
        conn.execute(insert(MENTIONS), mention_rows)
    attribution_pks = _insert_returning(conn, ATTRIBUTIONS, attribution_rows)
    by_local = {
        (r["document_pk"], r["local_id"]): p
        for r, p in zip(attribution_rows, attribution_pks, strict=True)
    }

    # Which entities each attribution involves (its source; those its content mentions).
    link_rows: list[dict[str, Any]] = []
    source_of: dict[int, int | None] = {}
    for row in attribution_rows:
        apk = by_local[(row["document_pk"], row["local_id"])]
        source_of[apk] = row["source_doc_entity_pk"]
        if row["source_doc_entity_pk"] is not None:
            link_rows.append(
                {"attribution_pk": apk, "doc_entity_pk": row["source_doc_entity_pk"],
                 "role": "source"}
            )
    for pk, ex in stored:
        for a in ex.attributions:
            apk = by_local[(pk, a.id)]
            source_entity = source_of[apk]
            for seq, ent in enumerate(ex.entities):
                epk = by_doc_seq[(pk, seq)]
                if epk != source_entity and any(a.content.contains(m) for m in ent.mentions):
                    link_rows.append({"attribution_pk": apk, "doc_entity_pk": epk,
                                      "role": "content"})
    if link_rows:
        conn.execute(insert(ATTRIBUTION_ENTITIES), link_rows)

    quantity_rows: list[dict[str, Any]] = []
    time_rows: list[dict[str, Any]] = []
    diagnostic_rows: list[dict[str, Any]] = []
    for pk, ex in stored:
        for seq, q in enumerate(ex.quantities):
            quantity_rows.append({
                "document_pk": pk, "seq": seq, "start": q.span.start, "end": q.span.end,
                "text": q.span.text, "low": q.low, "high": q.high,
                "low_inclusive": q.low_inclusive, "high_inclusive": q.high_inclusive,
                "approximate": q.approximate, "unit": q.unit, "subject": q.subject,
                "kind": q.kind, "currency": q.currency, "attribution_local": q.attribution,
                "holder_start": q.holder.start if q.holder else None,
                "holder_end": q.holder.end if q.holder else None,
                "holder_entity": q.holder_entity,
                "attribution_pk": by_local.get((pk, q.attribution)) if q.attribution else None,
            })
        for seq, t in enumerate(ex.times):
            time_rows.append({
                "document_pk": pk, "seq": seq, "start": t.span.start, "end": t.span.end,
                "text": t.span.text, "type": t.type, "value": t.value, "anchor": t.anchor,
                "attribution_local": t.attribution,
                "attribution_pk": by_local.get((pk, t.attribution)) if t.attribution else None,
            })
        for seq, d in enumerate(ex.diagnostics):
            diagnostic_rows.append({
                "document_pk": pk, "seq": seq, "code": d.code, "message": d.message,
                "start": d.start, "end": d.end,
            })
    for table, rows in (
        (QUANTITIES, quantity_rows), (TIMES, time_rows), (DIAGNOSTICS, diagnostic_rows)
    ):
        if rows:
            conn.execute(insert(table), rows)


def _insert_returning(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` and return their generated keys, in the order of ``rows``."""
    if not rows:
        return []
    result = conn.execute(
        insert(table).returning(table.c.pk, sort_by_parameter_order=True), rows
    )
    return [r[0] for r in result]


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), _IN_CHUNK):
        yield values[i : i + _IN_CHUNK]
