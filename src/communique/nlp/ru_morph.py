"""Russian morphology for names and titles: inflected forms -> nominative, Cyrillic -> Latin.

Why: Russian inflects names and offices by their role in the sentence ("с Иваном
Петровым", "министром общественной безопасности"), while events must carry one form
per person and the office as a dictionary would list it. pymorphy3 knows Russian given
names, surnames and patronymics (grammemes ``Name``/``Surn``/``Patr``) and inflects them
keeping their gender ("Захаровой" -> "Захарова"). Foreign names it does not know keep
their spelling except for an instrumental ending ("Тхангом" -> "Тханг"); the remaining
inflected forms are mapped onto a form seen elsewhere in the document
(:func:`unify_forms`: "Хану" -> "Хан" once "Во Хан" was read).

Latin forms: Russian names by iuliia's Wikipedia scheme ("Николай Орлов" ->
"Nikolay Orlov"); Vietnamese names written in Cyrillic by the reverse of the
Russian practical transcription of Vietnamese (:mod:`communique.nlp.ru_vietnamese`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import iuliia

from communique.nlp.ru_vietnamese import looks_vietnamese, vietnamese_latin

#: Grammemes pymorphy3 gives to personal-name words.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})
#: Case endings a foreign (undeclared-in-dictionary) name word may carry in running text.
CASE_ENDINGS = ("ом", "ем", "ым", "им", "ой", "ей", "у", "ю", "а", "я", "е")
#: Words of an office phrase that agree with its head noun (inflected with it).
_AGREEING = frozenset({"ADJF", "PRTF", "NOUN"})
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


class RussianMorph:
    """pymorphy3 wrapped for names and offices; build once with :meth:`load`."""

    __slots__ = ("_memo", "_morph")

    def __init__(self, morph: Any, memo: dict[str, Any] | None = None) -> None:
        self._morph = morph
        self._memo = memo  # None on the shared instance: it never accumulates state

    def session(self) -> RussianMorph:
        """A view with a memo of parses that lives as long as the caller keeps it (one
        document): pymorphy3's pure-Python lookups dominate run time, and the words of
        one document repeat."""
        return RussianMorph(self._morph, {})

    def _parse(self, word: str) -> Any:
        if self._memo is None:
            return self._morph.parse(word)
        found = self._memo.get(word)
        if found is None:
            found = self._memo[word] = self._morph.parse(word)
        return found

    @classmethod
    def load(cls) -> RussianMorph:
        """Load the pymorphy3 dictionaries shipped in ``pymorphy3-dicts-ru`` (no network)."""
        import pymorphy3

        return cls(pymorphy3.MorphAnalyzer())

    def name_nominative(self, name: str, case: str | None = None) -> str:
        """The nominative of a name as written: "Сергеем Орловым" -> "Сергей Орлов".

        ``case`` is the grammatical case the context gives the name (that of the office
        before it: "посла России Геннадия ..." -> ``gent``), which decides between
        readings such as "Геннадия" (a genitive, or a feminine nominative)."""
        words = name.split()
        gender = None
        if case is None:  # the case a given name shows unambiguously ("Сергея" -> gent)
            case, gender = self._given_name_case(words)
        return " ".join(self._name_word(w, case, gender) for w in words)

    def _given_name_case(self, words: list[str]) -> tuple[str | None, str | None]:
        for word in words[:-1]:
            parses = [p for p in self._parse(word) if "Name" in p.tag and "sing" in p.tag]
            if parses and not _maybe_nominative(self._parse(word)):
                gender = parses[0].tag.gender
                return str(parses[0].tag.case), (str(gender) if gender else None)
        return None, None

    def case_of(self, word: str) -> str | None:
        """The grammatical case of an office word ("министром" -> "ablt"), if it is a noun."""
        for p in self._parse(word):
            if p.tag.POS == "NOUN" and p.tag.case:
                return str(p.tag.case)
        return None

    def _name_word(self, word: str, case: str | None, gender: str | None = None) -> str:
        if not _WORD.fullmatch(word):
            return word
        parses = self._parse(word)
        named = [p for p in parses if NAME_GRAMMEMES & p.tag.grammemes and "sing" in p.tag]
        if gender is not None:
            named = [p for p in named if gender in p.tag or "ms-f" in p.tag] or named
        if case not in (None, "nomn"):
            in_case = [
                p for p in named if p.tag.case == case or (case == "accs" and p.tag.case == "gent")
            ]
            if in_case:
                named = in_case
            elif _maybe_nominative(parses):
                return word
        elif _maybe_nominative(parses):
            return word  # may already be the nominative: never rewrite a possible one
        if named:
            form = named[0].inflect({"nomn"})
            if form is not None:
                return _case_like(form.word, word)
        lower = word.lower()
        if (
            len(word) > 4
            and lower.endswith(("ом", "ем"))
            and not any(NAME_GRAMMEMES & p.tag.grammemes for p in parses)
        ):
            return word[:-2]
        return word

    def office_nominative(self, office: str, animate: bool = True) -> str:
        """Each comma-joined office of ``office`` in the nominative (:meth:`_one_office`):
        "заместителем премьера, министром ..." -> "заместитель премьера, министр ..."."""
        return ", ".join(self._one_office(part, animate) for part in office.split(", "))

    def _one_office(self, office: str, animate: bool) -> str:
        """An office phrase with its head and agreeing adjectives in the nominative:
        "генеральным секретарем ЦК КПВ" -> "генеральный секретарь ЦК КПВ".

        Only the words up to the head noun change; its complements ("ЦК", "России")
        keep their case, as they do in the dictionary form of the title. With
        ``animate=False`` the head may be a body ("Министерством науки" -> "Министерство
        науки")."""
        out: list[str] = []
        words = office.split(" ")
        for i, word in enumerate(words):
            parse = self._title_parse(word, animate)
            if parse is None:
                return " ".join(out + words[i:])
            form = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
            out.append(_case_like(form.word, word) if form is not None else word)
            if "NOUN" in parse.tag:
                return " ".join(out + words[i + 1 :])
        return " ".join(out)

    def _title_parse(self, word: str, animate: bool = True) -> Any:
        """The parse of an office word in an oblique case, or None to stop inflecting."""
        if not _WORD.fullmatch(word) or word.isupper():
            return None
        for p in self._parse(word):
            if p.tag.POS in _AGREEING and (
                p.tag.POS != "NOUN" or not animate or "anim" in p.tag or "ms-f" in p.tag
            ):
                return p
        return None

    def is_name_word(self, word: str) -> bool:
        """True when pymorphy3 knows ``word`` as a given name, surname or patronymic."""
        return any(NAME_GRAMMEMES & p.tag.grammemes for p in self._parse(word))

    def pos(self, word: str) -> str | None:
        """The most likely part of speech of ``word`` (pymorphy3's OpenCorpora tag)."""
        return self._parse(word)[0].tag.POS  # type: ignore[no-any-return]

    def place_forms(self, word: str) -> list[str]:
        """Spellings to look an inflected place name up by: its dictionary form, and
        that form in Latin letters ("Владивостоке" -> "Владивосток", "Vladivostok")."""
        base = self.lemma(word).title()
        return [base, str(iuliia.WIKIPEDIA.translate(base))]

    def lemma(self, word: str) -> str:
        """The dictionary form of any word (for matching lexicon entries)."""
        return str(self._parse(word)[0].normal_form)


def _maybe_nominative(parses: Any) -> bool:
    """Some singular reading of the word is a nominative (a plural one does not count:
    "Анны" is the genitive of "Анна" here, not "the Annas")."""
    return any("nomn" in p.tag and "plur" not in p.tag for p in parses)


def _case_like(new: str, old: str) -> str:
    """``new`` written with the capitalisation of ``old`` ("орлов", "Орловым" -> "Орлов")."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        parts, olds = new.split("-"), old.split("-")
        if len(parts) == len(olds):
            return "-".join(
                p[:1].upper() + p[1:] if o[:1].isupper() else p for p, o in zip(parts, olds)
            )
        return new[:1].upper() + new[1:]
    return new


def unify_forms(names: Sequence[str]) -> dict[str, str]:
    """Map inflected leftovers onto a form seen in the same document.

    "Во Хану" -> "Во Хан" when "Во Хан" is among ``names``: same number of words, each
    word equal or the other's word plus a case ending. Returns only changed names."""
    out: dict[str, str] = {}
    for name in names:
        words = name.split()
        for other in names:
            other_words = other.split()
            if other == name or len(other_words) != len(words) or len(other) >= len(name):
                continue
            if all(
                w == o or (w.startswith(o) and w[len(o) :] in CASE_ENDINGS)
                for w, o in zip(words, other_words)
            ):
                out[name] = other
                break
    return out


def latin_name(name: str, country: str | None) -> str:
    """The Latin spelling of a nominative Cyrillic name.

    Vietnamese names (a person of Viet Nam or of no known country whose words are all
    single syllables) are spelled back to Vietnamese Latin without diacritics
    ("Лыонг Ван Тхань" -> "Luong Van Thanh"); others by iuliia's Wikipedia scheme."""
    if country in (None, "VNM") and looks_vietnamese(name):
        return vietnamese_latin(name)
    return str(iuliia.WIKIPEDIA.translate(name))
