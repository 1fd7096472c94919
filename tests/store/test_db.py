"""Opening the store: URLs, migrations, SQLite pragmas."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from claimledger.store import db
from claimledger.store.schema import metadata


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("ledger.db", "sqlite:///ledger.db"),
        ("/tmp/x/ledger.db", "sqlite:////tmp/x/ledger.db"),
        ("sqlite:///a.db", "sqlite:///a.db"),
        ("postgresql://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
        ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
    ],
)
def test_resolve_url(given: str, expected: str) -> None:
    assert db.resolve_url(given) == expected


@pytest.mark.parametrize("bad", ["mysql://u@h/d", "oracle://x"])
def test_resolve_url_rejects_other_databases(bad: str) -> None:
    with pytest.raises(ValueError, match="unsupported database URL"):
        db.resolve_url(bad)


def test_resolve_url_default_and_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(db.ENV_VAR, raising=False)
    assert db.resolve_url(None) == "sqlite:///claimledger.db"
    monkeypatch.setenv(db.ENV_VAR, "other.db")
    assert db.resolve_url(None) == "sqlite:///other.db"
    assert db.resolve_url("given.db") == "sqlite:///given.db"  # --db wins over the variable


def test_migrations_apply_on_an_empty_database(db_url: str) -> None:
    engine = db.create(db_url, migrate=False)
    assert db.current_revision(engine) is None
    db.upgrade(engine)
    assert db.current_revision(engine) == db.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert set(metadata.tables) <= tables
    db.upgrade(engine)  # a second open is a no-op
    engine.dispose()


def test_migrations_match_the_declared_schema(db_url: str) -> None:
    engine = db.create(db_url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        diffs = [
            d for d in compare_metadata(ctx, metadata)
            # Text search is dialect-specific (migration 0002) and not declared in schema.py.
            if not (d[0] == "remove_table" and d[1].name.startswith("attributions_fts"))
            and not (d[0] == "remove_index" and d[1].name == "ix_attributions_content_tsv")
        ]
    engine.dispose()
    assert diffs == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    engine = db.create(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == db.BUSY_TIMEOUT_MS
    engine.dispose()


def test_sqlite_reader_works_while_a_writer_holds_a_transaction(sqlite_url: str) -> None:
    writer_engine = db.create(sqlite_url)
    reader_engine = db.create(sqlite_url)
    with writer_engine.connect() as writer:
        writer.execution_options(sqlite_immediate=True)
        with writer.begin():
            writer.execute(text(
                "INSERT INTO entities (name, name_norm, roles, created_at) "
                "VALUES ('A', 'a', '[]', '2025-01-01')"
            ))
            with reader_engine.connect() as reader:  # WAL: not blocked, sees the old state
                assert reader.execute(text("SELECT count(*) FROM entities")).scalar() == 0
    with reader_engine.connect() as reader:
        assert reader.execute(text("SELECT count(*) FROM entities")).scalar() == 1
    writer_engine.dispose()
    reader_engine.dispose()
