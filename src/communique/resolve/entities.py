"""Entity records from clusters: canonical names, aliases, offices, stable ids; places.

Ids are hashes of a stable key (country + transliteration-aware key of the canonical
name), so they do not depend on input order or on which spelling wins; an entity
already stored keeps its id when it absorbs new aliases.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from communique.records import Entity, Event, Participant, stable_id
from communique.resolve.lexicon import Lexicon, fold
from communique.resolve.names import PersonName, parse_name
from communique.resolve.nodes import Clusters, Node
from communique.resolve.offices import OfficeSighting, merge_offices, offices_over_time
from communique.resolve.people import middle_fits


def _shown(name: PersonName) -> str:
    """A name as displayed; a given name with a patronymic and no surname keeps both."""
    return name.full if name.patronymic and len(name.tokens) == 1 else name.display


def _completeness(name: PersonName) -> tuple[int, int]:
    """Whole name words first, then fewer initials: "Daniel Otieno Mwangi" is more
    complete than "Daniel O. Mwangi", and "Ivan Sokolov" than "Ivan P. Sokolov"."""
    sig = name.signature(False)
    initials = sum(1 for w in sig if len(w) == 1)
    return len(sig) - initials, -initials


def _canonical(members: Sequence[Node]) -> str | None:
    """The form most documents use among full names (Latin-script text first, then
    plain ASCII, then the most complete); a bare name only when no full name exists.
    Stored aliases are not documents: only reports count, as in a run from scratch."""
    named = [m for m in members if m.name is not None]
    full = [m for m in named if m.is_full] or named
    if not full:
        return None
    docs: dict[str, set[str]] = defaultdict(set)
    forms: dict[str, PersonName] = {}
    for m in full:
        assert m.name is not None
        if m.slot is not None:
            docs[_shown(m.name)].add(m.doc)
        forms.setdefault(_shown(m.name), m.name)
    return max(
        forms,
        key=lambda d: (
            len(docs[d]),
            not forms[d].cyrillic,
            d.isascii(),
            _completeness(forms[d]),
            len(forms[d].tokens),
            d,
        ),
    )


def _gives_way(stored: str, canonical: str | None) -> bool:
    """Whether a stored entity's name yields to this run's canonical name: a bare
    name to a full one, or a name to a fuller form of itself (a middle name found)."""
    old, new = parse_name(stored), parse_name(canonical)
    if new is None or len(new.keys(True)) < 2:
        return False
    if old is None or len(old.keys(True)) < 2:
        return True
    a, b = old.signature(True), new.signature(True)
    return middle_fits(a, b) and _completeness(new) > _completeness(old)


def _aliases(members: Sequence[Node], name: str) -> tuple[str, ...]:
    """Every spelling that names the person (descriptions such as "the Russian leader"
    are how a text referred to them, not names, and are left out)."""
    forms: set[str] = set()
    for m in members:
        if m.name is not None:
            forms.update((m.raw or "", _shown(m.name), m.name.full))
        if m.mention and m.mention != m.raw and parse_name(m.mention) is not None:
            forms.add(m.mention)
    return tuple(sorted(forms - {name, ""}))


def _person(
    root: int, members: Sequence[Node], uf: Clusters, stored: dict[str, Entity], lexicon: Lexicon
) -> Entity | None:
    known = sorted({m.known for m in members if m.known})
    canonical = _canonical(members)
    if canonical is None and not known:
        return None
    name = canonical or stored[known[0]].name
    if known and not _gives_way(stored[known[0]].name, canonical):
        name = stored[known[0]].name  # stable display; only a less complete name gives way
    countries = Counter(m.country for m in members if m.country)
    country = max(countries, key=lambda c: (countries[c], c)) if countries else None
    sightings = [OfficeSighting(m.role, m.date) for m in members if m.role and m.slot]
    offices = merge_offices(
        offices_over_time(sightings, country, lexicon),
        [o for k in known for o in stored[k].offices],
        country,
        lexicon,
    )
    earlier = [r for k in known for r in stored[k].merge_reasons]
    reasons = list(dict.fromkeys([*earlier, *uf.reasons.get(root, [])]))
    if len(known) > 1:
        reasons.append(f"absorbed stored entities {known[1:]} into {known[0]}")
    parsed = parse_name(name)
    key = " ".join(parsed.keys(True)) if parsed else fold(name)
    entity_id = known[0] if known else stable_id("per", {"country": country, "key": key})
    return Entity(
        entity_id=entity_id,
        type="person",
        name=name,
        country=country,
        aliases=_aliases(members, name),
        offices=offices,
        merge_reasons=tuple(reasons),
    )


def person_entities(
    events: Sequence[Event],
    nodes: Sequence[Node],
    uf: Clusters,
    known: Sequence[Entity],
    lexicon: Lexicon,
) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """Build person entities and write canonical names and ids into the participants."""
    stored = {e.entity_id: e for e in known}
    entities: dict[int, Entity] = {}
    for root, members in sorted(uf.groups(nodes).items()):
        entity = _person(root, members, uf, stored, lexicon)
        if entity is not None:
            entities[root] = entity
    entities = _split_id_collisions(entities)
    by_slot = {n.slot: entities.get(uf.find(n.nid)) for n in nodes if n.slot is not None}
    out = []
    for ei, event in enumerate(events):
        parts = []
        for pi, p in enumerate(event.participants):
            entity = by_slot.get((ei, pi))
            parts.append(p if entity is None else _named(p, entity))
        out.append(replace(event, participants=tuple(parts)))
    return tuple(out), tuple(sorted(entities.values(), key=lambda e: e.entity_id))


def _named(p: Participant, entity: Entity) -> Participant:
    """The participant under its entity's name and id; an unstated country is filled in."""
    return replace(
        p,
        name=entity.name,
        entity_id=entity.entity_id,
        mention=p.mention or p.name,
        country=p.country or entity.country,
    )


