"""Slot filling shared by the Russian and Vietnamese front-ends.

Both languages put the office before the name and the subject before the verb, so one
set of clause rules serves them, parameterised by each language's cue words
(:class:`Cues`): the person before a trigger is its subject and the people after it
(joined by commas and "и"/"và") its partners; "A и B провели переговоры" names both
sides before; "переговоры между A и B" both after; a visit's traveller is the person
the visit noun is attached to, its destination the place after a locative preposition.
A pronoun or a missing subject refers to the latest person of earlier sentences.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from communique.extract.events import Draft
from communique.extract.triggers import Trigger
from communique.nlp.people import PersonMention
from communique.records import Document, Location, Organization, Participant


@dataclass(frozen=True, slots=True)
class Cues:
    """A language's clause cues (compiled regular expressions) and its code."""

    lang: str
    join: re.Pattern[str]  # the whole gap between two joined people: ", " / " и " / " và "
    planned: re.Pattern[str]  # a future/intention cue in the clause before a trigger
    locative: re.Pattern[str]  # what may stand between a travel word and its destination
    venue: re.Pattern[str]  # a preposition right before a venue ("в", "tại"), at the end
    agreement: re.Pattern[str]  # nouns that make "signed" an international signing
    future: re.Pattern[str] | None = None  # a trigger word in the future tense ("посетит")
    partner: re.Pattern[str] | None = None  # the gap "A с B" / "A với B" between two sides


@dataclass(frozen=True, slots=True)
class LangSentence:
    """A sentence (clean offsets) and the people found in it."""

    story: int
    start: int
    end: int
    text: str
    people: tuple[PersonMention, ...] = ()
    orgs: tuple[Organization, ...] = ()  # bodies named in the sentence (signatories)


@dataclass(frozen=True, slots=True)
class StoryFacts:
    """What a story's dateline states: default date and place for its events."""

    date: str | None = None
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class FillContext:
    """What slot filling may look at beyond the sentence."""

    recent: Sequence[PersonMention]  # people of earlier sentences of the story, in order
    facts: StoryFacts
    published: str | None
    clean: str  # the document's clean text (for names as written)
    latin: Any = None  # callable (name, country) -> Latin name, or None to keep the name
    earlier: Sequence[Draft] = ()  # drafts of earlier triggers in the document


