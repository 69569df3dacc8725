"""Offices over time: which office each person held, first and last seen.

Why: users ask "who was Secretary of Russia's Security Council in March 2021?", and
resolution uses the same answer to attach a bare surname or a name-and-patronymic to
the one person who held that office then.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from communique.records import Entity
from communique.resolve.lexicon import OFFICE_HEADS, ORG_DROP, RANK_WORDS, Lexicon, fold

#: Words that carry no office meaning ("the", "of", "Vietnamese counterpart").
_OFFICE_STOP = ORG_DROP | frozenset(
    ["a", "an", "in", "to", "counterpart", "his", "her", "its", "their"]
)
#: Abbreviations of office words in news usage -> the full words.
_OFFICE_ABBREV: tuple[tuple[str, str], ...] = (
    (r"\bpm\b", "prime minister"),
    (r"\bfm\b", "foreign minister"),
    (r"\bgen\.? sec\b", "general secretary"),
    (r"\bdefense\b", "defence"),
    (r"\bhome affairs\b", "interior"),
    (r"\binternal affairs\b", "interior"),
    (r"\bforeign affairs\b", "foreign"),
    (r"\bparty chief\b", "general secretary"),
)
#: Tolerance around an office period when matching a mention's date: an office seen
#: in 2017 and 2021 was very likely held in 2019, and reports lag by months.
PERIOD_SLACK_YEARS = 1


#: One office over time: (office as stated, first date seen, last date seen).
Office = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class OfficeSighting:
    """One office as stated for a person in one event, with the event's date."""

    office: str
    date: str | None


def split_offices(role: str | None) -> tuple[str, ...]:
    """One role string -> the offices it names ("General Secretary ... and President
    of Vietnam" -> two); parts without an office word stay joined."""
    if not role or not role.strip():
        return ()
    parts = [p.strip(" ,") for p in re.split(r";|\band\b|,", role) if p.strip(" ,")]
    if len(parts) > 1 and all(set(fold(p).split()) & OFFICE_HEADS for p in parts):
        return tuple(parts)
    return (role.strip(),)


def office_key(office: str, country: str | None, lexicon: Lexicon) -> frozenset[str]:
    """Comparable words of an office, without country words and filler:
    "Secretary of Russia's National Security Council" = "Russian Security Council Secretary"."""
    text = lexicon.strip_country(fold(office), country)
    for pattern, repl in _OFFICE_ABBREV:
        text = re.sub(pattern, repl, text)
    words = re.findall(r"[a-z]+", text)
    return frozenset(w for w in words if w not in _OFFICE_STOP and len(w) > 1)


def compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Same office, or one names it more fully ("President" ~ "President of Vietnam"),
    never across ranks ("Deputy Prime Minister" is not "Prime Minister")."""
    if not a or not b:
        return False
    if (a & RANK_WORDS) != (b & RANK_WORDS):
        return False
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    return small <= big and bool(small & OFFICE_HEADS)


def _year(date: str) -> int | None:
    match = re.match(r"(\d{4})", date)
    return int(match.group(1)) if match else None


def chronological(date: str | None) -> tuple[int, str]:
    """Sort key for contract dates: dated ones in order, then year-less, then unknown."""
    if not date:
        return 2, ""
    return (1, date) if date.startswith("--") else (0, date)


def period(dates: Iterable[str | None]) -> tuple[str | None, str | None]:
    """First and last date: full dates only, ``--MM-DD`` ones only when nothing else."""
    known = sorted(d for d in dates if d)
    dated = [d for d in known if not d.startswith("--")]
    use = dated or known
    return (use[0], use[-1]) if use else (None, None)


def within(date: str | None, first: str | None, last: str | None) -> bool:
    """Whether ``date`` falls in ``[first, last]`` give or take :data:`PERIOD_SLACK_YEARS`;
    an unknown date or period does not rule anything out."""
    year = _year(date) if date else None
    lo, hi = (_year(first) if first else None), (_year(last) if last else None)
    if year is None or lo is None or hi is None:
        return True
    return lo - PERIOD_SLACK_YEARS <= year <= hi + PERIOD_SLACK_YEARS


def offices_over_time(
    sightings: Sequence[OfficeSighting], country: str | None, lexicon: Lexicon
) -> tuple[tuple[str, str | None, str | None], ...]:
    """Group sightings by office (compatible wording counts as one) -> (office, first, last).

    The displayed wording is the most frequent one, the longest on ties.
    """
    groups: list[tuple[frozenset[str], list[OfficeSighting]]] = []
    for sighting in sorted(sightings, key=lambda s: (s.office, s.date or "")):
        key = office_key(sighting.office, country, lexicon)
        if not key:
            continue
        for gkey, members in groups:
            if gkey == key:
                members.append(sighting)
                break
        else:
            groups.append((key, [sighting]))
    out = []
    for _, members in groups:
        counts = Counter(m.office for m in members)
        label = max(counts, key=lambda o: (counts[o], len(o), o))
        first, last = period(m.date for m in members)
        out.append((label, first, last))
    return tuple(sorted(out, key=lambda o: (chronological(o[1]), o[0])))


def merge_offices(
    seen: Sequence[Office], stored: Sequence[Office], country: str | None, lexicon: Lexicon
) -> tuple[Office, ...]:
    """Offices from this run joined with those stored earlier: the same office spans
    both periods and takes this run's wording, so new reports only widen the periods and
    the wording does not depend on how the archive was split into ingest runs (this run
    sees every stored report; a stored wording is kept only for an office it lacks)."""
    out: dict[frozenset[str], Office] = {}
    for label, first, last in (*stored, *seen):
        key = office_key(label, country, lexicon)
        if key in out:
            _, f0, l0 = out[key]
            first, last = period([f0, l0, first, last])
        out[key] = (label, first, last)
    return tuple(sorted(out.values(), key=lambda o: (chronological(o[1]), o[0])))


def who_held(
    entities: Iterable[Entity], office: str, country: str | None, date: str | None, lexicon: Lexicon
) -> tuple[Entity, ...]:
    """The people who held ``office`` (of ``country``) around ``date``, by their offices over time."""
    want = office_key(office, country, lexicon)
    found = []
    for entity in entities:
        if entity.type != "person" or (country and entity.country and entity.country != country):
            continue
        for held, first, last in entity.offices:
            if compatible(want, office_key(held, entity.country, lexicon)) and within(
                date, first, last
            ):
                found.append(entity)
                break
    return tuple(sorted(found, key=lambda e: e.entity_id))
