"""Initial tables: documents, extraction results, entities, clusters and measures.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _doc_fk() -> sa.Column[int]:
    return sa.Column(
        "document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"),
        nullable=False,
    )


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("key", sa.String, nullable=False, unique=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("content_sha256", sa.String(64), index=True),
        sa.Column("fingerprint", sa.String(64)),
        sa.Column("outlet", sa.String),
        sa.Column("published", sa.String(32)),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("origin", sa.Text, index=True),
        sa.Column("encoding", sa.String(32)),
        sa.Column("reject_reason", sa.String(64)),
        sa.Column("reject_detail", sa.Text),
        sa.Column("extractor", sa.String),
        sa.Column("ingested_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_documents_outlet_published", "documents", ["outlet", "published"])

    op.create_table(
        "entities",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("name_norm", sa.String, nullable=False, index=True),
        sa.Column("type", sa.String(32)),
        sa.Column("roles", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "doc_entities",
        sa.Column("pk", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("name_norm", sa.String, nullable=False, index=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
        sa.Column(
            "entity_id", sa.Integer, sa.ForeignKey("entities.id", ondelete="SET NULL"), index=True
        ),
    )
    op.create_index("ix_doc_entities_document_pk", "doc_entities", ["document_pk"])
    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column(
            "doc_entity_pk", sa.Integer, sa.ForeignKey("doc_entities.pk", ondelete="CASCADE"),
            nullable=False, index=True,
        ),
        _doc_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_document_pk", "mentions", ["document_pk"])

    op.create_table(
        "attributions",
        sa.Column("pk", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("local_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("source_start", sa.Integer),
        sa.Column("source_end", sa.Integer),
        sa.Column("source_text", sa.Text),
        sa.Column("source_entity", sa.String),
        sa.Column("source_norm", sa.String),
        sa.Column("source_role", sa.String),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("cue_text", sa.Text),
        sa.Column("via", sa.Text, nullable=False),
        sa.Column("channel", sa.String),
        sa.Column("said_on", sa.String(32)),
        sa.Column("nested_in", sa.String(32)),
        sa.Column("hedge", sa.String),
        sa.Column("outlet", sa.String),
        sa.Column("published", sa.String(32)),
        sa.Column("claim_date", sa.String(32)),
        sa.Column(
            "source_doc_entity_pk", sa.Integer,
            sa.ForeignKey("doc_entities.pk", ondelete="SET NULL"),
        ),
        sa.UniqueConstraint("document_pk", "local_id", name="uq_attributions_document_local"),
    )
    op.create_index("ix_attributions_source_date", "attributions", ["source_norm", "claim_date"])
    op.create_index("ix_attributions_outlet_date", "attributions", ["outlet", "claim_date"])
    op.create_index("ix_attributions_date", "attributions", ["claim_date"])
    op.create_index(
        "ix_attributions_source_doc_entity", "attributions", ["source_doc_entity_pk"]
    )

    for name, extra in (
        (
            "quantities",
            [
                sa.Column("low", sa.Float),
                sa.Column("high", sa.Float),
                sa.Column("low_inclusive", sa.Boolean, nullable=False),
                sa.Column("high_inclusive", sa.Boolean, nullable=False),
                sa.Column("approximate", sa.Boolean, nullable=False),
                sa.Column("unit", sa.String),
                sa.Column("subject", sa.Text),
                sa.Column("kind", sa.String(16), nullable=False),
                sa.Column("currency", sa.String(8)),
            ],
        ),
        (
            "times",
            [
                sa.Column("type", sa.String(16), nullable=False),
                sa.Column("value", sa.String),
                sa.Column("anchor", sa.String(32)),
            ],
        ),
    ):
        op.create_table(
            name,
            sa.Column("pk", sa.Integer, primary_key=True),
            _doc_fk(),
            sa.Column(
                "attribution_pk", sa.Integer,
                sa.ForeignKey("attributions.pk", ondelete="CASCADE"),
            ),
            sa.Column("seq", sa.Integer, nullable=False),
            sa.Column("start", sa.Integer, nullable=False),
            sa.Column("end", sa.Integer, nullable=False),
            sa.Column("text", sa.Text, nullable=False),
            *extra,
            sa.Column("attribution_local", sa.String(32)),
        )
        op.create_index(f"ix_{name}_document_pk", name, ["document_pk"])
        op.create_index(f"ix_{name}_attribution_pk", name, ["attribution_pk"])

    op.create_table(
        "diagnostics",
        sa.Column("pk", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_index("ix_diagnostics_document_pk", "diagnostics", ["document_pk"])

    op.create_table(
        "clusters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.Text),
        sa.Column("origins", sa.Integer),
        sa.Column("mentions", sa.Integer),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "cluster_members",
        sa.Column(
            "attribution_id", sa.Integer, sa.ForeignKey("attributions.pk", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "cluster_id", sa.Integer, sa.ForeignKey("clusters.id", ondelete="CASCADE"),
            primary_key=True, index=True,
        ),
        sa.Column("origin_key", sa.String),
    )
    op.create_table(
        "measures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("label_norm", sa.Text, nullable=False, index=True),
        sa.Column("unit", sa.String),
        sa.Column("subject", sa.Text),
        sa.Column("period", sa.String(64)),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "measure_members",
        sa.Column(
            "quantity_id", sa.Integer, sa.ForeignKey("quantities.pk", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "measure_id", sa.Integer, sa.ForeignKey("measures.id", ondelete="CASCADE"),
            primary_key=True, index=True,
        ),
        sa.Column("origin_key", sa.String),
    )


def downgrade() -> None:
    for name in (
        "measure_members", "measures", "cluster_members", "clusters", "diagnostics", "times",
        "quantities", "attributions", "mentions", "doc_entities", "entities", "documents",
    ):
        op.drop_table(name)
