"""Find stored entities by any spelling (the library behind ``communique who``).

Why keys again: a user types "kuznecov", "Kuznetsov", "Кузнецов" or "Tran Van Binh" without
diacritics and expects the one person; the same transliteration-aware keys that
resolution uses make all of these meet.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from communique.records import Entity
from communique.resolve.lexicon import fold
from communique.resolve.names import parse_name


def _query_keys(query: str) -> tuple[str, ...]:
    words = [w[:1].upper() + w[1:] for w in query.split()]
    parsed = parse_name(" ".join(words))
    return parsed.keys(True) if parsed else ()


def _form_keys(form: str) -> tuple[str, ...]:
    parsed = parse_name(form)
    return parsed.keys(True) if parsed else ()


def matches(entity: Entity, query: str) -> bool:
    """Whether ``query`` names ``entity``: equal keys, a surname or given name alone,
    or a subset of a fuller form; else a diacritics-free substring of a name."""
    want = _query_keys(query)
    forms = (entity.name, *entity.aliases)
    for form in forms:
        keys = _form_keys(form)
        if not want or not keys:
            continue
        if want == keys or (len(want) >= 2 and set(want) <= set(keys)):
            return True
        if len(want) == 1 and len(keys) >= 2 and want[0] in (keys[0], keys[-1]):
            return True
    needle = fold(query)
    return bool(needle) and any(needle in fold(f) for f in forms) and len(needle) >= 4


def find_entities(
    entities: Iterable[Entity], query: str, kind: str | None = "person"
) -> tuple[Entity, ...]:
    """Entities of ``kind`` (all kinds when None) that ``query`` names, by id."""
    found = [e for e in entities if (kind is None or e.type == kind) and matches(e, query)]
    return tuple(sorted(found, key=lambda e: e.entity_id))


def entity_json(entity: Entity) -> dict[str, Any]:
    """An entity as a JSON object (the ``entities --format jsonl`` and ``who --format json`` shape)."""
    return {
        "entity_id": entity.entity_id,
        "type": entity.type,
        "name": entity.name,
        "country": entity.country,
        "aliases": list(entity.aliases),
        "offices": [{"office": o, "first": f, "last": last} for o, f, last in entity.offices],
        "merge_reasons": list(entity.merge_reasons),
    }
