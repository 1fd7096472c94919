"""Partial indexes for ``claimledger sources``: each named source's channels and roles.

``queries.sources`` lists, for the top sources, their channels and roles. Without these
indexes that reads every claim of those sources from the table (most of a million-row store,
since the top sources say most of it); with them it reads only the few claims that have a
channel or a role, from a small index. Measured on ``benchmark store --attributions
1000000``: ``sources`` top 50 went from 1.4 s to 0.3-0.4 s (see ``docs/ledger.md``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_INDEXES = (
    ("ix_attributions_source_channel", "channel"),
    ("ix_attributions_source_role", "source_role"),
)


def upgrade() -> None:
    for name, column in _INDEXES:
        where = sa.text(f"source_entity IS NOT NULL AND {column} IS NOT NULL")
        op.create_index(
            name, "attributions", ["source_norm", column],
            sqlite_where=where, postgresql_where=where,
        )


def downgrade() -> None:
    for name, _ in _INDEXES:
        op.drop_index(name, table_name="attributions")
