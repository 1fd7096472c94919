"""The FastAPI application: the JSON API under ``/api`` and the web UI, over one store.

``create_app`` is the only entry point; ``claimledger serve`` runs it under uvicorn. The app
holds one SQLAlchemy engine (SQLite in WAL mode lets it read while an ingest writes) and the
write token, both fixed when the app is created: nothing in a request can choose a database or
a file on the server.
"""

from __future__ import annotations

import os

from fastapi import FastAPI
from sqlalchemy import Engine

from .. import __version__
from ..store import db as store_db
from . import errors, routes

#: The environment variable holding the bearer token that allows writing.
TOKEN_ENV = "CLAIMLEDGER_TOKEN"
#: Largest request body accepted, in bytes.
MAX_BODY = 2 * 1024 * 1024

_FROM_ENV = object()


def create_app(
    db: str | Engine | None = None,
    *,
    token: str | None | object = _FROM_ENV,
    max_body: int = MAX_BODY,
    web: bool = True,
) -> FastAPI:
    """The application serving the store ``db``.

    Args:
        db: an engine, or a store URL/path as ``--db`` takes it (default: ``CLAIMLEDGER_DB``,
            else ``./claimledger.db``); the schema is migrated when it is not current.
        token: the bearer token that allows ``POST /api/documents``; by default the value of
            ``CLAIMLEDGER_TOKEN``. ``None`` or an empty string turns writing off.
        max_body: the request body limit in bytes (413 above it).
        web: also serve the web UI (pages and ``/static``).

    Raises:
        ValueError: an unsupported database URL, or ``max_body`` below 1.
        TypeError: ``token`` is neither a string nor ``None``.
    """
    if token is _FROM_ENV:
        token = os.environ.get(TOKEN_ENV) or None
    if token is not None and not isinstance(token, str):
        raise TypeError(f"token must be a str or None, got {type(token).__name__}")
    engine = db if isinstance(db, Engine) else store_db.create(db)
    app = FastAPI(
        title="claimledger",
        version=__version__,
        summary="A ledger of attributed claims: who said what, through whom, when.",
        description=(
            "Reading is open. `POST /api/documents` needs `Authorization: Bearer TOKEN` "
            f"(the server's `{TOKEN_ENV}`); without a token writing is off. Every error has "
            "the shape `{\"error\": {status, code, message, details}}`. Request bodies are "
            f"limited to {max_body:,} bytes."
        ),
        # Swagger UI would load its scripts from a CDN, which offline users cannot reach:
        # the OpenAPI description itself is served, for any client to render.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.engine = engine
    app.state.token = token or None
    errors.install(app)
    app.add_middleware(errors.BodyLimit, max_bytes=max_body)
    app.add_middleware(errors.SecurityHeaders)
    app.include_router(routes.router)
    if web:
        from ..web import pages

        pages.install(app)
    return app
