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

#: Confidence of a merge by equal key and by a defined acronym.
KEY_CONFIDENCE, ACRONYM_CONFIDENCE = 0.95, 0.85


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


def resolve_organizations(
    events: Sequence[Event], known: Sequence[Entity], lexicon: Lexicon
) -> tuple[tuple[Event, ...], tuple[Entity, ...]]:
    """Give every organisation its canonical name and entity id; return the org entities."""
    groups: dict[_OrgGroup, list[str]] = defaultdict(list)
    reasons: dict[_OrgGroup, list[str]] = defaultdict(list)
    known_ids: dict[_OrgGroup, Entity] = {}
    for entity in sorted((e for e in known if e.type == "organization"), key=lambda e: e.entity_id):
        parsed = parse_org(entity.name, entity.country, lexicon)
        group = _OrgGroup(entity.country, parsed.words)
        known_ids.setdefault(group, entity)
        groups[group].extend([entity.name, *entity.aliases])
    full = sorted(
        {o for e in events for o in e.organizations}, key=lambda o: (o.name, o.country or "")
    )
    for org in full:
        if not parse_org(org.name, org.country, lexicon).is_acronym:
            groups[_OrgGroup(org.country, parse_org(org.name, org.country, lexicon).words)].append(
                org.name
            )
    resolved: dict[Organization, _OrgGroup] = {}
    for org in full:
        found = _group_of(org, lexicon, groups)
        if found is None:
            group = _OrgGroup(org.country, frozenset({org.name.upper()}))
            groups[group].append(org.name)
        else:
            group = found
        if found is not None and parse_org(org.name, org.country, lexicon).is_acronym:
            groups[group].append(org.name)
            reasons[group].append(
                f"{org.name!r}: acronym of the name (confidence {ACRONYM_CONFIDENCE})"
            )
        resolved[org] = group
    entities = {
        g: _org_entity(g, names, reasons[g], known_ids.get(g), groups)
        for g, names in groups.items()
    }
    out_events = tuple(
        replace(
            e,
            organizations=tuple(
                replace(
                    o,
                    name=entities[resolved[o]].name,
                    entity_id=entities[resolved[o]].entity_id,
                    mention=o.mention or o.name,
                )
                for o in e.organizations
            ),
        )
        if e.organizations
        else e
        for e in events
    )
    return out_events, tuple(sorted(entities.values(), key=lambda x: x.entity_id))


def _org_entity(
    group: _OrgGroup,
    names: list[str],
    reasons: list[str],
    known: Entity | None,
    groups: dict[_OrgGroup, list[str]],
) -> Entity:
    counts = Counter(
        " ".join(re.sub(r"\([^)]*\)", " ", n).split()) for n in names if not n.isupper()
    )
    if known is not None:
        name, entity_id = known.name, known.entity_id
    else:
        # the most used wording; on ties the one starting with its head noun, then the shortest
        name = (
            max(
                counts,
                key=lambda n: (
                    counts[n],
                    n.split()[0].lower() in {"ministry", "council", "committee"},
                    -len(n),
                    n,
                ),
            )
            if counts
            else names[0]
        )
        entity_id = org_entity_id(group.words, group.country)
    merge = list(reasons)
    variants = sorted(set(names) - {name})
    if variants:
        merge.append(
            f"same country and key words {sorted(group.words)}: {variants} (confidence {KEY_CONFIDENCE})"
        )
    for other in sorted(groups, key=lambda g: sorted(g.words)):
        extra = group.words - other.words
        if (
            other.country == group.country
            and other.words
            and other.words < group.words
            and extra <= ORG_SUBUNITS
        ):
            merge.append(
                f"kept apart from {groups[other][0]!r}: may be its {'/'.join(sorted(extra))} (doubt)"
            )
    return Entity(
        entity_id=entity_id,
        type="organization",
        name=name,
        country=group.country,
        aliases=tuple(sorted((set(names) | set(known.aliases if known else ())) - {name})),
        merge_reasons=tuple(dict.fromkeys((*(known.merge_reasons if known else ()), *merge))),
    )
