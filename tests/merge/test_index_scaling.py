"""EventIndex compares distinct reports, not copies, and still gives exactly what
comparing and clustering every report one by one gives.

The reference below is the definition the index must equal: every pair of reports
that shares a block and a compatible time bucket is compared with
:func:`communique.merge.compare.link`, connected groups are clustered report by
report with :func:`communique.merge.cluster.cluster`. Hypothesis draws small worlds
full of copies (the same report in many documents, twice in one document, under
several publication days), planned and occurred reports, year-less and missing dates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.merge import EventIndex, merge
from communique.merge.cluster import Pair, cluster
from communique.merge.combine import combine_reports
from communique.merge.compare import Link, event_key, link, signature
from communique.merge.index import (
    _blocks_of,
    _bucket_of,
    _buckets_compatible,
    _publication_day,
    _reading_order,
)
from communique.merge.inference import infer_document_years
from communique.records import Document, Event, Location, OffsetMap, Participant, Source

PEOPLE = (("Nguyen Van An", "VNM"), ("Ivan Petrov", "RUS"), ("Li Wei", "CHN"), ("Kim Su", "KOR"))
DATES = (None, "2019-07-25", "2019-07-26", "2019-07", "2019", "--07-25", "2020-01-03")
PLACES = (None, Location("Hanoi", "VNM"), Location("Beijing", "CHN"), Location(None, "RUS"))
AGREEMENTS = (None, "memorandum on oil and gas exploration", "treaty on maritime borders")


def reference(events: list[Event], docs: list[Document]) -> tuple[Event, ...]:
    """Merge by comparing every candidate pair of reports, one by one."""
    published = {d.doc_id: day for d in docs if (day := _publication_day(d)) is not None}
    by_key = {event_key(e): e for e in events}
    sigs = {k: signature(e, published.get(e.sources[0].doc_id)) for k, e in by_key.items()}
    keys = sorted(sigs)
    links: dict[Pair, Link] = {}
    related: dict[str, set[str]] = defaultdict(set)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            sa, sb = sigs[a], sigs[b]
            shared = set(_blocks_of(sa)) & set(_blocks_of(sb))
            if not shared or not _buckets_compatible(_bucket_of(sa), _bucket_of(sb)):
                continue
            if sa.status == sb.status:
                if (found := link(sa, sb)) is not None:
                    links[(a, b)] = found
            elif link(sa, sb, ignore_status=True) is not None:
                related[a].add(b)
                related[b].add(a)
    grouped = []
    for comp in _components(keys, links):
        pairs = {p: lk for p, lk in links.items() if p[0] in comp}
        for group in cluster(sorted(comp), pairs):
            grouped.append((group, combine_reports([by_key[k] for k in group])))
    grouped = infer_document_years(grouped, by_key)
    record_of = {k: ev.event_id for group, ev in grouped for k in group}
    out = []
    for group, ev in grouped:
        rel = {record_of[o] for k in group for o in related[k]}
        if rel:
            ev = replace(ev, related=tuple(sorted(rel - {ev.event_id})))
        out.append(ev)
    return tuple(sorted(out, key=_reading_order))


def _components(keys: list[str], links: dict[Pair, Link]) -> list[set[str]]:
    root = {k: k for k in keys}

    def find(k: str) -> str:
        while root[k] != k:
            k = root[k]
        return k

    for a, b in links:
        root[find(a)] = find(b)
    comps: dict[str, set[str]] = defaultdict(set)
    for k in keys:
        comps[find(k)].add(k)
    return list(comps.values())


def _report(draw: st.DrawFn, doc_id: str, n: int) -> Event:
    kind = draw(st.sampled_from(("MEET", "MEET", "VISIT", "SIGN")))
    who = draw(st.lists(st.sampled_from(PEOPLE), min_size=0, max_size=3, unique=True))
    parts = tuple(Participant(name, name, None, country, f"ent-{name}") for name, country in who)
    if draw(st.booleans()):
        parts += (Participant(None, None, None, draw(st.sampled_from(("VNM", "RUS")))),)
    agreement = draw(st.sampled_from(AGREEMENTS)) if kind == "SIGN" else None
    return Event(
        f"e{n}",
        kind,  # type: ignore[arg-type]
        draw(st.sampled_from(("occurred", "occurred", "planned"))),  # type: ignore[arg-type]
        draw(st.sampled_from(DATES)),
        draw(st.sampled_from(PLACES)),
        parts,
        agreement=agreement,
        sources=(Source(doc_id, f"report {n}", n, n + 1),),
        story_index=draw(st.sampled_from((0, 0, 1))),
    )


@st.composite
def worlds(draw: st.DrawFn) -> tuple[list[Event], list[Document]]:
    """A few distinct reports, each copied into several documents."""
    originals = [_report(draw, "x", i) for i in range(draw(st.integers(1, 6)))]
    n_docs = draw(st.integers(2, 9))
    days = (None, "2019-07-20", "2019-07-30", "2020-02-01", "2021-01-01")
    docs = [
        Document(
            f"d{i}", "t", "txt", "", "", OffsetMap(), "", published=draw(st.sampled_from(days))
        )
        for i in range(n_docs)
    ]
    events = []
    for n in range(draw(st.integers(2, 28))):
        base = draw(st.sampled_from(originals))
        doc = f"d{draw(st.integers(0, n_docs - 1))}"
        story = draw(st.sampled_from((0, 0, 1)))
        events.append(
            replace(
                base,
                event_id=f"e{n}",
                sources=(Source(doc, base.sources[0].quote, n, n + 1),),
                story_index=story,
            )
        )
    return events, docs


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds())
def test_index_equals_report_by_report_merge(world: tuple[list[Event], list[Document]]) -> None:
    events, docs = world
    assert merge(events, docs) == reference(events, docs)


def _copies(n_docs: int, distinct: int) -> tuple[list[Event], list[Document]]:
    """``distinct`` different meetings, each reported by many of ``n_docs`` documents
    (as wire copy is), and a meeting without a date in every tenth document."""
    docs, events = [], []
    start = dt.date(2015, 1, 1)
    for i in range(n_docs):
        day = start + dt.timedelta(days=i % 3000)
        docs.append(Document(f"d{i:06d}", "t", "txt", "", "", OffsetMap(), "", published=str(day)))
        a, b = PEOPLE[i % 2], PEOPLE[2 + (i // 2) % 2]
        m = i % distinct
        date = None if i % 10 == 0 else (start + dt.timedelta(days=30 * m)).isoformat()
        parts = tuple(Participant(n, n, None, c, f"ent-{n}") for n, c in (a, b))
        events.append(
            Event(
                f"e{i}",
                "MEET",
                "occurred",
                date,
                Location("Hanoi", "VNM"),
                parts,
                sources=(Source(f"d{i:06d}", "q", 0, 1),),
            )
        )
    return events, docs


def test_comparisons_grow_with_distinct_reports_not_copies() -> None:
    """Four times the documents cost at most about four times the comparisons (report
    by report, all copies being candidates of one another, sixteen times): copies of
    a dated report cost nothing more; undated ones published on different days are
    distinct reports (the day bounds what they can be) and cost linearly."""
    counts, sizes = [], []
    for n in (400, 1600):
        events, docs = _copies(n, distinct=20)
        index = EventIndex()
        index.add(events, docs)
        sizes.append(len(index.records()))
        counts.append(index.comparisons)
    assert counts[0] > 0
    assert counts[1] <= 4.5 * counts[0], counts
    assert sizes[0] < 400 and sizes[1] < 1600  # copies were merged, not kept apart
