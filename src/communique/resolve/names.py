"""Person names: parse a mention into Latin tokens and the keys that compare them.

Why keys and not fuzzy ratios: "Nguyen Xuan Phuc" and "Nguyen Tan Dung" score 71 in
a plain fuzzy match and are different people. Two full names match only when every
token's key is equal; the key forgives diacritics everywhere and, for names that
reach English through Cyrillic, the usual transliteration variants (Sergey/Sergei,
Zelenskyy/Zelensky, Kuznecov/Kuznetsov), never a different letter elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import iuliia

from communique.resolve.lexicon import (
    CYRILLIC_COUNTRIES,
    DESCRIPTION_WORDS,
    LEADING_WORDS,
    NAME_PARTICLES,
    ORG_WORDS,
    TITLE_WORDS,
    fold,
)

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_INITIALS = re.compile(r"(?:\w\.-?)+\w?|\w")
_PATRONYMIC = re.compile(r"(?:ovich|evich|ovych|evych|ich|ovna|evna|ichna|yevna|ievna)$")
#: Russian case endings of name words -> nominative (instrumental, dative, genitive
#: forms of masculine surnames in -ov/-ev/-in, given names in -iy/-ey, feminine in -a).
_RU_CASE_RULES: tuple[tuple[str, str], ...] = (
    (r"(ов|ев|ёв|ин|ын)(ым|у)$", r"\1"),
    (r"(ов|ев|ин)(ой)$", r"\1а"),
    (r"ием$", "ий"),
    (r"еем$", "ей"),
    (r"ией$", "ия"),
    (r"([бвгджзклмнпрстфхцчшщ])ой$", r"\1а"),
    (r"([бвгджзклмнпрстфхцчшщ]{1})ом$", r"\1"),
)
#: Loose (transliteration-aware) key rewrites, applied in order to folded ASCII.
_LOOSE_REWRITES: tuple[tuple[str, str], ...] = (
    ("shch", "s"),
    ("sch", "s"),
    ("sh", "s"),
    ("zh", "z"),
    ("ts", "c"),
    ("tz", "c"),
    ("x", "ks"),
    ("w", "v"),
    ("ph", "f"),
    ("ck", "k"),
    ("q", "k"),
    ("j", "i"),
    ("y", "i"),
)
_VOWELS = frozenset("aeiouy")


def is_cyrillic(text: str) -> bool:
    """True when ``text`` has Cyrillic letters."""
    return bool(_CYRILLIC.search(text))


def nominative_ru(token: str) -> str:
    """The nominative of a Russian name word in another case (``Медведевым`` -> ``Медведев``).

    Why: Russian text inflects names ("с Дмитрием Медведевым"); the forms must meet.
    Only endings that are unambiguous for names are rewritten.
    """
    if len(token) < 4 or not is_cyrillic(token):
        return token
    lower = token.lower()
    for pattern, repl in _RU_CASE_RULES:
        new = re.sub(pattern, repl, lower)
        if new != lower:
            return token[0] + new[1:]
    return token


def to_latin(token: str) -> str:
    """Latin spelling of one name word: Cyrillic by iuliia's Wikipedia scheme, else as is."""
    if is_cyrillic(token):
        return str(iuliia.WIKIPEDIA.translate(nominative_ru(token)))
    return token


def strict_key(token: str) -> str:
    """Diacritics-insensitive key of one word: ``Lâm`` -> ``lam``."""
    return re.sub(r"[^a-z]", "", fold(token))


def loose_key(token: str) -> str:
    """Transliteration-aware key of one word (``Zelenskyy`` = ``Zelensky``, ``Kuznecov`` = ``Kuznetsov``).

    Why: Russian names reach English by several schemes; this key maps the letters
    the schemes disagree on (sh/s, y/i/j, x/ks, doubled letters) to one form.
    """
    key = strict_key(token)
    for old, new in _LOOSE_REWRITES:
        key = key.replace(old, new)
    key = re.sub(r"(.)\1+", r"\1", key)
    return "e" + key[2:] if key.startswith("ie") else key


