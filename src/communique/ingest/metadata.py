"""Publication date, byline and outlet from the shape of plain-text lines.

Scraped news text carries its metadata in a few recurring line shapes, never in
fixed strings, so each detector here is a pattern over a line's *shape*:

* a leading metadata line ``" date 2017-07-25 ..."`` (scraper output; the text may
  continue on the same line, after an optional URL);
* a timestamp line: a line that is only a date/time ("Thứ Năm, 27/07/2017, 13:34",
  "March 17, 2021 8:25 AM GMT+7"), optionally behind a one-word label;
* a wire dateline opening a paragraph ("HANOI, June 20 (Reuters) -"); it gives a
  publication date only when it states the year (never guessed);
* a byline ("By Jane Roe" alone on a line);
* the outlet: a lead prefix ("ABC –", "NewsWire -", "(XYZ)-"), a trailing "-VNA", a
  last line that is only an agency acronym. Outlets are recognised by shape (short
  all-caps or CamelCase token), never from a list of names.

Dates are parsed with dateparser (many languages, day-first when ambiguous, which
is the convention of most non-US outlets; a US-style "07/25/2017" still parses
because 25 cannot be a month).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import dateparser

from communique.records import DatePrecision

#: Longest line (characters) that can be a timestamp line.
MAX_TIMESTAMP_CHARS = 64
#: Most words of letters a timestamp line may hold (weekday, month, "at", AM, GMT...).
MAX_TIMESTAMP_WORDS = 5

_METADATA_LINE = re.compile(
    r"^[ \t\u00a0]*date[ \t]+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d-])[ \t]*"
    r"(?:(?P<url>https?://\S+)[ \t]*)?"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_]{3,12})\s*:\s*")
_LETTER_WORD = re.compile(r"[^\W\d_]+")
_BYLINE = re.compile(
    r"^\s*(?:By|BY|by)\s+(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3})\s*$"
)
#: An outlet token: a short acronym (2–4 capitals; longer all-caps words are usually
#: dateline places) or CamelCase (capitals and lower case mixed, >= 2 capitals).
_OUTLET_TOKEN = r"(?:[A-Z]{2,4}|[A-Z]+[a-z]+[A-Z][A-Za-z]{0,10}|[A-Z]{2,4}[a-z]{2,10})"
_LEAD_OUTLET = re.compile(
    rf"^\s*(?:\((?P<paren>{_OUTLET_TOKEN})\)\s*[-–—]\s*|(?P<plain>{_OUTLET_TOKEN})\s+[-–—]\s+)"
)
_TRAILING_OUTLET = re.compile(rf"\s[-–—]\s?(?P<outlet>{_OUTLET_TOKEN})\s*$")
_AGENCY_LINE = re.compile(rf"^\s*[-–—]?\s*(?P<outlet>{_OUTLET_TOKEN}|[A-Z]{{2,8}})\s*$")
_DATELINE = re.compile(
    r"^\s*(?P<place>[^\W\d_a-zа-я][^\W\d_]*(?:[ /-][^\W\d_]+){0,3}),\s+"
    r"(?P<date>[^\n(/–—-]{3,30}?)\s*\.?\s*"
    r"(?:\((?P<agency>[^)\n]{2,30})\)\s*[-–—]|/(?P<agency2>[^/\n]{2,20})/|[-–—]\s*"
    r"(?:(?P<agency3>[^\W\d_][^\n.]{1,25}?)\.\s)?)"
)


@dataclass(frozen=True, slots=True)
class DateFound:
    """A publication date found in the text, with its original-text span."""

    value: str  # ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY
    precision: DatePrecision
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Found:
    """A metadata string found in the text, with its original-text span."""

    value: str
    start: int
    end: int


def metadata_line(text: str) -> tuple[DateFound | None, int] | None:
    """The leading ``" date YYYY-MM-DD [URL]"`` prefix: its date and where the rest starts.

    Why: scrapers prepend this line; the date is the page's stated date and the
    prefix (with the URL) is not article text.
    """
    match = _METADATA_LINE.match(text)
    if not match:
        return None
    raw = match.group("date")
    precision: DatePrecision = "day" if len(raw) == 10 else "month" if len(raw) == 7 else "year"
    found = DateFound(raw, precision, match.start("date"), match.end("date"))
    return found, match.end()


def timestamp_of(line: str) -> str | None:
    """ISO day if ``line`` is only a date/time (optionally behind a one-word label).

    Why: a line holding nothing but a date is the page's publication stamp; a date
    inside a sentence is not.
    """
    text = line.strip()
    if not text or len(text) > MAX_TIMESTAMP_CHARS or not _YEAR.search(text):
        return None
    label = _LABEL.match(text)
    if label and not _YEAR.search(label.group("label")):
        text = text[label.end() :]
    words = _LETTER_WORD.findall(text)
    if len(words) > MAX_TIMESTAMP_WORDS or any(len(w) > 12 for w in words):
        return None
    if sum(ch.isdigit() for ch in text) < 4 + 1:  # a year and at least a day
        return None
    return _parse_day(text)


def _parse_day(text: str) -> str | None:
    """Parse a full date (day, month and year required) to ``YYYY-MM-DD``."""
    parsed = dateparser.parse(
        text,
        settings={
            "DATE_ORDER": "DMY",
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DATES_FROM": "past",
        },
    )
    return parsed.date().isoformat() if parsed else None


def dateline(line: str, offset: int) -> tuple[DateFound | None, Found | None] | None:
    """A wire dateline opening ``line``: its date (only if it states the year) and agency.

    Why: "HANOI, June 20 (Reuters) -" is the wire's own date stamp; without a year it
    gives no publication date (never guessed), but it still names the outlet.
    """
    match = _DATELINE.match(line)
    if not match or not match.group("place").isupper():
        return None
    raw = match.group("date")
    if not any(ch.isdigit() for ch in raw):
        return None
    found_date: DateFound | None = None
    if _YEAR.search(raw):
        day = _parse_day(raw)
        if day:
            found_date = DateFound(
                day, "day", offset + match.start("date"), offset + match.end("date")
            )
    agency: Found | None = None
    for group in ("agency", "agency2", "agency3"):
        value = match.group(group)
        if value and (group != "agency3" or all(w[0].isupper() for w in value.split())):
            agency = Found(
                match.group(group).strip(), offset + match.start(group), offset + match.end(group)
            )
            break
    return found_date, agency


def byline_of(line: str) -> str | None:
    """The author's name if ``line`` is a byline ("By Jane Roe")."""
    match = _BYLINE.match(line)
    if not match:
        return None
    name = match.group("name")
    tokens = name.split()
    if not all(t[0].isupper() for t in tokens):
        return None
    return name


def lead_outlet(line: str) -> tuple[str, int, int, int] | None:
    """An outlet prefix opening a lead paragraph: (name, name start, name end, text start).

    Why: "VGP – Minister ..." names the outlet and is not part of the first sentence.
    """
    match = _LEAD_OUTLET.match(line)
    if not match:
        return None
    group = "paren" if match.group("paren") else "plain"
    return match.group(group), match.start(group), match.end(group), match.end()


def trailing_outlet(line: str) -> tuple[str, int, int, int] | None:
    """An outlet suffix closing the last paragraph ("... substances. -VNA").

    Returns (name, name start, name end, where the suffix starts).
    """
    match = _TRAILING_OUTLET.search(line)
    if not match or len(line.strip()) <= len(match.group(0).strip()):
        return None
    return match.group("outlet"), match.start("outlet"), match.end("outlet"), match.start()


def agency_line(line: str) -> str | None:
    """The outlet if ``line`` is only an agency acronym ("VNA", "REUTERS")."""
    match = _AGENCY_LINE.match(line)
    return match.group("outlet") if match else None
