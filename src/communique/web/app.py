"""The FastAPI application: JSON API under ``/api``, HTML pages, static assets.

Why a factory: the database path and limits are given once and kept on
``app.state`` (no module-level state); each request opens the database
read-only in its own thread and closes it again, so the app never writes and
never shares a SQLite connection between threads. Every query runs under a time
limit (:class:`communique.query.Reader`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from communique import __version__
from communique.query import Reader
from communique.query.reader import DEFAULT_QUERY_SECONDS
from communique.store import Store
from communique.web import errors

HERE = Path(__file__).resolve().parent

#: Sent with every response: nothing but our own files may run or load, so even a
#: payload that slipped past escaping could not execute.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True, slots=True)
class WebOptions:
    """Limits of a served database."""

    query_seconds: float = DEFAULT_QUERY_SECONDS
    window: int = 600  # characters of document text around each reporting sentence


@contextmanager
def open_reader(request: Request) -> Iterator[Reader]:
    """A read-only, time-limited reader of the app's database for one request."""
    state = request.app.state
    with Store.open(state.db_path, readonly=True) as store:
        yield Reader(store, state.options.query_seconds)


def templates() -> Jinja2Templates:
    """Jinja2 templates with autoescaping on for every file (article text is data)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return Jinja2Templates(env=env)


def create_app(db_path: str | Path, options: WebOptions | None = None) -> FastAPI:
    """Build the app over the database at ``db_path`` (opened read-only per request)."""
    from communique.web import api, docs_page, pages

    app = FastAPI(
        title="communique",
        version=__version__,
        description="Read-only API over a communique database: events, entities, dyads, documents.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db_path = Path(db_path)
    app.state.options = options or WebOptions()
    app.state.templates = templates()
    errors.install(app)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    app.include_router(api.router)
    app.include_router(docs_page.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app