class ClauseFiller:
    """Turns a trigger match in a sentence into drafts (pure given its resources)."""

    def __init__(self, cues: Cues, gazetteer: Any, dates: Any, place_forms: Any = None) -> None:
        self.cues = cues
        self.gazetteer = gazetteer
        self.dates = dates
        #: word -> spellings to look an inflected place name up by ("Владивостоке")
        self.place_forms = place_forms

    def fill(
        self, sent: LangSentence, trig: Trigger, m: re.Match[str], ctx: FillContext
    ) -> list[Draft]:
        """Drafts for trigger ``m`` of pattern ``trig`` in ``sent``."""
        people, recent, facts = list(sent.people), ctx.recent, ctx.facts
        t0, t1 = sent.start + m.start(), sent.start + m.end()
        groups: list[tuple[list[PersonMention], Location | None]] = []
        if trig.type == "VISIT":
            groups = self._visit(sent, trig, m, people, recent)
        elif trig.type == "SIGN":
            if self.cues.agreement.search(sent.text):
                groups = [(self._signatories(people, t0, t1, sent, ctx), None)]
        else:
            groups = [(pair, None) for pair in self._meet(sent, trig, people, t0, t1, recent)]
        when, explicit = self._date(sent.text, m, published_day(ctx.published))
        status = (
            "planned"
            if self.cues.planned.search(re.split(r"[,;:]", sent.text[: m.start()])[-1])
            or (self.cues.future is not None and self.cues.future.search(m.group(0)))
            else "occurred"
        )
        out = []
        for parts, loc in groups:
            place = self._place(loc, sent.text, facts)
            out.append(
                Draft(
                    type=trig.type,  # type: ignore[arg-type]
                    status=status,  # type: ignore[arg-type]
                    sentence=(sent.start, sent.end),
                    trigger=t0,
                    story=sent.story,
                    participants=tuple(_participant(p, ctx) for p in parts),
                    date=when or facts.date,
                    date_explicit=explicit,
                    location=place,
                    location_stated=place is not None and place != facts.location,
                    agreement=self._agreement(sent.text, m) if trig.type == "SIGN" else None,
                    organizations=sent.orgs if trig.type == "SIGN" else (),
                )
            )
        return [d for d in out if d.participants or d.type == "SIGN"]

    # -- people ---------------------------------------------------------------------

    def _before(
        self, people: list[PersonMention], pos: int, sent: LangSentence
    ) -> list[PersonMention]:
        prev = [p for p in people if p.span_end <= pos]
        if not prev:
            return []
        group = [prev[-1]]
        for p in reversed(prev[:-1]):
            gap = sent.text[p.span_end - sent.start : group[0].span_start - sent.start]
            if not self.cues.join.fullmatch(gap):
                break
            group.insert(0, p)
        return group

    def _after(
        self, people: list[PersonMention], pos: int, sent: LangSentence, limit: int = 200
    ) -> list[PersonMention]:
        nxt = [p for p in people if p.span_start >= pos]
        if not nxt or nxt[0].span_start - pos > limit:
            return []  # the first person must be near; those joined to it may follow
        group = [nxt[0]]
        for p in nxt[1:]:
            gap = sent.text[group[-1].span_end - sent.start : p.span_start - sent.start]
            if not self.cues.join.fullmatch(gap):
                break
            group.append(p)
        return group

    def _subject(
        self,
        people: list[PersonMention],
        pos: int,
        sent: LangSentence,
        recent: Sequence[PersonMention],
    ) -> PersonMention | None:
        """The nearest person before ``pos``; else a pronoun's or the story's latest person."""
        before = self._before(people, pos, sent)
        if before:
            return before[-1]
        return recent[-1] if recent else None

    def _signatories(
        self, people: list[PersonMention], t0: int, t1: int, sent: LangSentence, ctx: FillContext
    ) -> list[PersonMention]:
        """The people signing: both sides named around the verb, else the sides of the
        story's latest meeting (a signing "during the talks")."""
        side = self._before(people, t0, sent) + self._after(people, t1, sent)
        if len(side) >= 2:
            return side
        meet = next(
            (d for d in reversed(ctx.earlier) if d.type == "MEET" and d.story == sent.story), None
        )
        if meet is None:
            return side
        return [
            PersonMention(0, 0, p.name or "", p.role, p.country, True, 0, 0)
            for p in meet.participants
            if p.name
        ]

    def _meet(
        self,
        sent: LangSentence,
        trig: Trigger,
        people: list[PersonMention],
        t0: int,
        t1: int,
        recent: Sequence[PersonMention],
    ) -> list[list[PersonMention]]:
        if trig.mode in ("between", "of"):
            limit = 200 if trig.mode == "between" else 2  # "встреча Орлова и Ли": right after
            group = self._after(people, t1, sent, limit=limit)
            if len(group) == 1 and self.cues.partner is not None:
                partner = self._after(people, group[0].span_end, sent, limit=8)
                gap = (
                    sent.text[group[0].span_end - sent.start : partner[0].span_start - sent.start]
                    if partner
                    else ""
                )
                if partner and self.cues.partner.fullmatch(gap):
                    group = [group[0], partner[0]]  # "встреча Орлова с Ли"
            return [group] if len(group) >= 2 else []
        if trig.mode == "held":
            group = self._before(people, t0, sent)
            if len(group) >= 2:
                return [group]
        objs = self._after(people, t1, sent)
        subj = self._subject(people, t0, sent, recent)
        if subj is None or not objs:
            return []
        return [[subj, o] for o in objs if o.text != subj.text]

    def _visit(
        self,
        sent: LangSentence,
        trig: Trigger,
        m: re.Match[str],
        people: list[PersonMention],
        recent: Sequence[PersonMention],
    ) -> list[tuple[list[PersonMention], Location | None]]:
        """The traveller and destination; with the destination fronted ("Вьетнам посетил
        премьер-министр ...") the traveller is the first person after the verb."""
        dest = self.destination(sent.text[m.end() : m.end() + 80])
        visitor = self._visitor(sent, trig, m, people, recent) if dest is not None else None
        if dest is None:
            before = sent.text[: m.start()]
            fronted = [
                p
                for _, e, p in self.gazetteer.find_places(before, lang=self.cues.lang)
                if not before[e:].strip()
            ]
            after = self._after(people, sent.start + m.end(), sent, limit=120)
            if fronted and after:
                dest, visitor = _location(fronted[-1]), after[0]
        return [([visitor], dest)] if visitor is not None and dest is not None else []

    def _visitor(
        self,
        sent: LangSentence,
        trig: Trigger,
        m: re.Match[str],
        people: list[PersonMention],
        recent: Sequence[PersonMention],
    ) -> PersonMention | None:
        """The traveller: the person before the trigger (the subject, or the person a
        participle clause is attached to), else the latest person of the story."""
        t0 = sent.start + m.start()
        if trig.mode == "guest":
            after = self._after(people, sent.start + m.end(), sent, limit=60)
            if after:
                return after[0]
        return self._subject(people, t0, sent, recent)

    # -- places, dates, agreements ---------------------------------------------------

    def destination(self, after: str) -> Location | None:
        """The first place after a travel word whose gap to it is a locative phrase
        ("визитом во Вьетнаме", "chuyến thăm 2 ngày đến Việt Nam")."""
        for s, _, place in self._places(after):
            if self.cues.locative.fullmatch(after[:s]):
                return _location(place)
        return None

    def _places(self, text: str) -> list[tuple[int, int, Any]]:
        """Places in ``text``; with ``place_forms``, also capitalised words whose other
        spellings name a place the gazetteer knows (inflected forms it lacks)."""
        found = list(self.gazetteer.find_places(text, lang=self.cues.lang))
        if self.place_forms is None:
            return found
        for m in re.finditer(r"\b[^\W\d_][\w-]+", text):
            if m.group(0)[0].isupper() and not any(s <= m.start() < e for s, e, _ in found):
                place = next(
                    filter(None, map(self.gazetteer.place, self.place_forms(m.group(0)))), None
                )
                if place is not None:
                    found.append((m.start(), m.end(), place))
        return sorted(found, key=lambda f: f[0])

    def _place(self, loc: Location | None, text: str, facts: StoryFacts) -> Location | None:
        """The destination, else a venue named in the sentence, else the dateline's place;
        a destination country takes the dateline's city when they agree."""
        if loc is None:
            for s, _, place in self._places(text):
                if (
                    self.cues.venue.search(text[max(0, s - 8) : s])
                    and getattr(place, "kind", "") != "country"
                ):
                    loc = _location(place)
                    break
        if loc is None:
            return facts.location
        if (
            loc.name is None
            and facts.location is not None
            and facts.location.country == loc.country
        ):
            return facts.location
        return loc

    def _date(self, text: str, m: re.Match[str], published: str | None) -> tuple[str | None, bool]:
        found = [d for d in self.dates.find_dates(text, published, self.cues.lang) if d.value]
        if not found:
            return None, False
        best = min(found, key=lambda d: abs(d.start - m.start()))
        return best.value, True

    def _agreement(self, text: str, m: re.Match[str]) -> str | None:
        found = self.cues.agreement.search(text, m.start()) or self.cues.agreement.search(text)
        if found is None:
            return None
        phrase = re.split(r"[.;,]", text[found.start() :])[0].strip()
        return phrase[:200] or None


