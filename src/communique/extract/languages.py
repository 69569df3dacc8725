"""Front-ends for documents not in English, chosen by ``Document.language``.

Why a registry: the :class:`~communique.extract.Extractor` stays language-neutral after
the front-end (completion, dedupe and events are shared); adding a language is one
entry here and one front-end module with a ``drafts(doc, deadline)`` method.
"""

from __future__ import annotations

from typing import Any, Protocol

from communique.extract.events import Draft
from communique.records import Document


class FrontEnd(Protocol):
    """What the extractor needs from a language front-end."""

    def drafts(self, doc: Document, deadline: float) -> list[Draft]: ...


def load_front_ends(gazetteer: Any, dates: Any) -> tuple[tuple[str, FrontEnd], ...]:
    """The Russian and Vietnamese front-ends, loaded once: (ISO 639-1 code, front-end)."""
    from communique.extract.russian import RussianFrontEnd
    from communique.extract.vietnamese import VietnameseFrontEnd

    return (
        ("ru", RussianFrontEnd.load(gazetteer, dates)),
        ("vi", VietnameseFrontEnd.load(gazetteer, dates)),
    )


def front_end_for(doc: Document, front_ends: tuple[tuple[str, FrontEnd], ...]) -> FrontEnd | None:
    """The front-end for the document's language, or None."""
    return next((front for lang, front in front_ends if lang == doc.language), None)