def skeleton(token: str) -> str:
    """Consonants only, ``q`` as ``k``: a last-resort key for names transliterated twice
    (a Vietnamese name written in Cyrillic: ``Лыонг`` -> ``Lyong`` ~ ``Luong``)."""
    key = strict_key(token).replace("q", "k")
    return "".join(c for c in key if c not in _VOWELS)


def is_patronymic(token: str) -> bool:
    """True when a Latin name word ends like an East Slavic patronymic (-ovich, -evna, ...)."""
    return len(token) > 5 and bool(_PATRONYMIC.search(strict_key(token)))


@dataclass(frozen=True, slots=True)
class PersonName:
    """A parsed person name: display tokens (given name first for reordered Slavic
    names), the patronymic kept apart, and whether it came from Cyrillic text."""

    tokens: tuple[str, ...]  # Latin display words, without patronymic and titles
    patronymic: str | None = None
    cyrillic: bool = False
    initials: tuple[str, ...] = ()  # leading initials ("V." in "I. Sokolov"), lower case
    prefix: tuple[str, ...] = ()  # the initials as written, for display

    @property
    def display(self) -> str:
        """The name as shown: initials, given name(s) then surname, no patronymic."""
        return " ".join((*self.prefix, *self.tokens))

    @property
    def full(self) -> str:
        """The name with its patronymic (an alias worth keeping)."""
        if self.patronymic is None:
            return self.display
        if len(self.tokens) >= 2:
            return " ".join((*self.prefix, self.tokens[0], self.patronymic, *self.tokens[1:]))
        return " ".join((*self.prefix, *self.tokens, self.patronymic))

    def keys(self, loose: bool) -> tuple[str, ...]:
        """Per-word keys (loose for names of Cyrillic-alphabet countries)."""
        fn = loose_key if loose else strict_key
        words = [
            w for w in " ".join(self.tokens).replace("-", " ").split() if len(w.rstrip(".")) > 1
        ]
        return tuple(k for k in (fn(w) for w in words) if k)

    def signature(self, loose: bool) -> tuple[str, ...]:
        """Per-word keys in order with middle initials kept as letters, hyphenated
        words whole: ``Ivan P. Sokolov`` -> (ivan, p, sokolov); ``Kwabena
        Asante-Mensah`` -> (kwabena, asantemensah).

        Why: :meth:`keys` drops initials, so "George W. Bush" and "George H. W. Bush"
        share keys; comparing names with a dropped middle word needs the initials and
        must not drop half of a compound surname.
        """
        fn = loose_key if loose else strict_key
        out: list[str] = []
        for word in " ".join(self.tokens).split():
            if len(word.rstrip(".")) <= 1 or ("." in word and _INITIALS.fullmatch(word)):
                out.extend(strict_key(c) for c in word if c.isalpha())
            elif fn(word):
                out.append(fn(word))
        return tuple(out)

    @property
    def is_partial(self) -> bool:
        """One name word only ("Vega", "Petrov", "I. Sokolov", "Ivan Petrovich")."""
        return len(self.tokens) == 1


def _clean_tokens(raw: str) -> list[str]:
    text = re.sub(r"\([^)]*\)", " ", raw)
    text = re.sub(r"['’]s\b", " ", text)
    text = text.replace("‐", "-")
    return [t.strip(',;:!?"“”«»') for t in text.split() if t.strip(',;:!?"“”«»')]


def _is_title(token: str, words: frozenset[str]) -> bool:
    """A title word, or a hyphenated run of them ("Colonel-General", "Vice-President")."""
    parts = [p.rstrip(".") for p in fold(token).split("-")]
    return all(p in words or f"{p}." in words for p in parts if p)


def _is_particle(token: str) -> bool:
    return fold(token).split("-")[0] in NAME_PARTICLES


