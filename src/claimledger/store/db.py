"""Opening the store: a URL in, a migrated SQLAlchemy ``Engine`` out.

The store is ``claimledger.db`` in the working directory unless a ``--db URL`` option or the
``CLAIMLEDGER_DB`` environment variable names another. A bare path is a SQLite file;
``sqlite:///PATH`` and ``postgresql://...`` URLs are taken as they are (PostgreSQL goes through
psycopg 3).

SQLite runs in WAL mode so that readers (``claimledger claims``, the web app) keep working
while ``claimledger ingest`` writes; ``synchronous=NORMAL`` is durable across a killed process
(only a power cut can lose the last commits, never consistency).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

#: The environment variable naming the store.
ENV_VAR = "CLAIMLEDGER_DB"
#: The store used when neither ``--db`` nor ``CLAIMLEDGER_DB`` names one.
DEFAULT_PATH = "claimledger.db"
#: Milliseconds a SQLite connection waits for another writer's lock before giving up.
BUSY_TIMEOUT_MS = 30_000

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_SUPPORTED = ("sqlite", "postgresql")


def resolve_url(url: str | None = None) -> str:
    """The SQLAlchemy URL of the store named by ``url``, ``CLAIMLEDGER_DB`` or the default.

    A plain path (no ``://``) is a SQLite file; ``postgresql://`` and ``postgres://`` are mapped
    to the psycopg 3 driver.

    Raises:
        ValueError: the URL names a database other than SQLite or PostgreSQL.
    """
    raw = url or os.environ.get(ENV_VAR) or DEFAULT_PATH
    if "://" not in raw:
        return f"sqlite:///{raw}"
    for prefix in ("postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    backend = make_url(raw).get_backend_name()
    if backend not in _SUPPORTED:
        raise ValueError(
            f"unsupported database URL {raw!r}: use a file path, sqlite:///PATH or "
            "postgresql://USER@HOST:PORT/DB"
        )
    return raw


def create(url: str | None = None, *, migrate: bool = True, **kwargs: Any) -> Engine:
    """An engine on the store, its schema brought up to date unless ``migrate`` is false.

    Args:
        url: see ``resolve_url``.
        migrate: run the pending Alembic migrations (creating the schema of a new store).
        **kwargs: passed to ``sqlalchemy.create_engine``.

    Raises:
        ValueError: an unsupported URL.
        sqlalchemy.exc.OperationalError: the database cannot be opened or reached.
    """
    resolved = resolve_url(url)
    sa_url = make_url(resolved)
    if sa_url.get_backend_name() == "sqlite":
        connect_args = dict(kwargs.pop("connect_args", {}))
        # The batch ingest reads in one thread and writes in another; each uses its own
        # pooled connection, never at once, so sqlite3's same-thread check is only noise.
        connect_args.setdefault("check_same_thread", False)
        engine = create_engine(resolved, connect_args=connect_args, **kwargs)
        _configure_sqlite(engine)
    else:
        kwargs.setdefault("pool_pre_ping", True)
        engine = create_engine(resolved, **kwargs)
    if migrate:
        upgrade(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (below) issue BEGIN itself: pysqlite's own implicit transactions
        # do not cover DDL and start late, which breaks "one transaction per batch".
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA cache_size = -65536")  # 64 MiB of page cache per connection
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A writer takes the write lock up front (IMMEDIATE), so it waits on busy_timeout
        # instead of failing mid-transaction when another writer got there first.
        if conn.get_execution_options().get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


@functools.lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration's revision id."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None  # the package always ships its migrations
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the store is at, or ``None`` for an empty database."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the pending migrations, all in one transaction (DDL is transactional on both
    SQLite and PostgreSQL, so a failed upgrade leaves the store as it was).

    A store already at ``head`` is left alone without taking the write lock, so opening the
    store while an ingest writes does not wait for it.

    Raises:
        alembic.util.CommandError: the store is at a revision this version does not know
            (it was written by a newer claimledger).
    """
    if revision == "head" and current_revision(engine) == head_revision():
        return
    config = _alembic_config()
    with engine.connect() as conn:
        # IMMEDIATE: two processes opening a new store at once must not both create tables.
        conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, revision)


def is_sqlite(engine: Engine) -> bool:
    """Whether ``engine`` is on SQLite (FTS5) rather than PostgreSQL (tsvector)."""
    return engine.dialect.name == "sqlite"
