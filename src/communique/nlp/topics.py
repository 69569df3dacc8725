"""Areas of cooperation a sentence names ("drugs", "cybersecurity", ...).

Why a lexicon: the topics of an event are a closed, reviewable vocabulary that an
analyst queries by; ``communique/data/topics.json`` maps each label to keyword
patterns in English, Russian and Vietnamese and can be extended without code.

Organisation names are not topics: "the Security Council" or "the Ministry of
National Defence" say nothing about what was discussed. In English, capitalised name
sequences headed by an organisation word are blanked before matching; Russian uses
the lexicon's ``ignore`` patterns; Vietnamese keywords match as written (lower case),
which already skips capitalised names such as "Bộ Quốc phòng".
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

__all__ = ["TopicLexicon"]

#: Head words of English organisation and office names (hand list; extend freely).
_ORG_HEADS = (
    "Ministry|Minister|Ministers|Council|Committee|Commission|Department|Agency|Office|"
    "Service|Services|Force|Forces|Guard|Police|Academy|University|Institute|Party|Bank|"
    "Secretary|General|Administration|Bureau|Directorate|Organization|Organisation|Court|"
    "Assembly|Parliament|Command|Corps|Army|Navy|Association|Authority|Board|Centre|Center"
)
_CAP = r"[A-Z][\w'’-]*"
#: A capitalised name: capitalised words, possibly joined by of/and/the/for/on.
_NAME = re.compile(rf"{_CAP}(?:\s+(?:(?:of|and|the|for|on)\s+)*{_CAP})+")
_HEAD = re.compile(rf"\b(?:{_ORG_HEADS})\b")


@dataclass(frozen=True, slots=True)
class _Rule:
    label: str
    pattern: re.Pattern[str]


class TopicLexicon:
    """Topic labels with compiled keyword patterns per language; build once with :meth:`load`."""

    __slots__ = ("_ignore", "_rules")

    def __init__(self, rules: dict[str, tuple[_Rule, ...]], ignore: dict[str, re.Pattern[str]]):
        self._rules = rules
        self._ignore = ignore

    @classmethod
    def load(cls) -> TopicLexicon:
        """Compile ``communique/data/topics.json``."""
        raw = (resources.files("communique.data") / "topics.json").read_text(encoding="utf-8")
        return cls.from_dict(json.loads(raw))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TopicLexicon:
        """Compile a lexicon given as {"topics": {label: {lang: [regex, ...]}}, "ignore": ...}.

        Why public: a project can load its own lexicon (another domain, more languages).
        """
        rules: dict[str, list[_Rule]] = {}
        for label, by_lang in data["topics"].items():
            for lang, patterns in by_lang.items():
                flags = 0 if lang == "vi" else re.IGNORECASE
                body = "|".join(f"(?:{p})" for p in patterns)
                rule = _Rule(label, re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags))
                rules.setdefault(lang, []).append(rule)
        ignore = {
            lang: re.compile("|".join(f"(?:{p})" for p in patterns))
            for lang, patterns in data.get("ignore", {}).items()
            if patterns
        }
        return cls({lang: tuple(r) for lang, r in rules.items()}, ignore)

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label the lexicon knows, sorted."""
        return tuple(sorted({r.label for rules in self._rules.values() for r in rules}))

    def topics_of(self, text: str, lang: str = "en") -> tuple[str, ...]:
        """Sorted, unique labels of the topics ``text`` names (English rules if ``lang``
        has none)."""
        rules = self._rules.get(lang) or self._rules.get("en", ())
        text = unicodedata.normalize("NFC", text)
        if lang not in self._rules or lang == "en":
            text = _blank_org_names(text)
        ignore = self._ignore.get(lang)
        if ignore is not None:
            text = ignore.sub(lambda m: " " * len(m.group()), text)
        return tuple(sorted({rule.label for rule in rules if rule.pattern.search(text)}))


def _blank_org_names(text: str) -> str:
    """Spaces over capitalised names that contain an organisation head word."""

    def blank(match: re.Match[str]) -> str:
        name = match.group()
        return " " * len(name) if _HEAD.search(name) else name

    return _NAME.sub(blank, text)
