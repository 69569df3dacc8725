"""The API's and UI's attack surface over a real uvicorn on 127.0.0.1.

SQL injection and FTS syntax in every parameter of every route, path traversal
(raw and encoded) under ``/static`` and the id routes, huge and malformed query
strings, negative and huge page sizes, invalid dates: always a 4xx in the one
error shape (or a 200 that returns nothing it should not), never a 500; article
text with HTML or script is served escaped; the database is unchanged afterwards.
"""

from __future__ import annotations

import hashlib
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
import web_support
from hypothesis import given
from hypothesis import strategies as st
from query_sample import build_sample_db

from .conftest import Tally, fuzz

SUITE = "api-attack"

SQLI = (
    "' OR '1'='1",
    '" OR ""="',
    "1; DROP TABLE documents; --",
    "') UNION SELECT name, sql, 1, 1 FROM sqlite_master --",
    "%' AND 1=0 UNION SELECT 1,2,3 --",
    "x' AND (SELECT count(*) FROM documents) > 0 AND 'a'='a",
    "1 OR 1=1",
    "*",
    '"unterminated',
    "NEAR(",
    "a OR",
    "clean:secret",
    "^start",
    "\\",
    "%",
    "_",
    "\x00",
    "\u202e\u0000\ufeff",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "A" * 5000,
    "-1",
    "99999999999999999999999999",
    "1e308",
    "NaN",
    "2024-13-45",
    "0000-00-00",
    "-2024-01",
    "99999-01-01",
    "2024/03/12",
)
TRAVERSAL = (
    "/static/../../etc/passwd",
    "/static/../../../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/....//....//etc/passwd",
    "/static/..\\..\\etc\\passwd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/app.css%00.txt",
    "/static/..%c0%af..%c0%afetc/passwd",
    "/api/documents/..%2f..%2f..%2fetc%2fpasswd",
    "/documents/../../../etc/passwd",
    "/api/../../etc/passwd",
)
#: Page routes and their query parameters (the API's come from its OpenAPI schema).
PAGES: dict[str, tuple[str, ...]] = {
    "/timeline": ("a", "b", "type", "since", "until", "q", "offset"),
    "/entities": ("q", "offset"),
    "/agreements": ("pair",),
    "/topics": ("pair",),
    "/search": ("q", "offset"),
    "/docs": (),
}
PAGE_IDS = ("/events/{id}", "/entities/{id}", "/documents/{id}")


class Server:
    """A running server over the composed sample database."""

    def __init__(self, url: str, db: Path, sample: Any) -> None:
        self.url, self.db, self.sample = url, db, sample
        self.host, port = url.removeprefix("http://").split(":")
        self.port = int(port)

    def raw(self, target: str, extra: bytes = b"") -> tuple[int, bytes]:
        """Send ``GET target`` byte for byte (no client-side path normalisation)."""
        data = b""
        with socket.create_connection((self.host, self.port), timeout=20) as sock:
            try:
                sock.sendall(
                    b"GET "
                    + target.encode("latin-1")
                    + b" HTTP/1.1\r\nHost: x\r\n"
                    + extra
                    + b"Connection: close\r\n\r\n"
                )
                while chunk := sock.recv(65536):
                    data += chunk
            except (ConnectionResetError, BrokenPipeError):
                pass  # refused mid-request (h11's size limit): checked by the status
        if not data.startswith(b"HTTP/"):
            return 0, b""  # the server closed the connection: refused, not crashed
        head, _, body = data.partition(b"\r\n\r\n")
        return int(head.split(b" ", 2)[1]), body


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    db = tmp_path_factory.mktemp("attack") / "sample.db"
    sample = build_sample_db(db)
    with web_support.run_server(db) as url:
        yield Server(url, db, sample)


