"""Choosing a front-end by the document's language."""

from __future__ import annotations

from communique.extract.languages import front_end_for
from communique.records import Document, OffsetMap, content_hash


class _Stub:
    def drafts(self, doc: Document, deadline: float) -> list:  # type: ignore[type-arg]
        return []


def _doc(language: str | None) -> Document:
    return Document("d", "d.txt", "txt", "x", "x", OffsetMap.identity(1), content_hash("x"), language=language)


def test_front_end_for_language() -> None:
    ru, vi = _Stub(), _Stub()
    table = (("ru", ru), ("vi", vi))
    assert front_end_for(_doc("ru"), table) is ru
    assert front_end_for(_doc("vi"), table) is vi
    assert front_end_for(_doc("en"), table) is None
    assert front_end_for(_doc(None), table) is None
