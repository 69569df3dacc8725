"""Can two reports describe the same real event? Pairwise rules, no clustering.

A pair of per-document events gets a :class:`Link` when nothing contradicts their
being one event, graded by how much supports it:

* ``firm`` — same type and status, both dates known to the month and compatible,
  participants overlapping as the event type needs (MEET/SIGN: two shared named
  participants when both name two or more; VISIT: the visitor), places compatible
  and, for a VISIT, both destinations known. Firm links are merged by complete
  linkage.
* ``weak`` — compatible but thin or partly contradictory: a date without year or
  month on one side, an unknown date with an otherwise identical report, one side
  naming only one participant, a VISIT without destination, a SIGN known only by
  its parties and its agreement's words, a meeting of the same two people placed in
  two countries, or the same agreement signed by the same people dated differently
  within a year.

Reports from the same story of one document are never linked: extraction has
already decided whether they are one event; reports from two stories of one page
need firm participant evidence. Two well-described agreements with no distinctive
word in common are two signings. Weak links only attach a report to a cluster when it is
  the report's only possible cluster (see :mod:`communique.merge.cluster`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from anyascii import anyascii

from communique.merge.dates import PartialDate, compatible, not_after
from communique.records import Event

Strength = Literal["firm", "weak"]

#: Two full dates this many days apart may still be one event (outlets dating a
#: visit by arrival vs. by talks; time zones; "yesterday" resolved differently).
DAY_TOLERANCE = 1
#: Words that say what kind of document was signed but not which one; they never
#: identify an agreement on their own. Hand list (English agreement vocabulary).
GENERIC_AGREEMENT_WORDS = frozenset(
    [
        "memorandum",
        "memoranda",
        "understanding",
        "agreement",
        "agreements",
        "treaty",
        "treaties",
        "accord",
        "protocol",
        "protocols",
        "programme",
        "program",
        "plan",
        "deal",
        "document",
        "documents",
        "cooperation",
        "between",
        "signed",
        "signing",
        "on",
        "of",
        "the",
        "and",
        "for",
        "in",
        "with",
        "a",
        "an",
        "to",
        "two",
        "sides",
        "countries",
        "period",
        "joint",
        "action",
        "mou",
    ]
)
#: The kind of document a title names (first word of the title found here), which
#: two vaguely described signings must share. Hand list (English agreement words).
AGREEMENT_KINDS = {
    "memorandum": "memorandum",
    "memoranda": "memorandum",
    "mou": "memorandum",
    "agreement": "agreement",
    "agreements": "agreement",
    "accord": "agreement",
    "deal": "agreement",
    "treaty": "treaty",
    "treaties": "treaty",
    "protocol": "protocol",
    "protocols": "protocol",
    "programme": "programme",
    "program": "programme",
    "plan": "programme",
}
#: A signing whose agreements share this many distinctive words (and most of the
#: shorter title's) is the same signing even when the reports' dates disagree.
SAME_AGREEMENT_WORDS = 3
SAME_AGREEMENT_SHARE = 0.6
#: Two titles with at least this many distinctive words each and none in common
#: name two different agreements.
DIFFERENT_AGREEMENT_WORDS = 2
#: Leading letters compared when matching agreement words, so spelling variants
#: (defence/defense, organisation/organization) and inflections still match.
STEM_LETTERS = 5


def normalize_name(text: str | None) -> str:
    """Case-, accent- and punctuation-free form of a name, for comparison only."""
    if not text:
        return ""
    return " ".join(re.findall(r"\w+", anyascii(text).lower()))


def agreement_stems(text: str | None) -> frozenset[str]:
    """Distinctive word stems of an agreement title (generic words dropped)."""
    words = re.findall(r"[a-z]+", anyascii(text or "").lower())
    return frozenset(
        w[:STEM_LETTERS] for w in words if len(w) > 3 and w not in GENERIC_AGREEMENT_WORDS
    )


def agreement_kind(text: str | None) -> str | None:
    """The kind of document a title names ("memorandum", "treaty" ...), if any."""
    for word in re.findall(r"[a-z]+", anyascii(text or "").lower()):
        if word in AGREEMENT_KINDS:
            return AGREEMENT_KINDS[word]
    return None


@dataclass(frozen=True, slots=True)
class Signature:
    """What the merge rules read from one per-document event, computed once."""

    key: str  # "doc_id#event_id": the report's identity
    doc_id: str
    story: int | None
    type: str
    status: str
    date: PartialDate | None
    country: str | None
    city: str  # normalised, "" when unknown
    named: frozenset[str]  # identity keys of named participants
    countries_by_key: tuple[tuple[str, str | None], ...]  # identity key -> country
    unnamed_countries: frozenset[str]
    parties: frozenset[str]  # every country a participant or organisation stands for
    agreement: frozenset[str]
    kind: str | None  # memorandum, agreement, treaty ... (SIGN only)
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class Link:
    """Evidence that two reports are one event."""

    strength: Strength
    score: float


def participant_key(entity_id: str | None, name: str | None) -> str | None:
    """Identity of a participant: its resolved entity id, else its normalised name."""
    if entity_id:
        return f"id:{entity_id}"
    norm = normalize_name(name)
    return f"name:{norm}" if norm else None


def event_key(event: Event) -> str:
    """The report's identity: its document and its per-document event id."""
    doc = event.sources[0].doc_id if event.sources else ""
    return f"{doc}#{event.event_id}"