@pytest.fixture(scope="module")
def http(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def db_digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def check_error_shape(r: httpx.Response) -> None:
    """Never a 500; every error in the one shape, with its status repeated."""
    assert r.status_code < 500, f"{r.request.url}: {r.status_code} {r.text[:300]}"
    if r.status_code >= 400:
        body = r.json()
        assert set(body) == {"error"}, body
        err = body["error"]
        assert err["status"] == r.status_code and err["code"] and err["message"]


def api_routes(http: httpx.Client) -> list[tuple[str, list[str], list[str]]]:
    """(path template, path params, query params) of every API route, from OpenAPI."""
    schema = http.get("/openapi.json").json()
    out = []
    for path, ops in schema["paths"].items():
        params = ops["get"].get("parameters", [])
        out.append(
            (
                path,
                [p["name"] for p in params if p["in"] == "path"],
                [p["name"] for p in params if p["in"] == "query"],
            )
        )
    assert len(out) >= 8, out
    return out


def fill(template: str, names: list[str], value: str) -> str:
    path = template
    for name in names:
        path = path.replace("{" + name + "}", quote(value, safe=""))
    return path


def test_injection_in_every_api_parameter(server: Server, http: httpx.Client, tally: Tally) -> None:
    before = db_digest(server.db)
    for template, path_params, query_params in api_routes(http):
        for payload in SQLI:
            if path_params:
                check_error_shape(http.get(fill(template, path_params, payload)))
                tally.add(SUITE, "API path parameters attacked")
            base = fill(template, path_params, "VNM") if path_params else template
            for name in query_params:
                r = http.get(base, params={name: payload})
                check_error_shape(r)
                tally.add(SUITE, "API query parameters attacked")
    assert db_digest(server.db) == before, "the served database changed"


def test_injection_matches_nothing(http: httpx.Client, tally: Tally) -> None:
    """A tautology in a text filter is a string, not SQL: it finds nothing."""
    everything = http.get("/api/events").json()["total"]
    assert everything > 0
    for payload in ("' OR '1'='1", '" OR ""="', "%' OR 1=1 --", "1 OR 1=1"):
        r = http.get("/api/events", params={"q": payload})
        assert r.status_code == 200 and r.json()["total"] == 0, (payload, r.text[:200])
        r = http.get("/api/search", params={"q": payload})
        check_error_shape(r)
        if r.status_code == 200:
            assert "sqlite_master" not in r.text
        tally.add(SUITE, "tautologies in text filters", 2)


def test_injection_in_every_page_parameter(
    server: Server, http: httpx.Client, tally: Tally
) -> None:
    for route, names in PAGES.items():
        for payload in SQLI:
            for name in names:
                r = http.get(route, params={name: payload})
                check_error_shape(r)
                tally.add(SUITE, "page query parameters attacked")
    for template in PAGE_IDS:
        for payload in SQLI:
            check_error_shape(http.get(template.replace("{id}", quote(payload, safe=""))))
            tally.add(SUITE, "page path parameters attacked")


@pytest.mark.parametrize("target", TRAVERSAL)
def test_path_traversal(server: Server, target: str, tally: Tally) -> None:
    status, body = server.raw(target)
    assert status == 0 or 400 <= status < 500, (target, status, body[:200])
    assert b"root:" not in body and b"/bin/" not in body
    tally.add(SUITE, "path traversal attempts")


def test_static_files_still_served(server: Server, tally: Tally) -> None:
    status, body = server.raw("/static/app.css")
    assert status == 200 and body
    tally.add(SUITE, "controls")


@pytest.mark.parametrize(
    "query",
    [
        "limit=-1",
        "limit=0",
        "limit=201",
        "limit=99999999999999999999999",
        "limit=1e3",
        "limit=abc",
        "limit=",
        "limit",
        "offset=-5",
        "offset=1000001",
        "offset=18446744073709551617",
        "limit=1&limit=2&limit=-3",
        "since=2024-02-30",
        "since=2024-13",
        "since=0",
        "until=-1",
        "until=2024-1-1",
        "since=2025&until=2024",
        "since=" + "9" * 40,
        "type=PARTY",
        "type=meet",
        "between=VNM",
        "between=VNM,RUS,LAO",
        "between=XXX,YYY",
        "q=%ff%fe%fd",
        "%zz=1",
        "=&=&&=",
        "q=" + "%00" * 300,
        "a[]=1&b[x]=2",
    ],
)
def test_malformed_api_queries(server: Server, query: str, tally: Tally) -> None:
    for path in ("/api/events", "/api/documents", "/api/entities", "/api/agreements"):
        with httpx.Client(timeout=30) as c:
            r = c.get(f"{server.url}{path}?{query}")
        check_error_shape(r)
    tally.add(SUITE, "malformed or out-of-range query strings", 4)


def test_page_size_bounds(http: httpx.Client, tally: Tally) -> None:
    assert http.get("/api/events", params={"limit": 200}).status_code == 200
    for limit in (-1, 0, 201, 10**12):
        r = http.get("/api/events", params={"limit": limit})
        assert r.status_code == 422 and "limit" in r.json()["error"]["message"]
    r = http.get("/api/events", params={"since": "2024-02-30"})
    assert r.status_code == 422 and "since" in r.json()["error"]["message"]
    tally.add(SUITE, "page size and date bounds", 6)


@pytest.mark.parametrize("size", [8_000, 64_000, 1_000_000])
def test_huge_query_strings(server: Server, size: int, tally: Tally) -> None:
    target = "/api/events?q=" + "a" * size
    status, body = server.raw(target)
    assert status == 0 or 400 <= status < 500, (size, status, body[:200])
    big_header = b"X-Big: " + b"b" * size + b"\r\n"
    status, _ = server.raw("/api/events", big_header)
    assert status == 0 or status == 200 or 400 <= status < 500
    assert server.raw("/api/events?limit=1")[0] == 200, "the server keeps answering"
    tally.add(SUITE, "huge query strings and headers", 2)


def test_script_in_article_text_is_escaped(
    server: Server, http: httpx.Client, tally: Tally
) -> None:
    sample = server.sample
    pages = ["/documents/xss_page", f"/events/{sample.visit}", "/search?q=Petrov"]
    for page in pages:
        r = http.get(page, headers={"accept": "text/html"})
        assert r.status_code == 200, page
        assert "<script>window.__xss" not in r.text and "<i>for a working visit" not in r.text
        assert "&lt;script&gt;" in r.text or "&lt;i&gt;" in r.text, page
        tally.add(SUITE, "pages with script in article text checked")
    api = http.get("/api/documents/xss_page").json()
    assert "<script>" in str(api), "the API returns the text as data, unchanged"


def test_reflected_input_is_escaped(http: httpx.Client, tally: Tally) -> None:
    evil = "<script>alert('r')</script><img src=x onerror=alert(1)>"
    for page, params in (
        ("/search", {"q": evil}),
        ("/timeline", {"q": evil}),
        ("/entities", {"q": evil}),
        ("/timeline", {"a": evil, "b": "VNM"}),
        ("/timeline", {"since": evil[:30]}),
    ):
        r = http.get(page, params=params, headers={"accept": "text/html"})
        assert r.status_code < 500
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, page
        tally.add(SUITE, "reflected input escaped")
    r = http.get("/events/" + quote(evil, safe=""), headers={"accept": "text/html"})
    assert r.status_code == 404 and "<script>alert" not in r.text
    assert "Content-Security-Policy" in r.headers
    tally.add(SUITE, "reflected input escaped")


TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)


def test_random_values_in_api_parameters(http: httpx.Client, tally: Tally) -> None:
    """Random Unicode in random subsets of every API route's parameters."""
    routes = api_routes(http)

    @fuzz(100)
    @given(data=st.data())
    def case(data: st.DataObject) -> None:
        template, path_params, query_params = data.draw(st.sampled_from(routes))
        path = (
            fill(template, path_params, data.draw(TEXT.filter(str.strip)))
            if path_params
            else template
        )
        names = (
            data.draw(st.lists(st.sampled_from(query_params), unique=True)) if query_params else []
        )
        check_error_shape(http.get(path, params={n: data.draw(TEXT) for n in names}))
        tally.add(SUITE, "random Unicode requests to API routes")

    case()
