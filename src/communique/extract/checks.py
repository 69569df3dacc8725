"""Last checks on drafts: is the event reported as not happening, or as later than the report?

Two things a trigger word alone does not tell:

* **Negation.** "did not meet", "has never visited", "refused to meet", "had no
  talks with", "cancelled her visit", "the visit was postponed": the sentence names an
  event that did not take place. Such drafts are dropped. The cue must sit in the
  clause of the trigger and within a few words before it (or say right after it that
  the event was called off), so a negation elsewhere in a long sentence does not
  remove a real event. "not only met" is not a negation.
* **Reported before it happens.** An event a report dates after its own publication
  ("plans for travelling to Norway next month") has not happened yet: it is
  planned, whatever the verb's tense looked like.

Negation cues exist for English, Russian and Vietnamese (the languages with a
front-end); the publication check is the same for every language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from communique.extract.events import Draft

#: A negation just before the trigger, in its clause, by language (hand lists of
#: cues: English; Russian "не встретился", "отказался"; Vietnamese "không", "chưa").
NEGATION_BEFORE = {
    "en": re.compile(
        r"\b(?:not|never|no|nor|neither|without|n['’]t|yet\s+to|refus\w*\s+to|declin\w*\s+to|"
        r"fail\w*\s+to|cancel\w*|call\w*\s+off|postpon\w*|scrap\w*|snub\w*|skip\w*)\b"
        r"(?:\s+\S+){0,2}\s*$",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<!\w)(?:не|ни|никогда|отказал\w*|отменил\w*|отложил\w*)(?!\w)(?:\s+\S+){0,2}\s*$",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"(?<!\w)(?:không|chưa|chẳng|hủy|hoãn)(?!\w)(?:\s+\S+){0,2}\s*$", re.IGNORECASE
    ),
}
#: "not only met": an emphasis, not a negation.
NOT_ONLY = re.compile(r"\bnot\s+only\s*$", re.IGNORECASE)
#: "the visit ... was cancelled": the event named was called off.
CALLED_OFF_AFTER = re.compile(
    r"^\S*(?:\s+\S+){0,6}?\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+"
    r"(?:\w+ly\s+)?(?:cancel\w*|called\s+off|postponed|scrapped|put\s+off|shelved)\b",
    re.IGNORECASE,
)
#: Punctuation that ends a clause before a trigger.
CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014\"“”]")
#: A day-precise date this many days after publication is still "today" somewhere.
PUBLICATION_SLACK_DAYS = 1


def negated(draft: Draft, clean: str, lang: str = "en") -> bool:
    """True when the reporting sentence says the event did not (or will not) happen."""
    cue = NEGATION_BEFORE.get(lang)
    if cue is None:
        return False
    start = draft.sentence[0]
    before = CLAUSE_BREAK.split(clean[start : draft.trigger])[-1]
    if cue.search(before) and not NOT_ONLY.search(before):
        return True
    after = clean[draft.trigger : draft.sentence[1]]
    return lang == "en" and bool(CALLED_OFF_AFTER.match(CLAUSE_BREAK.split(after)[0]))


def _after(date: str, published: dt.date) -> bool:
    """True when the stated ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) certainly lies after
    ``published``; year-less or unparsable dates never do."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date)
    if not m:
        return False
    year, month, day = (int(g) if g else 0 for g in m.groups())
    if day:
        try:
            stated = dt.date(year, month, day)
        except ValueError:
            return False
        return stated > published + dt.timedelta(days=PUBLICATION_SLACK_DAYS)
    if month and year == published.year:
        return month > published.month
    return year > published.year


def as_of_publication(draft: Draft, published: str | None) -> Draft:
    """The draft, made "planned" when it is dated after its report's publication."""
    if draft.status != "occurred" or not draft.date or not published:
        return draft
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return draft
    return replace(draft, status="planned") if _after(draft.date, day) else draft


def checked(drafts: list[Draft], clean: str, published: str | None, lang: str) -> list[Draft]:
    """The drafts that report something happening, each with a status consistent
    with its report's publication day (``lang``: the front-end's language)."""
    kept = [d for d in drafts if not negated(d, clean, lang)]
    return [as_of_publication(d, published) for d in kept]
