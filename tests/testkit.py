"""Builders shared by the tests: records composed in code, never article text.

Importable as ``testkit`` from any test (``pythonpath = ["tests"]`` in pyproject).
"""

from __future__ import annotations

from typing import Any

from communique.records import (
    Document,
    Event,
    Location,
    OffsetMap,
    Organization,
    Participant,
    Source,
    Story,
    content_hash,
    stable_id,
)


def person(name: str | None, role: str | None = None, country: str | None = None) -> Participant:
    """A participant as extraction leaves it: the name as written is also the mention."""
    return Participant(name, name, role, country)


def meet(
    doc: str,
    *people: Participant,
    date: str | None = None,
    orgs: tuple[Organization, ...] = (),
    where: Location | None = None,
) -> Event:
    """A MEET event reported by document ``doc``, with a content-derived id."""
    key = [doc, date, [(p.name, p.role, p.country) for p in people], [o.name for o in orgs]]
    return Event(
        stable_id("evt", key),
        "MEET",
        "occurred",
        date,
        where,
        tuple(people),
        orgs,
        sources=(Source(doc, "quote", 0, 5),),
    )


def text_document(
    text: str,
    published: str | None = None,
    language: str | None = "en",
    doc_id: str = "t",
    origin: str | None = None,
) -> Document:
    """A Document whose clean text is its original (identity offsets), one story."""
    return Document(
        doc_id=doc_id,
        origin=origin or f"{doc_id}.txt",
        fmt="txt",
        original=text,
        clean=text,
        offsets=OffsetMap.identity(len(text)),
        content_hash=content_hash(text),
        published=published,
        language=language,
        stories=(Story(0, None, 0, len(text)),),
    )


def run(
    extractor: Any, doc_from: Any, text: str, published: str | None = "2022-05-20"
) -> list[Event]:
    """The events an Extractor finds in ``text`` built into a document by ``doc_from``."""
    return list(extractor.extract(doc_from(text, published)))


def of_type(events: list[Event], kind: str) -> list[Event]:
    """The events of one type (MEET, VISIT, SIGN), in order."""
    return [e for e in events if e.type == kind]


def names(e: Event) -> set[str]:
    """The participants' names ("" for an unnamed side)."""
    return {p.name or "" for p in e.participants}
