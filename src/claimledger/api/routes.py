"""The routes of the JSON API, under ``/api``: thin layers over ``store.queries``,
``ledger.build``, ``api.reads`` and ``export``.

Reading is open. ``POST /api/documents`` needs ``Authorization: Bearer TOKEN`` matching the
server's token (``CLAIMLEDGER_TOKEN``); without a configured token writing is off (403).
A filter the query layer refuses (a malformed date, an empty text search) is a 422 in the one
error shape, with the query layer's message.
"""

from __future__ import annotations

import hmac
import tempfile
from collections.abc import Callable, Iterator
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from pydantic import ValidationError
from sqlalchemy import Engine

from .. import export
from ..decoding import check_text
from ..errors import DocumentRejected
from ..ledger import build as ledger
from ..model import Document, Extraction
from ..sidecars import merge_meta, page_meta, validate_meta
from ..store import queries, write
from . import reads
from .errors import ApiError
from .models import (
    ClaimOut,
    ClusterOut,
    ClusterSummaryOut,
    DocumentIn,
    DocumentSummaryOut,
    EntityOut,
    ErrorOut,
    ExtractionOut,
    MeasureOut,
    MeasureSummaryOut,
    Page,
    SourceOut,
)

router = APIRouter(prefix="/api", responses={
    422: {"model": ErrorOut, "description": "Invalid parameters"},
    500: {"model": ErrorOut, "description": "Internal error"},
})

_R = TypeVar("_R")
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "Unknown id"}
}


def get_engine(request: Request) -> Engine:
    """The store's engine of the application serving ``request``."""
    engine: Engine = request.app.state.engine
    return engine


EngineDep = Annotated[Engine, Depends(get_engine)]


def _checked(call: Callable[[], _R]) -> _R:
    """Run a query, turning the query layer's ``ValueError`` into a 422."""
    try:
        return call()
    except ValueError as exc:
        raise ApiError(422, str(exc), code="invalid_parameter") from None


def _found(found: Any, missing: str) -> dict[str, Any]:
    """``found.to_dict()``, or a 404 saying ``missing`` when the store has nothing."""
    if found is None:
        raise ApiError(404, missing)
    result: dict[str, Any] = found.to_dict()
    return result


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {
        "items": [i.to_dict() for i in items], "limit": limit, "offset": offset,
        "next_offset": offset + limit if len(items) == limit else None,
    }


# --- documents -----------------------------------------------------------------------------


