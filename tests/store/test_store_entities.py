"""Entities in the store: replacing the whole set drops absorbed entities."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from communique.pipeline import refresh_store
from communique.records import Document, Entity, Event, Participant, Source, stable_id
from communique.store import Store


def _person(entity_id: str, name: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(entity_id, "person", name, "NGA", aliases, (("Foreign Minister", None, None),))


def test_replace_entities_keeps_exactly_the_given_set(db_path: Path) -> None:
    a, b = _person("per_a", "Amara Okafor"), _person("per_b", "Chidi Okafor")
    with Store.open(db_path) as store:
        store.upsert_entities([a, b])
        merged = replace(a, aliases=("Amara C. Okafor",))
        store.replace_entities([merged])
        assert list(store.iter_entities()) == [merged]
        store.replace_entities([])
        assert list(store.iter_entities()) == []


def _event(doc: Document, name: str, entity_id: str) -> Event:
    who = Participant(name, name, "Foreign Minister", "NGA", entity_id)
    return Event(
        stable_id("ev", [doc.doc_id, name]),
        "MEET",
        "occurred",
        "2024-05-02",
        None,
        (who,),
        sources=(Source(doc.doc_id, doc.original[5:25], 5, 25),),
    )


def test_refresh_removes_an_entity_absorbed_into_another(
    db_path: Path, make_doc: Callable[..., Document]
) -> None:
    """Two stored spellings of one person (left apart by an earlier run) become one
    entity, and the absorbed row leaves the table."""
    d1 = make_doc("d1", "Talks in Abuja.\nThe ministers met on Thursday.")
    d2 = make_doc("d2", "Talks in Lagos.\nThe ministers met on Friday too.")
    long, short = _person("per_long", "Amara Chukwu Okafor"), _person("per_short", "Amara Okafor")
    with Store.open(db_path) as store:
        for doc, who in ((d1, long), (d2, short)):
            store.upsert_document(doc)
            store.replace_document_events(doc.doc_id, [_event(doc, who.name, who.entity_id)])
        store.upsert_entities([long, short])
        refresh_store(store)
        people = [e for e in store.iter_entities() if e.type == "person"]
        assert [e.entity_id for e in people] == ["per_long"]
        assert "Amara Okafor" in people[0].aliases
        ids = {p.entity_id for e in store.iter_events("document") for p in e.participants}
        assert ids == {"per_long"}
