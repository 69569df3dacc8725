"""Choosing a front-end by the document's language."""

from __future__ import annotations

from communique.extract.languages import front_end_for
from communique.records import Document, OffsetMap, content_hash


class _Stub:
    def drafts(self, doc: Document, deadline: float) -> list:  # type: ignore[type-arg]
        return []


def _doc(language: str | None) -> Document:
    return Document(
        "d", "d.txt", "txt", "x", "x", OffsetMap.identity(1), content_hash("x"), language=language
    )


def test_front_end_for_language() -> None:
    ru, vi = _Stub(), _Stub()
    table = (("ru", ru), ("vi", vi))
    assert front_end_for(_doc("ru"), table) is ru
    assert front_end_for(_doc("vi"), table) is vi
    assert front_end_for(_doc("en"), table) is None
    assert front_end_for(_doc(None), table) is None


def test_english_text_labelled_as_another_language_is_still_read(extractor, doc_from) -> None:  # type: ignore[no-untyped-def]
    """A detector's slip (English taken for Italian) must not silently drop the events."""
    text = (
        "Foreign Minister Anna Lindqvist of Sweden held talks with Japanese Foreign "
        "Minister Kenji Arakawa in Tokyo on May 4. The two ministers discussed trade."
    )
    events = extractor.extract(doc_from(text, published="2023-05-05", language="it"))
    assert [e.type for e in events if e.type == "MEET"] == ["MEET"]


def test_french_text_gives_no_english_events(extractor, doc_from) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre suédois des Affaires étrangères a rencontré son homologue japonais "
        "à Tokyo le 4 mai, et les deux parties ont signé un accord de coopération."
    )
    assert extractor.extract(doc_from(text, published="2023-05-05", language="fr")) == ()
