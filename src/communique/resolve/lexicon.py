"""The word lists entity resolution needs, built once per :func:`communique.resolve.resolve`
call and passed in (no module-level state).

Sources:

* country names: pycountry (every ISO 3166-1 name, official and common name) plus
  ``communique/data/countries.json`` (news variants and adjectival forms, sources
  noted in that file);
* honorifics and generic office titles, office rank words and the organisation
  synonym table below: written for communique from generic English usage (no names
  of people or outlets).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

import pycountry
from anyascii import anyascii


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated text."""
    return frozenset(text.split())


#: Titles that may precede a name anywhere before its last word ("Russian Foreign
#: Minister Andrei Kozyrev", "Arab League Secretary General Chadli Klibi", "President
#: Quang"). Generic English honorifics and office titles.
TITLE_WORDS = _words(
    """
    mr mrs ms miss dr prof professor sir madam madame mme monsieur herr comrade gen
    general lt lieutenant col colonel maj major adm admiral marshal sen senator rep
    ambassador amb king queen prince princess sheikh emir sultan president vice deputy
    prime minister pm premier chancellor secretary chairman chairwoman chair speaker
    governor mayor director commissioner counsellor councillor envoy spokesman
    spokeswoman spokesperson commander mr. mrs. ms. dr. gen. lt. col. sen. rep. amb.
    """
)

#: Words that precede a name only at its start ("The ...", "State Counsellor ...");
#: elsewhere they may be part of a name, so they are not stripped there.
LEADING_WORDS = _words(
    """
    the his her he she first state party new senior acting former head chief leader
    foreign defence defense interior top ong ba господин госпожа
    """
)

#: Head nouns of bodies: a mention such as "Ministry of Public Security of Viet Nam" or
#: "Korea Coast Guard" names an organisation, not a person. Generic English.
ORG_WORDS = _words(
    """
    ministry department council committee agency office guard police army navy
    commission bureau service directorate authority administration secretariat embassy
    court assembly parliament government university institute company corporation bank
    association union organization organisation forces
    """
)

#: Lower-case words that belong inside names ("F. W. de Klerk", "Mohammed bin Salman").
NAME_PARTICLES = _words(
    """
    de da di do dos das del della van von der den ter bin binti ibn al el la le du y
    """
)

#: Words that make a mention a description, not a name ("The Host", "Delegation").
#: Articles "A"/"An" are left out: "An" is a common Vietnamese given name.
DESCRIPTION_WORDS = _words(
    """
    the his her their its our host side delegation counterpart leader top officials
    official government team guest guests visitor
    """
)

#: Office words whose presence changes the rank of an office: "Deputy Prime
#: Minister" is never "Prime Minister". Generic English.
RANK_WORDS = _words(
    """
    deputy vice first assistant acting former under associate
    """
)

#: Words that head an office title; a role split on " and " is two offices only
#: when each part has one ("President and Prime Minister").
OFFICE_HEADS = _words(
    """
    president minister secretary chairman chairwoman chair premier chancellor speaker
    governor mayor director chief head leader commander ambassador king queen emir envoy
    spokesman spokesperson
    """
)

#: Organisation domain synonyms: several phrasings of one portfolio -> one word.
#: Written for communique from the usual English names of ministries.
ORG_SYNONYMS: tuple[tuple[str, str], ...] = (
    ("home affairs", "interior"),
    ("internal affairs", "interior"),
    ("national defence", "defence"),
    ("national defense", "defence"),
    ("defense", "defence"),
    ("foreign affairs", "foreign"),
    ("external affairs", "foreign"),
)

#: Modifiers that outlets add or drop without changing the body
#: ("Russia's National Security Council" = "Security Council of the Russian Federation").
ORG_DROP = _words(
    """
    of the and for 's national federal
    """
)

#: Bodies that sit beside a larger body of the same name and stay distinct
#: ("Security Council Office" is not "Security Council").
ORG_SUBUNITS = _words(
    """
    office secretariat apparatus administration department staff
    """
)

#: Countries whose people's names mostly reach English through transliteration from
#: Cyrillic, where the same name is spelled several ways (Sergey/Sergei, Zelenskyy/Zelensky).
#: The looser, transliteration-aware name key applies to them only (precision first).
#: Source: ISO 3166-1 codes of the post-Soviet states, Bulgaria, Serbia, North
#: Macedonia, Montenegro and Mongolia.
CYRILLIC_COUNTRIES = _words(
    """
    RUS UKR BLR KAZ KGZ TJK UZB TKM AZE ARM GEO MDA BGR SRB MKD MNE MNG
    """
)

#: Countries whose people's names are written family name first, where every word of
#: a name tells people apart ("Nguyen Van An" is not "Nguyen An"): a dropped middle
#: word never makes two names one person there. Source: the Eastern name order of
#: Vietnamese, Chinese, Korean and Khmer names, and Burmese names, which have no family
#: name at all (ISO 3166-1 codes; generic knowledge of naming customs, no names).
SURNAME_FIRST_COUNTRIES = _words(
    """
    VNM CHN TWN HKG MAC KOR PRK KHM MMR
    """
)


def fold(text: str) -> str:
    """ASCII, lower case, single spaces: ``Trần Văn Bình`` -> ``tran van binh``; ``đ`` -> ``d``."""
    return " ".join(anyascii(text).lower().split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Country words per ISO3 code, folded (``russia``, ``russian federation``, ``russian``)."""

    patterns: dict[str, re.Pattern[str]]  # iso3 -> one alternation of its phrases
    any_country: re.Pattern[str]  # every country's phrases

    @classmethod
    def load(cls) -> Lexicon:
        """Build the lexicon from pycountry and ``data/countries.json`` (patterns compiled once)."""
        raw = json.loads(
            resources.files("communique.data").joinpath("countries.json").read_text("utf-8")
        )
        table: dict[str, set[str]] = {}
        for country in pycountry.countries:
            names = {
                country.name,
                getattr(country, "common_name", ""),
                getattr(country, "official_name", ""),
            }
            table.setdefault(country.alpha_3, set()).update(fold(n) for n in names if n)
        for section in ("variants", "demonyms", "vi", "ru"):
            for iso3, names in raw.get(section, {}).items():
                table.setdefault(iso3, set()).update(fold(n) for n in names)
        patterns = {k: _alternation(v) for k, v in sorted(table.items())}
        return cls(patterns, _alternation({p for v in table.values() for p in v}))

    def strip_country(self, folded: str, iso3: str | None) -> str:
        """Remove country names and adjectives (and possessives) from a folded phrase.

        ``russia's ministry of the interior`` -> ``ministry of the interior``.
        """
        pattern = self.any_country if iso3 is None else self.patterns.get(iso3)
        text = f" {folded.replace('’', chr(39))} "
        if pattern is not None:
            text = pattern.sub(" ", text)
        text = re.sub(r"\b(?:south|north|the)\s+(?=(?:of\s*)?$)", " ", text)
        return " ".join(text.split())


def _alternation(phrases: set[str]) -> re.Pattern[str]:
    """One pattern matching any of ``phrases`` as whole words, longest first, with "'s"."""
    ordered = sorted((p for p in phrases if len(p) >= 2), key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p) for p in ordered) or "(?!x)x"
    return re.compile(rf"(?<![a-z])(?:{body})(?:'s)?(?![a-z])")
