"""An incremental index of per-document events that yields one record per real event.

* **Twins.** Copies of a report (a wire story reprinted by a hundred outlets) differ
  only in their document. Each distinct *shape* — the :class:`Signature` without
  document, story and publication day — is compared once, so comparing costs grow
  with different reports, not with copies.
* **Blocking.** A shape is filed under (type, participant identity) for each named
  participant — or (type, its countries) when it names nobody — and, inside, under a
  time bucket (``YYYY-MM``, ``YYYY``, ``--MM`` or ``?``); it is compared only with
  shapes in compatible buckets of its blocks.
* **Back to reports, exactly.** :func:`~communique.merge.compare.link` reads a
  document only to tell whether two reports share one, and a publication day only
  to forbid a link. So reports of one shape (and one day, where the day bounds
  them: a *class*) link alike to every report of another document, and shapes that
  do not link have no classes that link. Pairs within one document are compared
  one by one. :meth:`EventIndex.records` clusters *units* — interchangeable copies,
  or a report on its own — and gives what clustering report by report gives
  (``tests/merge/test_index_scaling.py`` checks it against that definition).
* **Inference after clustering.** A document's year-less dates inherit the year its
  other reports were established to have (``Event.inferred``); planned and occurred
  records of one event are linked through ``Event.related``.

Adding events in any order or batches builds the same shapes, classes and links, so
:meth:`EventIndex.records` equals :func:`communique.merge.merge` over all.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from communique.merge.cluster import Pair, _firm_phase, cluster
from communique.merge.combine import combine_reports
from communique.merge.compare import Link, Signature, event_key, link, signature
from communique.merge.dates import PartialDate
from communique.merge.inference import infer_document_years
from communique.records import Document, Event

Block = tuple[str, str]
#: What two reports are to each other: their link (same status) and whether they are
#: related (a planned and an occurred report of what may be one event).
Edge = tuple[Link | None, bool]
_NO_EDGE: Edge = (None, False)
#: Stand-in document ids for comparing shapes and classes: two different documents
#: (``link`` reads a document id only to tell whether two reports share one).
_DOC_A, _DOC_B = "\x00a", "\x00b"


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


def _shape(sig: Signature) -> Signature:
    """The report without its identity: what it says, not where."""
    return replace(sig, key="", doc_id="", story=None, published=None)


def _publication_matters(sig: Signature) -> bool:
    """Whether ``link`` reads this report's publication day: an occurred report
    without a year is bounded by it (see ``compare._date_rule``)."""
    return sig.status == "occurred" and (sig.date is None or sig.date.year is None)


def _stand_ins(sig: Signature) -> tuple[Signature, Signature]:
    """The shape or class as a report of two different documents."""
    return replace(sig, doc_id=_DOC_A), replace(sig, doc_id=_DOC_B)


def _edge(a: Signature, b: Signature) -> Edge:
    """Link when the statuses agree; relation (planned vs occurred) when they differ."""
    if a.status == b.status:
        return link(a, b), False
    return None, link(a, b, ignore_status=True) is not None


class EventIndex:
    """Per-document events in, merged records out; add in any order and batches.

    Pass each event's :class:`Document` with it (or earlier): its publication day
    bounds year-less reports. Adding an event again with the same document and event
    id replaces it (re-ingest is a no-op when nothing changed). ``comparisons``
    counts the calls of :func:`~communique.merge.compare.link` made so far (the
    cost that must grow with distinct reports, not with copies).
    """

    def __init__(self) -> None:
        self._events: dict[str, Event] = {}
        self._sigs: dict[str, Signature] = {}
        self._class_of: dict[str, Signature] = {}  # report key -> its class
        self._shape_of: dict[Signature, Signature] = {}  # class -> its shape
        self._canon: dict[Signature, Signature] = {}  # one object per class and shape
        self._published: dict[str, dt.date] = {}
        self._members: dict[Signature, set[str]] = {}  # class -> report keys
        self._classes: dict[Signature, set[Signature]] = {}  # shape -> its classes
        self._blocks: dict[Block, dict[str, set[Signature]]] = {}  # of shapes
        self._links: dict[Signature, dict[Signature, Link]] = {}  # between shapes
        self._relations: dict[Signature, set[Signature]] = {}  # between shapes
        self._by_doc: dict[str, set[str]] = {}
        self._stand_ins: dict[Signature, tuple[Signature, Signature]] = {}  # shapes, classes
        self.comparisons = 0

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

    def _insert(self, key: str, event: Event, sig: Signature) -> None:
        shape = _shape(sig)
        klass = replace(shape, published=sig.published) if _publication_matters(sig) else shape
        shape = self._canon.setdefault(shape, shape)
        klass = self._canon.setdefault(klass, klass)
        self._events[key] = event
        self._sigs[key] = sig
        self._by_doc.setdefault(sig.doc_id, set()).add(key)
        if klass not in self._members:
            self._members[klass] = set()
            self._shape_of[klass] = shape
            if klass is not shape:
                self._stand_ins[klass] = _stand_ins(klass)
            if shape not in self._classes:
                self._classes[shape] = set()
                self._file(shape)
            self._classes[shape].add(klass)
        self._members[klass].add(key)
        self._class_of[key] = klass

    def _file(self, shape: Signature) -> None:
        """File a new shape in its blocks and compare it with the shapes it may match
        (itself included: two copies of one report are candidates of each other)."""
        bucket = _bucket_of(shape)
        blocks = _blocks_of(shape)
        seen: set[Signature] = {shape} if blocks else set()
        near = _nearby_buckets(bucket)
        for block in blocks:
            buckets = self._blocks.setdefault(block, {})
            if near is None:
                for name, shapes in buckets.items():
                    if _buckets_compatible(bucket, name):
                        seen |= shapes
            else:
                for name in near:
                    seen |= buckets.get(name, set())
            buckets.setdefault(bucket, set()).add(shape)
        self._links[shape] = {}
        self._stand_ins[shape] = _stand_ins(shape)
        for other in seen:
            found, related = self._compare(shape, other)
            if found is not None:
                self._links[shape][other] = found
                self._links[other][shape] = found
            if related:
                self._relations.setdefault(shape, set()).add(other)
                self._relations.setdefault(other, set()).add(shape)

    def _compare(self, a: Signature, b: Signature) -> Edge:
        """The edge between two reports of different documents with these shapes."""
        self.comparisons += 1
        return _edge(self._stand_ins[a][0], self._stand_ins[b][1])

    def _remove(self, key: str) -> None:
        sig = self._sigs.pop(key)
        del self._events[key]
        klass = self._class_of.pop(key)
        self._by_doc[sig.doc_id].discard(key)
        if not self._by_doc[sig.doc_id]:
            del self._by_doc[sig.doc_id]
        self._members[klass].discard(key)
        if self._members[klass]:
            return
        del self._members[klass]
        shape = self._shape_of.pop(klass)
        self._classes[shape].discard(klass)
        if klass is not shape:
            del self._canon[klass]
            del self._stand_ins[klass]
        if self._classes[shape]:
            return
        del self._classes[shape]
        del self._canon[shape]
        del self._stand_ins[shape]
        for block in _blocks_of(shape):
            self._blocks[block][_bucket_of(shape)].discard(shape)
        for other in self._links.pop(shape, {}):
            self._links.get(other, {}).pop(shape, None)
        for other in self._relations.pop(shape, set()):
            self._relations.get(other, set()).discard(shape)

    def class_edge(self, a: Signature, b: Signature, memo: dict[tuple[int, int], Edge]) -> Edge:
        """The edge between reports of classes ``a`` and ``b`` in different documents:
        the shapes' edge, re-checked with the publication days where they apply."""
        sa, sb = self._shape_of[a], self._shape_of[b]
        found = self._links[sa].get(sb)
        related = sb in self._relations.get(sa, ())
        if (found is None and not related) or (a is sa and b is sb):
            return found, related
        if a.date is None and b.date is None:
            return found, related  # the publication day bounds only a stated date
        ident = (id(a), id(b)) if id(a) <= id(b) else (id(b), id(a))  # classes are unique objects
        if ident not in memo:
            self.comparisons += 1
            memo[ident] = _edge(self._stand_ins[a][0], self._stand_ins[b][1])
        return memo[ident]

    def records(self) -> tuple[Event, ...]:
        """One record per real event, in reading order (first report's document and
        offset); the same records and ids whatever order and batches were added."""
        graph = _Graph(self)
        grouped = graph.grouped()
        grouped = infer_document_years(grouped, self._events)
        record_of = {k: ev.event_id for keys, ev in grouped for k in keys}
        out = []
        for keys, ev in grouped:
            related = graph.related_records(keys, record_of)
            if related:
                ev = replace(ev, related=tuple(sorted(related - {ev.event_id})))
            out.append(ev)
        return tuple(sorted(out, key=_reading_order))


