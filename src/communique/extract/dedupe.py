"""One event per distinct interaction in a document.

The headline, the lead and the photo caption of one meeting report one event; so do
"his talks with X" in two stories of one page. Drafts merge when they have the same type,
the same people (by their last name token) and compatible dates; a VISIT also needs the
same destination country. Three meetings of one visitor with three hosts stay three.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from communique.extract.events import Draft, dates_compatible, month_of
from communique.records import EventStatus, Participant


def _key(d: Draft) -> tuple[str, frozenset[str], str | None]:
    people = frozenset((p.name or f"?{p.country}").split()[-1].lower() for p in d.participants)
    dest = d.location.country if d.type == "VISIT" and d.location else None
    return d.type, people, dest


def dedupe(drafts: Sequence[Draft]) -> list[Draft]:
    """Merge reports of the same interaction, keeping the first position and the most
    specific date, location, role and agreement any report gives."""
    out: list[Draft] = []
    for d in drafts:
        for i, kept in enumerate(out):
            if _same(kept, d):
                out[i] = _combine(kept, d)
                break
        else:
            out.append(d)
    return out


def _same(a: Draft, b: Draft) -> bool:
    ka, kb = _key(a), _key(b)
    if ka[0] != kb[0] or not _same_signing(a, b):
        return False
    if ka[1] != kb[1]:
        # an unnamed side of a meeting (or of a signing of the same agreement: "The
        # memorandum was signed by A and B") on the same day as a named one is that one
        covered = (a.type == "MEET" or (a.type == "SIGN" and _titles_agree(a, b))) and (
            _covers(a, b) or _covers(b, a)
        )
        return covered and dates_compatible(a.date, b.date)
    if ka[2] and kb[2] and ka[2] != kb[2]:
        return False
    if not (a.date_explicit and b.date_explicit):
        return True  # an inherited date is a guess: it does not separate two reports
    return dates_compatible(a.date, b.date)


def _same_signing(a: Draft, b: Draft) -> bool:
    """A past signing named as a basis is not today's, and two past ones naming
    different agreements ("the 2013 memorandum", "the 2019-2021 programme") are two."""
    if a.reference != b.reference:
        return False
    return not (a.reference and a.agreement and b.agreement and a.agreement != b.agreement)


def _titles_agree(a: Draft, b: Draft) -> bool:
    """Could the two titles name one agreement? One unstated, or every word of one in
    the other ("memorandum" and "memorandum of understanding on health care")."""
    if not a.agreement or not b.agreement:
        return True
    wa, wb = (set(x.lower().split()) for x in (a.agreement, b.agreement))
    return wa <= wb or wb <= wa


def _covers(a: Draft, b: Draft) -> bool:
    """Does ``a`` name every side of ``b``? "the Russian side" of ``b`` is covered by a
    named participant from Russia in ``a``."""
    named_a = {p.name for p in a.participants if p.name}
    countries_a = {p.country for p in a.participants if p.name and p.country}
    return all(
        (p.name in named_a) if p.name else (p.country in countries_a) for p in b.participants
    ) and any(p.name is None for p in b.participants)


def _combine(a: Draft, b: Draft) -> Draft:
    if _covers(b, a):  # keep the report that names the people
        a, b = replace(b, sentence=a.sentence, trigger=a.trigger, story=a.story), a
    date = a.date
    if b.date and (
        not a.date or (b.date_explicit and not a.date_explicit) or len(b.date) > len(a.date)
    ):
        date = b.date if b.date_explicit or not a.date_explicit else a.date
    first = next((x.date for x in (a, b) if x.date_start and x.date_explicit), None)
    if a.type == "VISIT" and first:
        date = first  # a stay is dated by its first day when a report states it
    elif a.type == "VISIT" and (a.multi_day or b.multi_day):
        date = month_of(date)  # a multi-day visit without its first day: by its month
    loc = a.location
    if b.location and (
        loc is None or (loc.name is None and b.location.name and b.location.country == loc.country)
    ):
        loc = b.location
    parts = tuple(
        replace(p, role=p.role or q.role, country=p.country or q.country)
        for p in a.participants
        for q in [_match(p, b)]
    )
    # A verb reporting the event decides its status; a noun reference ("during Lam's
    # trip") only when no report says more.
    said = [x.status for x in (a, b) if x.asserted] or [a.status, b.status]
    status: EventStatus = "occurred" if "occurred" in said else "planned"
    return replace(
        a,
        date=date,
        date_explicit=a.date_explicit or b.date_explicit,
        location=loc,
        participants=parts,
        status=status,
        organizations=a.organizations or b.organizations,
        agreement=max((x for x in (a.agreement, b.agreement) if x), key=len, default=None),
        multi_day=a.multi_day or b.multi_day,
        date_start=a.date_start or b.date_start,
        asserted=a.asserted or b.asserted,
    )


def _match(p: Participant, b: Draft) -> Participant:
    """The participant of ``b`` with ``p``'s last name token, else ``p`` itself."""
    key = (p.name or "").split()[-1:]
    for q in b.participants:
        if (q.name or "").split()[-1:] == key:
            return q
    return p