def _location(place: Any) -> Location:
    if getattr(place, "kind", "city") == "country":
        return Location(None, place.country)
    return Location(getattr(place, "name", None), getattr(place, "country", None))


def published_day(published: str | None) -> str | None:
    """A publication date to resolve partial dates against: a month-precision date
    ("2021-03") still fixes the year, so it stands for the month's last day."""
    if published and re.fullmatch(r"\d{4}-\d{2}", published):
        year, month = int(published[:4]), int(published[5:])
        nxt = date(year + month // 12, month % 12 + 1, 1)
        return (nxt - timedelta(days=1)).isoformat()
    return published


def _participant(p: PersonMention, ctx: FillContext) -> Participant:
    """Name in canonical (Latin, nominative) form; mention as the sentence wrote it."""
    if p.end <= p.start:  # taken over from an earlier draft: already canonical
        return Participant(name=p.text, mention=p.text, role=p.role, country=p.country)
    written = ctx.clean[p.start : p.end]
    name = ctx.latin(p.text, p.country) if ctx.latin is not None else p.text
    return Participant(name=name, mention=written, role=p.role, country=p.country)


def locate_meetings(drafts: Sequence[Draft]) -> list[Draft]:
    """A meeting with no place of its own, held by a visitor of the same story, takes the
    visit's destination (the visitor met people where they had travelled)."""
    out = []
    for d in drafts:
        if d.type != "VISIT" and (d.location is None or d.location.country is None):
            names = {p.name for p in d.participants}
            visit = next(
                (
                    v
                    for v in drafts
                    if v.type == "VISIT"
                    and v.story == d.story
                    and v.location
                    and names & {p.name for p in v.participants}
                ),
                None,
            )
            if visit is not None:
                d = replace(d, location=visit.location)
        out.append(d)
    return out


__all__ = [
    "ClauseFiller",
    "Cues",
    "FillContext",
    "LangSentence",
    "StoryFacts",
    "locate_meetings",
    "published_day",
]


@dataclass(frozen=True, slots=True)
class Reading:
    """How one language reads its sentences: triggers, Latin names, story facts."""

    find_triggers: Callable[[str], list[tuple[Trigger, re.Match[str]]]]
    latin: Callable[[str, str | None], str]
    facts: Mapping[int, StoryFacts]  # story index -> dateline facts (may be empty)


def fill_sentences(
    filler: ClauseFiller,
    sents: Sequence[LangSentence],
    doc: Document,
    reading: Reading,
    deadline: float,
) -> list[Draft]:
    """Every trigger of every sentence filled, in text order, until ``deadline``.

    Why shared: the Russian and Vietnamese front-ends differ in how they find people
    and triggers, not in how a sentence's triggers become drafts; earlier people of the
    same story are the antecedents of "he" or "the guest", and a new story resets them.
    """
    out: list[Draft] = []
    recent: list[tuple[int, PersonMention]] = []
    for sent in sents:
        if time.monotonic() > deadline:
            break
        ctx = FillContext(
            tuple(p for story, p in recent if story == sent.story),
            reading.facts.get(sent.story, StoryFacts()),
            doc.published,
            doc.clean,
            reading.latin,
            tuple(out),
        )
        for trig, m in reading.find_triggers(sent.text):
            out.extend(filler.fill(sent, trig, m, ctx))
        if recent and sent.story != recent[-1][0]:
            recent = []  # a new story: earlier people are no one's antecedent
        recent.extend((sent.story, p) for p in sent.people if p.end > p.start)
    return locate_meetings(out)