class _Graph:
    """The report graph of an index at one moment, as units (see the module
    docstring): built by :meth:`EventIndex.records`, then dropped."""

    def __init__(self, index: EventIndex) -> None:
        self.index = index
        self.memo: dict[tuple[int, int], Edge] = {}
        self.exceptions: dict[Pair, Edge] = self._same_document_pairs()
        self.cut: dict[str, set[str]] = defaultdict(set)  # report -> partners not related
        for (a, b), (_, related) in self.exceptions.items():
            if not related:
                self.cut[a].add(b)
                self.cut[b].add(a)
        self.units: dict[str, list[str]] = {}  # unit name -> report keys
        self.units_of: dict[Signature, list[str]] = {}  # class -> its unit names
        self.weak: set[str] = set()  # units of copies linked weakly to one another
        self._make_units()

    def edge(self, a: Signature, b: Signature) -> Edge:
        return self.index.class_edge(a, b, self.memo)

    def _same_document_pairs(self) -> dict[Pair, Edge]:
        """Pairs of reports of one document whose edge is not their classes' edge."""
        index, out = self.index, {}
        for keys in index._by_doc.values():
            ordered = sorted(keys)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    predicted = self.edge(index._class_of[a], index._class_of[b])
                    if predicted == _NO_EDGE:
                        continue  # a shared document only ever removes an edge
                    index.comparisons += 1
                    exact = _edge(index._sigs[a], index._sigs[b])
                    if exact != predicted:
                        out[(a, b)] = exact
        return out

    def _twin_classes(self) -> list[list[Signature]]:
        """Classes grouped with the other classes of their shape whose reports link to
        every report, and to one another, alike (reports of one shape published on
        different days usually do: the day bounds only a year-less date)."""
        index = self.index
        out: list[list[Signature]] = []
        for shape, classes in index._classes.items():
            if len(classes) == 1:
                out.append(list(classes))
                continue
            # Undated classes of one shape link to one another as the shape does, so
            # that part of their neighbourhoods is the same for all of them.
            undated = shape.date is None
            alike: dict[frozenset[tuple[int, Link]], list[Signature]] = {}
            for klass in classes:
                hood = [
                    (id(other), found)
                    for linked in index._links[shape]
                    if not (undated and linked is shape)
                    for other in index._classes[linked]
                    if (found := self.edge(klass, other)[0]) is not None
                ]
                alike.setdefault(frozenset(hood), []).append(klass)
            out += alike.values()
        return out

    def _make_units(self) -> None:
        """Copies (reports of twin classes: linked to one another as to themselves,
        and alike to every other report) form one unit; a report in a pair that
        differs from its class's (shared document), or whose copies are not linked to
        one another, is a unit of its own."""
        alone = {k for pair in self.exceptions for k in pair}
        for classes in self._twin_classes():
            members = set().union(*(self.index._members[c] for c in classes))
            plain = sorted(members - alone)
            names: list[str] = []
            own = self.edge(classes[0], classes[0])[0] if len(plain) > 1 else None
            if own is not None:
                names.append(plain[0])
                self.units[plain[0]] = plain
                if own.strength == "weak":
                    self.weak.add(plain[0])
            else:
                for key in plain:
                    names.append(key)
                    self.units[key] = [key]
            for key in sorted(members & alone):
                names.append(key)
                self.units[key] = [key]
            for klass in classes:
                self.units_of[klass] = names

    def _adjacency(self) -> dict[str, dict[str, Link]]:
        """Links between units: one class of each twin group stands for the group
        (its classes link alike), and each group of the other side counts once."""
        index = self.index
        adj: dict[str, dict[str, Link]] = {name: {} for name in self.units}
        done: set[int] = set()
        for klass, names in self.units_of.items():
            if id(names) in done:
                continue
            done.add(id(names))
            for shape in index._links[index._shape_of[klass]]:
                seen: set[int] = set()
                for other in index._classes[shape]:
                    others = self.units_of[other]
                    if id(others) in seen:
                        continue
                    seen.add(id(others))
                    found = self.edge(klass, other)[0]
                    if found is None:
                        continue
                    for u in names:
                        for v in others:
                            if u != v:
                                adj[u][v] = adj[v][u] = found
        for (a, b), (found, _) in self.exceptions.items():
            if found is None:
                adj[a].pop(b, None)
                adj[b].pop(a, None)
            else:
                adj[a][b] = adj[b][a] = found
        return adj

    def grouped(self) -> list[tuple[tuple[str, ...], Event]]:
        """Cluster each connected group of units; expand units into their reports."""
        adj = self._adjacency()
        seen: set[str] = set()
        out = []
        for start in sorted(adj):
            if start in seen:
                continue
            stack, comp = [start], []
            seen.add(start)
            while stack:
                node = stack.pop()
                comp.append(node)
                for nxt in adj[node]:
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            for keys in self._cluster(comp, adj):
                out.append((keys, combine_reports([self.index._events[k] for k in keys])))
        return out

    def _cluster(self, comp: list[str], adj: dict[str, dict[str, Link]]) -> list[tuple[str, ...]]:
        """:func:`~communique.merge.cluster.cluster` over units, expanded into report
        keys: what clustering the reports one by one gives.

        Why units cluster like their reports: copies have the same links to every
        other report, so every test of complete linkage reads the same for each of
        them. Copies firmly linked are joined by the firm phase whatever the order
        (their link scores the most any link of theirs can: shared names, words,
        date and city all count in full), so they enter every later test together.
        Copies linked weakly have only weak links (what makes their own link weak is
        their own date, people or place), stay single after the firm phase, and each
        one's neighbourhood is the others plus the same clusters: they end as one
        cluster, or — when that neighbourhood holds other clusters and the
        attachment is not agreed — each alone.
        """
        groups: list[tuple[str, ...]] = [(comp[0],)]
        if len(comp) > 1:
            pairs = {(a, b): lk for a in comp for b, lk in adj[a].items() if a < b}
            groups = cluster(sorted(comp), pairs)
            weak = [u for u in comp if u in self.weak]
            if weak:
                groups = self._split_weak(groups, comp, pairs)
        return [tuple(sorted(k for unit in group for k in self.units[unit])) for group in groups]

    def _split_weak(
        self,
        groups: list[tuple[str, ...]],
        comp: list[str],
        pairs: dict[Pair, Link],
    ) -> list[tuple[str, ...]]:
        """A unit of weakly linked copies left alone although some cluster of the firm
        phase could take it (an ambiguous attachment) stands for copies each alone."""
        firm = {frozenset(c) for c in _firm_phase(sorted(comp), pairs).values()}
        out: list[tuple[str, ...]] = []
        for group in groups:
            unit = group[0]
            copies = len(group) == 1 and unit in self.weak and len(self.units[unit]) > 1
            if copies and any(
                unit not in c and all((min(unit, m), max(unit, m)) in pairs for m in c)
                for c in firm
            ):
                out += [(k,) for k in self.units[unit]]
                self.units.update({k: [k] for k in self.units[unit]})
                continue
            out.append(group)
        return out

    def related_records(self, keys: Sequence[str], record_of: dict[str, str]) -> set[str]:
        """The records of every report related (planned vs occurred) to one of ``keys``."""
        index, cut = self.index, self.cut
        out: set[str] = set()
        done: set[Signature] = set()
        for key in keys:
            klass = index._class_of[key]
            if key not in cut and klass in done:
                continue
            if key not in cut:
                done.add(klass)
            for shape in index._relations.get(index._shape_of[klass], ()):
                for other in index._classes[shape]:
                    if self.edge(klass, other)[1]:
                        members = index._members[other] - cut.get(key, set())
                        out |= {record_of[o] for o in members}
        return out


def _reading_order(ev: Event) -> tuple[str, int, str]:
    first = ev.sources[0] if ev.sources else None
    return (first.doc_id if first else "", first.start if first else 0, ev.event_id)
