"""Unnamed sides of a contact: "a Lao delegation", "Taiwan's Vice Foreign Minister",
"leaders of Romania's new government".

The gold convention (and the contract) records such a side as a participant with no
name and its country; the scorer then matches the event by the parties' countries.
A side is read only from the noun phrase right next to the trigger, and only when a
word for people acting for a state (delegation, officials, minister ...) heads it, so
that "talks with Russia on trade" or "a visit to Hanoi" add nobody.
"""

from __future__ import annotations

import re
from typing import Any

from communique.records import Organization, Participant

#: Nouns for people or bodies acting for a state. Hand list (English news usage).
SIDE_NOUN = re.compile(
    r"\b(?:delegations?|side|officials?|leaders?|leadership|government|counterparts?|diplomats?|"
    r"ministers?|minister|authorities|representatives?|envoys?|negotiators?|ambassador|"
    r"premier|president|chancellor|secretary|deputies|lawmakers|parliamentarians|mission|observers)\b",
    re.IGNORECASE,
)
#: Where the noun phrase next to the trigger ends (before) or starts (after).
_CUT_AFTER = re.compile(r"[,.;:()\"“”]|\s(?:who|which|that|to|on|in|at|for|about|over|and|as)\s")
_CUT_BEFORE = re.compile(
    r"[,.;:()\"“”]|\s(?:who|which|that|to|on|in|at|for|about|over|and|as|said|says)\s",
    re.IGNORECASE,
)
#: The phrase may be at most this long (characters): a side is a short noun phrase.
MAX_PHRASE = 70


def unnamed_side(gazetteer: Any, text: str, after: bool) -> Participant | None:
    """The unnamed side named by the phrase at the start (``after``) or end of ``text``.

    Why: many reports name only one person ("X held talks with leaders of Y's
    government") or none ("Peru's Deputy Trade Minister visited Canada"); without
    the unnamed side the contact is lost.
    """
    if after:
        phrase = _CUT_AFTER.split(text[: MAX_PHRASE * 2], maxsplit=1)[0]
    else:
        phrase = _CUT_BEFORE.split(text[-MAX_PHRASE * 2 :])[-1]
    phrase = phrase.strip()
    if not phrase or len(phrase) > MAX_PHRASE or not SIDE_NOUN.search(phrase):
        return None
    if re.search(r"\b(?:his|her|their|its|our|my)\b", phrase, re.IGNORECASE):
        return None  # "his Russian counterpart": a person named elsewhere
    found = [iso for _, _, iso in gazetteer.find_countries(phrase)]
    if len(set(found)) != 1:
        return None
    return Participant(None, None, None, found[0])


#: "Israel and Lebanon", "the Palestinians and the Israelis" right before the trigger,
#: optionally with an auxiliary or a time word ("have", "on Monday", "today").
_PAIR = re.compile(
    r"(?:^|[,;:]\s*|\b(?:that|when|after|as)\s+)(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+and\s+(?:the\s+)?"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:\s+(?:have|has|had|also|today|yesterday|on\s+\w+))*\s*$"
)


def country_pair(
    gazetteer: Any, before: str, capitals: bool = False
) -> tuple[Participant, Participant] | None:
    """Two countries as the subject of a meeting ("Israel and Lebanon renewed talks").

    Why: reports of talks between states often name no person; the gold records the
    two states as unnamed sides."""
    m = _PAIR.search(before)
    if m is None:
        return None
    isos = [_country_word(gazetteer, m.group(k), capitals) for k in (1, 2)]
    if None in isos or isos[0] == isos[1]:
        return None
    return Participant(None, None, None, isos[0]), Participant(None, None, None, isos[1])


#: "Moscow and Hanoi adopted ... and signed": two states opening the sentence.
_LEAD_PAIR = re.compile(
    r"^\s*(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+and\s+(?:the\s+)?"
    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:also\s+|have\s+|has\s+)?[a-z]+(?:ed|s)\b"
)


