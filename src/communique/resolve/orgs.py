"""Organisations: one entity per body, whatever the phrasing.

"Ministry of the Interior of Russia" = "Russia's Ministry of Home Affairs" =
"Ministry of Internal Affairs"; "Public Security Ministry" = "Ministry of Public
Security" = "MPS" where the text defines it. The key is (country, the set of the
name's content words after a small synonym table), so word order, country words
and filler do not matter, and a body's office ("Security Council Office") keeps its
own key.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from communique.records import Entity, Event, Organization, stable_id
from communique.resolve.lexicon import ORG_DROP, ORG_SUBUNITS, ORG_SYNONYMS, Lexicon, fold

#: Head nouns a body's name usually starts with, preferred for display (generic English).
ORG_HEADS = frozenset({"ministry", "council", "committee", "department", "office", "agency"})

#: Confidence of a merge by equal key, by a defined acronym, by key alone when the
#: mention states no country.
KEY_CONFIDENCE, ACRONYM_CONFIDENCE, UNSTATED_CONFIDENCE = 0.95, 0.85, 0.8


@dataclass(frozen=True, slots=True)
class OrgName:
    """A parsed organisation name: its key words, and acronyms it defines or is."""

    words: frozenset[str]
    acronyms: frozenset[str]  # "(MPS)" defined in the name, or the initials of its words
    is_acronym: bool  # the name is only an acronym ("MPS", "Lao MPS")


def parse_org(name: str, country: str | None, lexicon: Lexicon) -> OrgName:
    """Key words and acronyms of an organisation name (see the module docstring)."""
    defined = {m.upper() for m in re.findall(r"\(([A-Z][A-Za-z]{1,9})\)", name)}
    bare = re.sub(r"\([^)]*\)", " ", name)
    text = lexicon.strip_country(fold(bare), country)
    for old, new in ORG_SYNONYMS:
        text = re.sub(rf"\b{old}\b", new, text)
    ordered = [w for w in re.findall(r"[a-z]+", text) if w not in ORG_DROP and w != "s"]
    original_words = bare.split()
    stripped = [w for w in original_words if w.isupper() and len(w) >= 2]
    if len(ordered) == 1 and stripped and fold(stripped[-1]) == ordered[0]:
        return OrgName(frozenset(), frozenset({stripped[-1]}), True)
    initials = "".join(w[0] for w in ordered).upper()
    acronyms = defined | ({initials} if len(ordered) >= 2 else set())
    return OrgName(frozenset(ordered), frozenset(acronyms), False)


def org_entity_id(words: frozenset[str], country: str | None) -> str:
    """A stable id from the country and the key words (the same on every run)."""
    return stable_id("org", {"country": country, "key": sorted(words)})


@dataclass(frozen=True, slots=True)
class _OrgGroup:
    country: str | None
    words: frozenset[str]


def _group_of(
    org: Organization, lexicon: Lexicon, groups: dict[_OrgGroup, list[str]]
) -> _OrgGroup | None:
    parsed = parse_org(org.name, org.country, lexicon)
    if not parsed.is_acronym:
        return _OrgGroup(org.country, parsed.words)
    (acronym,) = parsed.acronyms
    matches = [
        g
        for g in groups
        if g.country == org.country
        and any(acronym in parse_org(n, g.country, lexicon).acronyms for n in set(groups[g]))
    ]
    return matches[0] if len(matches) == 1 else None


def _assign(
    org: Organization,
    lexicon: Lexicon,
    groups: dict[_OrgGroup, list[str]],
    reasons: dict[_OrgGroup, list[str]],
) -> _OrgGroup:
    """The group of one organisation mention (an acronym or an unstated country joins
    the only compatible group; otherwise it stays on its own)."""
    parsed = parse_org(org.name, org.country, lexicon)
    if parsed.is_acronym:
        found = _group_of(org, lexicon, groups)
        if found is None:
            return _OrgGroup(org.country, frozenset({org.name.upper()}))
        reasons[found].append(
            f"{org.name!r}: acronym of the name (confidence {ACRONYM_CONFIDENCE})"
        )
        return found
    group = _OrgGroup(org.country, parsed.words)
    if org.country is None:
        stated = [g for g in groups if g.words == parsed.words and g.country is not None]
        if len(stated) == 1:
            why = "same key words, country unstated, only candidate"
            reasons[stated[0]].append(f"{org.name!r}: {why} (confidence {UNSTATED_CONFIDENCE})")
            return stated[0]
    return group


def resolve_organizations(
    events: Sequence[Event], known: Sequence[Entity], lexicon: Lexicon
) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """Give every organisation its canonical name and entity id; return the org entities."""
    groups: dict[_OrgGroup, list[str]] = defaultdict(list)
    reasons: dict[_OrgGroup, list[str]] = defaultdict(list)
    known_ids: dict[_OrgGroup, Entity] = {}
    for entity in sorted((e for e in known if e.type == "organization"), key=lambda e: e.entity_id):
        parsed = parse_org(entity.name, entity.country, lexicon)
        words = frozenset({entity.name.upper()}) if parsed.is_acronym else parsed.words
        group = _OrgGroup(entity.country, words)
        known_ids.setdefault(group, entity)
        groups[group].extend([entity.name, *entity.aliases])
    mentions = sorted(
        {o for e in events for o in e.organizations}, key=lambda o: (o.name, o.country or "")
    )
    anchored = set()
    for org in mentions:  # full names with a stated country first: they anchor the rest
        parsed = parse_org(org.name, org.country, lexicon)
        if not parsed.is_acronym and org.country is not None:
            groups[_OrgGroup(org.country, parsed.words)].append(org.name)
            anchored.add(org)
    resolved: dict[Organization, _OrgGroup] = {}
    for org in mentions:
        resolved[org] = _assign(org, lexicon, groups, reasons)
    for org, group in resolved.items():
        if org not in anchored:
            groups[group].append(org.name)
    by_country: dict[str | None, dict[_OrgGroup, list[str]]] = defaultdict(dict)
    for g, names in groups.items():
        by_country[g.country][g] = names
    entities = {
        g: _org_entity(g, names, reasons[g], known_ids.get(g), by_country[g.country], lexicon)
        for g, names in groups.items()
    }
    return _rename(events, resolved, entities), tuple(
        sorted(entities.values(), key=lambda x: x.entity_id)
    )


def _rename(
    events: Sequence[Event],
    resolved: dict[Organization, _OrgGroup],
    entities: dict[_OrgGroup, Entity],
) -> tuple[Event, ...]:
    """The events with every organisation's canonical name and id (the mention kept)."""
    out = []
    for event in events:
        orgs = tuple(
            replace(
                o,
                name=entities[resolved[o]].name,
                entity_id=entities[resolved[o]].entity_id,
                mention=o.mention or o.name,
                country=o.country or entities[resolved[o]].country,
            )
            for o in event.organizations
        )
        out.append(replace(event, organizations=orgs) if orgs else event)
    return tuple(out)


