"""extract stage: documents -> MEET / VISIT / SIGN events (one document at a time).

Structure: a language front-end reads sentences into :class:`~.events.Draft` records
(:mod:`.english`; Russian and Vietnamese front-ends can be added beside it); the
language-independent part completes them from the story context (:mod:`.complete`),
merges reports of one interaction (:mod:`.dedupe`) and builds contract
:class:`~communique.records.Event` records (:mod:`.events`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from communique.extract.checks import checked
from communique.extract.complete import (
    complete,
    dominant_country,
    implied_visits,
    keep,
    stated_nationalities,
    story_locations,
)
from communique.extract.dedupe import dedupe
from communique.extract.english import EnglishFrontEnd
from communique.extract.events import to_event
from communique.extract.languages import FrontEnd, front_end_for, load_front_ends
from communique.extract.resources import Resources
from communique.extract.slots import SlotFiller
from communique.nlp.people import PersonFinder
from communique.nlp.titles import TitleLexicon
from communique.nlp.vi_people import VietnameseLexicon, vietnamese_in_form
from communique.records import Document, Event, Rejection, Story
from communique.settings import Settings

#: Components the front-end does not use (it reads NER only); disabling them is most of
#: the speed-up over running the full pipeline on whole documents.
UNUSED_COMPONENTS = ("parser", "lemmatizer", "attribute_ruler", "tagger")
#: The commonest English function words; running English prose has ~30-40 % of its
#: words among them, other Latin-script languages a few percent (shared spellings).
ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "his",
        "he",
        "it",
        "an",
        "be",
        "are",
        "were",
        "has",
        "have",
        "had",
        "which",
        "this",
        "their",
        "its",
        "who",
        "not",
        "but",
        "or",
        "said",
        "will",
    ]
)
#: Above this share a Latin-script page is read as English whatever the detector said.
ENGLISH_WORD_SHARE = 0.15
#: A document counts as non-Latin (and is left to other front-ends) above this share of
#: letters outside the Latin script.
NON_LATIN_SHARE = 0.3


@dataclass(frozen=True)
class Extractor:
    """Everything extraction needs, loaded once; :meth:`extract` is pure given it."""

    settings: Settings
    english: EnglishFrontEnd
    resources: Resources
    others: tuple[tuple[str, FrontEnd], ...] = ()  # other languages' front-ends (.languages)

    @classmethod
    def load(cls, settings: Settings) -> Extractor:
        """Load the spaCy model (``settings.model``), gazetteer, topics and titles once."""
        from communique.nlp.model import load_model

        nlp = load_model(settings, disable=UNUSED_COMPONENTS)
        res = Resources.load()
        given_last = VietnameseLexicon.load().given_last()
        finder = PersonFinder(TitleLexicon.load(), res.gazetteer, given_last)
        front = EnglishFrontEnd(nlp, finder, SlotFiller(res.gazetteer, res.dates))
        others = load_front_ends(res.gazetteer, res.dates)
        return cls(settings=settings, english=front, resources=res, others=others)

    def extract(self, doc: Document) -> tuple[Event, ...]:
        """The document's events in text order; none for empty text or a language
        without a front-end (English, Russian, Vietnamese: by ``doc.language``)."""
        front = self.english if is_english(doc) else front_end_for(doc, self.others)
        if not doc.clean.strip() or front is None:
            return ()
        deadline = time.monotonic() + self.settings.doc_seconds
        drafts = front.drafts(doc, deadline)
        if not drafts:
            return ()
        gaz = self.resources.gazetteer
        stories = doc.stories or (Story(0, None, 0, len(doc.clean)),)
        away = frozenset(
            p.country for d in drafts if d.type == "VISIT" for p in d.participants if p.country
        )
        home = dominant_country(doc, gaz, away)
        nationality = stated_nationalities(drafts, self._name_form(doc))
        places = story_locations(doc, stories, gaz)
        drafts = [d for d in complete(drafts, doc, places, home, nationality) if keep(d)]
        lang = "en" if front is self.english else (doc.language or "")
        drafts = checked(drafts, doc.clean, doc.published, lang)
        drafts = dedupe(drafts + implied_visits(drafts, doc.clean))
        by_story = {s.index: doc.clean[s.start : s.end] for s in stories}
        events = [to_event(doc, d, self._topics(by_story.get(d.story, ""), doc)) for d in drafts]
        return tuple(events)

    def _name_form(self, doc: Document) -> Callable[[str], str | None]:
        """Vietnam for a name Vietnamese in form, in a document that mentions Vietnam
        (see :func:`communique.nlp.vi_people.vietnamese_in_form`)."""
        family = self.english.finder.given_last or frozenset()
        mentions = {iso for _, _, iso in self.resources.gazetteer.find_countries(doc.clean[:20000])}
        if "VNM" not in mentions:
            return lambda name: None
        return lambda name: "VNM" if vietnamese_in_form(name, family) else None

    def extract_checked(self, doc: Document) -> tuple[tuple[Event, ...], Rejection | None]:
        """The document's events, and a Rejection with code "timeout" when extraction
        hit ``settings.doc_seconds`` and was cut short.

        Why: a pathological page (megabytes of trigger sentences) must not stall a
        run, and a cut-short document must be counted and shown, not pass silently;
        the events found before the limit are kept.
        """
        started = time.monotonic()
        events = self.extract(doc)
        spent = time.monotonic() - started
        if spent <= self.settings.doc_seconds:
            return events, None
        detail = (
            f"extraction stopped at the {self.settings.doc_seconds:g} s limit "
            f"(took {spent:.1f} s); {len(events)} events found before it are kept"
        )
        return events, Rejection("extract", "timeout", doc.doc_id, doc.origin, detail)

    def _topics(self, text: str, doc: Document) -> tuple[str, ...]:
        return tuple(self.resources.topics.topics_of(text, doc.language or "en"))


def is_english(doc: Document) -> bool:
    """English text in Latin script: the English front-end's input.

    Why not trust ``doc.language`` alone: a detector can take a repetitive or
    name-heavy English page for another language, and the page would silently give no
    events. So a Latin-script page whose words are, in a plain share, English function
    words is read as English whatever the detector said.
    """
    sample = doc.clean[:5000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return False
    non_latin = sum(1 for c in letters if ord(c) > 0x24F and not (0x1E00 <= ord(c) <= 0x1EFF))
    if non_latin / len(letters) >= NON_LATIN_SHARE:
        return False
    return doc.language in (None, "en") or english_word_share(sample) >= ENGLISH_WORD_SHARE


def english_word_share(text: str) -> float:
    """The share of words in ``text`` that are common English function words."""
    words = re.findall(r"[A-Za-z]+", text)
    if not words:
        return 0.0
    return sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS) / len(words)


__all__ = ["Extractor", "is_english"]
_ = Any
