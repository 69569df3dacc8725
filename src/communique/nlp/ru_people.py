"""People in Russian sentences: natasha's PER spans, the office written before each name,
and offices standing alone for a person named elsewhere in the document.

Why natasha: its NER model (slovnet over navec embeddings) ships inside the package, so
nothing downloads at run time, and it finds transcribed foreign names ("Лыонг Ван
Хунгом") that no list could hold. Offices are read as a chain of words before the
name, anchored on a title head ("министр", "председатель"), with the genitive and
abbreviated complements that follow a head ("министром экономического развития России")
and further titles joined by commas ("Помощник президента России, председатель ...").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from communique.nlp.people import Cast, PersonMention
from communique.nlp.ru_morph import RussianMorph
from communique.records import Organization

#: Parts of speech that end an office chain (verbs, participles, prepositions, ...).
BREAK_POS = frozenset(
    {
        "VERB",
        "INFN",
        "PRTF",
        "PRTS",
        "GRND",
        "PREP",
        "CONJ",
        "PRCL",
        "ADVB",
        "NPRO",
        "NUMR",
        "COMP",
        "INTJ",
    }
)
#: Prepositions that may sit inside an office ("министр по делам ...").
INNER_PREPOSITIONS = frozenset({"по", "при", "в", "во"})  # "посол Вьетнама в России"
_DELEGATION = re.compile(r"(?i)\bделегаци\w*([^.;]{0,120}?)\s*,?\s*во\s+главе\s+со?\s*$")
#: How many words an office chain may run past its last head word.
MAX_COMPLEMENT_WORDS = 8


@dataclass(frozen=True, slots=True)
class RussianLexicon:
    """Dictionary forms of office heads and of the adjectives that modify them."""

    title_heads: frozenset[str]
    title_modifiers: frozenset[str]

    @classmethod
    def load(cls) -> RussianLexicon:
        """Read ``communique/data/ru_lexicon.json`` (shipped with the package)."""
        raw = json.loads(
            resources.files("communique.data").joinpath("ru_lexicon.json").read_text("utf-8")
        )
        return cls(frozenset(raw["title_heads"]), frozenset(raw["title_modifiers"]))


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int


class RussianPeople:
    """Finds people in Russian sentences; holds only loaded, read-only resources."""

    def __init__(
        self, ner: Any, morph: RussianMorph, lexicon: RussianLexicon, gazetteer: Any
    ) -> None:
        self.ner = ner
        self.morph = morph
        self.lexicon = lexicon
        self.gazetteer = gazetteer

    @classmethod
    def load(cls, gazetteer: Any) -> RussianPeople:
        """Load natasha's news NER (shipped in the package), pymorphy3 and the lexicon."""
        from natasha import NewsEmbedding, NewsNERTagger

        return cls(
            NewsNERTagger(NewsEmbedding()), RussianMorph.load(), RussianLexicon.load(), gazetteer
        )

    def session(self) -> RussianPeople:
        """A copy whose morphology memoises parses; use one per document."""
        return RussianPeople(self.ner, self.morph.session(), self.lexicon, self.gazetteer)

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """natasha's spans of ``text``: (start, end, PER|LOC|ORG); none for text without
        words (the tagger cannot take an empty token sequence)."""
        if not any(c.isalpha() for c in text):
            return []
        return [(s.start, s.stop, s.type) for s in self.ner(text).spans]

    def entities_many(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """:meth:`entities` of many texts in batches (ten times faster than one by one)."""
        worded = [i for i, t in enumerate(texts) if any(c.isalpha() for c in t)]
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        for i, markup in zip(worded, self.ner.map([texts[i] for i in worded])):
            out[i] = [(s.start, s.stop, s.type) for s in markup.spans]
        return out

    def organizations(self, text: str, spans: Sequence[tuple[int, int, str]]) -> list[Organization]:
        """Bodies named in a sentence (natasha's ORG spans), each with the country written
        right after it ("Министерством обороны Вьетнама") or inside it, in the nominative."""
        out: list[Organization] = []
        for s, e, kind in spans:
            if kind != "ORG":
                continue
            country = self._country(text[s:e])
            nxt = next(
                ((a, b) for a, b, k in spans if k == "LOC" and a > e and not text[e:a].strip()),
                None,
            )
            if nxt is not None and country is None:
                country = self._country(text[nxt[0] : nxt[1]])
            written = text[s : nxt[1]] if nxt is not None and country else text[s:e]
            name = self.morph.office_nominative(text[s:e], animate=False)
            out.append(Organization(name=name, country=country, mention=written))
        return out

    def find(
        self, text: str, offset: int, spans: Sequence[tuple[int, int, str]], cast: Cast | None
    ) -> list[PersonMention]:
        """People of one sentence (``offset`` = its start in the clean text): named ones
        with their office, and, given a ``cast``, offices that stand for a named person."""
        toks = _tokens(text)
        persons = [(s, e) for s, e, kind in spans if kind == "PER"]
        out: list[PersonMention] = []
        covered: list[tuple[int, int]] = []
        for s, e in persons:
            role_start = self._role_start(toks, s, persons)
            written_role = text[role_start:s].strip(" ,") if role_start is not None else ""
            role = self.morph.office_nominative(written_role) if written_role else None
            name = self.morph.name_nominative(text[s:e], self._role_case(written_role))
            first = role_start if role_start is not None else s
            covered.append((first, e))
            out.append(
                PersonMention(
                    offset + s,
                    offset + e,
                    name,
                    role or None,
                    self._country(role) or self._delegation_country(text[:first]),
                    True,
                    offset + first,
                    offset + e,
                )
            )
        if cast is not None:
            out.extend(self._office_refs(text, offset, toks, covered, cast))
        return sorted(out, key=lambda p: p.start)

    def _delegation_country(self, before: str) -> str | None:
        """ "делегация Вьетнама во главе с X": the leader belongs to the delegation's country."""
        m = _DELEGATION.search(before)
        return self._country(m.group(1)) if m else None

    def _role_case(self, role: str) -> str | None:
        """The case of the office's last head word: the case the name after it takes."""
        for word in reversed(role.replace(",", " ").split()):
            if self.morph.lemma(word) in self.lexicon.title_heads:
                return self.morph.case_of(word)
        return None

    def _country(self, role: str | None) -> str | None:
        if not role:
            return None
        role = re.sub(r"(?i)\b(?:в|во)\s+\S+", " ", role)  # "в России": where, not whose
        found = self.gazetteer.find_countries(role, lang="ru")
        if found:
            return str(found[-1][2])
        for word in reversed(role.split()):  # a case form the gazetteer lacks: "Египта"
            if word[:1].isupper() and len(word) > 2:
                iso = self.gazetteer.country(self.morph.lemma(word).title())
                if iso is not None:
                    return str(iso)
        return None

    def _role_start(
        self, toks: Sequence[_Tok], name_start: int, persons: Sequence[tuple[int, int]]
    ) -> int | None:
        """Start of the office chain that ends right before ``name_start``, if any."""
        before = [t for t in toks if t.end <= name_start]
        start: int | None = None
        since_head = 0
        for tok in reversed(before):
            if any(s <= tok.start < e for s, e in persons):
                break
            if tok.text == ",":
                if start is None:
                    break
                since_head += 1
                continue
            if self._breaks(tok.text):
                break
            lemma = self.morph.lemma(tok.text)
            if lemma in self.lexicon.title_heads:
                start, since_head = tok.start, 0
            elif (
                start is not None
                and since_head == 0
                and (lemma in self.lexicon.title_modifiers or self.morph.pos(tok.text) == "ADJF")
            ):
                start = tok.start  # an adjective agreeing with the head ("вьетнамский коллега")
            else:
                since_head += 1
                if since_head > MAX_COMPLEMENT_WORDS:
                    break
        return start

    def _breaks(self, word: str) -> bool:
        if not any(c.isalnum() for c in word):
            return word not in ("-", "«", "»", '"')
        if word.lower() in INNER_PREPOSITIONS or word[:1].isupper() or word.isdigit():
            return False
        pos = self.morph.pos(word)
        return pos in BREAK_POS

    def _office_refs(
        self,
        text: str,
        offset: int,
        toks: Sequence[_Tok],
        covered: Sequence[tuple[int, int]],
        cast: Cast,
    ) -> list[PersonMention]:
        """Offices with no name after them ("с министром общественной безопасности
        Вьетнама") that match exactly one office of the document's named people."""
        out: list[PersonMention] = []
        for i, tok in enumerate(toks):
            if self.morph.lemma(tok.text) not in self.lexicon.title_heads:
                continue
            if any(s <= tok.start < e for s, e in covered):
                continue
            end = _chain_end(toks, i, self)
            phrase = text[tok.start : end]
            person = self._by_office(phrase, cast)
            if person is not None:
                out.append(
                    PersonMention(
                        offset + tok.start,
                        offset + end,
                        person.name,
                        person.role,
                        person.country,
                        True,
                        offset + tok.start,
                        offset + end,
                    )
                )
        return out

    def _by_office(self, phrase: str, cast: Cast) -> Any:
        """The one cast member whose office shares the head and another word with ``phrase``."""
        words = {self.morph.lemma(w) for w in phrase.replace(",", " ").split()}
        head = next((w for w in words if w in self.lexicon.title_heads), None)
        fits = []
        for p in cast.people:
            if not p.role:
                continue
            role_words = {self.morph.lemma(w) for w in p.role.replace(",", " ").split()}
            if head in role_words and len((words & role_words) - self.lexicon.title_heads) >= 1:
                fits.append(p)
        return fits[0] if len(fits) == 1 else None


def _chain_end(toks: Sequence[_Tok], i: int, people: RussianPeople) -> int:
    """End offset of the office phrase starting at token ``i`` (its complements)."""
    end = toks[i].end
    for tok in toks[i + 1 : i + 1 + MAX_COMPLEMENT_WORDS]:
        if tok.text == "," or people._breaks(tok.text):
            break
        end = tok.end
    return end


def _tokens(text: str) -> list[_Tok]:
    from razdel import tokenize

    return [_Tok(t.text, t.start, t.stop) for t in tokenize(text)]