def _split_id_collisions(entities: dict[int, Entity]) -> dict[int, Entity]:
    """Two different clusters whose keys coincide get ids from their exact names instead."""
    count = Counter(e.entity_id for e in entities.values())
    return {
        r: e
        if count[e.entity_id] == 1
        else replace(
            e,
            entity_id=stable_id(
                "per", {"country": e.country, "name": fold(e.name), "aliases": list(e.aliases)}
            ),
        )
        for r, e in entities.items()
    }


def place_key(name: str, country: str | None) -> tuple[str | None, str]:
    """Places compare without diacritics, spaces or hyphens ("Ha Noi" = "Hanoi")."""
    return country, re.sub(r"[^a-z]", "", fold(name))


def place_entities(events: Sequence[Event], known: Sequence[Entity]) -> tuple[Entity, ...]:
    """One place entity per (country, place key) from event locations."""
    names: dict[tuple[str | None, str], Counter[str]] = defaultdict(Counter)
    stored: dict[tuple[str | None, str], Entity] = {}
    for entity in known:
        if entity.type == "place":
            for alias in (entity.name, *entity.aliases):
                stored.setdefault(place_key(alias, entity.country), entity)
    for event in events:
        loc = event.location
        if loc is not None and loc.name and re.search(r"\w", loc.name):
            names[place_key(loc.name, loc.country)][loc.name] += 1
    out = {}
    for key, counts in sorted(names.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
        old = stored.get(key)
        name = old.name if old else max(counts, key=lambda n: (counts[n], n.isascii(), n))
        entity_id = old.entity_id if old else stable_id("plc", {"country": key[0], "key": key[1]})
        aliases = set(counts) | set(old.aliases if old else ()) | ({old.name} if old else set())
        out[entity_id] = Entity(entity_id, "place", name, key[0], tuple(sorted(aliases - {name})))
    return tuple(sorted(out.values(), key=lambda e: e.entity_id))