def _org_display(counts: Counter[str], country: str | None, lexicon: Lexicon) -> str:
    """The most used wording; on ties one that starts with its head noun ("Ministry of
    ..."), then one that names its country, then the shortest."""

    def rank(n: str) -> tuple[int, bool, bool, int, str]:
        names_country = lexicon.strip_country(fold(n), country) != fold(n)
        return counts[n], n.split()[0].lower() in ORG_HEADS, names_country, -len(n), n

    return max(counts, key=rank)


def _org_entity(
    group: _OrgGroup,
    names: list[str],
    reasons: list[str],
    known: Entity | None,
    siblings: dict[_OrgGroup, list[str]],
    lexicon: Lexicon,
) -> Entity:
    counts = Counter(
        " ".join(re.sub(r"\([^)]*\)", " ", n).split()) for n in names if not n.isupper()
    )
    if known is not None:
        name, entity_id = known.name, known.entity_id
    else:
        name = _org_display(counts, group.country, lexicon) if counts else names[0]
        entity_id = org_entity_id(group.words, group.country)
    merge = list(reasons)
    variants = sorted(set(names) - {name})
    if variants:
        why = f"same country and key words {sorted(group.words)}"
        merge.append(f"{why}: {variants} (confidence {KEY_CONFIDENCE})")
    for other in sorted(siblings, key=lambda g: sorted(g.words)):
        extra = group.words - other.words
        if other.words and other.words < group.words and extra <= ORG_SUBUNITS:
            kind = "/".join(sorted(extra))
            merge.append(f"kept apart from {siblings[other][0]!r}: may be its {kind} (doubt)")
    return Entity(
        entity_id=entity_id,
        type="organization",
        name=name,
        country=group.country,
        aliases=tuple(sorted((set(names) | set(known.aliases if known else ())) - {name})),
        merge_reasons=tuple(dict.fromkeys((*(known.merge_reasons if known else ()), *merge))),
    )
