"""An incremental index of per-document events that yields one record per real event.

Design (linear-ish cost, order-independent):

* **Blocking.** A report is filed under (type, participant identity) for each named
  participant — or (type, its countries) when it names nobody — and, inside, under a
  time bucket (``YYYY-MM``, ``YYYY``, ``--MM`` or ``?``). A new report is compared
  only with reports in compatible buckets of its blocks, so cost grows with the
  number of reports about the same person in the same months, not with the corpus.
* **Links, then components.** Pairwise links (:mod:`communique.merge.compare`) form
  a graph; each connected component is clustered on its own
  (:mod:`communique.merge.cluster`) and its records are cached until the component
  changes. Adding events in any order or in any batches builds the same graph,
  so :meth:`EventIndex.records` equals :func:`communique.merge.merge` over all.
* **Inference after clustering.** A document's year-less dates inherit the year its
  other reports were established to have (marked in ``Event.inferred``); planned and
  occurred records of the same event are linked through ``Event.related``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace

from communique.merge.cluster import Pair, cluster
from communique.merge.combine import combine_reports
from communique.merge.compare import Link, Signature, event_key, link, signature
from communique.merge.dates import PartialDate
from communique.records import Document, Event, Inference

Block = tuple[str, str]


def _publication_day(doc: Document) -> dt.date | None:
    """The day a document was published, when it states one to the day."""
    date = PartialDate.parse(doc.published)
    return date.calendar() if date and date.year else None


def _bucket_of(sig: Signature) -> str:
    """Time bucket of a report. A signing with an agreement title is filed by year
    only (or as undated), since the same agreement may be dated differently within
    a year (see :func:`communique.merge.compare.link`)."""
    if sig.date is None:
        return "?"
    if sig.type == "SIGN" and sig.agreement:
        return f"{sig.date.year:04d}" if sig.date.year else "?"
    return sig.date.bucket()


def _buckets_compatible(a: str, b: str) -> bool:
    """Could dates filed under buckets ``a`` and ``b`` match (allowing a day of
    tolerance across a month end)?"""
    if a == "?" or b == "?":
        return True
    da, db = PartialDate.parse(a), PartialDate.parse(b)
    if da is None or db is None:
        return True
    if da.month is None or db.month is None:
        return da.year is None or db.year is None or da.year == db.year
    ma = (da.year or 0) * 12 + da.month
    mb = (db.year or 0) * 12 + db.month
    if da.year is None or db.year is None:
        return (da.month - db.month) % 12 in (0, 1, 11)
    return abs(ma - mb) <= 1


def _nearby_buckets(bucket: str) -> tuple[str, ...] | None:
    """Every bucket a ``YYYY-MM`` bucket is compatible with, for direct lookup (the
    common case); None for coarser buckets, which scan their block."""
    date = PartialDate.parse(bucket)
    if date is None or date.year is None or date.month is None:
        return None
    out = [str(date.year), "?"]
    for step in (-1, 0, 1):
        index = date.year * 12 + date.month - 1 + step
        year, month = divmod(index, 12)
        out += [f"{year:04d}-{month + 1:02d}", f"--{month + 1:02d}"]
    return tuple(out)


def _blocks_of(sig: Signature) -> list[Block]:
    if sig.named:
        return [(sig.type, k) for k in sorted(sig.named)]
    if len(sig.parties) >= 2:
        return [(sig.type, "parties:" + ",".join(sorted(sig.parties)))]
    return []


class EventIndex:
    """Per-document events in, merged records out; add in any order and batches.

    Pass each event's :class:`Document` with it (or earlier): its publication day
    bounds year-less reports. Adding an event again with the same document and event
    id replaces it (re-ingest is a no-op when nothing changed).
    """

    def __init__(self) -> None:
        self._events: dict[str, Event] = {}
        self._sigs: dict[str, Signature] = {}
        self._published: dict[str, dt.date] = {}
        self._blocks: dict[Block, dict[str, set[str]]] = {}
        self._links: dict[str, dict[str, Link]] = {}
        self._relations: dict[str, set[str]] = {}
        self._cache: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], Event], ...]] = {}

    def __len__(self) -> int:
        return len(self._events)

    def add(self, events: Iterable[Event], docs: Iterable[Document] = ()) -> None:
        """Index ``events`` (per-document reports) and their documents' dates."""
        for doc in docs:
            day = _publication_day(doc)
            if day is not None:
                self._published[doc.doc_id] = day
        for event in events:
            key = event_key(event)
            if self._events.get(key) == event:
                continue
            if key in self._events:
                self._remove(key)
            doc_id = event.sources[0].doc_id if event.sources else ""
            self._insert(key, event, signature(event, self._published.get(doc_id)))

    def _remove(self, key: str) -> None:
        sig = self._sigs.pop(key)
        del self._events[key]
        for block in _blocks_of(sig):
            self._blocks[block][_bucket_of(sig)].discard(key)
        for other in self._links.pop(key, {}):
            self._links[other].pop(key, None)
        for other in self._relations.pop(key, set()):
            self._relations[other].discard(key)
        self._cache = {c: r for c, r in self._cache.items() if key not in c}

    def _insert(self, key: str, event: Event, sig: Signature) -> None:
        self._events[key] = event
        self._sigs[key] = sig
        self._links.setdefault(key, {})
        bucket = _bucket_of(sig)
        seen: set[str] = set()
        near = _nearby_buckets(bucket)
        for block in _blocks_of(sig):
            buckets = self._blocks.setdefault(block, {})
            if near is None:
                for name, keys in buckets.items():
                    if _buckets_compatible(bucket, name):
                        seen |= keys
            else:
                for name in near:
                    seen |= buckets.get(name, set())
            buckets.setdefault(bucket, set()).add(key)
        for other in sorted(seen - {key}):
            self._compare(key, sig, other)

    def _compare(self, key: str, sig: Signature, other: str) -> None:
        osig = self._sigs[other]
        if sig.status == osig.status:
            found = link(sig, osig)
            if found is not None:
                self._links[key][other] = found
                self._links[other][key] = found
        elif link(sig, osig, ignore_status=True) is not None:
            self._relations.setdefault(key, set()).add(other)
            self._relations.setdefault(other, set()).add(key)

    def _components(self) -> list[tuple[str, ...]]:
        seen: set[str] = set()
        out: list[tuple[str, ...]] = []
        for start in sorted(self._events):
            if start in seen:
                continue
            stack, comp = [start], []
            seen.add(start)
            while stack:
                node = stack.pop()
                comp.append(node)
                for nxt in self._links[node]:
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            out.append(tuple(sorted(comp)))
        return out

    def _cluster_component(
        self, comp: tuple[str, ...]
    ) -> tuple[tuple[tuple[str, ...], Event], ...]:
        cached = self._cache.get(comp)
        if cached is not None:
            return cached
        pairs: dict[Pair, Link] = {}
        for a in comp:
            for b, lk in self._links[a].items():
                if a < b:
                    pairs[(a, b)] = lk
        groups = cluster(comp, pairs)
        result = tuple((g, combine_reports([self._events[k] for k in g])) for g in groups)
        self._cache[comp] = result
        return result

    def records(self) -> tuple[Event, ...]:
        """One record per real event, in reading order (first report's document and
        offset); the same records and ids whatever order and batches were added."""
        comps = self._components()
        live = set(comps)
        self._cache = {c: r for c, r in self._cache.items() if c in live}
        grouped = [item for comp in comps for item in self._cluster_component(comp)]
        grouped = _infer_document_years(grouped, self._events)
        record_of = {k: ev.event_id for keys, ev in grouped for k in keys}
        out = []
        for keys, ev in grouped:
            related = {record_of[o] for k in keys for o in self._relations.get(k, ())}
            if related:
                ev = replace(ev, related=tuple(sorted(related - {ev.event_id})))
            out.append(ev)
        return tuple(sorted(out, key=_reading_order))


