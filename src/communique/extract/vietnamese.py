"""The Vietnamese front-end: sentences -> people (capitalised syllable runs and titles) ->
triggers -> :class:`~communique.extract.events.Draft` records.

Shape as in :mod:`.english` and :mod:`.russian`: people are read in every sentence twice,
first to collect the document's cast (fullest name, office, country), then to resolve
short names and offices standing for a named person; trigger words open slots filled by
the shared clause rules (:mod:`.multilingual`). Names keep their diacritics in
``mention``; ``name`` is the folded Latin form ("Trần Văn Bình" -> "Tran Van Binh") that English
reports of the same person use.
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
    fill_sentences,
)
from communique.extract.triggers import Trigger
from communique.extract.triggers import trigger as _t
from communique.nlp.people import build_cast
from communique.nlp.vi_people import VietnamesePeople, fold_name
from communique.records import Document, Story

#: At most this many sentences per document are read.
MAX_SENTENCES = 600
_I = re.IGNORECASE
#: Sentence ends: a stop, ! or ? before a space and a capital, or a line break.
_BOUNDARY = re.compile(r"\n+|(?<=[.!?])[\"”)]?\s+(?=[\"“(]?[^\W\d_])")


#: Vietnamese triggers, in the order they claim text (modes as in :mod:`.triggers`).
TRIGGERS: tuple[Trigger, ...] = (
    _t("MEET", "between", r"\b(?:hội\s+đàm|điện\s+đàm|cuộc\s+gặp|gặp\s+gỡ|hội\s+kiến)\s+giữa\b"),
    _t(
        "MEET",
        "obj",
        r"\b(?:hội\s+đàm|điện\s+đàm|hội\s+kiến|gặp\s+gỡ|làm\s+việc|trao\s+đổi)\s+với\b",
    ),
    _t("MEET", "held", r"\b(?:hội\s+đàm|điện\s+đàm|hội\s+kiến)\b"),
    _t(
        "MEET",
        "obj",
        r"(?<!trực )\b(?:tiếp\s+kiến|tiếp\s+xúc|tiếp\s+đón|tiếp)\b(?!\s+(?:tục|nối|theo|nhận|cận|thu|diễn|sau|tế))",
    ),
    _t("MEET", "obj", r"\b(?:gặp|lễ\s+đón|đón)\b(?!\s+(?:khó|phải|nhau|nhận|chào))"),
    _t(
        "VISIT",
        "visit",
        r"\b(?:chuyến\s+thăm|chuyến\s+công\s+tác|chuyến\s+công\s+du|thăm\s+chính\s+thức|thăm\s+cấp\s+nhà\s+nước|thăm)\b(?!\s+(?:hỏi|dò))",
    ),
    _t("VISIT", "visit", r"\b(?:tới|đến|sang)\s+làm\s+việc\b"),
    _t("SIGN", "sign", r"\b(?:ký\s+kết|kí\s+kết|(?<!hư )ký|(?<!hư )kí)\b"),
)

#: The same triggers for text written without diacritics ("hoi dam", "gap"): used only on
#: sentences with no Vietnamese letter, where "ky" cannot be "kỳ" (a term).
FOLDED_TRIGGERS: tuple[Trigger, ...] = tuple(
    Trigger(t.type, t.mode, re.compile(fold_name(t.pattern.pattern), _I)) for t in TRIGGERS
)
_VIETNAMESE_LETTER = re.compile(
    r"[ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ]", _I
)

_SIGNING = re.compile(r"\b(?:ký|kí|ky)\b", _I)

CUES = Cues(
    lang="vi",
    join=re.compile(r"\s*(?:,|và|,\s*và)\s*", _I),
    planned=re.compile(r"\b(?:sẽ|dự\s+kiến|sắp|chuẩn\s+bị|kế\s+hoạch)\b", _I),
    locative=re.compile(r"\s*(?:[^\s.;,]+\s+){0,6}", _I),
    partner=re.compile(r"\s+(?:với|voi)\s+", _I),
    venue=re.compile(r"(?:^|\s)(?:tại|ở)\s+$", _I),
    agreement=re.compile(
        r"\b(?:biên\s+bản\s+ghi\s+nhớ|bản\s+ghi\s+nhớ|thỏa\s+thuận|thoả\s+thuận|hiệp\s+định|hiệp\s+ước|nghị\s+định\s+thư|"
        r"tuyên\s+bố\s+chung|văn\s+kiện|kế\s+hoạch\s+hợp\s+tác|chương\s+trình\s+hợp\s+tác|hợp\s+đồng|văn\s+bản)",
        _I,
    ),
)


class VietnameseFrontEnd:
    """Reads Vietnamese documents into drafts; holds only loaded, read-only resources."""

    def __init__(self, people: VietnamesePeople, filler: ClauseFiller) -> None:
        self.people = people
        self.filler = filler

    @classmethod
    def load(cls, gazetteer: Any, dates: Any) -> VietnameseFrontEnd:
        """Build the lexicon-based person finder and the clause filler once."""
        return cls(VietnamesePeople.load(gazetteer), ClauseFiller(CUES, gazetteer, dates))

    def drafts(self, doc: Document, deadline: float) -> list[Draft]:
        """Every event report in ``doc`` as drafts in text order (not yet deduplicated)."""
        stories = doc.stories or (Story(0, None, 0, len(doc.clean)),)
        raw = sentences(doc, stories)[:MAX_SENTENCES]
        first = [m for s in raw for m in self.people.find(s.text, s.start, None)]
        cast = build_cast(self.people.without_ranks(first))
        sents = [
            replace(
                s,
                people=tuple(self.people.find(s.text, s.start, cast)),
                orgs=tuple(self.people.organizations(s.text)) if _SIGNING.search(s.text) else (),
            )
            for s in raw
        ]
        return fill_sentences(self.filler, sents, doc, Reading(find_triggers, _latin, {}), deadline)


def _latin(name: str, country: str | None) -> str:
    return fold_name(name)


def sentences(doc: Document, stories: Sequence[Story]) -> list[LangSentence]:
    """Sentences of each story: the headline, then lines split at sentence stops."""
    out: list[LangSentence] = []
    for story in stories:
        spans: list[tuple[int, int]] = []
        if (
            story.headline_start is not None
            and story.headline_end is not None
            and story.headline_start < story.start
        ):
            spans.append((story.headline_start, story.headline_end))
        pos = story.start
        for m in _BOUNDARY.finditer(doc.clean, story.start, story.end):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, story.end))
        for s, e in spans:
            text = doc.clean[s:e]
            if text.strip():
                lead = len(text) - len(text.lstrip())
                out.append(LangSentence(story.index, s + lead, e, text.strip()))
    return out


def find_triggers(text: str) -> list[tuple[Trigger, re.Match[str]]]:
    """Trigger matches in text order; a span claimed by an earlier pattern is not reused."""
    found: list[tuple[Trigger, re.Match[str]]] = []
    for trig in TRIGGERS if _VIETNAMESE_LETTER.search(text) else FOLDED_TRIGGERS:
        for m in trig.pattern.finditer(text):
            if any(m.start() < n.end() and n.start() < m.end() for _, n in found):
                continue
            found.append((trig, m))
    return sorted(found, key=lambda x: x[1].start())