@router.get("/documents", response_model=Page[DocumentSummaryOut], tags=["documents"])
def list_documents(
    engine: EngineDep,
    outlet: Annotated[str | None, Query(description="Only this outlet.")] = None,
    status: Annotated[str | None, Query(pattern="^(ok|rejected)$")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored documents (without their text), most recently stored first."""
    rows = _checked(lambda: reads.documents(
        engine, outlet=outlet, status=status, limit=limit, offset=offset
    ))
    return _page(rows, limit, offset)


@router.get(
    "/documents/{key:path}", response_model=ExtractionOut, responses=NOT_FOUND,
    tags=["documents"], response_model_by_alias=True,
)
def get_document(engine: EngineDep, key: str) -> dict[str, Any]:
    """One document's stored extraction, in the shape ``claimledger extract`` prints.

    A document that was rejected at ingest is a 404 whose message gives the reason.
    """
    found = queries.extraction(engine, key)
    if found is None:
        raise ApiError(404, f"no document {key!r}")
    if isinstance(found, DocumentRejected):
        raise ApiError(
            404, f"document {key!r} was rejected ({found.reason}): {found.detail}",
            code="document_rejected",
        )
    return found.to_dict()


def require_writer(request: Request) -> None:
    """Allow the request only with the server's bearer token.

    Raises:
        ApiError: 403 when the server has no token (writing is off), 401 when the
            ``Authorization`` header is missing, malformed or holds another token.
    """
    token: str | None = request.app.state.token
    if not token:
        raise ApiError(403, "writing is disabled: the server has no CLAIMLEDGER_TOKEN")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="claimledger"'}
    if scheme.lower() != "bearer" or not given:
        raise ApiError(401, "writing needs an 'Authorization: Bearer TOKEN' header",
                       headers=challenge)
    # Constant-time comparison: the time taken must not tell how much of the token matched.
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(401, "invalid token", headers=challenge)


_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": DocumentIn.model_json_schema()}},
    }
}


@router.post(
    "/documents", status_code=201, tags=["documents"], openapi_extra=_POST_BODY,
    dependencies=[Depends(require_writer)],
    responses={
        201: {"description": "Extracted and stored; the body is `{stored, document}`"},
        401: {"model": ErrorOut}, 403: {"model": ErrorOut}, 413: {"model": ErrorOut},
        415: {"model": ErrorOut},
    },
)
async def post_document(request: Request, engine: EngineDep) -> dict[str, Any]:
    """Extract a document (`{id, text|html, meta}`) and store it, replacing an older version.

    The token is checked before the body is read. A document that cannot be read (empty
    text, an HTML page without an article, bad metadata) is a 422 whose ``code`` is
    ``document_rejected``.
    """
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json":
        raise ApiError(415, f"the body must be application/json, got {ctype or 'nothing'!r}")
    raw = await request.body()
    try:
        body = DocumentIn.model_validate_json(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False, include_context=False)
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in errors]
        ) from None
    try:
        document = to_document(body)
    except DocumentRejected as exc:
        raise ApiError(422, exc.detail, code="document_rejected",
                       details=[{"reason": exc.reason}]) from None
    extraction = await run_in_threadpool(_extract, document)
    written = await run_in_threadpool(write.store, engine, [extraction])
    return {"stored": written[0].status, "document": extraction.to_dict()}


def to_document(body: DocumentIn) -> Document:
    """The ``Document`` a POSTed body stands for (its origin is ``api``, never a path).

    Raises:
        DocumentRejected: bad metadata, an empty or binary text, an HTML page without an
            article body.
    """
    origin = "the request"
    meta = validate_meta({k: v for k, v in body.meta.items() if k != "id"}, "api", '"meta"')
    if body.text is not None:
        check_text(body.text, origin=origin)
        text, page = body.text, {}
    else:
        from .. import html  # trafilatura is slow to import: only when a page is posted

        assert body.html is not None
        check_text(body.html, origin=origin)
        article = html.extract_article(body.html, origin=origin)
        text, page = article.text, page_meta(article)
    return Document(id=body.id, text=text, meta=merge_meta(meta, page, {}), origin="api")


def _extract(document: Document) -> Extraction:
    from ..pipeline import extract  # spaCy loads on the first write, not at start-up

    return extract(document)


# --- claims, sources, entities ---------------------------------------------------------------


@router.get("/attributions", response_model=Page[ClaimOut], tags=["claims"])
def list_attributions(
    engine: EngineDep,
    source: Annotated[str | None, Query(description="Source entity or mention.")] = None,
    entity: Annotated[
        str | None, Query(description="An entity that is the source or is mentioned.")
    ] = None,
    text: Annotated[str | None, Query(description="Words that must all occur.")] = None,
    since: Annotated[str | None, Query(description="From this date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, Query(description="Up to this date, inclusive.")] = None,
    outlet: Annotated[str | None, Query(description="Only this outlet.")] = None,
    document: Annotated[str | None, Query(description="Only this document id.")] = None,
    kind: Annotated[
        str | None,
        Query(description="Only this kind: direct, indirect, mixed, according_to."),
    ] = None,
    unsourced: Annotated[bool, Query(description="Only claims that name no source.")] = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored claims, newest first, filtered as in `claimledger claims`."""
    rows = _checked(lambda: queries.claims(
        engine, source=source, entity=entity, text=text, since=since, until=until,
        outlet=outlet, document=document, kind=kind, unsourced=unsourced, limit=limit,
        offset=offset,
    ))
    return _page(rows, limit, offset)


@router.get("/sources", response_model=Page[SourceOut], tags=["claims"])
def list_sources(
    engine: EngineDep,
    outlet: Annotated[str | None, Query(description="Only this outlet.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Named speakers with claim counts, channels and roles, most claims first."""
    rows = _checked(lambda: queries.sources(engine, outlet=outlet, limit=limit, offset=offset))
    return _page(rows, limit, offset)


@router.get("/entities", response_model=Page[EntityOut], tags=["ledger"])
def list_entities(
    engine: EngineDep,
    name: Annotated[str | None, Query(description="Part of the canonical name.")] = None,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE, ...")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Cross-document entities (computed by `claimledger analyze`)."""
    rows = _checked(lambda: reads.entities(
        engine, name=name, type=type, limit=limit, offset=offset
    ))
    return _page(rows, limit, offset)


@router.get("/entities/{entity_id}", response_model=EntityOut, responses=NOT_FOUND,
            tags=["ledger"])
def get_entity(engine: EngineDep, entity_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """One cross-document entity with its name variants."""
    return _found(reads.entity(engine, entity_id), f"no entity {entity_id}")


# --- clusters and measures -----------------------------------------------------------------


@router.get("/clusters", response_model=list[ClusterSummaryOut], tags=["ledger"])
def list_clusters(
    engine: EngineDep,
    text: Annotated[str | None, Query(description="Words the label must hold.")] = None,
    min_outlets: Annotated[int, Query(ge=1)] = 1,
    min_mentions: Annotated[int, Query(ge=1)] = 2,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> list[dict[str, Any]]:
    """Claim clusters, most independent origins first (as `claimledger clusters`)."""
    rows = _checked(lambda: ledger.clusters(
        engine, min_outlets=min_outlets, min_mentions=min_mentions, text=text, limit=limit
    ))
    return [r.to_dict() for r in rows]


@router.get("/clusters/{cluster_id}", response_model=ClusterOut, responses=NOT_FOUND,
            tags=["ledger"])
def get_cluster(engine: EngineDep, cluster_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """One cluster: the claim across outlets, each member an origin or a copy."""
    return _found(reads.cluster(engine, cluster_id), f"no cluster {cluster_id}")


@router.get("/measures", response_model=Page[MeasureSummaryOut], tags=["ledger"])
def list_measures(
    engine: EngineDep,
    text: Annotated[str | None, Query(description="Words the label must hold.")] = None,
    min_estimates: Annotated[int, Query(ge=1)] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Measures, most estimates first."""
    rows = _checked(lambda: reads.measures(
        engine, text=text, min_estimates=min_estimates, limit=limit, offset=offset
    ))
    return _page(rows, limit, offset)


@router.get("/measures/{measure_id}", response_model=MeasureOut, responses=NOT_FOUND,
            tags=["ledger"])
def get_measure(engine: EngineDep, measure_id: Annotated[int, Path(ge=1)]) -> dict[str, Any]:
    """A measure's estimates oldest first, with their pairwise relations and conflicts."""
    return _found(reads.measure(engine, measure_id), f"no measure {measure_id}")


# --- exports ---------------------------------------------------------------------------------


@router.get(
    "/exports/{kind}", tags=["exports"],
    responses={200: {"description": "The file", "content": {
        export.MEDIA_TYPES["jsonl"]: {}, "text/csv": {}, export.MEDIA_TYPES["parquet"]: {},
    }}},
)
def get_export(
    engine: EngineDep,
    kind: Annotated[str, Path(pattern="^(attributions|quantities|entities|clusters)$")],
    format: Annotated[str, Query(pattern="^(jsonl|csv|parquet)$")] = "jsonl",
    outlet: Annotated[str | None, Query(description="Only this outlet.")] = None,
    document: Annotated[str | None, Query(description="Only this document id.")] = None,
) -> StreamingResponse:
    """Download every row of `kind` as JSON Lines, CSV or Parquet, streamed."""
    name = f"claimledger-{kind}.{format}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    batches = export.iter_rows(engine, kind, outlet=outlet, document=document)
    body: Iterator[bytes]
    if format == "parquet":
        body = _parquet_chunks(kind, batches)
    else:
        body = export.encode_text(kind, format, batches)
    return StreamingResponse(body, media_type=export.MEDIA_TYPES[format], headers=headers)


def _parquet_chunks(kind: str, batches: Iterator[list[dict[str, Any]]]) -> Iterator[bytes]:
    # Parquet's footer comes last, so the file is written first: in memory up to 16 MB,
    # spilled to a temporary file beyond that, then streamed out in chunks.
    with tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024) as spool:
        export.write_parquet(kind, batches, spool)
        spool.seek(0)
        while chunk := spool.read(256 * 1024):
            yield chunk
