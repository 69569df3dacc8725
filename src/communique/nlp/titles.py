"""The open lexicon of office titles, ranks and honorifics (``data/titles.json``).

Titles anchor person names ("Minister of Public Security Luong Tam Quang"), carry the office a
person holds and often their country ("Russian President"). The lexicon is word-level:
a title is a *run* of title, institution, country and connector words, which generalises
to offices the list never spelled out ("Chief of the General Staff of the ... Army").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

#: Words that join the parts of an office ("Secretary *of the* Security Council").
CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in"})


@dataclass(frozen=True, slots=True)
class TitleLexicon:
    """Lower-cased word sets; build with :meth:`load`."""

    office_words: frozenset[str]
    office_heads: frozenset[str]
    rank_words: frozenset[str]
    institution_words: frozenset[str]
    acronyms: frozenset[str]  # matched case-sensitively: "UN" is not "Un" (Kim Jong Un)
    stop_names: frozenset[str]

    @classmethod
    def load(cls) -> TitleLexicon:
        """Read ``communique/data/titles.json`` (shipped with the package)."""
        raw = resources.files("communique.data").joinpath("titles.json").read_text("utf-8")
        return cls.from_dict(json.loads(raw))

    @classmethod
    def from_dict(cls, data: dict[str, list[str]]) -> TitleLexicon:
        """Build from the JSON structure (also used by tests with a small lexicon)."""
        offices = [o.lower() for o in data["offices"]]
        heads = {o.split()[-1] for o in offices}
        words = {w for o in offices for w in _words(o)} - CONNECTORS
        words |= {m.lower() for m in data.get("modifiers", []) for m in _words(m)}
        ranks = {w for r in data["ranks"] for w in _words(r.lower())}
        return cls(
            office_words=frozenset(words),
            office_heads=frozenset(
                heads - {"deputy", "vice", "general", "chief", "head", "staff", "state"}
            )
            | {"chief", "head"},
            rank_words=frozenset(ranks),
            institution_words=frozenset(
                w.lower() for w in data["institution_words"] if not w.isupper()
            ),
            acronyms=frozenset(w for w in data["institution_words"] if w.isupper()),
            stop_names=frozenset(data["stop_names"]),
        )

    def is_office(self, word: str) -> bool:
        """A word that can be part of an office title."""
        return word.lower() in self.office_words

    def is_head(self, word: str) -> bool:
        """A word that names an office by itself (President, minister, counterpart)."""
        return word.lower() in self.office_heads

    def is_rank(self, word: str) -> bool:
        """A rank or honorific that may stand before a name (General, Sen., Mr)."""
        return word.lower().rstrip(".") in self.rank_words

    def is_institution(self, word: str) -> bool:
        """A word of an institution's name (Ministry, Council, Security)."""
        if word in self.acronyms:
            return True
        w = word.lower()
        return (
            w in self.institution_words
            or w.removesuffix("’s").removesuffix("'s") in self.institution_words
        )


def _words(text: str) -> list[str]:
    return [w.strip(".") for w in text.replace("-", " ").split() if w.strip(".")]
