"""resolve stage (see :mod:`communique.pipeline`): canonical people, organisations and
places across documents, with aliases, offices over time and the reason for every merge.

Modules: :mod:`~communique.resolve.names` (transliteration, name order, name keys),
:mod:`~communique.resolve.people` (clustering mentions into persons, precision first),
:mod:`~communique.resolve.orgs` (organisation keys and synonyms),
:mod:`~communique.resolve.offices` (offices over time, who held an office when),
:mod:`~communique.resolve.entities` (entity records and stable ids),
:mod:`~communique.resolve.lexicon` (the word lists, built once per call).
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.records import Entity, Event
from communique.resolve.entities import person_entities, place_entities
from communique.resolve.lexicon import Lexicon
from communique.resolve.nodes import build_nodes
from communique.resolve.offices import who_held
from communique.resolve.orgs import resolve_organizations
from communique.resolve.people import cluster_people

__all__ = ["Lexicon", "resolve", "who_held"]


def resolve(
    events: Sequence[Event], known: Sequence[Entity] = (), lexicon: Lexicon | None = None
) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """Canonical names and entity ids for every participant and organisation, and the
    entities (persons, organisations, places) behind them.

    Why one call over all events: a name is resolved by evidence from other
    documents (a full name elsewhere, the same office held then). ``known`` are the
    entities already stored: they keep their ids and absorb new aliases, so
    documents can be added without re-running everything. The result does not
    depend on the order of ``events``; events come back in the order given.
    """
    lexicon = lexicon or Lexicon.load()
    nodes = build_nodes(events, known)
    clusters = cluster_people(nodes, lexicon)
    named, people = person_entities(events, nodes, clusters, known, lexicon)
    named, orgs = resolve_organizations(named, known, lexicon)
    places = place_entities(named, known)
    entities = sorted((*people, *orgs, *places), key=lambda e: (e.type, e.entity_id))
    return named, tuple(entities)
