"""A cache of claim embeddings, so ``claimledger analyze`` embeds only new attributions.

One row per attribution: the sentence model's name and the vector, 384 ``float16`` values in
little-endian order (768 bytes; ``ledger.claims.to_blob``). A row goes with its attribution
(``ON DELETE CASCADE``), so a re-ingested document is embedded again; a row of another model
is ignored and replaced by ``ledger.build``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attribution_embeddings",
        sa.Column(
            "attribution_pk", sa.Integer, sa.ForeignKey("attributions.pk", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("model", sa.String(64), nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("attribution_embeddings")