def _names_a_body(tokens: list[str]) -> bool:
    """An organisation head noun that ends the mention or is followed by "of"/"for", with
    no title after it ("Ministry of Public Security", "Korea Coast Guard"; but not
    "Deputy Foreign Minister Oleg Kuznetsov")."""
    folded = [fold(t) for t in tokens]
    for i, word in enumerate(folded):
        if word not in ORG_WORDS or any(_is_title(t, TITLE_WORDS) for t in tokens[i + 1 :]):
            continue
        if i == len(folded) - 1 or folded[i + 1] in ("of", "for"):
            return True
    return False


def _strip_titles(tokens: list[str]) -> list[str]:
    """The words after the last title or lower-case word that is not the last word:
    "U.S. negotiator Paul Nitze" -> "Paul Nitze", "Prime Minister John Major" -> "John
    Major" (a title word that ends the mention is a surname)."""
    while len(tokens) > 1 and _is_title(tokens[0], LEADING_WORDS | TITLE_WORDS):
        tokens = tokens[1:]
    cut = 0
    for i, token in enumerate(tokens[:-1]):
        lower = token[:1].islower() and not _is_particle(token)
        if lower or _is_title(token, TITLE_WORDS):
            cut = i + 1
    tokens = tokens[cut:]
    while len(tokens) > 1 and _is_title(tokens[0], LEADING_WORDS | TITLE_WORDS):
        tokens = tokens[1:]
    return tokens


def parse_name(raw: str | None) -> PersonName | None:
    """Parse a mention as a person's name, or None when it is a description.

    Why: the extractor passes on what the text wrote ("President Binh", "Kuznecov
    Aleksandr Viktorovich", "Дмитрием Медведевым", "the Russian leader"); resolution
    needs the name words alone, in given-name-first order for Slavic names.
    """
    if not raw or not raw.strip():
        return None
    cleaned = _clean_tokens(raw)
    if _names_a_body(cleaned):
        return None
    tokens = _strip_titles(cleaned)
    if not tokens or any(fold(t) in DESCRIPTION_WORDS for t in tokens):
        return None
    if any(not t[0].isupper() and not _is_particle(t) for t in tokens if t[0].isalpha()):
        return None
    if not any(t[0].isupper() for t in tokens):
        return None
    cyrillic = any(is_cyrillic(t) for t in tokens)
    prefix: list[str] = []
    while len(tokens) > 1 and _INITIALS.fullmatch(tokens[0]):
        prefix.append(to_latin(tokens[0]))
        tokens = tokens[1:]
    initials = tuple(strict_key(c) for p in prefix for c in p if c.isalpha())
    if all(t.isupper() for t in tokens if len(t) > 1):  # "TRAN VAN BINH" in a headline
        tokens = [t[:1] + t[1:].lower() if len(t) > 1 else t for t in tokens]
    latin = [to_latin(t) for t in tokens]
    if any(not strict_key(t) for t in latin):
        return None
    name = _with_patronymic(latin, cyrillic, initials)
    return replace(name, prefix=tuple(prefix)) if prefix else name


def _with_patronymic(latin: list[str], cyrillic: bool, initials: tuple[str, ...]) -> PersonName:
    """Find an East Slavic patronymic and put the words in given-name-first order:
    "Kuznecov Oleg Viktorovich" (surname, given, patronymic) -> "Oleg Kuznecov"."""
    if len(latin) == 3 and is_patronymic(latin[2]) and not is_patronymic(latin[1]):
        return PersonName((latin[1], latin[0]), latin[2], cyrillic, initials)
    if len(latin) == 3 and is_patronymic(latin[1]):
        return PersonName((latin[0], latin[2]), latin[1], cyrillic, initials)
    if len(latin) == 2 and is_patronymic(latin[1]):
        return PersonName((latin[0],), latin[1], cyrillic, initials)
    return PersonName(tuple(latin), None, cyrillic, initials)


def uses_loose_key(name: PersonName, country: str | None) -> bool:
    """Whether the transliteration-aware key applies: Cyrillic text, or a person of a
    country whose names reach English through Cyrillic (precision first elsewhere)."""
    return name.cyrillic or (country is not None and country in CYRILLIC_COUNTRIES)
