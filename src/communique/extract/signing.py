"""Who signs what at an English "signed" trigger.

Three readings: a subject signs ("A and B signed ..."), two states sign ("Moscow and
Hanoi signed ..."), or the sides of the story's latest meeting sign ("the two sides
signed ..."). An agreement named with "signed" as an adjective ("the memorandum signed
between the two ministries in 2013") is a past signing mentioned as the basis of today's
cooperation: it is kept with no place, dated by the year it states ("signed in 2013",
"under the 2015 accord signed by ..."), or undated when the basis is a named document
("on the basis of the Joint Action Program signed for 2019-2021").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from communique.extract.agreements import agreement_phrase, organizations
from communique.extract.sides import subject_pair
from communique.extract.triggers import AGREEMENT_NOUN, ATTRIBUTIVE_SIGNED
from communique.nlp.people import PersonMention
from communique.records import Participant

if TYPE_CHECKING:
    from communique.extract.slots import Context, Group

_SIDES = re.compile(
    r"\b(?:the\s+two\s+sides|both\s+sides|representatives|the\s+two\s+(?:ministries|agencies|delegations"
    r"|leaders|presidents|prime\s+ministers|premiers|heads\s+of\s+(?:state|government)|ministers)"
    r"|both\s+leaders)\b",
    re.IGNORECASE,
)
#: A signing told as done before the story ("the only two states to have signed", "had
#: previously signed"): a reference to a past fact, dated only by a year it states.
_PERFECT = re.compile(
    r"\b(?:to\s+have|had\s+(?:already|previously|earlier|once|long\s+since))\s+$", re.IGNORECASE
)
#: "in the presence of A and B", "witnessed by A and B": the leaders who witnessed a
#: signing, who stand for its parties when no signatory is named (gold convention).
#: Who signed or witnessed it, named after the fact: "in the presence of A and B",
#: "witnessed by A and B", and the passive "(it) was signed by A and B".
_WITNESSED_BY = re.compile(
    r"\b(?:in\s+the\s+presence\s+of|witnessed\s+by|under\s+the\s+witness\s+of|"
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:jointly\s+)?signed\s+by)\s+",
    re.IGNORECASE,
)
_COUNTRIES = re.compile(
    r"\b(?:the\s+two\s+countries|both\s+countries|the\s+two\s+nations)\b", re.IGNORECASE
)
#: An object right after "signed": the verb, not the adjective ("adopted X and signed
#: over 10 documents" vs "the agreements drafted and signed in 2013").
_SIGNED_OBJECT = re.compile(
    r"\s+(?:a|an|over|more\s+than|some|several|two|three|four|five|six|seven|eight|nine|ten|"
    r"dozens?\s+of|\d+|a\s+number\s+of|a\s+series\s+of|new|joint|bilateral)\b",
    re.IGNORECASE,
)
#: A year after an attributive "signed" ("the treaty signed in 2013"), not a range's end.
_YEAR_AFTER = re.compile(r"(?<![-–\d])\b(?:19|20)\d\d\b(?!\s*[-–])")
#: The year of a past signing: "signed ... in (March) 2013" inside its clause.
_SIGNED_IN = re.compile(r"^[^,.;]*?\bin\s+((?:[A-Z][a-z]+\s+)?(?:19|20)\d\d)\b(?!\s*[-–])")
#: An agreement named as the basis of cooperation, with its year in the name ("under
#: the 2015 agreement signed by ..."): one signed before the report.
_BASIS_YEAR = re.compile(
    r"\b(?:on\s+the\s+basis\s+of|in\s+line\s+with|in\s+accordance\s+with|pursuant\s+to|"
    r"within\s+the\s+framework\s+of|based\s+on|under|implement(?:ing|ation\s+of)?)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){0,2}?((?:19|20)\d\d)\s+(?:[\w’'-]+\s+){0,5}$",
    re.IGNORECASE,
)
#: A named agreement given as the basis of cooperation without a year ("on the basis of
#: the Joint Action Program signed for ..."): a real, earlier signing left undated.
_BASIS_NAMED = re.compile(
    r"\b(?:on\s+the\s+basis\s+of|in\s+line\s+with|in\s+accordance\s+with|pursuant\s+to|"
    r"within\s+the\s+framework\s+of|based\s+on|under|implement(?:ing|ation\s+of)?)\s+"
    r"the\s+(?-i:(?:[A-Z][\w’'-]*\s+)(?:(?:of|on|for|and|[A-Z][\w’'-]*)\s+){1,6})$",
    re.IGNORECASE,
)
#: Words saying an attributive "signed" is today's signing after all.
_NOW_AFTER = re.compile(
    r"^[^.;]*?\b(?:today|yesterday|tonight|on\s+\w+day|at\s+the\s+(?:talks|meeting|summit|ceremony)|"
    r"during\s+the|earlier\s+(?:today|this)|this\s+(?:week|morning))\b",
    re.IGNORECASE,
)


def past_reference(text: str, m: re.Match[str]) -> bool:
    """Is the "signed" at ``m`` an adjective naming an agreement signed in a stated
    earlier year ("the memorandum signed in 2013", "under the 2015 accord signed by the
    two ministries")? Why: such a mention records a real signing between the two
    countries, but its date and place are not the story's. One without a year counts
    only when a named document is the basis ("on the basis of the Joint Action Program
    signed ..."): news text names many unnamed agreements in passing."""
    if not ATTRIBUTIVE_SIGNED.search(text[max(0, m.start() - 80) : m.end()]):
        return False
    after = text[m.end() :]
    if _YEAR_AFTER.search(after):
        return True
    before = text[: m.start()]
    basis = _BASIS_YEAR.search(before) or _BASIS_NAMED.search(before)
    return basis is not None and not _NOW_AFTER.match(after)


def signed_year(dates: Any, text: str, m: re.Match[str]) -> str | None:
    """The date a past signing's clause states ("signed ... in March 2013", "the 2015
    accord signed"), else None: such a mention is never dated by the story."""
    y = _SIGNED_IN.match(text[m.end() :])
    if y is None:
        basis = _BASIS_YEAR.search(text[: m.start()])
        return basis.group(1) if basis else None
    found = [d.value for d in dates.find_dates(y.group(1), None, "en") if d.value]
    value = str(found[0]) if found else ""
    return value if value[:4] == y.group(1)[-4:] else y.group(1)[-4:]


def sign_groups(
    gazetteer: Any, sent: Any, m: re.Match[str], subject: list[PersonMention], ctx: Context
) -> list[Group]:
    """The readings of the "signed" trigger ``m`` in ``sent``; ``subject``: the people
    right before it (joined by "and")."""
    text = sent.text
    if not AGREEMENT_NOUN.search(text):
        return []
    if _exchanges_no_agreement(text, m):
        return []  # "witnessed the exchange of prisoners": no agreement exchanged
    attributive = ATTRIBUTIVE_SIGNED.search(text[max(0, m.start() - 80) : m.end()]) is not None
    if attributive and not past_reference(text, m):
        return []
    if (
        re.search(
            r"\b(?:the|of|on|and|with|under|all|these|those|its|their)\s+$", text[: m.start()]
        )
        and m.group(0).lower() == "signed"
        and not _SIGNED_OBJECT.match(text[m.end() :])  # "... and signed five agreements"
    ):
        return []
    orgs = tuple(organizations(gazetteer, text))
    np_subject = re.search(
        r"\b(?:the|both|two)\s+(?:two\s+)?(?:countries|sides|nations|governments|parties|ministries)\s+(?:\w+\s+)?$",
        text[: m.start()],
    )
    extra: dict[str, Any] = {
        "orgs": orgs,
        "agreement": agreement_phrase(text, m, attributive),
        # "the only states to have signed a treaty with X": a past, undated fact
        "reference": attributive or _PERFECT.search(text[: m.start()]) is not None,
    }
    if subject and not attributive and not np_subject:
        return [(subject, None, extra)]
    witnesses = [] if attributive else _witnesses(sent)
    if len(witnesses) >= 2:
        return [(_with_states(gazetteer, sent.text[: m.start()], witnesses), None, extra)]
    states = None if attributive else _states_signing(gazetteer, sent, m, ctx, extra)
    if states is not None:
        return states
    if (
        not attributive
        and not _COUNTRIES.search(text)
        and (_SIDES.search(text[: m.start()]) or orgs)
    ):
        meet = next(
            (d for d in reversed(ctx.earlier) if d.type == "MEET" and d.story == sent.story),
            None,
        )
        if meet is not None:
            return [([], None, {**extra, "parties": meet.participants})]
    uniq = _two_countries(gazetteer, text, orgs, ctx)
    if len(uniq) < 2:
        return []
    parties = tuple(Participant(None, None, None, c) for c in uniq[:2])
    return [([], None, {**extra, "parties": parties})]


def _exchanges_no_agreement(text: str, m: re.Match[str]) -> bool:
    """ "witnessed the exchange of prisoners": what is exchanged is no document."""
    if "exchange" not in m.group(0).lower():
        return False
    exchanged = re.split(r"[,.;]|\s(?:under|in|at|after|before|during|with|as)\s", text[m.end() :])[
        0
    ]
    return not AGREEMENT_NOUN.search(exchanged)


def _two_countries(gazetteer: Any, text: str, orgs: tuple[Any, ...], ctx: Context) -> list[str]:
    """The countries the sentence names (or its bodies belong to), else those of the
    latest contacts reported ("the two countries")."""
    countries = [iso for _, _, iso in gazetteer.find_countries(text)]
    countries += [o.country for o in orgs if o.country]
    uniq = list(dict.fromkeys(c for c in countries if c))
    if len(uniq) < 2:
        earlier = [
            c
            for d in reversed(ctx.earlier)
            for c in [
                *(p.country for p in d.participants),
                d.location.country if d.location else None,
            ]
            if c
        ]
        uniq = list(dict.fromkeys(uniq + earlier))
    return uniq


def _states_signing(
    gazetteer: Any, sent: Any, m: re.Match[str], ctx: Context, extra: dict[str, Any]
) -> list[Group] | None:
    """ "Moscow and Hanoi signed ...": two states (or their capitals) sign; the
    signatories are the sides of the story's latest meeting between them, else the
    states themselves as unnamed sides."""
    pair = subject_pair(gazetteer, sent.text[: m.start()])
    if pair is None:
        return None
    want = {p.country for p in pair}
    for d in reversed(ctx.earlier):
        if (
            d.type == "MEET"
            and d.story == sent.story
            and {p.country for p in d.participants} == want
        ):
            return [([], None, {**extra, "parties": d.participants})]
    return [([], None, {**extra, "parties": pair})]


def _witnesses(sent: Any) -> list[PersonMention]:
    """The people a signing took place "in the presence of" (or was "witnessed by", or
    "was signed by"): a list of names joined by "and" or commas right after the phrase.

    Why: reports of signings by unnamed officials ("the two sides signed ...") name the
    leaders who witnessed them; the gold records those leaders as the participants."""
    m = _WITNESSED_BY.search(sent.text)
    if m is None:
        return []
    out: list[PersonMention] = []
    pos = sent.start + m.end()
    for p in sorted(sent.people, key=lambda x: x.span_start):
        if p.span_start < pos:
            continue
        gap = sent.text[pos - sent.start : p.span_start - sent.start]
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", gap):
            break
        out.append(p)
        pos = p.span_end
    return out


def _with_states(
    gazetteer: Any, before: str, witnesses: list[PersonMention]
) -> list[PersonMention]:
    """ "Peru and Kenya signed ..., in the presence of President A and President B": two
    witnesses without a stated country take the two signing states in the order named
    (news lists the parties and their leaders in parallel)."""
    pair = subject_pair(gazetteer, before)
    if pair is None or len(witnesses) != 2 or any(w.country for w in witnesses):
        return witnesses
    return [replace(w, country=p.country) for w, p in zip(witnesses, pair, strict=True)]
