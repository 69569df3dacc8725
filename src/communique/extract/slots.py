"""Filling an event's slots from the sentence around an English trigger.

Who fills which slot is read from the clause structure around the trigger: the person
before the trigger is its subject, the one after is its object; "A and B" are joined;
"his talks with B" belongs to the sentence's subject; "X's visit", "a visit by X" and
"X, who is on a visit" name the traveller. References by office or pronoun are resolved
in :mod:`.references`; sides named by no person ("leaders of Norway's government", "an
OSCE mission") in :mod:`.sides`; dates in :mod:`.dating` (the trigger's own phrase first);
places from locative phrases, the one after the trigger first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from communique.extract.agreements import ORG
from communique.extract.dating import coarse_cue, trigger_date
from communique.extract.events import Draft
from communique.extract.references import opens_with_description, people_of
from communique.extract.sides import between_pair, country_pair, unnamed_body, unnamed_side
from communique.extract.signing import sign_groups, signed_year
from communique.extract.triggers import (
    DONE_BEFORE,
    FUTURE_AFTER,
    OCCASION_OF_SPEECH,
    PLANNED_AFTER,
    PLANNED_BEFORE,
    Trigger,
)
from communique.nlp.people import Cast, PersonMention
from communique.records import Location, Participant

#: What joins two people into one side ("A and B", "A (L) and B": photo captions mark
#: who stands where with a parenthesised letter or word).
_JOIN = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s*)?"  # "A of Sweden and B"
    r"(?:\((?:[A-Z]|left|right|centre|center|R|L)\)\s*)?(?:,|and|,\s*and|as\s+well\s+as)\s*(?:his|her|their)?\s*(?:visiting\s+)?$"
)
_OWNER = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_WHO = re.compile(
    r"\b(?:who|which)\s+(?:is|was|are|were|has\s+been)\s+(?:on|paying|making|currently)\b[^,]*$",
    re.IGNORECASE,
)
#: A plural reference to both sides of a meeting just reported.
_PAIR_REF = re.compile(
    r"\b(?:their|the\s+two\s+(?:leaders|presidents|ministers|sides|delegations|heads\s+of\s+state)|"
    r"both\s+(?:leaders|presidents|ministers|sides))\b[^,;.]{0,40}$",
    re.IGNORECASE,
)
_MULTI_DAY = re.compile(r"\b[\w]+-day\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
#: Trigger nouns that refer to a visit without reporting whether it took place.
_NOUN_TRIGGER = re.compile(r"(?:visits?|trip|tour)\b", re.IGNORECASE)


#: An opening quotation mark: curly, or straight after a space or a colon.
_OPEN_QUOTE = re.compile(r"[“«]|(?:^|[\s:(])\"")
#: "visiting Ukraine officials", "visiting Lao delegations": an adjective before a
#: group of unnamed people from a place (they travelled; the place is no destination).
_VISITING_GROUP = re.compile(
    r"^\s*(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:officials|delegations?|diplomats|lawmakers"
    r"|leaders|ministers|envoys|representatives|dignitaries|guests|journalists|students)\b"
)


#: "visiting each other", "visiting friends": a social call, no one's trip abroad.
_RECIPROCAL = re.compile(
    r"^\s*(?:each\s+other|one\s+another|friends|family|relatives|(?:his|her|their)\s+"
    r"(?:family|friends?|relatives|parents|mother|father|wife|husband|children|son|daughter))\b",
    re.IGNORECASE,
)


def _ends_phrase(after: str) -> bool:
    """A place name is a destination only when no capitalised word follows it
    ("visiting Chilean Minister ..." names a person, not a place)."""
    return re.match(r"^\s*(?:[^\w\s]|$|[a-z0-9])", after) is not None and not after.startswith(
        ("’s", "'s")
    )


#: One reading of a trigger: its people, the place it names, and the other slots
#: ("guest", "parties", "orgs", "agreement", "reference").
Group = tuple[list[PersonMention], Location | None, dict[str, Any]]


def _last(people: list[PersonMention]) -> PersonMention | None:
    return people[-1] if people else None


@dataclass(frozen=True, slots=True)
class Context:
    """What slot filling may look at beyond the sentence."""

    cast: Cast
    recent: Sequence[PersonMention]  # people of earlier sentences, in order
    earlier: Sequence[Draft]  # drafts of earlier triggers
    published: str | None
    bounds: tuple[int, int]  # sentence-relative span between the neighbouring triggers


class SlotFiller:
    """Turns one trigger in one sentence into drafts (pure given its resources)."""

    def __init__(self, gazetteer: Any, dates: Any) -> None:
        self.gazetteer = gazetteer
        self.dates = dates

    def fill(self, sent: Any, trig: Trigger, m: re.Match[str], ctx: Context) -> list[Draft]:
        """Drafts for trigger ``m`` of pattern ``trig`` in sentence ``sent``."""
        people = self._people(sent, ctx)
        if trig.type == "SIGN":
            groups = self._sign(sent, m, people, ctx)
        elif trig.type == "VISIT":
            groups = self._visit(sent, trig, m, people, ctx)
        else:
            groups = self._meet(sent, trig, m, people, ctx)
        out = []
        for parts, loc, extra in groups:
            parts = list({self._participant(p, ctx.cast).name: p for p in parts}.values())
            status = self._status(sent.text, m, trig)
            coarse = coarse_cue(sent.text, m)
            date, explicit, first_day = trigger_date(
                self.dates,
                sent.text,
                m,
                (ctx.published, ctx.bounds, status == "planned"),
                trig.type == "VISIT",
                coarse,
            )
            if extra.get("reference"):  # a past signing: its own year, else no date
                date = signed_year(self.dates, sent.text, m)
                explicit = first_day = False
            out.append(
                Draft(
                    type=trig.type,  # type: ignore[arg-type]
                    status=status,  # type: ignore[arg-type]
                    sentence=(sent.start, sent.end),
                    trigger=sent.start + m.start(),
                    story=sent.story,
                    participants=tuple(self._participant(p, ctx.cast) for p in parts)
                    + extra.get("parties", ()),
                    date=date,
                    date_explicit=explicit,
                    date_start=first_day,
                    asserted=not _NOUN_TRIGGER.match(m.group(0)),
                    symmetric=trig.mode in ("between", "held") and len(parts) >= 2,
                    location=(place := loc or self._sentence_location(sent.text, m)),
                    location_stated=place is not None,
                    guest=self._participant_name(extra.get("guest"), ctx.cast),
                    organizations=extra.get("orgs", ()),
                    agreement=extra.get("agreement"),
                    reference=bool(extra.get("reference")),
                    coarse=coarse,
                    multi_day=bool(
                        _MULTI_DAY.search(sent.text[max(0, m.start() - 30) : m.start()])
                    ),
                )
            )
        return out

    # -- people -------------------------------------------------------------------------

    def _people(self, sent: Any, ctx: Context) -> list[PersonMention]:
        return people_of(self.gazetteer, sent, ctx.cast, ctx.recent)

    @staticmethod
    def _participant_name(mention: str | None, cast: Cast) -> str | None:
        person = cast.lookup(mention) if mention else None
        return person.name if person else mention

    def _participant(self, m: PersonMention, cast: Cast) -> Participant:
        person = cast.lookup(m.text)
        name = person.name if person else m.text
        role = m.role or (person.role if person else None)
        country = m.country or (person.country if person else None)
        return Participant(name=name, mention=m.text, role=role, country=country)

    @staticmethod
    def _before(
        people: list[PersonMention], pos: int, text_start: int, text: str
    ) -> list[PersonMention]:
        """The person ending right before ``pos`` and those joined to it by "and"/","."""
        prev = [p for p in people if p.span_end <= pos]
        if not prev:
            return []
        group = [prev[-1]]
        for p in reversed(prev[:-1]):
            gap = text[p.span_end - text_start : group[0].span_start - text_start]
            if not _JOIN.match(gap):
                break
            group.insert(0, p)
        return group

    @staticmethod
    def _after(
        people: list[PersonMention], pos: int, text_start: int, text: str, limit: int = 160
    ) -> list[PersonMention]:
        """The first person after ``pos`` (within ``limit`` chars) and those joined to it;
        "X's deputy" names someone else than X."""
        nxt = [
            p
            for p in people
            if p.span_start >= pos
            and p.span_start - pos <= limit
            and not re.match(
                r"[’']s\s+[a-z]", text[p.span_end - text_start : p.span_end - text_start + 4]
            )
            # a quotation opened after the trigger is someone's words, not its object
            and not _OPEN_QUOTE.search(text[pos - text_start : p.span_start - text_start])
        ]
        if not nxt:
            return []
        group = [nxt[0]]
        for p in nxt[1:]:
            gap = text[group[-1].span_end - text_start : p.span_start - text_start]
            if not _JOIN.match(gap):
                break
            group.append(p)
        return group

    def _owner(
        self, people: list[PersonMention], exclude: list[PersonMention], ctx: Context
    ) -> PersonMention | None:
        """The sentence's subject, else the latest person of earlier sentences."""
        names = {p.text for p in exclude}
        for p in people:
            if p.text not in names:
                return p
        return ctx.recent[-1] if ctx.recent else None

    # -- MEET -------------------------------------------------------------------------

    def _meet(
        self, sent: Any, trig: Trigger, m: re.Match[str], people: list[PersonMention], ctx: Context
    ) -> list[Group]:
        t0, t1 = sent.start + m.start(), sent.start + m.end()
        text = sent.text
        if trig.mode == "between":
            group = self._after(people, t1, sent.start, text)
            if len(group) >= 2:
                return [(group, None, {})]
            pair = None if group else between_pair(self.gazetteer, text[m.end() :])
            return [([], None, {"parties": pair})] if pair else []
        subj = self._before(people, t0, sent.start, text)
        if trig.mode in ("held", "their"):
            before = self._sides_before(sent, trig, m, (people, subj), ctx)
            if before is not None:
                return before
        objs = self._after(people, t1, sent.start, text)
        side = None if objs else unnamed_side(self.gazetteer, text[m.end() :], after=True)
        body = None if objs or side else unnamed_body(self.gazetteer, text[m.end() :])
        if not objs and side is None and body is None:
            return []
        owner_cue = _OWNER.search(text[: m.start()])
        if not subj and (first := unnamed_side(self.gazetteer, text[: m.start()], after=False)):
            return (
                [([], None, {"parties": (first, side) if side else ()})]
                if side
                else [(objs[:1], None, {"parties": (first,)})]
            )
        if not subj and opens_with_description(text) and not [p for p in people if p.end <= t0]:
            return []  # "The Chinese leader met X": an office named nowhere else
        if not subj or (owner_cue and trig.mode == "with" and owner_cue.end() == m.start()):
            org_head = self._org_head(text[: m.start()], ctx.cast)
            owner = org_head or self._owner(people, objs, ctx)
            subj = [owner] if owner is not None else []
        if not subj:
            return []
        if side is not None or body is not None:
            if not any(p.text == subj[-1].text for p in people):
                return []  # an unnamed side needs its partner in the same sentence
            extra = {"parties": (side,)} if side is not None else {"orgs": (body,)}
            return [(subj[-1:], None, extra)]
        word = m.group(0).lower()
        calls_on = word.startswith("paid")
        receives = (
            trig.mode == "obj"
            and re.match(r"(?:receiv|welcom|host|greet|gave|gives|extend)", word) is not None
        )
        out: list[Group] = []
        for o in objs:
            if o.text == subj[-1].text:
                continue
            guest = subj[-1] if calls_on else o if receives else None
            out.append((subj[-1:] + [o], None, {"guest": guest.text if guest else None}))
        return out

    def _sides_before(
        self,
        sent: Any,
        trig: Trigger,
        m: re.Match[str],
        found: tuple[list[PersonMention], list[PersonMention]],
        ctx: Context,
    ) -> list[Group] | None:
        """Both sides named before a "held"/"their" trigger ("A and B held talks",
        "Israel and Lebanon resumed talks", "the two leaders met", "A told B at their
        meeting"); None when the trigger is to be read with an object after it."""
        people, subj = found
        text = sent.text
        if trig.mode == "held" and len(subj) >= 2:
            return [(subj, None, {})]
        if (
            trig.mode == "held"
            and not subj
            and (pair := country_pair(self.gazetteer, text[: m.start()]))
        ):
            return [([], None, {"parties": pair})]
        if not subj and _PAIR_REF.search(text[: m.end()]):
            # "the two leaders met in Beijing", "at their meeting on May 2": the sides
            # of the latest meeting reported in the story
            last = next(
                (d for d in reversed(ctx.earlier) if d.type == "MEET" and d.story == sent.story),
                None,
            )
            return [([], None, {"parties": last.participants})] if last is not None else []
        if trig.mode == "their":
            # "A told B at their meeting": the two people named before it
            t0 = sent.start + m.start()
            named = list({p.text: p for p in people if p.span_end <= t0}.values())
            return [([named[0], named[-1]], None, {})] if len(named) >= 2 else []
        return None

    def _org_head(self, before: str, cast: Cast) -> PersonMention | None:
        """ "The Interior Ministry of Chile held talks": its minister, if named."""
        m = None
        for m in ORG.finditer(before):
            pass
        if m is None:
            return None
        key = {w.lower() for w in re.findall(r"[A-Z]\w+", m.group("name"))} - {
            "ministry",
            "the",
            "of",
        }
        key = {w for w in key if not self.gazetteer.country(w.title())}
        for p in cast.people:
            role = {w.lower() for w in re.findall(r"\w+", p.role or "")}
            if key and key <= role:
                return PersonMention(0, 0, p.name, p.role, p.country, True, 0, 0)
        return None

    # -- VISIT ------------------------------------------------------------------------

    def _visit(
        self, sent: Any, trig: Trigger, m: re.Match[str], people: list[PersonMention], ctx: Context
    ) -> list[Group]:
        text, t0, t1 = sent.text, sent.start + m.start(), sent.start + m.end()
        after = text[m.end() :]
        dest = self._destination(after)
        visitor: PersonMention | None = None
        if trig.mode == "visiting":
            if _VISITING_GROUP.match(after) or _RECIPROCAL.match(after):
                return []  # "visiting Ukraine officials": unnamed people who travelled
            if (
                dest is not None
                and re.match(r"^\s*(?:the\s+)?[A-Z]", after)
                and self._place_first(after)
            ):
                visitor = _last(self._before(people, t0, sent.start, text))
            else:
                dest = None
                nxt = self._after(people, t1, sent.start, text, limit=100)
                visitor = nxt[0] if nxt else None
        elif trig.mode == "travel":
            if dest is None and m.group(0).lower().endswith(" for"):
                return []  # a departure "for" something that is not a place
            if (
                dest is None
                and m.group(0).lower() == "visited"
                and self._sentence_location(text, m) is None
            ):
                return []  # "visited his editor at her office": a call on a person, no place
            visitor = _last(self._before(people, t0, sent.start, text))
            side = unnamed_side(self.gazetteer, text[: m.start()], after=False)
            if visitor is None and side is not None and dest is not None:
                return [([], dest, {"parties": (side,)})]
            if visitor is None and _OWNER.search(text[: m.start()]):
                visitor = self._owner(people, [], ctx)  # "during his trip to Japan, X met ..."
        else:
            if (
                dest is None
                and re.search(r"\b(?:his|her|their)\s+$", text[: m.start()])
                and self._sentence_location(text, m) is None
            ):
                return []  # "saw his visit as a surprise": whose and where both guessed
            visitor = self._visitor(text, m, people, sent.start, ctx)
        if visitor is None:
            return []
        return [([visitor], dest, {})]

    def _visitor(
        self, text: str, m: re.Match[str], people: list[PersonMention], base: int, ctx: Context
    ) -> PersonMention | None:
        t0, t1 = base + m.start(), base + m.end()
        if re.match(r"^\s*by\b", text[m.end() :]):
            nxt = self._after(people, t1, base, text, limit=60)
            return nxt[0] if nxt else None
        for p in people:
            if (
                p.end <= t0
                and t0 - p.end <= 30
                and text[p.end - base : p.end - base + 2] in ("’s", "'s")
                and "," not in text[p.end - base : m.start()]
            ):
                return p
        if re.search(r"[’']s\s+(?:[\w-]+\s+){0,3}$", text[: m.start()]):
            return None  # "the Russian President's visit": someone not named here
        by = re.match(
            r"^(?:\s+to\s+[^,]*?)?\s+by\s+(?:a|the)\s+[^.]*?delegation\s+of\s+(.*)$",
            text[m.end() :],
        )
        if by:
            head = self._org_head(by.group(1)[:120], ctx.cast)
            if head is not None:
                return head
        if _WHO.search(text[: m.start()]):
            prev = self._before(people, t0, base, text)
            if prev:
                return prev[-1]
        if _OWNER.search(text[: m.start()]):
            return self._owner(people, [], ctx)
        if self._destination(text[m.end() :]) is not None:
            before = [p for p in people if p.end <= t0]
            if re.search(r"\b(?:to|will|would|shall)\s+$", text[: m.start()]):
                return before[-1] if before else None  # "invited X to visit": the nearest
            return before[0] if before else None  # "X ... during a visit to": the subject
        return None

    def _place_first(self, after: str) -> bool:
        return bool(self._destination(after))

    def _destination(self, after: str) -> Location | None:
        """ "to Hanoi" / "in Viet Nam" / "visiting China" right after a travel word."""
        m = re.match(r"^\s*(?:to|in|of)?\s*(?:the\s+)?", after)
        rest = after[m.end() if m else 0 :][:60]
        # the slot after a travel word is a locative frame ("for Lima" as "to Lima"):
        # a place named only in such a frame (a city that is also a name) counts here
        framed = [(s - 3, e - 3, p) for s, e, p in self.gazetteer.find_places("to " + rest)]
        for s, e, place in framed:
            if s == 0 and _ends_phrase(rest[e:]):
                if getattr(place, "kind", "city") == "country":
                    return Location(None, place.country)
                return Location(getattr(place, "name", None), getattr(place, "country", None))
        for s, e, iso3 in self.gazetteer.find_countries(rest):
            if s == 0 and _ends_phrase(rest[e:]):
                return Location(None, iso3)
        return None

    # -- SIGN -------------------------------------------------------------------------

    def _sign(
        self, sent: Any, m: re.Match[str], people: list[PersonMention], ctx: Context
    ) -> list[Group]:
        subject = self._before(people, sent.start + m.start(), sent.start, sent.text)
        return sign_groups(self.gazetteer, sent, m, subject, ctx)

    # -- status, date, place ----------------------------------------------------------

    @staticmethod
    def _status(text: str, m: re.Match[str], trig: Trigger) -> str:
        """Planned when the clause announces or intends the event; "has used his trip
        to meet X", "went on to sign" and "said he will ... while meeting X" report it
        as done."""
        clause = re.split(r"[,;:]", text[: m.start()])[-1]
        if DONE_BEFORE.search(clause):
            return "occurred"
        if OCCASION_OF_SPEECH.search(clause) and not FUTURE_AFTER.match(text[m.end() :]):
            return "occurred"
        if PLANNED_BEFORE.search(clause) or PLANNED_AFTER.search(text[m.end() :]):
            return "planned"
        return "occurred"

    def _sentence_location(self, text: str, m: re.Match[str]) -> Location | None:
        """The place the sentence locates the event in: a locative place after the
        trigger ("met X in Pyongyang") before one earlier in the sentence."""
        places = []
        for s, e, place in self.gazetteer.find_places(text):
            pre, post = text[max(0, s - 12) : s], text[e : e + 12]
            if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", pre) or re.match(
                r"^\s*,\s*(?:[A-Z][a-z]+\.?\s+\d|\d)", post
            ):
                places.append((s, place))
        if places:
            s, place = next((x for x in places if x[0] > m.start()), places[0])
            return Location(getattr(place, "name", None), getattr(place, "country", None))
        for s, e, iso3 in self.gazetteer.find_countries(text):
            if re.search(r"\bin\s+(?:the\s+)?$", text[max(0, s - 8) : s]) and s > m.start():
                return Location(None, iso3)
        return None
