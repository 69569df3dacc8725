"""The mentions resolution clusters (:class:`Node`) and the union-find over them.

Nodes are numbered in a content-only order, so clustering never depends on the
order of the input; every union records its reason and confidence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from communique.records import Entity, Event
from communique.resolve.names import PersonName, parse_name, uses_loose_key

#: What a mention says besides its name: (mention, role, country, stored entity id).
Facts = tuple[str | None, str | None, str | None, str | None]


@dataclass(frozen=True, slots=True)
class Node:
    """One person mention: an event participant (``slot``) or a known entity's alias."""

    nid: int
    slot: tuple[int, int] | None  # (event index, participant index)
    doc: str  # document id, or "known:<entity_id>"
    date: str | None
    raw: str | None
    mention: str | None
    role: str | None
    country: str | None
    name: PersonName | None
    known: str | None = None  # the stored entity this node belongs to (alias or earlier run)
    keys: tuple[str, ...] = ()  # name keys in the mode the country calls for
    loose: tuple[str, ...] = ()  # transliteration-aware keys (to compare across modes)
    sig: tuple[str, ...] = ()  # keys in order with middle initials (PersonName.signature)

    @property
    def is_full(self) -> bool:
        """Two or more name words (after titles, initials and patronymic)."""
        return len(self.keys) >= 2

    @property
    def name_key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Keys plus middle initials: full names with equal ``name_key`` are one name
        ("Ivan P. Sokolov" is not yet "Ivan Sokolov": the dropped-middle rule decides)."""
        return self.keys, tuple(w for w in self.sig[1:-1] if len(w) == 1)


@dataclass
class Clusters:
    """Union-find over nodes with the reasons each union was made (local to one run)."""

    parent: dict[int, int] = field(default_factory=dict)
    reasons: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))

    def find(self, x: int) -> int:
        """The representative of ``x``'s cluster (smallest node id: order-free)."""
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int, reason: str | None = None) -> None:
        """Join two clusters, recording why (nothing is recorded when they are one
        already, so a re-run over resolved events adds no reasons)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        lo, hi = min(ra, rb), max(ra, rb)
        self.parent[hi] = lo
        self.reasons[lo].extend(self.reasons.pop(hi, []))
        if reason:
            self.reasons[lo].append(reason)

    def groups(self, nodes: Iterable[Node]) -> dict[int, list[Node]]:
        """Current clusters: representative -> nodes."""
        out: dict[int, list[Node]] = defaultdict(list)
        for node in nodes:
            out[self.find(node.nid)].append(node)
        return out


def _node(
    slot: tuple[int, int] | None,
    doc: str,
    date: str | None,
    text: str | None,
    facts: Facts,
    parsed: dict[str | None, PersonName | None],
) -> Node:
    """A node with its keys computed once; ``facts`` = (mention, role, country, known id);
    ``parsed`` memoises names within one run (the same spellings recur)."""
    mention, role, country, known = facts
    if text not in parsed:
        parsed[text] = parse_name(text)
    name = parsed[text]
    mode = uses_loose_key(name, country) if name else False
    keys = name.keys(mode) if name else ()
    loose = name.keys(True) if name else ()
    sig = name.signature(mode) if name else ()
    return Node(-1, slot, doc, date, text, mention, role, country, name, known, keys, loose, sig)


def _sort_key(node: Node) -> tuple[str, ...]:
    fields = (node.doc, node.raw, node.mention, node.role, node.country, node.date, node.known)
    return tuple("" if v is None else v for v in fields)


def build_nodes(events: Sequence[Event], known: Sequence[Entity]) -> list[Node]:
    """Every person mention as a node: participants, and the aliases and offices of
    stored entities; numbered in a content-only order."""
    drafts: list[Node] = []
    parsed: dict[str | None, PersonName | None] = {}
    stored = {e.entity_id for e in known if e.type == "person"}
    for ei, event in enumerate(events):
        doc = event.sources[0].doc_id if event.sources else f"event:{event.event_id}"
        for pi, p in enumerate(event.participants):
            # a participant resolved in an earlier run stays with its stored entity
            pinned = p.entity_id if p.entity_id in stored else None
            facts: Facts = (p.mention, p.role, p.country, pinned)
            drafts.append(_node((ei, pi), doc, event.date, p.name or p.mention, facts, parsed))
    for entity in known:
        if entity.type != "person":
            continue
        doc = f"known:{entity.entity_id}"
        for alias in sorted({entity.name, *entity.aliases}):
            drafts.append(
                _node(
                    None, doc, None, alias, (alias, None, entity.country, entity.entity_id), parsed
                )
            )
        for office, first, last in entity.offices:
            dates: list[str | None] = [*sorted({d for d in (first, last) if d})] or [None]
            for date in dates:
                facts = (None, office, entity.country, entity.entity_id)
                drafts.append(_node(None, doc, date, entity.name, facts, parsed))
    drafts.sort(key=_sort_key)
    return [replace(node, nid=nid) for nid, node in enumerate(drafts)]
