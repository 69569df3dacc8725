"""Small builders of events for resolution tests (texts composed for the tests)."""

from __future__ import annotations

from communique.records import Event, Location, Organization, Participant, Source, stable_id


def person(name: str | None, role: str | None = None, country: str | None = None) -> Participant:
    """A participant as extraction leaves it: the name as written is also the mention."""
    return Participant(name, name, role, country)


def event(
    doc: str,
    *people: Participant,
    date: str | None = None,
    orgs: tuple[Organization, ...] = (),
    where: Location | None = None,
) -> Event:
    """A MEET event of document ``doc`` with a content-derived id."""
    key = [doc, date, [(p.name, p.role, p.country) for p in people], [o.name for o in orgs]]
    return Event(
        stable_id("evt", key),
        "MEET",
        "occurred",
        date,
        where,
        tuple(people),
        orgs,
        sources=(Source(doc, "quote", 0, 5),),
    )


def names_by_mention(events: tuple[Event, ...]) -> dict[str, tuple[str | None, str | None]]:
    """mention -> (canonical name, entity id) over every participant."""
    return {p.mention or "": (p.name, p.entity_id) for e in events for p in e.participants}
