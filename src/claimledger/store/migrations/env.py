"""Alembic environment: runs on the connection that ``claimledger.store.db`` hands over.

Migrations are only ever run programmatically (``db.migrate``), which puts an open
``Connection`` in ``config.attributes["connection"]``; there is no offline (SQL script) mode.
"""

from __future__ import annotations

from alembic import context

from claimledger.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running the alembic CLI by hand
    raise RuntimeError("run migrations through claimledger.store.db.migrate(), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things in place: batch mode recreates tables when needed.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
