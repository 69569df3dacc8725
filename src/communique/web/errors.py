"""One error shape for every failure the app returns.

``{"error": {"code": "...", "message": "...", "status": 404}}`` — for unknown
routes, missing records, invalid parameters (422), a query over its time limit
(503) and bugs (500). Why one shape: API clients handle one thing; a human in a
browser on a page route gets the same facts as an HTML page.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from communique.errors import StoreError

#: HTTP status -> the machine code in the error body.
CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}

_log = logging.getLogger("communique.web")


def error_body(status: int, message: str, code: str | None = None) -> dict[str, object]:
    """The error object every endpoint returns."""
    return {
        "error": {"code": code or CODES.get(status, "error"), "message": message, "status": status}
    }


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith(("/api", "/openapi", "/static")):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(
    request: Request, status: int, message: str, code: str | None = None
) -> Response:
    """JSON for API clients; an HTML page for a browser on a page route."""
    if _wants_html(request):
        templates = request.app.state.templates
        page: Response = templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
        return page
    return JSONResponse(error_body(status, message, code), status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
        parts.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = exc.detail if isinstance(exc.detail, str) else "error"
        return error_response(request, exc.status_code, message)

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(request, 422, _validation_message(exc))

    async def store_error(request: Request, exc: Exception) -> Response:
        _log.warning("store error on %s: %s", request.url.path, exc)
        return error_response(request, 503, str(exc))

    async def crash(request: Request, exc: Exception) -> Response:
        _log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return error_response(request, 500, "internal error")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StoreError, store_error)
    app.add_exception_handler(Exception, crash)
