"""The tables of the store, as SQLAlchemy 2 declarative classes.

This module describes the *current* schema; the Alembic migrations in ``migrations/versions``
are what actually create it, one small numbered step at a time, and a test checks that the two
agree. Surrogate integer keys (``pk``/``id``) are internal; a document is known to the outside
by its ``key`` (the input's document id), an attribution by its document and ``local_id``
(``a1``, ...), exactly as ``claimledger extract`` prints them.

Some columns of ``attributions`` repeat what their document holds (``outlet``, ``published``)
or derive from other columns (``source_norm``, ``claim_date``): they exist so that the common
queries (claims by source, by outlet and date range) are one index range scan each, on a
million rows, without a join before the ``LIMIT``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Values of ``documents.status``.
STATUSES: tuple[str, ...] = ("ok", "rejected")


class Base(DeclarativeBase):
    """Declarative base of every claimledger table."""


class Document(Base):
    """One input document: its canonical text (which all offsets index) and metadata."""

    __tablename__ = "documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The input's document id; for a rejected input, its origin (path or path:line).
    key: Mapped[str] = mapped_column(String, unique=True)
    status: Mapped[str] = mapped_column(String(16), default="ok")
    text: Mapped[str | None] = mapped_column(Text)
    content_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    # sha256 over extractor version, metadata and text: equal means "nothing to redo".
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    outlet: Mapped[str | None] = mapped_column(String)
    published: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    origin: Mapped[str | None] = mapped_column(Text, index=True)
    encoding: Mapped[str | None] = mapped_column(String(32))
    reject_reason: Mapped[str | None] = mapped_column(String(64))
    reject_detail: Mapped[str | None] = mapped_column(Text)
    extractor: Mapped[str | None] = mapped_column(String)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_documents_outlet_published", "outlet", "published"),)


class Attribution(Base):
    """One attributed claim (OUTPUT.md ``attributions[]``) with its span offsets."""

    __tablename__ = "attributions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    local_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    content_start: Mapped[int] = mapped_column(Integer)
    content_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_entity: Mapped[str | None] = mapped_column(String)
    # lower(source_entity or source_text): what ``claims --source`` matches.
    source_norm: Mapped[str | None] = mapped_column(String)
    source_role: Mapped[str | None] = mapped_column(String)
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str | None] = mapped_column(Text)
    via: Mapped[str] = mapped_column(Text, default="[]")  # JSON array of names
    # JSON array of the relays' spans, nearest first: [[source_start, source_end,
    # source_entity, cue_start, cue_end, content_start, content_end], ...]
    relays: Mapped[str] = mapped_column(Text, default="[]")
    channel: Mapped[str | None] = mapped_column(String)
    said_on: Mapped[str | None] = mapped_column(String(32))
    nested_in: Mapped[str | None] = mapped_column(String(32))
    hedge: Mapped[str | None] = mapped_column(String)
    # Copies of the document's metadata, and said_on or else published.
    outlet: Mapped[str | None] = mapped_column(String)
    published: Mapped[str | None] = mapped_column(String(32))
    claim_date: Mapped[str | None] = mapped_column(String(32))
    # The per-document entity the source resolves to, when there is one.
    source_doc_entity_pk: Mapped[int | None] = mapped_column(
        ForeignKey("doc_entities.pk", ondelete="SET NULL")
    )

    __table_args__ = (
        UniqueConstraint("document_pk", "local_id", name="uq_attributions_document_local"),
        Index(
            "ix_attributions_source_cover",
            "source_norm", "claim_date", "source_entity", "document_pk",
        ),
        Index("ix_attributions_pk_date", "pk", "claim_date"),
        Index("ix_attributions_outlet_date", "outlet", "claim_date"),
        Index("ix_attributions_date", "claim_date"),
        Index("ix_attributions_source_doc_entity", "source_doc_entity_pk"),
        # Partial: only the claims with a channel (a role) of a named source, what
        # ``queries.sources`` lists for its top sources (migration 0006).
        Index(
            "ix_attributions_source_channel", "source_norm", "channel",
            sqlite_where=sql_text("source_entity IS NOT NULL AND channel IS NOT NULL"),
            postgresql_where=sql_text("source_entity IS NOT NULL AND channel IS NOT NULL"),
        ),
        Index(
            "ix_attributions_source_role", "source_norm", "source_role",
            sqlite_where=sql_text("source_entity IS NOT NULL AND source_role IS NOT NULL"),
            postgresql_where=sql_text("source_entity IS NOT NULL AND source_role IS NOT NULL"),
        ),
    )


class AttributionEntity(Base):
    """An entity an attribution involves: ``role`` is ``source`` or ``content`` (mentioned in
    the content). An entity that is both is recorded once, as the source."""

    __tablename__ = "attribution_entities"

    attribution_pk: Mapped[int] = mapped_column(
        ForeignKey("attributions.pk", ondelete="CASCADE"), primary_key=True
    )
    doc_entity_pk: Mapped[int] = mapped_column(
        ForeignKey("doc_entities.pk", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16))


class AttributionEmbedding(Base):
    """The cached sentence embedding of an attribution's content (filled by
    ``claimledger.ledger.build``): 384 little-endian ``float16`` values, and the model that
    made them, so a model change re-embeds."""

    __tablename__ = "attribution_embeddings"

    attribution_pk: Mapped[int] = mapped_column(
        ForeignKey("attributions.pk", ondelete="CASCADE"), primary_key=True
    )
    model: Mapped[str] = mapped_column(String(64))
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class Quantity(Base):
    """A quantity interval (OUTPUT.md ``quantities[]``)."""

    __tablename__ = "quantities"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(
        ForeignKey("documents.pk", ondelete="CASCADE"), index=True
    )
    attribution_pk: Mapped[int | None] = mapped_column(
        ForeignKey("attributions.pk", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    low_inclusive: Mapped[bool] = mapped_column(Boolean)
    high_inclusive: Mapped[bool] = mapped_column(Boolean)
    approximate: Mapped[bool] = mapped_column(Boolean)
    unit: Mapped[str | None] = mapped_column(String)
    subject: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    currency: Mapped[str | None] = mapped_column(String(8))
    attribution_local: Mapped[str | None] = mapped_column(String(32))
    holder_start: Mapped[int | None] = mapped_column(Integer)
    holder_end: Mapped[int | None] = mapped_column(Integer)
    holder_entity: Mapped[str | None] = mapped_column(String)


class Time(Base):
    """A TIMEX3 time expression (OUTPUT.md ``times[]``)."""

    __tablename__ = "times"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(
        ForeignKey("documents.pk", ondelete="CASCADE"), index=True
    )
    attribution_pk: Mapped[int | None] = mapped_column(
        ForeignKey("attributions.pk", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str | None] = mapped_column(String)
    anchor: Mapped[str | None] = mapped_column(String(32))
    attribution_local: Mapped[str | None] = mapped_column(String(32))


class Entity(Base):
    """A canonical entity across documents (filled by ``claimledger.ledger``)."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    name_norm: Mapped[str] = mapped_column(String, index=True)
    type: Mapped[str | None] = mapped_column(String(32))
    roles: Mapped[str] = mapped_column(Text, default="[]")  # JSON array
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DocEntity(Base):
    """A canonical entity of one document (OUTPUT.md ``entities[]``)."""

    __tablename__ = "doc_entities"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(
        ForeignKey("documents.pk", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)
    name_norm: Mapped[str] = mapped_column(String, index=True)
    type: Mapped[str] = mapped_column(String(32))
    roles: Mapped[str] = mapped_column(Text, default="[]")  # JSON array
    # The cross-document entity it was merged into; null until the ledger links it.
    entity_id: Mapped[int | None] = mapped_column(
        ForeignKey("entities.id", ondelete="SET NULL"), index=True
    )


class Mention(Base):
    """One mention of a per-document entity."""

    __tablename__ = "mentions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_entity_pk: Mapped[int] = mapped_column(
        ForeignKey("doc_entities.pk", ondelete="CASCADE"), index=True
    )
    document_pk: Mapped[int] = mapped_column(
        ForeignKey("documents.pk", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class DiagnosticRow(Base):
    """A diagnostic of one document's extraction."""

    __tablename__ = "diagnostics"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(
        ForeignKey("documents.pk", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))
    message: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)


class Cluster(Base):
    """A group of attributions stating the same proposition (filled by ``claimledger.ledger``)."""

    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str | None] = mapped_column(Text)
    origins: Mapped[int | None] = mapped_column(Integer)
    mentions: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ClusterMember(Base):
    """An attribution in a cluster, with the key of its independent origin."""

    __tablename__ = "cluster_members"

    attribution_id: Mapped[int] = mapped_column(
        ForeignKey("attributions.pk", ondelete="CASCADE"), primary_key=True
    )
    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    origin_key: Mapped[str | None] = mapped_column(String)


