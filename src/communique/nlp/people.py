"""Finding people in a sentence: title-anchored names, appositions, model PERSON spans,
and short forms propagated from earlier full mentions in the same document.

The small English model misses most non-English names, so names are found as runs of
capitalised words and accepted when something vouches for them: a title or rank before
("Minister of Public Security Tran Van Binh"), an office in apposition ("Li Wei, general
secretary of ..."), the model's PERSON label, or an earlier full mention (after "Le Van Cuong",
a bare "Cuong" is the same person). Names are never looked up in a list of people.

Name order: a short reference is the *last* token of the full name, which holds for
surname-last (Western) and for Vietnamese surname-first names (Vo Van Thuong -> Thuong), and for
Russian "surname name patronymic" references keyed on the patronymic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from communique.nlp.cast import Cast, Person, build_cast
from communique.nlp.geo import POSTING
from communique.nlp.titles import CONNECTORS, TitleLexicon

__all__ = ["Cast", "Person", "PersonFinder", "PersonMention", "Token", "build_cast"]

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+|[^\w\s]")
_POSSESSIVE = ("’s", "'s")
#: Lower-case nouns that may stand inside an office ("Prime Minister of the country X").
_CHAIN_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic", "from"})
#: Longest name we accept, in tokens (Vietnamese/Russian full names are 3, Arabic up to 5).
MAX_NAME_TOKENS = 4
#: Longest office chain, in tokens ("Chief of the General Staff of the ... Army and Deputy ...").
MAX_CHAIN_TOKENS = 24


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with its absolute offsets and kind."""

    text: str
    start: int
    end: int
    kind: str  # NAME RANK OFFICE INST COUNTRY CONN PUNCT OTHER


@dataclass(frozen=True, slots=True)
class PersonMention:
    """A person mentioned in a sentence; offsets are into the document's clean text."""

    start: int  # the name as written, without titles
    end: int
    text: str
    role: str | None
    country: str | None
    anchored: bool  # vouched for by a title, rank, apposition or the model
    span_start: int  # including a title before the name
    span_end: int  # including an apposition after it


def _is_headline(text: str) -> bool:
    """A line without a closing full stop: a headline, kicker or caption."""
    return re.search(r"[.!?][\"”’)]?\s*$", text) is None


class _View(NamedTuple):
    """One sentence as the name finder sees it."""

    text: str
    offset: int
    model_persons: tuple[tuple[int, int], ...]
    cast: Cast | None
    headline: bool


