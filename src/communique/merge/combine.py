"""One merged record from the reports of one event: every source, the most precise
date and place the reports establish (marked as inferred where a report lacked
them), the union of participants and organisations, and the disagreements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from communique.merge.compare import event_key, normalize_name, participant_key
from communique.merge.dates import PartialDate, combine, compatible
from communique.records import (
    Event,
    Inference,
    Location,
    Organization,
    Participant,
    Source,
    stable_id,
)


def merged_event_id(members: Sequence[Event]) -> str:
    """Stable id of a merged record: a hash of its sorted report keys, so it does not
    depend on input order or on merging in batches."""
    keys = sorted([_doc(e), e.event_id] for e in members)
    return stable_id("evt", keys)


def _doc(e: Event) -> str:
    return e.sources[0].doc_id if e.sources else ""


def _differ(field: str, said: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """A disagreement line when reports give more than one value for ``field``:
    ``"date: reports differ: 2023-04-14 (docA); 2023-04-15 (docB)"``."""
    by_value: dict[str, set[str]] = {}
    for value, doc in said:
        by_value.setdefault(value, set()).add(doc)
    if len(by_value) < 2:
        return ()
    parts = "; ".join(f"{v} ({', '.join(sorted(ds))})" for v, ds in sorted(by_value.items()))
    return (f"{field}: reports differ: {parts}",)


def _date(members: Sequence[Event]) -> tuple[str | None, tuple[Inference, ...], tuple[str, ...]]:
    """Merged date, an inference when some report stated less, disagreeing days."""
    parsed = [(e, PartialDate.parse(e.date)) for e in members]
    known = [(e, d) for e, d in parsed if d is not None]
    best = combine([d for _, d in known])
    if best is None:
        return None, (), ()
    value = best.iso()
    inferred: tuple[Inference, ...] = ()
    if any(d is None or d.iso() != value for _, d in parsed):
        top = max(d.precision for _, d in known)
        giver = next((e for e, d in known if d.iso() == value), None)
        giver = giver or next(e for e, d in known if d.precision == top)
        inferred = (Inference("date", value, _doc(giver)),)
    # Every pair of reports, read as every pair of distinct dates plus each repeated
    # date with itself: the same answer at O(distinct²), not O(reports²).
    counts = Counter(d for _, d in known)
    dates = list(counts)
    clash = any(not compatible(x, x, 0) for x, n in counts.items() if n > 1) or any(
        not compatible(x, y, 0) for i, x in enumerate(dates) for y in dates[i + 1 :]
    )
    said = [(d.iso(), _doc(e)) for e, d in known] if clash else []
    return value, inferred, _differ("date", said)


def _location(
    members: Sequence[Event],
) -> tuple[Location | None, tuple[Inference, ...], tuple[str, ...]]:
    """The most precise place: a city when any report names one (the most reported),
    the country any report gives."""
    locs = [
        (e, e.location) for e in members if e.location and (e.location.name or e.location.country)
    ]
    if not locs:
        return None, (), ()
    countries = Counter(loc.country for _, loc in locs if loc.country)
    country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
    disagree = _differ("country", [(x.country, _doc(e)) for e, x in locs if x.country])
    cities = Counter(normalize_name(loc.name) for _, loc in locs if loc.name)
    loc_out = Location(None, country)
    if cities:
        top = min(cities, key=lambda c: (-cities[c], c))
        name = next(loc.name for _, loc in locs if loc.name and normalize_name(loc.name) == top)
        loc_out = Location(name, country)
        named = [(normalize_name(x.name), _doc(e)) for e, x in locs if x.name]
        disagree += _differ("location", named)
    inferred: tuple[Inference, ...] = ()
    lacking = [
        e
        for e in members
        if e.location is None
        or (loc_out.name and not e.location.name)
        or (loc_out.country and not e.location.country)
    ]
    if lacking and len(members) > 1:
        want = normalize_name(loc_out.name)
        giver = next(e for e, loc in locs if not want or normalize_name(loc.name) == want)
        inferred = (Inference("location", loc_out.name or loc_out.country or "", _doc(giver)),)
    return loc_out, inferred, disagree


def _participants(members: Sequence[Event]) -> tuple[tuple[Participant, ...], tuple[str, ...]]:
    """Union by identity (entity id, else name); missing role/country/mention filled
    from other reports; unnamed sides kept only for countries no named one covers."""
    merged: dict[str, Participant] = {}
    named_by: dict[str, set[str]] = {}
    unnamed: dict[str | None, Participant] = {}
    for e in members:
        for p in e.participants:
            k = participant_key(p.entity_id, p.name)
            if k is None:
                unnamed.setdefault(p.country, p)
                continue
            named_by.setdefault(k, set()).add(_doc(e))
            old = merged.get(k)
            merged[k] = (
                p
                if old is None
                else Participant(
                    old.name,
                    old.mention or p.mention,
                    old.role or p.role,
                    old.country or p.country,
                    old.entity_id or p.entity_id,
                )
            )
    covered = {p.country for p in merged.values()}
    out = tuple(merged.values()) + tuple(p for c, p in unnamed.items() if c not in covered)
    docs = {_doc(e) for e in members}
    disagree = tuple(
        f"participants: {merged[k].name} named only by {', '.join(sorted(named_by[k]))}"
        for k in sorted(merged)
        if len(docs) > 1 and named_by[k] != docs
    )
    return out, disagree


def _organizations(members: Sequence[Event]) -> tuple[tuple[Organization, ...], tuple[str, ...]]:
    """Union by entity id or name; when reports each name one different body for the
    same country (an alias: "Ministry of the Interior" / "of Home Affairs"), the most
    reported name is kept and the others are listed as a disagreement."""
    by_country: dict[str | None, Counter[str]] = {}
    first: dict[str, Organization] = {}
    for e in members:
        for o in e.organizations:
            k = f"id:{o.entity_id}" if o.entity_id else f"name:{normalize_name(o.name)}"
            first.setdefault(k, o)
            by_country.setdefault(o.country, Counter())[k] += 1
    per_report_single = all(
        len([o for o in e.organizations if o.country == c]) <= 1
        for e in members
        for c in by_country
    )
    keep: list[str] = []
    disagree: list[str] = []
    for country, counts in by_country.items():
        if country is not None and per_report_single and len(counts) > 1:
            top = min(counts, key=lambda k: (-counts[k], k))
            keep.append(top)
            others = ", ".join(first[k].name for k in sorted(counts) if k != top)
            disagree.append(f"organizations: {first[top].name} also reported as {others}")
        else:
            keep.extend(counts)
    return tuple(first[k] for k in first if k in keep), tuple(disagree)


def combine_reports(members: Sequence[Event]) -> Event:
    """The merged record of ``members`` (reports of one event, any order)."""
    members = sorted(members, key=event_key)
    head = members[0]
    date, date_inf, date_dis = _date(members)
    location, loc_inf, loc_dis = _location(members)
    participants, part_dis = _participants(members)
    organizations, org_dis = _organizations(members)
    sources = sorted(
        {s for e in members for s in e.sources}, key=lambda s: (s.doc_id, s.start, s.end, s.quote)
    )
    agreements = [e.agreement for e in members if e.agreement]
    return Event(
        event_id=merged_event_id(members),
        type=head.type,
        status=head.status,
        date=date,
        location=location,
        participants=participants,
        organizations=organizations,
        agreement=max(agreements, key=lambda a: (len(a), a)) if agreements else None,
        topics=tuple(sorted({t for e in members for t in e.topics})),
        sources=tuple(Source(s.doc_id, s.quote, s.start, s.end) for s in sources),
        story_index=head.story_index if len(members) == 1 else None,
        inferred=date_inf + loc_inf,
        disagreements=date_dis + loc_dis + part_dis + org_dis,
    )
