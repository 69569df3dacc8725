"""What a signing signs and which bodies sign it: the agreement's phrase and the
organisations named in the sentence ("Vietnam's Ministry of Public Security")."""

from __future__ import annotations

import re
from typing import Any

from communique.extract.triggers import AGREEMENT_NOUN
from communique.records import Organization

#: A government body: up to four capitalised words before an institution noun, with
#: "of/for/on ..." complements, optionally owned by a country ("Vietnam's ...").
ORG = re.compile(
    r"(?:(?:the\s+)?(?P<poss>[A-Z][\w]+)[’']s\s+)?(?P<name>(?:[A-Z][\w’'-]*\s+){0,4}"
    r"(?:Ministry|Committee|Council|Commission|Coast\s+Guard|Agency|Office|Bank|Corporation|Company|Group|"
    r"Department|Administration|Authority|Police|Guard|ministr(?:y|ies))"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*)"
)


#: A date in an agreement's phrase ("... ministries in 2013"): when it was signed, not
#: part of its name; the phrase ends there.
_TRAILING_DATE = re.compile(
    r"\s+(?:in|on|last|earlier|this)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:(?:19|20)\d\d|year|month|week)\b"
)
#: When and where it was signed, after a generic title ("... medical training in Hanoi
#: on Tuesday"): not part of the agreement's name.
_TRAILING_DAY = re.compile(
    r"\s+(?:on|last|this)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|[A-Z][a-z]+\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]+\b).*$"
)
_TRAILING_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}$")
#: The words of a name that may stand before an agreement noun ("Joint Action Program",
#: "Comprehensive Strategic Partnership Agreement").
_NAME_WORD = re.compile(r"(?<![\w-])(?!(?:The|A|An|This|That|These|Its|Their)\s)[A-Z][\w-]*\s+$")


def agreement_phrase(text: str, m: re.Match[str], attributive: bool) -> str | None:
    """The agreement signed at trigger ``m``: the noun phrase after "signed", or before
    it when "signed" is an adjective ("the memorandum signed in 2013").

    Why the clean-up: the phrase names the agreement in lists and summaries, so the date
    and clause around it ("... signed between A and B in 2013") are left out, and a
    name written in capitals keeps them ("the Joint Action Program signed for ...").
    """
    region = text[: m.start()] if attributive else text[m.end() :]
    found = list(AGREEMENT_NOUN.finditer(region))
    if not found:
        return None
    a = found[-1] if attributive else found[0]
    start = _name_start(text, a.start()) if attributive else a.start()
    phrase = (
        region[start:]
        if not attributive
        else text[start : m.start()].rstrip() + " " + text[m.end() :].lstrip()
    )
    ends = r"[.;,]" if attributive else r"[.;]|,\s+(?:while|as|and|which|under)\b|\s+signed\b"
    phrase = re.split(ends, phrase)[0]
    phrase = re.sub(r"\s+between\s+.+?(?=\s+(?:on|for|in|to)\s+[a-z])", "", phrase, count=1)
    phrase = _TRAILING_DATE.split(phrase.strip(" ,"))[0]
    if attributive:  # "the memorandum signed by the two countries": who signed, not its name
        phrase = re.split(r"\s+by\s+", phrase)[0]
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,")
    if not phrase:
        return None
    head = AGREEMENT_NOUN.match(phrase)
    if head is not None and not re.match(r"\s+(?:of|on)\s+[A-Z]", phrase[head.end() :]):
        # the generic noun in lower case ("memorandum of understanding on ..."), a name's
        # head kept ("Treaty of Friendship")
        phrase = head.group(0).lower() + phrase[head.end() :]
    # the day and place of signing are no part of the title: a place is cut after a
    # generic title, or when a day follows it ("... in Southeast Asia in Lima on May 3")
    undated = _TRAILING_DAY.sub("", phrase)
    if phrase[:1].islower() or undated != phrase:
        undated = _TRAILING_PLACE.sub("", undated)
    return undated.strip(" ,")[:300]


def _name_start(text: str, pos: int) -> int:
    """Where the capitalised name ending in the agreement noun at ``pos`` begins."""
    if not text[pos : pos + 1].isupper():
        return pos
    while (w := _NAME_WORD.search(text[max(0, pos - 40) : pos])) is not None:
        pos = max(0, pos - 40) + w.start()
    return pos


def organizations(gazetteer: Any, text: str) -> list[Organization]:
    """The government bodies a sentence names, each with its country when stated."""
    out: list[Organization] = []
    for m in ORG.finditer(text):
        name = re.sub(r"^(?:The|A|An)\s+", "", m.group("name").strip())
        country = gazetteer.country(m.group("poss")) if m.group("poss") else None
        if country is not None:
            name = f"{name} of {m.group('poss')}"  # "Vietnam's Ministry of X" -> "Ministry of X of Vietnam"
        if country is None:
            found = gazetteer.find_countries(name) or gazetteer.find_countries(
                text[max(0, m.start() - 25) : m.start()]
            )
            country = found[-1][2] if found else None
        if name[0].isupper() and name.lower() not in {o.name.lower() for o in out}:
            out.append(Organization(name=name, country=country, mention=m.group(0)))
    return out
