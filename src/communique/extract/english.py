"""The English front-end: sentences -> people -> triggers -> :class:`Draft` records.

Only candidate sentences (a trigger word present) are read closely, and only they go
through the model (NER, batched with ``nlp.pipe``); people are found in every sentence
with cheap title/apposition rules so that short references later in the text resolve.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from communique.extract.dating import with_year, year_hint
from communique.extract.events import Draft
from communique.extract.sentences import split_sentences
from communique.extract.slots import Context, SlotFiller
from communique.extract.triggers import TRIGGERS, Trigger
from communique.nlp.people import Cast, PersonFinder, PersonMention, build_cast
from communique.records import Document, Story

#: At most this many candidate sentences per document go through the model: a huge
#: page is cut off rather than allowed to stall the batch.
MAX_CANDIDATES = 400
#: Only the first this many characters of a document are read (a long news article
#: is ~50,000): a multi-megabyte page is cut rather than allowed to stall the batch.
MAX_CHARS = 200_000
#: The lead of a news story is its first sentences (dateline, headline-like lead): the
#: day they state dates the story's undated reports.
LEAD_SENTENCES = 3
#: ... counting only sentences of at least this many words.
LEAD_WORDS = 8
_ANY_TRIGGER = re.compile("|".join(f"(?:{t.pattern.pattern})" for t in TRIGGERS), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the clean text and what was found in it."""

    story: int
    start: int
    end: int
    text: str
    candidate: bool
    people: tuple[PersonMention, ...] = ()
    model_persons: tuple[tuple[int, int], ...] = field(default=())


class EnglishFrontEnd:
    """Reads English documents into drafts; holds only loaded, read-only resources."""

    def __init__(self, nlp: Any, finder: PersonFinder, slots: SlotFiller) -> None:
        self.nlp = nlp
        self.finder = finder
        self.slots = slots

    def drafts(self, doc: Document, deadline: float) -> list[Draft]:
        """Every event report in ``doc`` as drafts in text order (not yet deduplicated)."""
        sentences = self._sentences(doc)
        sentences = self._with_model(sentences, deadline)
        # Past the deadline people are no longer looked for (the passes are linear in
        # the sentences, and a huge page must not outlive settings.doc_seconds).
        cast = build_cast(
            (m for s in sentences if time.monotonic() <= deadline for m in self._find(s, None)),
            self.finder.given_last,
        )
        sentences = [
            Sentence(
                s.story,
                s.start,
                s.end,
                s.text,
                s.candidate,
                tuple(self._find(s, cast)) if time.monotonic() <= deadline else (),
                s.model_persons,
            )
            for s in sentences
        ]
        cast = build_cast((m for s in sentences for m in s.people), self.finder.given_last)
        out: list[Draft] = []
        recent: list[PersonMention] = []
        reference = doc.published or self._reference_date(doc)
        for sent in sentences:
            if time.monotonic() > deadline:
                break
            if sent.candidate:
                found = _triggers(sent.text)
                for k, (trig, m) in enumerate(found):
                    lo = found[k - 1][1].end() if k else 0
                    hi = found[k + 1][1].start() if k + 1 < len(found) else len(sent.text)
                    ctx = Context(cast, tuple(recent), tuple(out), reference, (lo, hi))
                    out.extend(self.slots.fill(sent, trig, m, ctx))
            if sent.people:
                recent.append(sent.people[0])  # the sentence's subject, for "he" / "his talks"
        out = self._with_story_dates(out, sentences, reference)
        hint = None if reference else year_hint(self.slots.dates, doc.clean[:MAX_CHARS])
        if hint is None:
            return out
        return [
            replace(d, date=with_year(d.date, hint), story_date=with_year(d.story_date, hint))
            for d in out
        ]

    def _with_story_dates(
        self, drafts: list[Draft], sentences: list[Sentence], reference: str | None
    ) -> list[Draft]:
        """Give every undated draft the day its story's lead states.

        Why: a news lead dates the story's main event ("X on Sunday arrived ...") and
        the later sentences reporting it leave the date out."""
        leads: dict[int, str] = {}
        seen: dict[int, int] = {}
        for sent in sentences:
            n = seen.get(sent.story, 0)
            if n >= LEAD_SENTENCES or sent.story in leads or not _is_prose(sent.text):
                continue  # headlines, bylines and kickers are not the lead
            seen[sent.story] = n + 1
            for d in self.slots.dates.find_dates(sent.text, reference, "en"):
                if d.value and (
                    len(d.value) == 10 or (d.value.startswith("--") and len(d.value) == 7)
                ):
                    leads[sent.story] = str(d.value)
                    break
        return [replace(d, story_date=leads.get(d.story)) if d.date is None else d for d in drafts]

    def _reference_date(self, doc: Document) -> str | None:
        """Without a publication date, the first full date the document states (a
        dateline or caption) resolves "on April 15" — the year comes from the text."""
        for d in self.slots.dates.find_dates(doc.original[:8000], None, "en"):
            if d.value and len(d.value) == 10 and not d.value.startswith("-"):
                return str(d.value)
        return None

    def _find(self, s: Sentence, cast: Cast | None) -> list[PersonMention]:
        return self.finder.find(s.text, s.start, s.model_persons, cast)

    def _sentences(self, doc: Document) -> list[Sentence]:
        stories: Sequence[Story] = doc.stories or (Story(0, None, 0, len(doc.clean)),)
        out: list[Sentence] = []
        n_cand = 0
        for story in stories:
            spans = []
            if (
                story.headline_start is not None
                and story.headline_end is not None
                and story.headline_start < story.start
            ):
                spans.append((story.headline_start, story.headline_end))
            if story.start >= MAX_CHARS:
                break
            spans += split_sentences(doc.clean, story.start, min(story.end, MAX_CHARS))
            for s, e in spans:
                text = doc.clean[s:e]
                cand = n_cand < MAX_CANDIDATES and _ANY_TRIGGER.search(text) is not None
                n_cand += cand
                out.append(Sentence(story.index, s, e, text, cand))
        return out

    def _with_model(self, sentences: list[Sentence], deadline: float) -> list[Sentence]:
        """Run NER on candidate sentences only, in one batched pass."""
        idx = [i for i, s in enumerate(sentences) if s.candidate]
        texts = [sentences[i].text for i in idx]
        out = list(sentences)
        for i, parsed in zip(idx, self.nlp.pipe(texts, batch_size=64)):
            s = out[i]
            persons = tuple(
                (s.start + e.start_char, s.start + e.end_char)
                for e in parsed.ents
                if e.label_ == "PERSON"
            )
            out[i] = Sentence(s.story, s.start, s.end, s.text, s.candidate, (), persons)
            if time.monotonic() > deadline:
                break
        return out


def _is_prose(text: str) -> bool:
    """A full sentence of running text (a headline or byline has no closing stop)."""
    return len(text.split()) >= LEAD_WORDS and re.search(r"[.!?][\"”’)]?$", text) is not None


def _triggers(text: str) -> list[tuple[Trigger, re.Match[str]]]:
    """Trigger matches in text order; a span claimed by an earlier pattern is not reused,
    and a capitalised trigger word inside a name ("Leaders' Meeting") does not count."""
    found: list[tuple[Trigger, re.Match[str]]] = []
    taken: list[tuple[int, int]] = []
    for trig in TRIGGERS:
        for m in trig.pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if m.group(0)[0].isupper() and m.start() > 0 and trig.mode not in ("sign",):
                continue
            taken.append((m.start(), m.end()))
            found.append((trig, m))
    return sorted(found, key=lambda x: x[1].start())