class Measure(Base):
    """A measure: one counted thing, subject, holder, period (filled by ``claimledger.ledger``)."""

    __tablename__ = "measures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    label_norm: Mapped[str] = mapped_column(Text, index=True)
    unit: Mapped[str | None] = mapped_column(String)
    subject: Mapped[str | None] = mapped_column(Text)
    period: Mapped[str | None] = mapped_column(String(64))
    holder: Mapped[str | None] = mapped_column(String)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class Speaker(Base):
    """A named speaker's claim counts, channels, roles and names, as ``analyze`` last counted
    them (``claimledger.store.speakers``); empty while documents changed since."""

    __tablename__ = "speakers"

    speaker: Mapped[str] = mapped_column(String, primary_key=True)
    rank: Mapped[int] = mapped_column(Integer, unique=True)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String)
    claims: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    first: Mapped[str | None] = mapped_column(String(32))
    last: Mapped[str | None] = mapped_column(String(32))
    channels: Mapped[str] = mapped_column(Text, default="[]")  # JSON arrays
    roles: Mapped[str] = mapped_column(Text, default="[]")
    names: Mapped[str] = mapped_column(Text, default="[]")


class MeasureMember(Base):
    """A quantity estimating a measure, with the key of its independent origin."""

    __tablename__ = "measure_members"

    quantity_id: Mapped[int] = mapped_column(
        ForeignKey("quantities.pk", ondelete="CASCADE"), primary_key=True
    )
    measure_id: Mapped[int] = mapped_column(
        ForeignKey("measures.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    origin_key: Mapped[str | None] = mapped_column(String)


#: The tables a document's extraction fills (children of ``documents``), in insert order.
RESULT_TABLES: tuple[str, ...] = (
    "doc_entities",
    "mentions",
    "attributions",
    "attribution_entities",
    "quantities",
    "times",
    "diagnostics",
)

metadata = Base.metadata
