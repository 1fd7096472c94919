"""One error shape for every error the server answers, and the request-body size limit.

Every API error, whatever raised it (a route, FastAPI's validation, Starlette's router for an
unknown path or method, the body limit, an unexpected exception), is answered as::

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}

``details`` is a list (empty unless there is more to say: the fields that failed validation,
each ``{"loc": [...], "msg": "...", "type": "..."}``). A web page (a path outside ``/api``
requested by a browser that accepts HTML) gets the same status and message as an HTML page.
An unexpected exception is logged with its traceback and answered with a generic 500, never
with the exception's text.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("claimledger.api")

#: The ``code`` of each HTTP status the server answers with.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
}


class ApiError(Exception):
    """An error a route answers with: HTTP ``status``, a stable ``code``, a ``message``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        details: list[Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.details = details or []
        self.headers = headers


def error_body(
    status: int, message: str, code: str | None = None, details: list[Any] | None = None
) -> dict[str, Any]:
    """The JSON error body."""
    return {
        "error": {
            "status": status,
            "code": code or CODES.get(status, "error"),
            "message": message,
            "details": details or [],
        }
    }


HtmlRenderer = Callable[[int, str], str]


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path == "/api" or path.startswith("/api/") or path.startswith("/openapi"):
        return False
    return "text/html" in request.headers.get("accept", "")


def _respond(
    request: Request, status: int, message: str, code: str | None = None,
    details: list[Any] | None = None, headers: dict[str, str] | None = None,
) -> Response:
    render: HtmlRenderer | None = getattr(request.app.state, "html_error", None)
    if render is not None and _wants_html(request):
        return HTMLResponse(render(status, message), status_code=status, headers=headers)
    return JSONResponse(error_body(status, message, code, details), status, headers=headers)


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts on the request's path."""
    from starlette.routing import Match

    methods: set[str] = set()

    def walk(routes: Any) -> None:
        for route in routes:
            inner = getattr(route, "original_router", None)  # an included router
            if inner is not None:
                walk(inner.routes)
                continue
            match, _ = route.matches(request.scope)
            if match != Match.NONE:
                methods.update(getattr(route, "methods", None) or ())

    walk(request.app.router.routes)
    return sorted(methods)


def _clean_errors(errors: Any) -> list[dict[str, Any]]:
    # pydantic's error dicts may hold the failing input and exception objects in "ctx":
    # keep only what is JSON and says what to fix (echoing a 2 MB input back is no help).
    out = []
    for e in errors:
        out.append({"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")),
                    "type": str(e.get("type", ""))})
    return out


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _respond(request, exc.status, exc.message, exc.code, exc.details, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path}"
        headers = dict(exc.headers) if exc.headers else None
        if exc.status_code == 405:
            allowed = _allowed_methods(request)
            message = (f"method {request.method} is not allowed on {request.url.path} "
                       f"(allowed: {', '.join(allowed)})")
            # Starlette names only the first route of the path; several routes may share it.
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
        return _respond(request, exc.status_code, message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = _clean_errors(exc.errors())
        where = ", ".join(
            ".".join(d["loc"][1:] or d["loc"]) + f": {d['msg']}" for d in details[:3]
        )
        return _respond(request, 422, f"invalid request ({where})", "invalid_request", details)

    @app.exception_handler(Exception)
    async def _internal_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _respond(request, 500, "internal server error", "internal_error")


# --- the body size limit -------------------------------------------------------------------

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class _TooLarge(StarletteHTTPException):
    """Raised while reading a body past the limit. An HTTP exception, so that whoever is
    reading (FastAPI re-raises these untouched) lets it reach the error handlers."""

    def __init__(self, message: str) -> None:
        super().__init__(413, message)


class BodyLimit:
    """ASGI middleware answering 413 (in the JSON error shape) to a body over ``max_bytes``.

    A declared ``Content-Length`` over the limit is refused before anything is read; a body
    sent without one (chunked) is counted as it arrives and refused as soon as it passes the
    limit, so an oversized request never sits in memory whole.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        if max_bytes < 1:
            raise ValueError(f"max_bytes must be 1 or more, got {max_bytes}")
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or ()).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                await self._refuse(send, 400, "invalid Content-Length header")
                return
            if too_big:
                await self._refuse(send, 413, self._message())
                return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge(self._message())
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._refuse(send, 413, self._message())

    def _message(self) -> str:
        return f"request body too large (the limit is {self.max_bytes:,} bytes)"

    @staticmethod
    async def _refuse(send: Send, status: int, message: str) -> None:
        body = json.dumps(error_body(status, message)).encode("utf-8")
        await send({
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode())],
        })
        await send({"type": "http.response.body", "body": body})


#: Headers on every response: pages run only their own script and style sheet (inline style
#: attributes are allowed for the chart's colors), are never framed, and nothing is sniffed.
SECURITY_HEADERS = (
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     b"img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


class SecurityHeaders:
    """ASGI middleware adding ``SECURITY_HEADERS`` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {k.lower() for k, _ in headers}
                for k, v in SECURITY_HEADERS:
                    if k not in present:
                        headers.append((k, v))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