def signature(event: Event, published: dt.date | None) -> Signature:
    """Precompute the comparable parts of ``event`` (``published``: its document's
    publication day, the latest date an occurred event it reports can have)."""
    keyed: dict[str, str | None] = {}
    unnamed: set[str] = set()
    for p in event.participants:
        k = participant_key(p.entity_id, p.name)
        if k is None:
            if p.country:
                unnamed.add(p.country)
        else:
            keyed.setdefault(k, p.country)
    parties = {c for c in keyed.values() if c} | unnamed
    parties |= {o.country for o in event.organizations if o.country}
    loc = event.location
    return Signature(
        key=event_key(event),
        doc_id=event.sources[0].doc_id if event.sources else "",
        story=event.story_index,
        type=event.type,
        status=event.status,
        date=PartialDate.parse(event.date),
        country=loc.country if loc else None,
        city=normalize_name(loc.name) if loc else "",
        named=frozenset(keyed),
        countries_by_key=tuple(sorted(keyed.items())),
        unnamed_countries=frozenset(unnamed),
        parties=frozenset(parties),
        agreement=agreement_stems(event.agreement),
        kind=agreement_kind(event.agreement),
        published=published,
    )


def _counterparts_agree(a: Signature, b: Signature, shared: frozenset[str]) -> bool:
    """When only one participant is shared, the other sides must not contradict:
    their countries (named or unnamed) must meet when both state any."""

    def others(s: Signature) -> set[str]:
        out = {c for k, c in s.countries_by_key if k not in shared and c}
        return out | set(s.unnamed_countries)

    oa, ob = others(a), others(b)
    return not oa or not ob or bool(oa & ob)


def _participants(a: Signature, b: Signature) -> Strength | None:
    """Participant rule by event type; None when they contradict."""
    if not a.named and not b.named:
        same = bool(a.agreement & b.agreement) or _vague_in_one_year(a, b)
        ok = len(a.parties) >= 2 and a.parties == b.parties and same
        return "weak" if ok else None
    shared = a.named & b.named
    if not shared:
        return None
    if a.type == "VISIT":
        return "firm" if _counterparts_agree(a, b, shared) else None
    if len(a.named) >= 2 and len(b.named) >= 2:
        return "firm" if len(shared) >= 2 else None
    return "weak" if _counterparts_agree(a, b, shared) else None


