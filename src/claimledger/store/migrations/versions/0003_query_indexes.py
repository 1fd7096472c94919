"""Covering indexes for the two queries that touch many rows at a million attributions.

* ``ix_attributions_pk_date`` (pk, claim_date): a text search ranks its matches by date from
  this small index instead of visiting each matching row of the (wide) table.
* ``ix_attributions_source_cover`` (source_norm, claim_date, source_entity, document_pk)
  replaces ``ix_attributions_source_date``: claims by source still read it in date order, and
  ``sources`` counts claims and documents per speaker from the index alone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_attributions_pk_date", "attributions", ["pk", "claim_date"])
    op.create_index(
        "ix_attributions_source_cover",
        "attributions",
        ["source_norm", "claim_date", "source_entity", "document_pk"],
    )
    op.drop_index("ix_attributions_source_date", table_name="attributions")


def downgrade() -> None:
    op.create_index("ix_attributions_source_date", "attributions", ["source_norm", "claim_date"])
    op.drop_index("ix_attributions_source_cover", table_name="attributions")
    op.drop_index("ix_attributions_pk_date", table_name="attributions")
