"""Quantity holders: whose count a quantity is, and the holder of a measure.

"Clinton won 739 delegates" and "Sanders has 465 delegates" are estimates of two measures,
not one: ``quantities`` keeps the holder's mention (``holder_start``/``holder_end``) and
canonical name (``holder_entity``), and ``measures`` the holder it is about. Documents
stored before this revision have no holders until they are re-extracted (the extractor
version changed, so the next ``ingest`` of the same files does it).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("quantities") as batch:
        batch.add_column(sa.Column("holder_start", sa.Integer))
        batch.add_column(sa.Column("holder_end", sa.Integer))
        batch.add_column(sa.Column("holder_entity", sa.String))
    with op.batch_alter_table("measures") as batch:
        batch.add_column(sa.Column("holder", sa.String))


def downgrade() -> None:
    with op.batch_alter_table("measures") as batch:
        batch.drop_column("holder")
    with op.batch_alter_table("quantities") as batch:
        batch.drop_column("holder_entity")
        batch.drop_column("holder_end")
        batch.drop_column("holder_start")
