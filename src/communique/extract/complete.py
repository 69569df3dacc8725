"""Document-level completion of drafts: what one sentence does not say but its story does.

* date: "on the same day" -> the previous event's; else the latest dated event of the
  story (a signing "after the talks" shares the talks' date); a multi-day visit is dated
  by its month.
* location: the story's place (dateline or first "in <place>"), else the document's.
* participants' countries: a host without a stated country belongs to the country where
  the meeting takes place; otherwise the country the document is mostly about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from communique.extract.events import Draft, month_of
from communique.records import Document, Location, Participant, Story

_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,30}?)\s*(?:,|—|–|-|\()")


def story_locations(doc: Document, stories: Sequence[Story], gazetteer: Any) -> dict[int, Location]:
    """A place per story: its dateline ("VIENTIANE —"), else its first "in <place>"."""
    out: dict[int, Location] = {}
    for story in stories:
        text = doc.clean[story.start : story.end]
        m = _DATELINE.match(text)
        place = gazetteer.place(m.group(1).strip().title()) if m else None
        if place is None:
            for s, e, p in gazetteer.find_places(text):
                if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, s - 10) : s]) or re.match(
                    r"^\s*,\s*(?:[A-Z][a-z]+\.?\s+\d)", text[e : e + 12]
                ):
                    place = p
                    break
        if place is not None:
            out[story.index] = Location(
                getattr(place, "name", None), getattr(place, "country", None)
            )
    return out


def dominant_country(
    doc: Document, gazetteer: Any, exclude: frozenset[str] = frozenset()
) -> str | None:
    """The country a document mentions most, leaving out ``exclude`` (the visitors'
    countries): the unmarked home side of a report about a visit."""
    counts = Counter(
        iso for _, _, iso in gazetteer.find_countries(doc.clean[:20000]) if iso not in exclude
    )
    return counts.most_common(1)[0][0] if counts else None


def stated_nationalities(
    drafts: Sequence[Draft], by_form: Callable[[str], str | None] | None = None
) -> dict[str, str]:
    """Each named participant's country as the document states it somewhere (a title,
    demonym or "of X" in any report), else as the name's form indicates (``by_form``).

    Why: the fallbacks of completion (the place's or the document's country) are
    guesses; they must not override what the text says of the same person elsewhere
    ("Vietnamese Deputy PM Pham Binh Minh" in one sentence, "Minh met the Lao PM in
    Tokyo" in another)."""
    out: dict[str, str] = {}
    for d in drafts:
        for p in d.participants:
            if p.name and p.country and p.name not in out:
                out[p.name] = p.country
    if by_form is not None:
        for d in drafts:
            for p in d.participants:
                form = by_form(p.name) if p.name and p.name not in out else None
                if p.name and form:
                    out[p.name] = form
    return out


def complete(
    drafts: Sequence[Draft],
    doc: Document,
    places: dict[int, Location],
    home: str | None,
    nationality: Mapping[str, str] | None = None,
) -> list[Draft]:
    """Fill dates, places and countries from the story and document context;
    ``nationality``: countries the document states for people (see
    :func:`stated_nationalities`), preferred to any fallback."""
    out: list[Draft] = []
    doc_place = next(iter(places.values()), None)
    for i, d in enumerate(drafts):
        if d.reference:  # a past signing named as a basis: not the story's day or place
            out.append(d)
            continue
        d = _date(d, drafts[:i], drafts[i + 1 :], doc)
        loc = d.location
        if loc is None or loc.country is None:
            same = [
                x for x in drafts if x.sentence == d.sentence and x.type == "VISIT" and x.location
            ]
            loc = same[0].location if same and d.type != "VISIT" else places.get(d.story, doc_place)
            if loc is None and home and d.type in ("MEET", "VISIT"):
                loc = Location(None, home)
        d = replace(d, location=loc)
        out.append(d)
    visitors = {p.name for d in out if d.type == "VISIT" for p in d.participants}
    stated = nationality or {}
    return [_countries(_stated(d, stated), visitors, home) for d in out]


def _stated(d: Draft, stated: Mapping[str, str]) -> Draft:
    """Participants without a country take the one the document states for them."""
    parts = tuple(
        replace(p, country=stated[p.name])
        if p.country is None and p.name is not None and p.name in stated
        else p
        for p in d.participants
    )
    return replace(d, participants=parts) if parts != d.participants else d


def _date(d: Draft, before: Sequence[Draft], after: Sequence[Draft], doc: Document) -> Draft:
    sentence = doc.clean[d.sentence[0] : d.sentence[1]]
    date = d.date
    if re.search(r"\bsame\s+day\b", sentence) and before:
        date = next((x.date for x in reversed(before) if x.date), date)
    elif date is None and d.status == "occurred":  # a plan does not take a report's date
        lead = [x for x in list(before) + list(after) if _is_lead_candidate(x, d)]
        date = lead[0].date if lead else None
        if date is None:
            date = d.story_date  # the news lead's day ("X on Sunday ...") dates its story
        if d.coarse:  # "shortly after X met Y": before the dated event, same month
            date = month_of(date)
    if d.type == "VISIT" and d.multi_day and not (d.date_start and date == d.date):
        date = month_of(date)  # a stay of several days, its first day not stated
    return replace(d, date=date)


def _is_lead_candidate(x: Draft, d: Draft) -> bool:
    """An event of the same story whose stated date can stand for an undated report."""
    return (
        x.story == d.story
        and x.date is not None
        and x.date_explicit
        and x.status == "occurred"
        and x.type == "MEET"
    )


def _countries(d: Draft, visitors: set[str | None], home: str | None) -> Draft:
    """An unmarked side takes the country of the place (or the document's home country)
    when the other side is known to come from elsewhere."""
    loc_country = d.location.country if d.location else None
    known = {p.country for p in d.participants if p.country}
    host = loc_country if loc_country and loc_country not in known else home
    parts = []
    for p in d.participants:
        country = p.country
        if (
            country is None
            and p.name is not None
            and p.name not in visitors
            and host
            and (known - {host} or d.type == "VISIT")
        ):
            country = host
        elif country is None and p.name in visitors and home and home != loc_country:
            country = home  # a traveller from the country the document is about
        parts.append(replace(p, country=country) if country != p.country else p)
    return replace(d, participants=tuple(parts))


#: Words saying a contact was held at a distance (no one travelled for it).
REMOTE = re.compile(
    r"\b(?:phone|telephone|telephoned|phoned|video\s*(?:link|call|conference)|videoconference"
    r"|teleconference|virtual(?:ly)?|online)\b",
    re.IGNORECASE,
)


#: Offices of a diplomat posted in the host country: their calls and receptions there
#: imply no trip ("Ambassador X paid a courtesy call on the minister in Lima"). A roving
#: or special envoy, an ambassador-at-large, does travel.
RESIDENT_DIPLOMAT = re.compile(
    r"^(?!.*\b(?:special|roving|at[- ]large|presidential|personal)\b)"
    r".*\b(?:ambassador|charg[ée]\s+d[’']affaires|consul(?:[- ]general)?|high\s+commissioner"
    r"|(?:minister[- ])?counsellor)\b",
    re.IGNORECASE,
)


def implied_visits(drafts: Sequence[Draft], clean: str) -> list[Draft]:
    """A meeting abroad implies the trip: when the sentence places a meeting in a
    country, a participant from another country travelled there — the guest of "X
    received Y in <city>", the one who "paid courtesy calls to X in <city>", the
    subject of "A met B in <B's capital>", either side of "talks between A and B in
    <B's capital>" (a host from that country is present), both sides of "A and B
    met in <a country neither comes from>" and the subject of "A met B" there. A
    contact held by phone or video implies no travel, nor does one of a diplomat
    resident in the host country (see :data:`RESIDENT_DIPLOMAT`). ``clean`` is the document's clean text."""
    out: list[Draft] = []
    for d in drafts:
        if (
            d.type != "MEET"
            or d.status != "occurred"
            or not d.location_stated
            or d.location is None
            or d.location.country is None
            or REMOTE.search(clean[d.sentence[0] : d.sentence[1]])
        ):
            continue
        here = d.location.country
        hosted = any(p.country == here for p in d.participants)
        named = [p for p in d.participants if p.name]
        # "A and B held talks in <a third country>" (every side known, none from
        # there): both travelled; "A met B in <a third country>": A did (a headline's
        # subject is only the outlet's focus)
        third = len(named) >= 2 and all(p.country and p.country != here for p in named)
        abroad = third and d.symmetric
        prose = re.search(r"[.!?][\"”’)]?\s*$", clean[d.sentence[0] : d.sentence[1]]) is not None
        for i, p in enumerate(d.participants):
            # the subject of "A met B in <B's country>" (or a side of a symmetric report)
            # travelled; B of "A's talks with B" in A's country only when received ("A
            # received B"): such text is written from the host's side.
            subject = ((i == 0 or d.symmetric) and hosted) or (i == 0 and third and prose)
            # a guest received by hosts of the place comes from elsewhere, even when the
            # sentence does not say from where
            foreign = p.country != here if p.country else (p.name == d.guest and hosted)
            resident = RESIDENT_DIPLOMAT.search(p.role or "") is not None
            if foreign and p.name and not resident and (p.name == d.guest or subject or abroad):
                out.append(
                    replace(
                        d,
                        type="VISIT",
                        participants=(p,),
                        organizations=(),
                        agreement=None,
                        multi_day=False,
                        asserted=False,
                        date_explicit=False,  # the meeting's day, not the trip's
                        date_start=False,
                    )
                )
    return out


def keep(d: Draft) -> bool:
    """Drop what cannot be a contact between countries: a meeting with fewer than two
    sides (a country or an international body each) or of one country with itself, a
    visit to the visitor's own country. A named person with neither a country nor an
    office is no evidence of an official contact ("the actor met the congresswoman")."""
    named = [p for p in d.participants if p.country or (p.name and p.role)]
    if d.type == "MEET":
        bodies = [o for o in d.organizations if o.country is None]  # an international body
        countries = {p.country for p in named}
        if len(named) + len(bodies) < 2 or (
            not bodies and None not in countries and len(countries) < 2
        ):
            return False
    if d.type == "VISIT":
        if not named:
            return False
        v = named[0].country
        if (
            d.location is None
            or d.location.country is None
            or (v is not None and v == d.location.country)
        ):
            return False
    return not (d.type == "SIGN" and len(named) + len(d.organizations) < 2)


def unnamed(iso3: str) -> Participant:
    """An unnamed side ("the Lao delegation") with its country."""
    return Participant(None, None, None, iso3)
