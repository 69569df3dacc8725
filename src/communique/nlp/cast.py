"""The people of one document: merging mentions into persons, resolving short references.

Split from :mod:`communique.nlp.people` along its seam: that module *finds* mentions in
sentences; this one merges them into a :class:`Cast` (the fullest name wins, the first office
is kept) and answers "who is 'Binh' / 'the minister' here?". Name order: a short reference
is the *last* token of the full name (surname-last Western names, Vietnamese surname-first
names), or the first of a two-part name led by the family name ("Li" for "Li Wei").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from communique.nlp.people import PersonMention

__all__ = ["Cast", "Person", "build_cast"]

#: English function words: a capitalised "To" starting a sentence is not a name.
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "he",
        "her",
        "his",
        "if",
        "in",
        "into",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "that",
        "the",
        "their",
        "then",
        "there",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "you",
    ]
)


@dataclass(frozen=True, slots=True)
class Person:
    """One person of a document: fullest name, best office, country."""

    name: str
    role: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Cast:
    """The people of one document, for resolving short and titled references."""

    people: tuple[Person, ...] = ()
    #: Family names (folded, lower-case) whose bearers are called by the last part of
    #: their name (Vietnamese); None: a bare family name never resolves a longer name.
    given_last: frozenset[str] | None = None

    def lookup(self, name: str) -> Person | None:
        """The person a (possibly short) name refers to: exact, or by last token."""
        key = _norm_name(name)
        for p in self.people:
            if _norm_name(p.name) == key:
                return p
        toks = key.split()
        for p in self.people:
            ptoks = _norm_name(p.name).split()
            if toks and (toks[-1] == ptoks[-1] or (len(toks) == 1 and toks[0] in ptoks[1:])):
                return p
        if len(toks) == 1 and toks[0] not in _FUNCTION_WORDS:
            for p in self.people:  # "Li" after "Li Wei": two-part names led by the family name
                ptoks = _norm_name(p.name).split()
                if len(ptoks) == 2 and ptoks[0] == toks[0]:
                    return p
            if self.given_last is not None and toks[0] not in self.given_last:
                # "Park" after "Park Min Jun": a three-part name led by the family name,
                # when no one else bears it and it is not a family name whose bearers are
                # called by the last part ("Nguyen Van Lich" is "Lich")
                led = [p for p in self.people if _norm_name(p.name).split()[:1] == toks]
                if len(led) == 1 and len(_norm_name(led[0].name).split()) == 3:
                    return led[0]
        return None

    def by_office(self, office: str) -> Person | None:
        """The first person whose office contains every word of ``office`` ("the minister")."""
        words = {w.lower() for w in office.split()}
        for p in self.people:
            if p.role and words <= {w.lower() for w in re.findall(r"\w+", p.role)}:
                return p
        return None


def build_cast(mentions: Iterable[PersonMention], given_last: frozenset[str] | None = None) -> Cast:
    """Merge mentions into people: the fullest name wins, the first office is kept, a
    country is taken from any mention. ``given_last``: see :attr:`Cast.given_last`."""
    people: list[Person] = []
    for m in mentions:
        if not m.anchored:
            continue
        cast = Cast(tuple(people), given_last)
        found = cast.lookup(m.text)
        if (
            found is None and len(m.text.split()) > 1
        ):  # "PM Somchai" earlier, "Somchai Wongsakul" now
            first = m.text.split()[0].lower()
            found = next((p for p in people if p.name.lower() == first), None)
        if found is None:
            people.append(Person(m.text, m.role, m.country))
            continue
        i = people.index(found)
        name = m.text if len(m.text.split()) > len(found.name.split()) else found.name
        people[i] = Person(name, found.role or m.role, found.country or m.country)
    return Cast(tuple(people), given_last)


def _norm_name(name: str) -> str:
    return " ".join(name.replace(".", " ").split()).lower()
