"""The JSON API over real HTTP against uvicorn on 127.0.0.1."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest
from web_support import Live, run_server

from communique.records import (
    Document,
    Event,
    Location,
    OffsetMap,
    Participant,
    Source,
    content_hash,
    stable_id,
)
from communique.store import Store
from communique.web.app import WebOptions


def assert_error(r: httpx.Response, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == {
        "error": {"code": code, "message": r.json()["error"]["message"], "status": status}
    }
    assert r.json()["error"]["message"]


def test_events_filtered_and_paged(client: httpx.Client, live: Live) -> None:
    s = live.sample
    body = client.get("/api/events", params={"between": "VNM,RUS"}).json()
    assert [e["event_id"] for e in body["items"]] == [s.meet, s.sign, s.visit]
    assert body["total"] == 3 and body["limit"] == 50 and body["offset"] == 0
    assert body["items"][0]["n_reports"] == 2
    assert body["items"][2]["corpus_date"] == "2018-03-01"
    page = client.get("/api/events", params={"limit": 1, "offset": 1, "type": "SIGN"}).json()
    assert page["total"] == 1 and page["items"] == []
    dated = client.get("/api/events", params={"since": "2018", "until": "2019-05"}).json()
    assert [e["event_id"] for e in dated["items"]] == [s.visit, s.lao]
    assert client.get("/api/events", params={"q": "memorandum"}).json()["total"] == 1


def test_event_detail_has_every_report_with_window(client: httpx.Client, live: Live) -> None:
    body = client.get(f"/api/events/{live.sample.meet}").json()
    assert body["kind"] == "merged" and len(body["reports"]) == 2
    for report, quote in zip(body["reports"], live.sample.meet_quotes, strict=True):
        w = report["window"]
        assert report["quote"] == quote and report["offsets_ok"]
        assert w["text"][w["quote_start"] : w["quote_end"]] == quote
        assert report["end"] - report["start"] == len(quote)
        assert report["document"]["title"]


def test_entities_dyads_documents_search(client: httpx.Client, live: Live) -> None:
    s = live.sample
    people = client.get("/api/entities", params={"q": "minh", "type": "person"}).json()
    assert [p["entity_id"] for p in people["items"]] == [s.minh]
    person = client.get(f"/api/entities/{s.petrov}").json()
    assert person["offices"][0]["office"] == "Secretary of the Security Council"
    assert [e["event_id"] for e in person["events"]] == [s.meet, s.sign, s.visit]
    dyad = client.get("/api/dyads/RUS/Viet Nam").json()
    assert (dyad["a"], dyad["b"], dyad["total"]) == ("RUS", "VNM", 3)
    assert dyad["agreements"][0]["agreement"].startswith("memorandum")
    docs = client.get("/api/documents", params={"limit": 2}).json()
    assert docs["total"] == 5 and len(docs["items"]) == 2 and "original" not in docs["items"][0]
    doc = client.get("/api/documents/xss_page").json()
    assert "<script>" in doc["original"] and doc["events"]
    hits = client.get("/api/search", params={"q": "psychotropic"}).json()["items"]
    assert {h["doc_id"] for h in hits} == {"wire_one", "no_events"}
    assert any(p["hit"] for p in hits[0]["parts"])


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/api/nothing-here", {}, 404, "not_found"),
        ("/api/events/no-such-event", {}, 404, "not_found"),
        ("/api/entities/nobody", {}, 404, "not_found"),
        ("/api/documents/none", {}, 404, "not_found"),
        ("/api/events", {"limit": 201}, 422, "invalid_request"),
        ("/api/events", {"offset": -1}, 422, "invalid_request"),
        ("/api/events", {"type": "PARTY"}, 422, "invalid_request"),
        ("/api/events", {"since": "yesterday"}, 422, "invalid_request"),
        ("/api/events", {"between": "VNM"}, 422, "invalid_request"),
        ("/api/events", {"between": "VNM,Atlantis"}, 422, "invalid_request"),
        ("/api/dyads/VNM/Nowhere", {}, 422, "invalid_request"),
        ("/api/search", {}, 422, "invalid_request"),
        ("/api/search", {"q": "x" * 201}, 422, "invalid_request"),
    ],
)
def test_one_error_shape(
    client: httpx.Client, path: str, params: dict[str, object], status: int, code: str
) -> None:
    assert_error(client.get(path, params=params), status, code)


def test_method_not_allowed_has_the_shape(client: httpx.Client) -> None:
    assert_error(client.post("/api/events"), 405, "method_not_allowed")


def test_fts_syntax_in_search_is_not_an_error(client: httpx.Client) -> None:
    for q in ['"', "AND(", "NEAR(a b", "*", "psychotropic OR", "') DROP TABLE documents; --"]:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 200, (q, r.text)


def test_missing_database_is_503_in_the_shape(tmp_path: Path) -> None:
    with run_server(tmp_path / "absent.db") as url:
        r = httpx.get(f"{url}/api/events", timeout=20)
    assert_error(r, 503, "unavailable")
    assert "no database" in r.json()["error"]["message"]


def test_server_never_writes_the_database(live: Live, client: httpx.Client) -> None:
    before = hashlib.sha256(live.db.read_bytes()).hexdigest()
    for path in ("/api/events", "/timeline", f"/events/{live.sample.meet}", "/api/search?q=talks"):
        assert client.get(path).status_code == 200
    assert hashlib.sha256(live.db.read_bytes()).hexdigest() == before


def test_openapi_and_offline_docs(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/dyads/{a}/{b}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/search",
    ):
        assert path in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/dyads/{a}/{b}" in docs.text
    assert "http://" not in docs.text and "https://" not in docs.text  # nothing loaded from outside
    assert "cdn" not in docs.text.lower()


def test_security_headers_and_escaped_article_text(client: httpx.Client, live: Live) -> None:
    r = client.get(f"/events/{live.sample.visit}")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "<script>window.__xss" not in r.text
    assert "&lt;script&gt;window.__xss = 1;" in r.text
    assert "<mark>Secretary Ivan Petrov arrived" in r.text


def _many_events_db(path: Path, n: int) -> Path:
    text = "A minister met a minister. " * 20
    doc = Document(
        "d", "/in/d.txt", "txt", text, text, OffsetMap.identity(len(text)), content_hash(text)
    )
    events = [
        Event(
            stable_id("ev", i),
            "MEET",
            "occurred",
            f"20{i % 30:02d}",
            Location("X", "VNM"),
            (Participant(f"P{i}", None, "minister", "RUS"),),
            sources=(Source("d", "A", 0, 1),),
        )
        for i in range(n)
    ]
    with Store.open(path) as store:
        store.upsert_document(doc)
        store.replace_merged_events(events)
    return path


def test_query_time_limit_applies_to_requests(tmp_path: Path) -> None:
    db = _many_events_db(tmp_path / "many.db", 3000)
    with run_server(db, WebOptions(query_seconds=1e-6)) as url:
        slow = httpx.get(f"{url}/api/events", params={"q": "minister"}, timeout=20)
    assert_error(slow, 503, "unavailable")
    assert "longer than" in slow.json()["error"]["message"]
    with run_server(db) as url:  # the default limit lets the same query through
        ok = httpx.get(f"{url}/api/events", params={"q": "minister", "limit": 5}, timeout=20)
    assert ok.status_code == 200 and ok.json()["total"] == 3000


def test_pages_render_and_html_errors_for_browsers(client: httpx.Client, live: Live) -> None:
    s = live.sample
    for path in (
        "/timeline",
        "/timeline?a=VNM&b=RUS&type=MEET",
        f"/entities/{s.minh}",
        "/entities?q=petrov",
        "/agreements",
        "/agreements?pair=VNM,RUS",
        "/topics",
        "/search?q=talks",
        "/documents/xss_page",
    ):
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:200])
        assert "<script>window.__xss" not in r.text
    assert client.get("/", follow_redirects=False).headers["location"] == "/timeline"
    html = client.get("/events/none", headers={"accept": "text/html"})
    assert html.status_code == 404 and "Error 404" in html.text
    assert_error(client.get("/events/none"), 404, "not_found")  # non-browser clients get JSON
    assert client.get("/static/app.css").status_code == 200
