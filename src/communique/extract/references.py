"""Who a sentence refers to without naming: "the minister", "the Russian leader",
"the President of Russia", "he".

News text names a person once (with the office) and then refers back by office,
nationality or pronoun. A reference resolves to the latest fitting person of the story,
then to anyone of the document with that office; a generic head ("the Russian leader",
"the Chinese head of state") fits any head of state, government or ruling party of that
country, and only one whose country is known to be that one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from communique.nlp.people import Cast, PersonMention

_DEFINITE = re.compile(
    r"(?:\b[Tt]he\s+|(?<=[a-z]\s)|^)((?:[A-Z][A-Za-z]+\s+){0,2}(?:President|Prime\s+Minister|Minister|"
    r"minister|General\s+Secretary|Secretary\s+of\s+State|Secretary|leader|head\s+of\s+state|Chairman|"
    r"Premier|Chancellor|King|Speaker|president))\b(?!\s+(?:of\b|[A-Z]))"
)
_DEFINITE_OF = re.compile(
    r"\b[Tt]he\s+(President|Prime\s+Minister|King|Emir|Chancellor|Premier|leader)\s+of\s+(?:the\s+)?"
)
_PRONOUN = re.compile(r"\b(?:He|She|he|she)\b")
#: Words of a generic head ("the Russian leader", "head of state").
GENERIC_HEAD = frozenset({"leader", "head", "of", "state", "government"})
#: Office words of a head of state or government (English usage; hand list).
HEAD_WORDS = frozenset(
    {"president", "premier", "prime", "chancellor", "king", "emir", "sultan", "leader"}
)


def is_head(role: set[str]) -> bool:
    """Does an office (its lower-cased words) head a state, government or ruling party?"""
    if role & {"vice", "deputy", "assistant"}:
        return False
    return bool(role & HEAD_WORDS) or {"general", "secretary"} <= role


def opens_with_description(text: str) -> bool:
    """Does the sentence open with an office ("The Chinese leader has ...")? When that
    description resolved to nobody, the subject is unknown, not an earlier person."""
    m = _DEFINITE.match(text)
    return m is not None and m.start(1) <= 4


def people_of(
    gazetteer: Any, sent: Any, cast: Cast, recent: Sequence[PersonMention]
) -> list[PersonMention]:
    """Named mentions of ``sent`` plus its resolved definite descriptions and pronouns.

    Why: "the Russian leader has used his trip to meet X" reports a meeting of a person
    named only in an earlier sentence; slot filling needs that person in this one.
    """
    found = list(sent.people)
    found += [
        p
        for p in _office_of_country(gazetteer, sent, cast)
        if not any(q.span_start <= p.start < q.span_end for q in found)
    ]
    taken = [(p.span_start, p.span_end) for p in found]
    for rx, by_office in ((_DEFINITE, True), (_PRONOUN, False)):
        for m in rx.finditer(sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            office = m.group(1) if by_office else None
            ref = _refer(gazetteer, office, cast, list(recent) + [p for p in found if p.end <= s])
            if ref is not None and (office is not None or not [p for p in found if p.end <= s]):
                found.append(PersonMention(s, e, ref.text, ref.role, ref.country, True, s, e))
                taken.append((s, e))
    return sorted(found, key=lambda p: p.start)


def _refer(
    gazetteer: Any, office: str | None, cast: Cast, before: list[PersonMention]
) -> PersonMention | None:
    """The person a pronoun (``office`` None) or "the minister" refers to: the latest
    fitting one, then anyone in the document with that office."""
    if office is None:
        return before[-1] if before else None
    country = next((c for w in office.split() if (c := gazetteer.country(w))), None)
    words = {w.lower() for w in office.split() if not gazetteer.country(w)}
    everyone = [
        PersonMention(0, 0, p.name, p.role, p.country, True, 0, 0) for p in reversed(cast.people)
    ]
    for p in list(reversed(before)) + everyone:
        role = {w.lower() for w in re.findall(r"\w+", p.role or "")}
        generic = words <= GENERIC_HEAD and is_head(role)
        if not p.role or not (words <= role or generic):
            continue
        person = cast.lookup(p.text)
        known = p.country or (person.country if person else None)
        if country is None or known == country or (known is None and not generic):
            return p
    return None


def _office_of_country(gazetteer: Any, sent: Any, cast: Cast) -> list[PersonMention]:
    """ "the President of Russia": the person of that office and country, if known."""
    out = []
    for m in _DEFINITE_OF.finditer(sent.text):
        rest = sent.text[m.end() : m.end() + 60]
        hit = next((c for s, _, c in gazetteer.find_countries(rest) if s == 0), None)
        if hit is None:
            continue
        words = {w.lower() for w in m.group(1).split()}
        for p in cast.people:
            role = {w.lower() for w in re.findall(r"\w+", p.role or "")}
            if p.country == hit and words <= role:
                s0 = sent.start + m.start()
                e0 = s0 + len(m.group(0))
                out.append(PersonMention(s0, e0, p.name, p.role, p.country, True, s0, e0))
                break
    return out