def _vague_in_one_year(a: Signature, b: Signature) -> bool:
    """A signing mentioned in passing ("a memorandum signed by the two countries in
    2013") may be the one another report describes better, when both state the
    same year and the same kind of document and one title has no distinctive word
    (so nothing contradicts). The link is weak: it joins only a unique candidate."""
    if a.agreement and b.agreement:
        return False
    if a.kind is None or a.kind != b.kind or a.date is None or b.date is None:
        return False
    return a.date.year is not None and a.date.year == b.date.year


def _strong_without_date(a: Signature, b: Signature) -> bool:
    """An unknown date is tolerated only when the rest is identical and specific:
    the same named participants (two, or the visitor) and the same known city."""
    need = 1 if a.type == "VISIT" else 2
    return a.named == b.named and len(a.named) >= need and bool(a.city) and a.city == b.city


def _same_agreement(a: Signature, b: Signature) -> bool:
    """Two titles naming the same agreement (most distinctive words shared)."""
    shared = len(a.agreement & b.agreement)
    smaller = min(len(a.agreement), len(b.agreement))
    return shared >= SAME_AGREEMENT_WORDS and shared >= SAME_AGREEMENT_SHARE * smaller


def _different_agreements(a: Signature, b: Signature) -> bool:
    """Two well-described agreements without a distinctive word in common are two
    signings, even by the same people on the same day."""
    big = DIFFERENT_AGREEMENT_WORDS
    return len(a.agreement) >= big and len(b.agreement) >= big and not a.agreement & b.agreement


def _date_rule(a: Signature, b: Signature) -> Strength | None:
    """Date rule: compatible dates; publication days bound year-less reports."""
    for x, y in ((a, b), (b, a)):
        yearless = x.date is None or x.date.year is None
        bounded = x.status == "occurred" and x.published is not None and yearless
        if (
            bounded
            and y.date is not None
            and x.published is not None
            and not not_after(y.date, x.published + dt.timedelta(days=DAY_TOLERANCE))
        ):
            return None
    if a.date is None or b.date is None:
        return "weak" if _strong_without_date(a, b) else None
    if not compatible(a.date, b.date, DAY_TOLERANCE):
        # The same agreement signed by the same people in the same year: one signing
        # whose reports disagree on the day (kept, flagged in the merged record).
        same_year = a.date.year is None or b.date.year is None or a.date.year == b.date.year
        same_sign = a.type == "SIGN" and len(a.named & b.named) >= 2 and _same_agreement(a, b)
        return "weak" if same_sign and same_year else None
    return "firm" if a.date.anchored and b.date.anchored else "weak"


def link(a: Signature, b: Signature, *, ignore_status: bool = False) -> Link | None:
    """The link between two reports, or None when they cannot be one event.
    ``ignore_status`` compares a planned report with an occurred one (to relate,
    never to merge them)."""
    if a.type != b.type or (a.status != b.status and not ignore_status):
        return None
    if a.doc_id == b.doc_id and a.story == b.story:
        return None  # one story's reports were already told apart by extraction
    people = _participants(a, b)
    if people is None or (people == "weak" and a.doc_id == b.doc_id):
        return None  # within one document, thin evidence means two events
    if _different_agreements(a, b):
        return None
    when = _date_rule(a, b)
    if when is None:
        return None
    place: Strength = "firm"
    if a.country and b.country and a.country != b.country:
        # A VISIT is defined by its destination; a meeting of the same two named
        # people on a compatible date is one meeting whose place a report got wrong.
        if a.type == "VISIT" or len(a.named & b.named) < 2:
            return None
        place = "weak"
    elif a.type == "VISIT" and (not a.country or not b.country):
        place = "weak"
    strength: Strength = "firm" if people == when == place == "firm" else "weak"
    score = 10.0 * len(a.named & b.named) + len(a.agreement & b.agreement)
    score += 2.0 if a.date == b.date else 0.0
    score += 1.0 if a.city and a.city == b.city else 0.0
    return Link(strength, score)
