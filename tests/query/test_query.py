"""The read queries shared by CLI and API, on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from query_sample import TEXTS, Sample

from communique.errors import ConfigError, StoreError
from communique.merge.dates import PartialDate
from communique.query import (
    EventFilter,
    Page,
    Reader,
    country_code,
    dyad_summary,
    dyads,
    export,
    get_entity,
    get_event,
    list_entities,
    list_events,
    search,
    split_spans,
    topics_by_year,
)
from communique.query.dates import parse_bound, sort_key, within
from communique.query.documents import fts_query
from communique.store import Store


def ids(reader: Reader, filt: EventFilter) -> list[str]:
    return [r.event.event_id for r in list_events(reader, filt, Page(200)).items]


def test_timeline_is_chronological_with_yearless_by_corpus_date_and_undated_last(
    reader: Reader, sample: Sample
) -> None:
    assert ids(reader, EventFilter()) == [
        sample.meet,
        sample.sign,
        sample.visit,
        sample.lao,
        sample.planned,
    ]


def test_sort_key_orders_partial_dates() -> None:
    dates = ["2018", "--07-25", "2017-07", None, "2017-07-25", "2017"]
    ordered = sorted(dates, key=lambda d: sort_key(d, None, ""))
    assert ordered == ["2017", "2017-07", "2017-07-25", "2018", "--07-25", None]


def test_between_keeps_events_involving_both_countries(reader: Reader, sample: Sample) -> None:
    # The visit has only a Russian participant; its place (VNM) brings in the other side.
    assert ids(reader, EventFilter(between=("VNM", "RUS"))) == [
        sample.meet,
        sample.sign,
        sample.visit,
    ]
    assert ids(reader, EventFilter(between=("RUS", "VNM"))) == [
        sample.meet,
        sample.sign,
        sample.visit,
    ]
    assert ids(reader, EventFilter(between=("LAO", "RUS"))) == []
    assert ids(reader, EventFilter(between=("VNM", "CHN"))) == [sample.planned]


def test_since_until_treat_partial_dates_as_intervals(reader: Reader, sample: Sample) -> None:
    july = EventFilter(since=parse_bound("2017-07-25"), until=parse_bound("2017-07"))
    assert ids(reader, july) == [sample.meet, sample.sign]
    # A year-less date is placed by its documents' year (2018).
    assert ids(reader, EventFilter(since=parse_bound("2018"), until=parse_bound("2018"))) == [
        sample.visit
    ]
    # "2019-05" overlaps a bound inside May.
    assert ids(reader, EventFilter(since=parse_bound("2019-05-20"))) == [sample.lao]


def test_within_excludes_unplaceable_dates_only_when_bounded() -> None:
    assert within(None, None, None)
    assert not within(None, parse_bound("2017"), None)
    assert not within(PartialDate(None, 7, 25), None, parse_bound("2020"))


def test_type_and_text_filters(reader: Reader, sample: Sample) -> None:
    assert ids(reader, EventFilter(type="SIGN")) == [sample.sign]
    assert ids(reader, EventFilter(q="psychotropic")) == [sample.meet]
    assert ids(reader, EventFilter(q="Petrov", type="VISIT")) == [sample.visit]
    assert ids(reader, EventFilter(q="100%_")) == []  # LIKE wildcards are literal


def test_pagination_reports_total(reader: Reader, sample: Sample) -> None:
    page = list_events(reader, EventFilter(), Page(limit=2, offset=2))
    assert page.total == 5
    assert [r.event.event_id for r in page.items] == [sample.visit, sample.lao]
    with pytest.raises(ConfigError):
        Page(limit=201)


def test_event_detail_reports_windows_with_quote_at_offsets(reader: Reader, sample: Sample) -> None:
    detail = get_event(reader, sample.meet, window=40)
    assert detail is not None and detail.kind == "merged"
    assert detail.row.n_reports == 2
    quotes = [r.window[r.quote_start : r.quote_end] for r in detail.reports]
    assert tuple(quotes) == sample.meet_quotes
    for r in detail.reports:
        assert r.offsets_ok
        assert TEXTS[r.source.doc_id][r.window_start : r.window_start + len(r.window)] == r.window
        assert len(r.window) < len(TEXTS[r.source.doc_id]) or r.window_start == 0
    assert get_event(reader, "no-such-event") is None


def test_event_detail_falls_back_to_per_document_events(reader: Reader, sample: Sample) -> None:
    doc_event = reader.value("SELECT event_id FROM events WHERE kind = 'document' LIMIT 1")
    detail = get_event(reader, doc_event)
    assert detail is not None and detail.kind == "document"


def test_dyad_summary_counts_years_types_topics_agreements(reader: Reader, sample: Sample) -> None:
    s = dyad_summary(reader, "VNM", "RUS").to_json()
    assert s["total"] == 3
    assert s["per_year"] == [
        {"year": "2017", "type": "MEET", "count": 1},
        {"year": "2017", "type": "SIGN", "count": 1},
        {"year": "2018", "type": "VISIT", "count": 1},
    ]
    assert s["top_topics"][0] == {"topic": "cybersecurity", "count": 2}
    assert [a["event_id"] for a in s["agreements"]] == [sample.sign]
    assert (s["first"], s["last"]) == ("2017-07-25", "2018-03-01")


def test_topics_by_year_and_dyads(reader: Reader) -> None:
    counts = {(c.year, c.key): c.count for c in topics_by_year(reader)}
    assert counts[("2017", "cybersecurity")] == 2 and counts[("2019", "trade")] == 1
    countries, top = dyads(reader)
    assert {"VNM", "RUS", "LAO", "THA", "CHN"} <= set(countries)
    assert (top[0].a, top[0].b, top[0].count) == ("RUS", "VNM", 3)


def test_entities_listing_and_detail(reader: Reader, sample: Sample) -> None:
    listing = list_entities(reader, "petr", None, Page())
    assert [r.entity.entity_id for r in listing.items] == [sample.petrov]
    assert listing.items[0].n_events == 3
    detail = get_entity(reader, sample.petrov)
    assert detail is not None
    assert [r.event.event_id for r in detail.events] == [sample.meet, sample.sign, sample.visit]
    assert detail.to_json()["offices"][0]["last"] == "2018-03-01"
    assert get_entity(reader, "nobody") is None


def test_search_marks_hits_in_documents_and_quotes(reader: Reader, sample: Sample) -> None:
    hits = search(reader, "psychotropic", Page())
    assert {h.doc_id for h in hits if h.kind == "document"} == {"wire_one", "no_events"}
    quote = [h for h in hits if h.kind == "quote"]
    assert [h.event_id for h in quote] == [sample.meet]
    assert "[psychotropic]" in quote[0].snippet()
    assert all(any(p.hit and p.text.lower() == "psychotropic" for p in h.parts) for h in hits)
    assert search(reader, "psycho*", Page())  # prefix search
    assert search(reader, "   ", Page()) == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_search_never_fails_on_any_input(sample: Sample, text: str) -> None:
    with Store.open(sample.path, readonly=True) as store:
        search(Reader(store), text, Page(5))  # no FTS syntax error, whatever the input
    q = fts_query(text)
    assert q is None or all(part.startswith('"') for part in q.split(" "))


def test_split_spans_marks_quotes_without_losing_text() -> None:
    text = "abc <script>x</script> def"
    parts = split_spans(text, [(4, 22), (0, 1)])
    assert "".join(p.text for p in parts) == text
    assert [p.text for p in parts if p.hit] == ["a", "<script>x</script>"]


def test_country_codes() -> None:
    assert country_code("vnm") == "VNM"
    assert country_code("Viet Nam") == "VNM"
    assert country_code("RU") == "RUS"
    assert country_code("XKX") == "XKX"  # unlisted alpha-3 kept
    assert country_code("not a country") is None


def test_query_time_limit_interrupts(sample: Sample) -> None:
    with Store.open(sample.path, readonly=True) as store:
        slow = Reader(store, seconds=0.05)
        with pytest.raises(StoreError, match="longer than"):
            slow.rows(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                "SELECT count(*) FROM n"
            )


def test_export_tables_load_in_pandas(reader: Reader, tmp_path: Path, sample: Sample) -> None:
    export(reader, tmp_path / "pq", "parquet")
    events = pq.read_table(tmp_path / "pq" / "events.parquet").to_pandas()
    parts = pq.read_table(tmp_path / "pq" / "participants.parquet").to_pandas()
    assert list(events["event_id"]) == [
        sample.meet,
        sample.sign,
        sample.visit,
        sample.lao,
        sample.planned,
    ]
    assert list(events.loc[events.event_id == sample.visit, "year"]) == [2018]
    assert list(events.loc[events.event_id == sample.meet, "topics"].iloc[0]) == [
        "drugs",
        "cybersecurity",
    ]
    joined = events.merge(parts, on="event_id")
    assert set(joined.loc[joined.type == "SIGN", "name"]) == {"Tran Van Minh", "Ivan Petrov"}
    export(reader, tmp_path / "csv", "csv")
    sources = pd.read_csv(tmp_path / "csv" / "sources.csv")
    assert len(sources) == 6 and set(sources.columns) == {
        "event_id",
        "pos",
        "doc_id",
        "quote",
        "start",
        "end",
    }
    entities = pd.read_csv(tmp_path / "csv" / "entities.csv")
    assert json.loads(entities.loc[entities.entity_id == sample.minh, "aliases"].iloc[0]) == [
        "Minh"
    ]


def test_export_jsonl_nests_participants(reader: Reader, tmp_path: Path, sample: Sample) -> None:
    summary = export(reader, tmp_path / "out" / "events.jsonl", "jsonl", EventFilter(type="SIGN"))
    lines = (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert summary.counts == (("events", 1),)
    obj = json.loads(lines[0])
    assert obj["event_id"] == sample.sign and len(obj["participants"]) == 2
    assert obj["organizations"][0]["name"] == "Ministry of Public Security"


def test_export_of_empty_database_has_columns(tmp_path: Path) -> None:
    Store.open(tmp_path / "empty.db").close()
    with Store.open(tmp_path / "empty.db", readonly=True) as store:
        export(Reader(store), tmp_path / "pq", "parquet")
    table = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert table.num_rows == 0 and "corpus_date" in table.column_names
