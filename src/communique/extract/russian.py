"""The Russian front-end: sentences (razdel) -> people (natasha, pymorphy3) -> triggers ->
:class:`~communique.extract.events.Draft` records.

Shape as in :mod:`.english`: sentences are split per story (lines first, then razdel);
people are found in every sentence, twice: once to collect the document's cast (the
fullest name and office of each person), once more to resolve short names, inflected
leftovers ("Хану") and offices that stand for a named person. Trigger words then open
slots filled by the shared clause rules (:mod:`.multilingual`). Names leave in the
nominative, spelled in Latin; mentions as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from communique.extract.events import Draft
from communique.extract.multilingual import (
    ClauseFiller,
    Cues,
    LangSentence,
    Reading,
    StoryFacts,
    fill_sentences,
)
from communique.extract.triggers import Trigger
from communique.extract.triggers import trigger as _t
from communique.nlp.people import Cast, PersonMention, build_cast
from communique.nlp.ru_morph import latin_name, unify_forms
from communique.nlp.ru_people import RussianPeople
from communique.records import Document, Location, Story

#: At most this many sentences per document go through the NER model.
MAX_SENTENCES = 400
#: Longest sentence given to the NER model (characters); longer runs are cut.
MAX_SENTENCE_CHARS = 1000
_I = re.IGNORECASE


_TALKS = r"(?:переговор(?:ы|ов|ах|ами)|встреч(?:а|и|у|е|ей)|бесед(?:а|у|ы)|консультаци(?:и|ях|й)|(?:телефонн\w+\s+)?разговор\w*)"

#: Russian triggers, in the order they claim text (modes as in :mod:`.triggers`).
TRIGGERS: tuple[Trigger, ...] = (
    _t("MEET", "between", rf"\b{_TALKS}\s+между\b"),
    _t(
        "MEET",
        "held",
        rf"\b(?:пров[её]л[аи]?|провод(?:ит|ят)|пров[её]дут|пров[её]д[её]т)\s+(?:[\w-]+\s+){{0,2}}?{_TALKS}(?:\s+со?\b)?",
    ),
    _t("MEET", "held", r"\bвстрет(?:ился|илась|ились|ится|ятся)(?:\s+со?\b)?"),
    _t("MEET", "obj", rf"\b{_TALKS}\s+со?\b"),
    _t(
        "MEET",
        "obj",
        r"\b(?:принял[аи]?|принимает|приветствовал[аи]?)\b(?!\s+(?:участие|решение|закон|меры))",
    ),
    _t("MEET", "of", rf"\b{_TALKS}(?=\s+(?-i:[А-ЯЁ]))"),  # "встреча Орлова и Ли"
    _t("VISIT", "travel", r"\b(?:прибыл[аи]?|прилетел[аи]?|приехал[аи]?|прибуд(?:ет|ут))\b"),
    _t("VISIT", "travel", r"\bпосет(?:ил[аи]?|ит|ят)\b"),
    _t("VISIT", "visit", r"\bвизит(?:а|ом|е|у)?\b"),
    _t(
        "SIGN",
        "sign",
        r"\bподпис(?:али|ал|ала|ан[ыао]?|ано|ание|ания|анию|ывают|ывает|ать|ана|ут|ет)\b",
    ),
)

CUES = Cues(
    lang="ru",
    join=re.compile(r"\s*(?:,|и|,\s*и|а\s+также|,\s*а\s+также)\s*(?:(?:его|её|ее|их)\s+)?", _I),
    partner=re.compile(r"\s+со?\s+", _I),
    future=re.compile(
        r"\b(?:встретится|встретятся|посетит|посетят|прибудет|прибудут|подпишут|подпишет|"
        r"пров[её]дут|пров[её]д[её]т)\b",
        _I,
    ),
    planned=re.compile(
        r"\b(?:будет|будут|планиру\w*|намерен\w*|собира\w*|предстоящ\w*|ожида\w*|состоится|пройд[её]т|готовит\w*)\b",
        _I,
    ),
    locative=re.compile(r"\s*(?:(?:с\s+)?(?:[\w-]+\s+){0,2}?(?:в|во|на)\s+)?", _I),
    venue=re.compile(r"(?:^|\s)(?:в|во)\s+$", _I),
    agreement=re.compile(
        r"\b(?:соглашени\w*|меморандум\w*|договор(?:а|ов|ы)?\b|протокол\w*|декларац\w*|программ\w*|документ\w*|"
        r"контракт\w*|конвенц\w*|коммюнике|договор[её]нност\w*|план(?:а|ы|ов)?\b)",
        _I,
    ),
)
_SIGNING = re.compile(r"\bподпис", _I)
#: A wire dateline opening a story: "ХАНОЙ, 16 сен - РИА Новости."
_DATELINE = re.compile(
    r"^\s*([А-ЯЁ][А-ЯЁ -]{2,30}?)\s*,\s*([^\n.]{0,30}?)\s*(?:[-–—]|\.\s*/|\.?\s*\()"
)


class RussianFrontEnd:
    """Reads Russian documents into drafts; holds only loaded, read-only resources."""

    def __init__(self, people: RussianPeople, filler: ClauseFiller) -> None:
        self.people = people
        self.filler = filler

    @classmethod
    def load(cls, gazetteer: Any, dates: Any) -> RussianFrontEnd:
        """Load natasha, pymorphy3 and the lexicon once."""
        people = RussianPeople.load(gazetteer)
        return cls(
            people, ClauseFiller(CUES, gazetteer, dates, place_forms=people.morph.place_forms)
        )

    def drafts(self, doc: Document, deadline: float) -> list[Draft]:
        """Every event report in ``doc`` as drafts in text order (not yet deduplicated)."""
        stories = doc.stories or (Story(0, None, 0, len(doc.clean)),)
        people = self.people.session()
        sents0 = sentences(doc, stories)
        raw = list(zip(sents0, people.entities_many([s.text for s in sents0])))
        first = [m for s, spans in raw for m in people.find(s.text, s.start, spans, None)]
        cast = _unified_cast(first)
        sents = [
            replace(
                s,
                people=tuple(
                    _canonical(
                        people.find(s.text, s.start, _extend(s.text, spans, cast), cast), cast
                    )
                ),
                orgs=tuple(people.organizations(s.text, spans)) if _SIGNING.search(s.text) else (),
            )
            for s, spans in raw
        ]
        facts = {st.index: self._facts(doc, st) for st in stories}
        reading = Reading(find_triggers, latin_name, facts)
        return fill_sentences(self.filler, sents, doc, reading, deadline)

    def _facts(self, doc: Document, story: Story) -> StoryFacts:
        """The story's dateline: "ХАНОЙ, 16 сен -" -> Hanoi, 16 September."""
        head = doc.clean[story.start : min(story.end, story.start + 400)]
        for line in head.split("\n"):
            m = _DATELINE.match(line)
            if m is None:
                continue
            place = self.filler.gazetteer.place(m.group(1).strip().title())
            date = self.filler.dates.find_dates(m.group(2), doc.published, "ru")
            loc = (
                Location(place.name if place.kind != "country" else None, place.country)
                if place
                else None
            )
            return StoryFacts(date[0].value if date else None, loc)
        return StoryFacts()


