"""What extraction needs besides the model: places, dates, topics.

The geo/dates/topics modules (:mod:`communique.nlp.geo`, :mod:`communique.nlp.dates`,
:mod:`communique.nlp.topics`) are owned by another stage. Extraction is written against
their published API; when one of them is not importable yet (parallel development, or a
stripped-down install) a small stand-in with the same surface is used instead, so the
extractor still runs. The stand-ins are deliberately minimal (see :mod:`.fallback`).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
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
    dates: Any  # module-like: find_dates(text, published, lang) / resolve_date(phrase, published, lang)
    topics: Any  # TopicLexicon-like: topics_of(text, lang)

    @classmethod
    def load(cls) -> Resources:
        """Use the real nlp modules when present, the stand-ins otherwise."""
        from communique.extract import fallback

        geo = _optional("communique.nlp.geo")
        gazetteer = geo.Gazetteer.load() if geo is not None else fallback.MiniGazetteer.load()
        dates = _optional("communique.nlp.dates") or fallback.MiniDates()
        topics_mod = _optional("communique.nlp.topics")
        topics = topics_mod.TopicLexicon.load() if topics_mod is not None else fallback.MiniTopics()
        return cls(gazetteer=gazetteer, dates=dates, topics=topics)


def _optional(name: str) -> Any:
    """Import ``name`` or return None when it does not exist (yet)."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None
        raise
