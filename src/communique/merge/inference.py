"""Inference after clustering: what one report establishes for its document's others.

A document's year-less dates ("July 25") inherit the year another report placed
one of them in (marked in ``Event.inferred``), when the evidence agrees.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from communique.merge.dates import PartialDate
from communique.records import Event, Inference


def infer_document_years(
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
