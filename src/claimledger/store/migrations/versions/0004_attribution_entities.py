"""Which entities each attribution involves: its source, and those mentioned in its content.

Written with the extraction (``write.py``), so ``claims --entity`` reads a small index instead
of matching mention offsets against every claim of every document that mentions the entity.
Existing stores are filled from their mentions here.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attribution_entities",
        sa.Column(
            "attribution_pk", sa.Integer, sa.ForeignKey("attributions.pk", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "doc_entity_pk", sa.Integer, sa.ForeignKey("doc_entities.pk", ondelete="CASCADE"),
            primary_key=True, index=True,
        ),
        sa.Column("role", sa.String(16), nullable=False),
    )
    op.execute(
        "INSERT INTO attribution_entities (attribution_pk, doc_entity_pk, role) "
        "SELECT a.pk, a.source_doc_entity_pk, 'source' FROM attributions a "
        "WHERE a.source_doc_entity_pk IS NOT NULL"
    )
    op.execute(
        "INSERT INTO attribution_entities (attribution_pk, doc_entity_pk, role) "
        "SELECT DISTINCT a.pk, m.doc_entity_pk, 'content' FROM attributions a "
        "JOIN mentions m ON m.document_pk = a.document_pk "
        "AND m.start >= a.content_start AND m.\"end\" <= a.content_end "
        "WHERE a.source_doc_entity_pk IS NULL OR m.doc_entity_pk <> a.source_doc_entity_pk"
    )


def downgrade() -> None:
    op.drop_table("attribution_entities")