def subject_pair(gazetteer: Any, before: str) -> tuple[Participant, Participant] | None:
    """Two states, or their capitals, as the subject of a signing: right before the
    trigger or opening the sentence ("Moscow and Hanoi adopted a statement and signed")."""
    pair = country_pair(gazetteer, before, capitals=True)
    if pair is not None:
        return pair
    m = _LEAD_PAIR.match(before)
    if m is None:
        return None
    isos = [_country_word(gazetteer, m.group(k), capitals=True) for k in (1, 2)]
    if None in isos or isos[0] == isos[1]:
        return None
    return Participant(None, None, None, isos[0]), Participant(None, None, None, isos[1])


#: What may stand before the first of two states after "between": nothing, or the
#: people acting for both ("between the delegations of A and B", "the foreign ministries of").
_PAIR_LEAD = re.compile(
    r"\s*(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:delegations|governments|representatives|officials"
    r"|leaders|sides|negotiators|teams|ministries|ministers|experts)\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)


def between_pair(gazetteer: Any, after: str) -> tuple[Participant, Participant] | None:
    """Two countries right after "talks between" ("between the US and the Democratic
    People's Republic of Korea", "between the delegations of A and B"): the states as
    unnamed sides.

    Why: a summit or talks between two states named by no person is still a contact
    between them (the gold records the states as unnamed sides)."""
    found = gazetteer.find_countries(after[:160])
    if len(found) < 2:
        return None
    (s1, e1, a), (s2, e2, b) = found[0], found[1]
    if (
        a == b
        or not _PAIR_LEAD.fullmatch(after[:s1])
        or not re.fullmatch(r"\s+and\s+(?:the\s+)?", after[e1:s2])
        or re.match(r"[’']s\b|\s+(?-i:[A-Z])", after[e2:])  # "the US and Japan's leaders"
    ):
        return None
    return Participant(None, None, None, a), Participant(None, None, None, b)


def _country_word(gazetteer: Any, word: str, capitals: bool = False) -> str | None:
    """A country by its name or its people ("Israelis", "Palestinians"), or with
    ``capitals`` by its capital city ("Moscow" for Russia)."""
    iso: str | None = gazetteer.country(word)
    if iso is None and word.endswith("s"):
        iso = gazetteer.country(word[:-1])
    if iso is None and capitals:
        place = gazetteer.place(word)
        capital = gazetteer.capital(place.country) if place is not None else None
        if capital is not None and capital.name == place.name:
            iso = place.country
    return iso


#: An international body: an acronym ("OSCE", "IMF") or a spelled-out union or
#: organisation. Hand list of the spelled-out forms (common English usage).
_BODY = re.compile(
    r"\b(?:[A-Z]{2,6}|(?:the\s+)?(?:European|African)\s+Union|(?:the\s+)?United\s+Nations|"
    r"(?:the\s+)?World\s+(?:Bank|Health\s+Organi[sz]ation|Trade\s+Organi[sz]ation)|"
    r"(?:the\s+)?International\s+(?:[A-Z]\w+\s+){1,3}(?:Fund|Agency|Committee|Organi[sz]ation))\b"
)


def unnamed_body(gazetteer: Any, text: str) -> Organization | None:
    """An international body met through its envoys at the start of ``text``:
    "a mission of observers from the OSCE", "an IMF delegation".

    Why: a contact of a country with an international body is a meeting (the
    contract), and such reports rarely name the envoys."""
    phrase = _CUT_AFTER.split(text[: MAX_PHRASE * 2], maxsplit=1)[0].strip()
    if not phrase or len(phrase) > MAX_PHRASE or not SIDE_NOUN.search(phrase):
        return None
    for m in _BODY.finditer(phrase):
        name = re.sub(r"^the\s+", "", m.group(0))
        if gazetteer.country(name) is None and not gazetteer.find_countries(name):
            return Organization(name=name, country=None, mention=m.group(0))
    return None
