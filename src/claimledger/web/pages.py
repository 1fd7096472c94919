"""The web UI: server-rendered pages over the same Python API as the JSON routes.

Pages: the index, documents (list and one document with its claims highlighted), the claims
explorer, sources (list and one source), measures (list and one measure's chart), clusters
(list and one cluster). Templates are Jinja2 with autoescaping on; the only markup that is not
escaped by the template is built by :mod:`.highlight` and :mod:`.chart`, which escape every
piece of text themselves. JavaScript (``static/app.js``) only shows a claim's card on click.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Engine

from .. import __version__, export
from ..api import reads
from ..api.errors import ApiError
from ..errors import DocumentRejected
from ..ledger import build as ledger
from ..model import KINDS, Extraction
from ..store import queries
from .chart import measure_svg, source_colors
from .highlight import extraction_marks, interval_text, render

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
#: Claims per page of the explorer.
PAGE = 50


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = lambda s: quote(str(s), safe="")
    env.globals["version"] = __version__
    env.globals["export_kinds"] = export.KINDS
    env.globals["export_formats"] = export.FORMATS
    return env


ENV = _env()
router = APIRouter(include_in_schema=False)


def page(template: str, /, **context: Any) -> str:
    """Render ``template`` with ``context``."""
    return ENV.get_template(template).render(**context)


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def _html(template: str, /, **context: Any) -> HTMLResponse:
    return HTMLResponse(page(template, **context))


def _checked(call: Any) -> Any:
    try:
        return call()
    except ValueError as exc:
        raise ApiError(422, str(exc), code="invalid_parameter") from None


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    engine = _engine(request)
    return _html(
        "index.html",
        counts=reads.counts(engine),
        documents=reads.documents(engine, limit=10),
        measures=reads.measures(engine, min_estimates=2, limit=10),
        clusters=ledger.clusters(engine, limit=10),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    outlet: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    rows = reads.documents(_engine(request), outlet=outlet or None, limit=PAGE, offset=offset)
    return _html("documents.html", documents=rows, outlet=outlet or "", offset=offset,
                 more=len(rows) == PAGE, page=PAGE)


def document_context(ex: Extraction) -> dict[str, Any]:
    """What the document page shows: the highlighted text and a card per claim."""
    by_claim: dict[str, dict[str, list[Any]]] = defaultdict(lambda: {"q": [], "t": []})
    for q in ex.quantities:
        if q.attribution:
            by_claim[q.attribution]["q"].append(q)
    for t in ex.times:
        if t.attribution:
            by_claim[t.attribution]["t"].append(t)
    cards = []
    for a in ex.attributions:
        cards.append({
            "a": a,
            "quantities": [
                (q.span.text, interval_text(q.low, q.high, q.low_inclusive, q.high_inclusive)
                 + (" approx." if q.approximate else ""), q.unit, q.subject)
                for q in by_claim[a.id]["q"]
            ],
            "times": [(t.span.text, t.type, t.value) for t in by_claim[a.id]["t"]],
        })
    return {
        "ex": ex,
        "doc": ex.document,
        "body": render(ex.document.text, extraction_marks(ex)),
        "cards": cards,
        "words": len(ex.document.text.split()),
    }


def render_document(ex: Extraction) -> str:
    """The whole HTML of a document's page (what the benchmark times)."""
    return page("document.html", **document_context(ex))


@router.get("/documents/{key:path}", response_class=HTMLResponse)
def document_page(request: Request, key: str) -> HTMLResponse:
    found = queries.extraction(_engine(request), key)
    if found is None:
        raise ApiError(404, f"no document {key!r}")
    if isinstance(found, DocumentRejected):
        raise ApiError(404, f"document {key!r} was rejected ({found.reason}): {found.detail}")
    return HTMLResponse(render_document(found))


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    source: str | None = None,
    entity: str | None = None,
    text: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    document: str | None = None,
    kind: str | None = None,
    unsourced: bool = False,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    filters = {
        "source": source, "entity": entity, "text": text, "since": since, "until": until,
        "outlet": outlet, "document": document, "kind": kind,
    }
    active = {k: v.strip() for k, v in filters.items() if v and v.strip()}
    error = None
    rows: list[queries.Claim] = []
    try:
        rows = queries.claims(
            _engine(request), source=active.get("source"), entity=active.get("entity"),
            text=active.get("text"), since=active.get("since"), until=active.get("until"),
            outlet=active.get("outlet"), document=active.get("document"),
            kind=active.get("kind"), unsourced=unsourced, limit=PAGE, offset=offset,
        )
    except ValueError as exc:
        error = str(exc)  # shown above the form; the user fixes the filter there
    flags = {"unsourced": "true"} if unsourced else {}

    def link(new_offset: int) -> str:
        return "/claims?" + urlencode({**active, **flags, "offset": new_offset})

    return _html(
        "claims.html", claims=rows, filters={k: active.get(k, "") for k in filters},
        unsourced=unsourced, kinds=KINDS, error=error, offset=offset, page=PAGE,
        prev_link=link(max(0, offset - PAGE)) if offset else None,
        next_link=link(offset + PAGE) if len(rows) == PAGE else None,
    )


