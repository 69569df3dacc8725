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


def agreement_phrase(text: str, m: re.Match[str], attributive: bool) -> str | None:
    """The agreement signed at trigger ``m``: the noun phrase after "signed", or before
    it when "signed" is an adjective ("the memorandum signed in 2013")."""
    region = text[: m.start()] if attributive else text[m.end() :]
    found = list(AGREEMENT_NOUN.finditer(region))
    if not found:
        return None
    a = found[-1] if attributive else found[0]
    phrase = (
        region[a.start() :] if not attributive else text[a.start() : m.start()] + text[m.end() :]
    )
    phrase = re.split(r"[.;]|,\s+(?:while|as|and|which|under)\b|\s+signed\b", phrase)[0]
    phrase = re.sub(r"\s+between\s+.+?(?=\s+(?:on|for|in|to)\s+[a-z])", "", phrase, count=1)
    phrase = phrase.strip(" ,")
    return (phrase[:1].lower() + phrase[1:])[:300] if phrase else None


def organizations(gazetteer: Any, text: str) -> list[Organization]:
    """The government bodies a sentence names, each with its country when stated."""
    out: list[Organization] = []
    for m in ORG.finditer(text):
        name = m.group("name").strip()
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
