"""What extraction needs besides the model: places, dates, topics.

Extraction is written against the published API of :mod:`communique.nlp.geo`,
:mod:`communique.nlp.dates` and :mod:`communique.nlp.topics`; they are loaded once here
and passed in, so that nothing is built at import time.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any, Protocol


class GazetteerLike(Protocol):
    """The part of ``communique.nlp.geo.Gazetteer`` extraction uses."""

    def country(self, text: str) -> str | None: ...
    def place(self, text: str) -> Any: ...
    def find_countries(self, text: str) -> list[tuple[int, int, str]]: ...
    def find_places(self, text: str, locative_only: bool = False) -> list[tuple[int, int, Any]]: ...


@dataclass(frozen=True, slots=True)
class Resources:
    """Gazetteer, date finder and topic lexicon, built once per process."""

    gazetteer: Any
    dates: ModuleType  # find_dates(text, published, lang) / resolve_date(phrase, published, lang)
    topics: Any  # TopicLexicon: topics_of(text, lang)

    @classmethod
    def load(cls) -> Resources:
        """Build the gazetteer and topic lexicon once (they read the data files)."""
        from communique.nlp import dates, geo, topics

        return cls(gazetteer=geo.Gazetteer.load(), dates=dates, topics=topics.TopicLexicon.load())