class PersonFinder:
    """Finds :class:`PersonMention` in sentences (pure: all state is passed in)."""

    def __init__(
        self, lexicon: TitleLexicon, gazetteer: Any, given_last: frozenset[str] | None = None
    ) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.given_last = given_last  # for the document's Cast (see Cast.given_last)

    def tokens(self, text: str, offset: int) -> list[Token]:
        """Classify the words of ``text`` (a sentence starting at ``offset``)."""
        country_spans = [(s, e) for s, e, _ in self.gazetteer.find_countries(text)]
        out = []
        for m in _TOKEN_RE.finditer(text):
            s, e, w = m.start(), m.end(), m.group(0)
            slack = 2 if w.endswith(_POSSESSIVE) else 0
            in_country = any(cs <= s and e <= ce + slack for cs, ce in country_spans)
            out.append(Token(w, s + offset, e + offset, self._kind(w, in_country)))
        return out

    def _kind(self, w: str, in_country: bool) -> str:
        lx = self.lexicon
        base = w.removesuffix("’s").removesuffix("'s")
        if in_country:
            return "COUNTRY"
        if w.lower() in CONNECTORS:
            return "CONN"
        if not w[0].isalnum():
            return "PUNCT"
        if lx.is_rank(base) and (w[0].isupper()):
            return "RANK"
        if lx.is_office(base):
            return "OFFICE"
        if w[0].isupper() and lx.is_institution(base):
            return "INST"
        if w[0].isupper() and not (w.isupper() and len(w) > 2) and base not in lx.stop_names:
            return "NAME"
        return "OTHER"

    def find(
        self,
        text: str,
        offset: int,
        model_persons: Sequence[tuple[int, int]] = (),
        cast: Cast | None = None,
    ) -> list[PersonMention]:
        """People in one sentence (``text`` at ``offset`` in the clean document).

        ``model_persons``: PERSON spans from the model (absolute offsets); ``cast``: the
        document's people so far, to accept short forms ("Thuong" after "Vo Van Thuong")."""
        toks = self.tokens(text, offset)
        headline = _is_title_case(toks)
        out: list[PersonMention] = []
        i = 0
        while i < len(toks):
            if toks[i].kind != "NAME":
                i += 1
                continue
            j = _name_end(toks, i)
            view = _View(text, offset, tuple(model_persons), cast, headline)
            mention = self._mention(toks, i, j, view)
            if mention is not None:
                out.append(mention)
            i = j
        return out

    def _mention(self, toks: list[Token], i: int, j: int, view: _View) -> PersonMention | None:
        """The person named by tokens ``i:j``, if something vouches for the name."""
        text, offset, model_persons, cast, headline = view
        name_toks = toks[i:j]
        known_full = (
            cast.lookup(toks[j - 1].text.removesuffix("’s").removesuffix("'s"))
            if cast is not None
            else None
        )
        while (
            len(name_toks) > 1
            and known_full is not None
            and name_toks[0].text not in known_full.name.split()
        ):
            name_toks = name_toks[
                1:
            ]  # "Afterwards Lich": a sentence-initial word is not part of the name
        if (
            len(name_toks) >= 3
            and i > 0
            and toks[i].start == name_toks[0].start
            and toks[i - 1].kind == "CONN"
        ):
            name_toks = name_toks[
                1:
            ]  # "Speaker of the Riksdag Lars Holm": a proper noun of the office
        i = j - len(name_toks)
        last = name_toks[-1]
        possessive = last.text.endswith(_POSSESSIVE)
        end = last.end - (2 if possessive else 0)
        start = name_toks[0].start
        name = " ".join(text[start - offset : end - offset].split())
        if self.gazetteer.country(name) or self.gazetteer.place(name):
            return None
        chain_start, role, ranks = self._chain_before(toks, i, text, offset)
        appo_end, appo_role = self._apposition(toks, j, text, offset)
        by_model = any(ms <= start and end <= me for ms, me in model_persons)
        known = cast.lookup(name) if cast is not None else None
        titled = (role is not None or ranks) and not headline
        if not (titled or appo_role or by_model or known):
            return None
        if len(name_toks) == 1 and not known and not (titled or appo_role):
            return None
        if len(name_toks) == 1 and i > 0 and toks[i - 1].text.lower() == "the":
            return None  # "Speaker of the House": a body, not a person
        role = role or appo_role
        of_country = self._of_country(text[end - offset :])
        if role is not None:
            role = _led_by_its(text[: chain_start - offset], role)
        country = (
            (self._country_of(role, text, offset) if role else None)
            or of_country
            or self._possessor_country(text[: start - offset])
        )
        if known is not None and len(name.split()) < len(known.name.split()):
            country = country or known.country
        return PersonMention(start, end, name, role, country, True, chain_start, max(appo_end, end))

    def _chain_before(
        self, toks: list[Token], i: int, text: str, offset: int
    ) -> tuple[int, str | None, bool]:
        """Walk left from a name over ranks, then over an office chain."""
        k = i - 1
        while k >= 0 and (
            toks[k].kind == "RANK" or (toks[k].text == "." and k > 0 and toks[k - 1].kind == "RANK")
        ):
            k -= 1
        ranks = k < i - 1
        first = k + 1
        has_head = False
        while k >= 0 and i - k <= MAX_CHAIN_TOKENS:
            t = toks[k]
            if (
                t.kind in ("OFFICE", "INST", "COUNTRY", "RANK")
                or (t.kind == "CONN" and t.text != "in")
                or t.text in _CHAIN_NOUNS
                or (t.text == "to" and k > 0 and _posted_to(toks, k))
            ):
                has_head = has_head or (
                    t.kind == "OFFICE" and self.lexicon.is_head(t.text.removesuffix("’s"))
                )
                first = k
            elif t.kind == "NAME" and k > 0 and toks[k - 1].kind in ("CONN", "INST", "COUNTRY"):
                first = k
            elif t.text in "()" or (
                t.kind == "OTHER" and t.text.isupper() and k > 0 and toks[k - 1].text == "("
            ):
                pass
            else:
                break
            k -= 1
        while first < i and toks[first].kind in ("CONN", "INST", "NAME"):
            if toks[first].kind == "INST" and _starts_institution_title(toks, first):
                break
            first += 1
        role_end = _rank_start(toks, i)
        if not has_head or first >= role_end:
            return (toks[first].start if first < i else toks[i].start), None, ranks
        first = self._split_at_and(toks, first, role_end)
        role = text[toks[first].start - offset : toks[role_end - 1].end - offset].strip()
        return toks[first].start, _tidy_role(role), ranks

    def _split_at_and(self, toks: list[Token], first: int, end: int) -> int:
        """ "French President and Kenyan leader Ruto": offices of two countries joined
        by "and" belong to two people; the name takes the one next to it."""
        for k in range(end - 1, first, -1):
            if toks[k].text != "and":
                continue
            left = {t.text for t in toks[first:k] if t.kind == "COUNTRY"}
            right = {t.text for t in toks[k + 1 : end] if t.kind == "COUNTRY"}
            has_head = any(
                t.kind == "OFFICE" and self.lexicon.is_head(t.text) for t in toks[k + 1 : end]
            )
            if left and right and has_head and not left & right:
                return k + 1
            left_office = any(t.kind == "OFFICE" for t in toks[first:k])
            if has_head and not left_office:
                return k + 1  # "(A of) Sweden and Prime Minister B": the left part is A's
        return first

    def _apposition(
        self, toks: list[Token], j: int, text: str, offset: int
    ) -> tuple[int, str | None]:
        """ ", Secretary of the Security Council of Russia," after a name."""
        k = j
        if k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")":
            k += 3
        if k >= len(toks) or toks[k].text != ",":
            return 0, None
        k += 1
        start = k
        has_head = False
        while k < len(toks) and k - start < MAX_CHAIN_TOKENS:
            t = toks[k]
            if t.kind in ("OFFICE", "INST", "COUNTRY", "RANK") or (
                t.kind == "CONN" and t.text != "in"
            ):
                has_head = has_head or (t.kind == "OFFICE" and self.lexicon.is_head(t.text))
            elif (
                t.text in "()"
                or (t.kind == "NAME" and toks[k - 1].kind in ("CONN", "INST", "COUNTRY"))
                or t.text.isupper()
                and k > 0
                and toks[k - 1].text == "("
            ):
                pass
            else:
                break
            k += 1
        while (
            k > start and toks[k - 1].kind in ("CONN",) or (k > start and toks[k - 1].text == "(")
        ):
            k -= 1
        if not has_head or k == start or toks[start].kind == "CONN" and toks[start].text != "the":
            return 0, None
        if (
            k < len(toks)
            and toks[k].kind == "OTHER"
            and toks[k].text[0].islower()
            and _is_headline(text)
        ):
            return 0, None  # headline "A, B's president agree ...": a list, not an apposition
        role = text[toks[start].start - offset : toks[k - 1].end - offset]
        return toks[k - 1].end, _tidy_role(role)

    def _possessor_country(self, before: str) -> str | None:
        """ "Hungary's Viktor Orban": a country owning the name (or its title)."""
        m = re.search(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})[’']s\s+$", before)
        return self.gazetteer.country(m.group(1)) if m else None

    def _of_country(self, after: str) -> str | None:
        """ "President Anna Berg of Sweden": a country right after the name."""
        m = re.match(r"^\s+of\s+(?:the\s+)?", after)
        if not m:
            return None
        for s, e, iso3 in self.gazetteer.find_countries(after[m.end() : m.end() + 60]):
            return iso3 if s == 0 else None
        return None

    def _country_of(self, role: str, text: str, offset: int) -> str | None:
        """The country an office serves: its first country, skipping a diplomat's posting
        ("Kenyan Ambassador to Peru" is Kenya's; "Ambassador to Peru" alone says nothing
        of the sender)."""
        for s, _, iso3 in self.gazetteer.find_countries(role):
            if not POSTING.search(role[:s]):
                return str(iso3)
        return None


def _posted_to(toks: list[Token], k: int) -> bool:
    """Is the "to" at ``k`` a diplomat's posting ("Ambassador to", "High Commissioner to")?"""
    words = " ".join(t.text for t in toks[max(0, k - 2) : k])
    return POSTING.search(words + " to ") is not None


def _name_end(toks: list[Token], i: int) -> int:
    """End (exclusive) of the run of name tokens starting at ``i`` (initials allowed)."""
    j = i
    while j < len(toks) and sum(t.kind == "NAME" for t in toks[i:j]) < MAX_NAME_TOKENS:
        t = toks[j]
        if t.kind == "NAME":
            j += 1
            if t.text.endswith(_POSSESSIVE):
                break
            if len(t.text) == 1 and j < len(toks) and toks[j].text == ".":
                j += 1
            continue
        if t.text in _PARTICLES and j > i and j + 1 < len(toks) and toks[j + 1].kind == "NAME":
            j += 1  # "F.W. de Klerk", "Hamad bin Khalifa"
            continue
        break
    return j


#: Lower-case particles inside personal names (Dutch, French, German, Arabic, ...).
_PARTICLES = frozenset(
    {
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "du",
        "le",
        "la",
        "bin",
        "ibn",
        "al",
        "el",
        "dos",
        "del",
    }
)


def _rank_start(toks: list[Token], i: int) -> int:
    """Index of the first rank word in the ranks directly before the name at ``i``."""
    k = i
    while k > 0 and (
        toks[k - 1].kind == "RANK"
        or (toks[k - 1].text == "." and k > 1 and toks[k - 2].kind == "RANK")
    ):
        k -= 1
    return k


def _starts_institution_title(toks: list[Token], k: int) -> bool:
    """ "Party General Secretary": an institution word that is part of the office."""
    return k + 1 < len(toks) and toks[k + 1].kind in ("OFFICE", "INST")


_LED_BY_ITS = re.compile(r"\bof\s+(the\s+[A-Z][^,;]*?)\s+(?:led|headed)\s+by\s+its\s*$")


def _led_by_its(before: str, role: str) -> str:
    """ "a delegation of the Security Council ... led by its Secretary X": the office is
    the Secretary *of that council*."""
    m = _LED_BY_ITS.search(before)
    return f"{role} of {m.group(1)}" if m else role


def _tidy_role(role: str) -> str:
    role = re.sub(r"^(?:the|his|her|its)\s+", "", role.strip(" ,"), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", role)


def _is_title_case(toks: list[Token]) -> bool:
    """A headline in Title Case ("Minister Holds Talks With ..."): capitalised words tell
    nothing about names there. Any lower-case content word means ordinary casing."""
    content = [t for t in toks if t.text[0].isalpha() and len(t.text) >= 3 and t.kind != "CONN"]
    if any(t.text[0].islower() and t.text.lower() not in _TITLE_CASE_LOWER for t in content):
        return False
    return len(content) >= 3


#: Short words that Title Case headlines may leave in lower case.
_TITLE_CASE_LOWER = frozenset(
    {"with", "from", "into", "over", "amid", "upon", "via", "about", "after", "as"}
)