@router.get("/sources", response_class=HTMLResponse)
def sources_page(
    request: Request, outlet: str | None = None, offset: Annotated[int, Query(ge=0)] = 0
) -> HTMLResponse:
    rows = queries.sources(_engine(request), outlet=outlet or None, limit=PAGE, offset=offset)
    return _html("sources.html", sources=rows, offset=offset, more=len(rows) == PAGE,
                 page=PAGE, outlet=outlet or "")


#: Claims shown on a source's page.
SOURCE_CLAIMS = 500


@router.get("/sources/{name:path}", response_class=HTMLResponse)
def source_page(request: Request, name: str) -> HTMLResponse:
    rows = queries.claims(_engine(request), source=name, limit=SOURCE_CLAIMS)
    if not rows:
        raise ApiError(404, f"no claims by {name!r}")
    by_date: dict[str, dict[str, list[queries.Claim]]] = {}
    for c in rows:
        by_date.setdefault(c.date or "undated", {}).setdefault(c.channel or "—", []).append(c)
    channels: dict[str, int] = defaultdict(int)
    for c in rows:
        channels[c.channel or "—"] += 1
    roles = sorted({c.source_role for c in rows if c.source_role})
    return _html("source.html", name=rows[0].source_entity or name, by_date=by_date,
                 total=len(rows), capped=len(rows) == SOURCE_CLAIMS,
                 channels=sorted(channels.items(), key=lambda kv: -kv[1]), roles=roles)


@router.get("/measures", response_class=HTMLResponse)
def measures_page(
    request: Request,
    text: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    rows = _checked(lambda: reads.measures(
        _engine(request), text=text or None, limit=PAGE, offset=offset
    ))
    return _html("measures.html", measures=rows, text=text or "", offset=offset,
                 more=len(rows) == PAGE, page=PAGE)


@router.get("/measures/{measure_id}", response_class=HTMLResponse)
def measure_page(request: Request, measure_id: int) -> HTMLResponse:
    m = reads.measure(_engine(request), measure_id)
    if m is None:
        raise ApiError(404, f"no measure {measure_id}")
    colors = source_colors(m.estimates)
    conflicts = [(i, j) for i, j, r in m.pairs if r == "conflicting"]
    return _html("measure.html", m=m, chart=measure_svg(m.estimates, title=m.label),
                 colors=colors, conflicts=conflicts)


@router.get("/clusters", response_class=HTMLResponse)
def clusters_page(
    request: Request,
    text: str | None = None,
    min_outlets: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    rows = ledger.clusters(_engine(request), text=text or None, min_outlets=min_outlets,
                           limit=200)
    return _html("clusters.html", clusters=rows, text=text or "", min_outlets=min_outlets)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, cluster_id: int) -> HTMLResponse:
    c = reads.cluster(_engine(request), cluster_id)
    if c is None:
        raise ApiError(404, f"no cluster {cluster_id}")
    groups: dict[str | None, list[reads.ClusterMemberView]] = {}
    for m in c.members:
        groups.setdefault(m.origin, []).append(m)
    return _html("cluster.html", c=c, groups=list(groups.items()))


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs_page(request: Request) -> HTMLResponse:
    """The API's routes from its OpenAPI description, rendered here (no scripts from a CDN)."""
    return _html("api_docs.html", spec=request.app.openapi())


def error_page(status: int, message: str) -> str:
    """The HTML of an error page (the web side of the one error shape)."""
    return page("error.html", status=status, message=message)


def install(app: FastAPI) -> None:
    """Serve the pages and ``/static`` on ``app``, and HTML error pages to browsers."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.state.html_error = error_page

