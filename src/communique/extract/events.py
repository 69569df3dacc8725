"""The language-independent event builder: drafts from a front-end -> :class:`Event`.

A front-end (English now; Russian and Vietnamese later) reads sentences and emits
:class:`Draft` records with clean-text offsets. This module fills what is the same for
every language: contract ids, original-text quotes, participant countries from context,
dates inherited inside a story, topics.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from communique.records import (
    Document,
    Event,
    EventStatus,
    EventType,
    Location,
    Organization,
    Participant,
    Source,
    stable_id,
)


@dataclass(frozen=True, slots=True)
class Draft:
    """One event as read from one sentence, before document-level completion."""

    type: EventType
    status: EventStatus
    sentence: tuple[int, int]  # clean offsets of the reporting sentence
    trigger: int  # clean offset of the trigger word
    story: int
    participants: tuple[Participant, ...]
    date: str | None = None
    date_explicit: bool = False  # the date is stated in the sentence itself
    location: Location | None = None
    organizations: tuple[Organization, ...] = ()
    agreement: str | None = None
    multi_day: bool = False  # "three-day visit": the visit spans more than the day stated
    location_stated: bool = False  # the place is written in the reporting sentence
    guest: str | None = None  # the participant received or calling on the hosts
    story_date: str | None = None  # the day the story's lead states: the last resort date
    date_start: bool = False  # the stated date is the first day ("from June 22", "arrived on")
    symmetric: bool = False  # "talks between A and B", "A and B held talks": no host side
    asserted: bool = True  # a verb reports it; False for a noun reference ("Lam's trip")
    reference: bool = False  # a past signing named as a basis ("the MoU signed in 2013"):
    # neither the story's date nor its place
    coarse: bool = False  # told as preceding the dated event or in the perfect: an
    # inherited date gives only its month


def with_participants(draft: Draft, participants: tuple[Participant, ...]) -> Draft:
    """A copy with other participants."""
    return replace(draft, participants=participants)


def to_event(doc: Document, draft: Draft, topics: tuple[str, ...]) -> Event:
    """The contract record of a completed draft: stable id, original-text quote."""
    s, e = draft.sentence
    o_start, o_end = doc.clean_span_to_original(s, e)
    quote = doc.original[o_start:o_end]
    names = sorted((p.name or "", p.country or "") for p in draft.participants)
    event_id = stable_id(
        "ev",
        {
            "doc": doc.doc_id,
            "type": draft.type,
            "names": names,
            "date": draft.date,
            "status": draft.status,
            "where": [draft.location.name, draft.location.country] if draft.location else None,
            "start": o_start,
            "end": o_end,
        },
    )
    return Event(
        event_id=event_id,
        type=draft.type,
        status=draft.status,
        date=draft.date,
        location=draft.location,
        participants=draft.participants,
        organizations=draft.organizations,
        agreement=draft.agreement,
        topics=topics,
        sources=(Source(doc.doc_id, quote, o_start, o_end),),
        story_index=draft.story,
    )


def month_of(date: str | None) -> str | None:
    """ "2021-03-16" -> "2021-03", "--07-25" -> "--07" (for multi-day visits)."""
    if not date:
        return None
    if date.startswith("--"):
        return date[:4]
    return date[:7] if len(date) >= 7 else date


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Same date, one unknown, or one a coarser form of the other."""
    if not a or not b:
        return True
    a2, b2 = a.lstrip("-"), b.lstrip("-")
    if a.startswith("--") != b.startswith("--"):
        a2, b2 = (
            a2[-5:] if a.startswith("--") else a2[5:],
            b2[-5:] if b.startswith("--") else b2[5:],
        )
    return a2.startswith(b2) or b2.startswith(a2)