def _reading_order(ev: Event) -> tuple[str, int, str]:
    first = ev.sources[0] if ev.sources else None
    return (first.doc_id if first else "", first.start if first else 0, ev.event_id)


def _infer_document_years(
    grouped: Sequence[tuple[tuple[str, ...], Event]], events: dict[str, Event]
) -> list[tuple[tuple[str, ...], Event]]:
    """A document whose year-less date ("July 25") was placed in a year by another
    report places its other year-less dates in that year too (same reference year);
    documents with conflicting evidence are left alone."""
    evidence: dict[str, set[tuple[int, str]]] = {}
    for keys, ev in grouped:
        date = PartialDate.parse(ev.date)
        if date is None or date.year is None:
            continue
        giver = next((i.from_doc for i in ev.inferred if i.field == "date"), None)
        for k in keys:
            own = PartialDate.parse(events[k].date)
            if own is not None and own.year is None and own.month == date.month and giver:
                evidence.setdefault(k.rsplit("#", 1)[0], set()).add((date.year, giver))
    out = []
    for keys, ev in grouped:
        date = PartialDate.parse(ev.date)
        docs = {k.rsplit("#", 1)[0] for k in keys}
        found = {e for d in docs for e in evidence.get(d, ())}
        years = {y for y, _ in found}
        if date is not None and date.year is None and len(years) == 1 and docs <= set(evidence):
            year, giver = min(found)
            value = PartialDate(year, date.month, date.day).iso()
            inferred = tuple(i for i in ev.inferred if i.field != "date")
            ev = replace(ev, date=value, inferred=inferred + (Inference("date", value, giver),))
        out.append((keys, ev))
    return out
