"""Relays grounded: the spans behind ``via``.

``attributions.relays`` keeps, for each intermediary of ``via`` (nearest first), the
mention, the cue and the report as the intermediary gives it, as a JSON array (see
``schema.Attribution.relays``). Documents stored before this revision have no relays until
they are re-extracted (the extractor version changed, so the next ``ingest`` of the same
files does it).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("attributions") as batch:
        batch.add_column(sa.Column("relays", sa.Text, nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("attributions") as batch:
        batch.drop_column("relays")
