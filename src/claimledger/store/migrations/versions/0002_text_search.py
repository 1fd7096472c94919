"""Full-text search on attribution content: FTS5 on SQLite, a GIN tsvector index on PostgreSQL.

Both serve ``queries.claims(text=...)``: the query module picks the matching predicate for the
dialect, so callers see one API.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: The PostgreSQL text search configuration; queries.py must use the same one for the index to
#: be used.
PG_CONFIG = "english"


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # An external-content table: the text is stored once (in attributions), FTS5 keeps only
        # its index, and triggers keep the two in step inside the writer's transaction.
        op.execute(
            "CREATE VIRTUAL TABLE attributions_fts USING fts5("
            "content_text, content='attributions', content_rowid='pk', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            "CREATE TRIGGER attributions_fts_ai AFTER INSERT ON attributions BEGIN "
            "INSERT INTO attributions_fts(rowid, content_text) VALUES (new.pk, new.content_text); "
            "END"
        )
        op.execute(
            "CREATE TRIGGER attributions_fts_ad AFTER DELETE ON attributions BEGIN "
            "INSERT INTO attributions_fts(attributions_fts, rowid, content_text) "
            "VALUES ('delete', old.pk, old.content_text); END"
        )
        op.execute(
            "CREATE TRIGGER attributions_fts_au AFTER UPDATE OF content_text ON attributions "
            "BEGIN "
            "INSERT INTO attributions_fts(attributions_fts, rowid, content_text) "
            "VALUES ('delete', old.pk, old.content_text); "
            "INSERT INTO attributions_fts(rowid, content_text) VALUES (new.pk, new.content_text); "
            "END"
        )
        op.execute("INSERT INTO attributions_fts(attributions_fts) VALUES ('rebuild')")
    elif dialect == "postgresql":
        op.execute(
            "CREATE INDEX ix_attributions_content_tsv ON attributions "
            f"USING gin (to_tsvector('{PG_CONFIG}', content_text))"
        )
    # Other dialects: text search falls back to LIKE (see queries.py).


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("attributions_fts_ai", "attributions_fts_ad", "attributions_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS attributions_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_attributions_content_tsv")