def sentences(doc: Document, stories: Sequence[Story]) -> list[LangSentence]:
    """Sentences of each story: the headline, then lines split by razdel."""
    from razdel import sentenize

    out: list[LangSentence] = []
    for story in stories:
        if (
            story.headline_start is not None
            and story.headline_end is not None
            and story.headline_start < story.start
        ):
            out.append(
                LangSentence(
                    story.index,
                    story.headline_start,
                    story.headline_end,
                    doc.clean[story.headline_start : story.headline_end],
                )
            )
        pos = story.start
        for line in doc.clean[story.start : story.end].split("\n"):
            for s in sentenize(line):
                for a, b in _windows(s.text):
                    if len(out) >= MAX_SENTENCES:
                        return out
                    out.append(
                        LangSentence(story.index, pos + s.start + a, pos + s.start + b, s.text[a:b])
                    )
            pos += len(line) + 1
    return out


def _windows(text: str) -> list[tuple[int, int]]:
    """A sentence cut into pieces of at most MAX_SENTENCE_CHARS at spaces (a page
    without full stops must not become one huge "sentence"); blank text gives none."""
    out: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + MAX_SENTENCE_CHARS)
        if end < len(text) and text.rfind(" ", pos, end) > pos:
            end = text.rfind(" ", pos, end)
        if text[pos:end].strip():
            out.append((pos, end))
        pos = end
    return out


def find_triggers(text: str) -> list[tuple[Trigger, re.Match[str]]]:
    """Trigger matches in text order; a span claimed by an earlier pattern is not reused."""
    found: list[tuple[Trigger, re.Match[str]]] = []
    for trig in TRIGGERS:
        for m in trig.pattern.finditer(text):
            if any(m.start() < n.end() and n.start() < m.end() for _, n in found):
                continue
            found.append((trig, m))
    return sorted(found, key=lambda x: x[1].start())


def _unified_cast(mentions: Sequence[PersonMention]) -> Cast:
    """The document's people, inflected leftovers mapped onto forms seen elsewhere."""
    fixes = unify_forms(sorted({m.text for m in mentions}))
    return build_cast(replace(m, text=fixes.get(m.text, m.text)) for m in mentions)


def _canonical(mentions: Sequence[PersonMention], cast: Cast) -> list[PersonMention]:
    """Each mention with the cast's fullest name, office and country."""
    names = [p.name for p in cast.people]
    fixes = unify_forms(sorted(set(names) | {m.text for m in mentions}))
    out = []
    for m in mentions:
        person = cast.lookup(fixes.get(m.text, m.text))
        if person is None:
            out.append(m)
            continue
        out.append(
            replace(
                m, text=person.name, role=m.role or person.role, country=m.country or person.country
            )
        )
    return out


def _extend(
    text: str, spans: Sequence[tuple[int, int, str]], cast: Cast
) -> list[tuple[int, int, str]]:
    """Grow a PER span over the words before it that complete a cast member's name
    ("Во" before "Хан" when "Во Хан" was read elsewhere)."""
    out = []
    for s, e, kind in spans:
        if kind == "PER":
            for p in cast.people:
                words = p.name.split()
                head = " ".join(words[:-1])
                if (
                    len(words) > 1
                    and text[s:e].startswith(words[-1][:3])
                    and head
                    and text[:s].rstrip().endswith(head)
                ):
                    s = text[:s].rstrip().rfind(head)
                    break
        out.append((s, e, kind))
    return out
