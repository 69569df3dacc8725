"""People: cluster every participant mention into persons, precision first.

Phases, each decided against the state the previous phase left (so the result does
not depend on input order):

1. full names with equal keys (and compatible countries) are one person; the same
   full name under different (or unstated) countries only when the offices agree;
2. full names of one country that differ only by a dropped middle name or a middle
   initial ("Daniel Mwangi" = "Daniel Otieno Mwangi", "Ivan P. Sokolov"), with no
   contradicting office; never for family-name-first countries, where every word
   tells people apart, and never when a short name fits two different longer ones;
3. a name known only from Cyrillic text joins the one person whose name has the
   same consonant skeleton (a Vietnamese name written in Russian);
4. a given name with a patronymic ("Ivan Petrovich") joins the one person with
   that given name and patronymic, else the one holding the same office then;
5. a bare name word ("Lam", "I. Sokolov") joins the one compatible full name in its
   document, else the one holding the same office in the same country then; a bare
   surname with no office joins the one person of the whole corpus with that surname
   (and a compatible country);
6. a description ("the Russian leader") joins the one person of its country with a
   compatible office in its document.

A mention that finds no single candidate stays apart: a wrong merge is worse than a
missed one. Candidates are looked up in indexes (:class:`View`), never by scanning
every cluster, so resolution stays near-linear in the number of mentions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from communique.resolve.lexicon import SURNAME_FIRST_COUNTRIES, Lexicon
from communique.resolve.names import loose_key, skeleton, uses_loose_key
from communique.resolve.nodes import Clusters, Node
from communique.resolve.offices import compatible, office_key, period, split_offices, within

#: Confidence of each kind of merge (recorded in Entity.merge_reasons).
CONF_SAME_KEY = 0.95
CONF_PARTIAL_IN_DOC = 0.9
CONF_PATRONYMIC = 0.9
CONF_PARTIAL_BY_OFFICE = 0.75
CONF_SKELETON = 0.7
CONF_COUNTRY_CONFLICT = 0.8
CONF_DESCRIPTION = 0.7
CONF_DROPPED_MIDDLE = 0.85
CONF_BARE_IN_CORPUS = 0.7

OfficeKey = frozenset[str]


@dataclass
class Offices:
    """Office keys of roles, computed once per (role, country) within one run."""

    lexicon: Lexicon
    memo: dict[tuple[str, str | None], tuple[OfficeKey, ...]] = field(default_factory=dict)

    def keys(self, role: str | None, country: str | None) -> tuple[OfficeKey, ...]:
        """The keys of every office ``role`` names."""
        if not role:
            return ()
        found = self.memo.get((role, country))
        if found is None:
            found = tuple(office_key(o, country, self.lexicon) for o in split_offices(role))
            self.memo[(role, country)] = found
        return found


@dataclass
class View:
    """The clusters at the start of a phase, with the indexes the phases look up."""

    groups: dict[int, list[Node]]
    offices: Offices
    by_edge: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_doc: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    named_in_doc: dict[tuple[str, str | None], set[int]] = field(
        default_factory=lambda: defaultdict(set)
    )
    countries: dict[int, str | None] = field(default_factory=dict)
    seen: dict[tuple[int, str | None], dict[OfficeKey, list[str | None]]] = field(
        default_factory=dict
    )
    periods: dict[tuple[int, str | None, OfficeKey], tuple[str | None, str | None] | None] = field(
        default_factory=dict
    )
    given: dict[int, set[tuple[str, str | None, str | None]]] = field(default_factory=dict)

    @classmethod
    def build(cls, nodes: Sequence[Node], uf: Clusters, offices: Offices) -> View:
        """Index full names by their first and last word keys, clusters by document."""
        view = cls(uf.groups(nodes), offices)
        for root, members in view.groups.items():
            for m in members:
                view.by_doc[m.doc].add(root)
                if m.name is not None:
                    view.named_in_doc[(m.doc, m.country)].add(root)
                if m.is_full:
                    for key in {m.keys[0], m.keys[-1], m.loose[0], m.loose[-1]}:
                        view.by_edge[key].add(root)
        return view

    def has_full(self, root: int) -> bool:
        """Whether the cluster has a full name."""
        return any(m.is_full for m in self.groups[root])

    def country(self, root: int) -> str | None:
        """The cluster's one country, or None when unstated or mixed."""
        if root not in self.countries:
            found = {m.country for m in self.groups[root] if m.country}
            self.countries[root] = found.pop() if len(found) == 1 else None
        return self.countries[root]

    def sightings(self, root: int, doc: str | None) -> dict[OfficeKey, list[str | None]]:
        """Office key -> dates seen, of the cluster's roles (only in ``doc`` when given)."""
        if (root, doc) not in self.seen:
            found: dict[OfficeKey, list[str | None]] = defaultdict(list)
            for m in self.groups[root]:
                if doc is None or m.doc == doc:
                    for key in self.offices.keys(m.role, m.country):
                        found[key].append(m.date)
            self.seen[(root, doc)] = found
        return self.seen[(root, doc)]

    def holds_office(self, root: int, node: Node, doc: str | None = None) -> bool:
        """Whether the cluster held an office compatible with ``node``'s role around
        its date (only the sightings in ``doc`` when given)."""
        for want in self.offices.keys(node.role, node.country):
            span = self.period(root, doc, want)
            if span is not None and within(node.date, *span):
                return True
        return False

    def period(
        self, root: int, doc: str | None, want: OfficeKey
    ) -> tuple[str | None, str | None] | None:
        """First and last date the cluster was seen in an office compatible with
        ``want`` (None when never), computed once per cluster: the sightings of a
        person reported in thousands of documents are read once, not per mention."""
        memo = (root, doc, want)
        if memo not in self.periods:
            seen = self.sightings(root, doc)
            dates = [d for key, ds in seen.items() if compatible(want, key) for d in ds]
            self.periods[memo] = period(dates) if dates else None
        return self.periods[memo]

    def given_names(self, root: int) -> set[tuple[str, str | None, str | None]]:
        """(given name key, patronymic key or None, country) of the cluster's full
        names, once per cluster."""
        if root not in self.given:
            self.given[root] = {
                (
                    m.loose[0],
                    loose_key(m.name.patronymic) if m.name and m.name.patronymic else None,
                    m.country,
                )
                for m in self.groups[root]
                if m.is_full
            }
        return self.given[root]


def _countries_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _why(node: Node, other: str, text: str, conf: float) -> str:
    return f"{node.raw!r} = {other!r}: {text} (confidence {conf})"


def _phase_full(nodes: Sequence[Node], uf: Clusters) -> None:
    by_key: dict[tuple[tuple[str, ...], ...], list[Node]] = defaultdict(list)
    for node in nodes:
        if node.is_full:
            by_key[node.name_key].append(node)
    for members in by_key.values():
        heads: dict[str, Node] = {}
        for m in members:
            if m.country:
                head = heads.setdefault(m.country, m)
                if m.raw != head.raw:
                    uf.union(
                        head.nid, m.nid, _why(m, head.raw or "", "same name key", CONF_SAME_KEY)
                    )
                else:
                    uf.union(head.nid, m.nid)
        unstated = [m for m in members if m.country is None]
        if not unstated:
            continue
        target = next(iter(heads.values())) if len(heads) == 1 else unstated[0]
        for m in unstated:
            why = "same name key, country unstated"
            uf.union(
                target.nid,
                m.nid,
                _why(m, target.raw or "", why, CONF_SAME_KEY) if m.raw != target.raw else None,
            )


def _share_office(view: View, a: int, b: int) -> bool:
    """Whether two clusters were reported in compatible offices (dates aside)."""
    keys_b = view.sightings(b, None)
    return any(compatible(ka, kb) for ka in view.sightings(a, None) for kb in keys_b)


def _phase_country_conflicts(nodes: Sequence[Node], uf: Clusters, view: View) -> None:
    """One full name under several countries (an extraction slip, or a mention without
    a country among several) is one person only when the offices agree."""
    roots_by_key: dict[tuple[tuple[str, ...], ...], set[int]] = defaultdict(set)
    for node in nodes:
        if node.is_full:
            roots_by_key[node.name_key].add(uf.find(node.nid))
    plans = []
    for roots in roots_by_key.values():
        ordered = sorted(roots)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if _share_office(view, a, b):
                    plans.append((a, b))
    why = "same full name, countries differ or unstated, compatible office"
    for a, b in plans:
        node = view.groups[b][0]
        uf.union(a, b, _why(node, view.groups[a][0].raw or "", why, CONF_COUNTRY_CONFLICT))


def _word_fits(a: str, b: str) -> bool:
    """One name word written as another: equal, or one is the other's initial."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def middle_fits(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two name signatures (:meth:`PersonName.signature`) are one name with a
    middle word dropped or written as its initial.

    ``Daniel Mwangi`` ~ ``Daniel Otieno Mwangi`` ~ ``Daniel O. Mwangi``; ``Ivan
    Sokolov`` ~ ``Ivan P. Sokolov``. First and last words must agree, and an initial
    in the shorter name pins its place: "George W. Bush" is not "George H. W. Bush".
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    mids = short[1:-1]
    if len(short) == len(long):
        return all(_word_fits(x, y) for x, y in zip(mids, long[1:-1], strict=True))
    if any(len(w) == 1 for w in mids):
        return False
    rest = iter(long[1:-1])
    return all(any(w == r for r in rest) for w in mids)


def _middle_forms(view: View) -> dict[int, set[tuple[str, ...]]]:
    """Signatures of each cluster's full names, for clusters of one stated country
    whose names are written given name first."""
    forms: dict[int, set[tuple[str, ...]]] = defaultdict(set)
    for root, members in view.groups.items():
        country = view.country(root)
        if country is None or country in SURNAME_FIRST_COUNTRIES:
            continue
        for m in members:
            if m.is_full and len(m.sig) >= 2 and m.country in (None, country):
                forms[root].add(m.sig)
    return forms


def _one_person(view: View, forms: dict[int, set[tuple[str, ...]]], a: int, b: int) -> bool:
    """Same country, names that differ by a middle word, no contradicting office."""
    if view.country(a) != view.country(b):
        return False
    if not any(middle_fits(x, y) for x in forms[a] for y in forms[b]):
        return False
    if view.sightings(a, None) and view.sightings(b, None):
        return _share_office(view, a, b)
    return True


def _phase_dropped_middle(uf: Clusters, view: View) -> None:
    """Full names of one country that differ by a dropped middle name (or a middle
    initial) are one person, when every cluster in the group fits every other: a
    short name that fits two different longer ones stays apart."""
    forms = _middle_forms(view)
    buckets: dict[tuple[str | None, str, str], set[int]] = defaultdict(set)
    for root, sigs in forms.items():
        for sig in sigs:
            buckets[(view.country(root), sig[0], sig[-1])].add(root)
    edges: set[tuple[int, int]] = set()
    local = Clusters()
    for bucket in buckets.values():
        ordered = sorted(bucket)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if (a, b) not in edges and _one_person(view, forms, a, b):
                    edges.add((a, b))
                    local.union(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for a in sorted({r for edge in edges for r in edge}):
        groups[local.find(a)].append(a)
    why = "same first and last name and country, a middle name dropped, no other office"
    for comp in groups.values():
        if all((a, b) in edges for i, a in enumerate(comp) for b in comp[i + 1 :]):
            for b in comp[1:]:
                node, other = view.groups[b][0], view.groups[comp[0]][0].raw or ""
                uf.union(comp[0], b, _why(node, other, why, CONF_DROPPED_MIDDLE))


def _phase_skeleton(nodes: Sequence[Node], uf: Clusters, view: View) -> None:
    by_skeleton: dict[tuple[str, ...], set[int]] = defaultdict(set)
    shapes = {k: tuple(skeleton(w) for w in k) for k in {m.keys for m in nodes if m.is_full}}
    for root, members in view.groups.items():
        for m in members:
            if m.is_full:
                by_skeleton[shapes[m.keys]].add(root)
    plans = []
    for root, members in sorted(view.groups.items()):
        full = [m for m in members if m.is_full]
        if not full or not all(m.name and m.name.cyrillic for m in full):
            continue
        country = view.country(root)
        cands: set[int] = set()
        for m in full:
            shape = shapes[m.keys]
            if all(shape):
                cands |= {
                    r
                    for r in by_skeleton[shape]
                    if r != root and _countries_ok(country, view.country(r))
                }
        if len(cands) == 1:
            (other,) = cands
            plans.append((other, root, full[0], view.groups[other][0].raw or ""))
    why = "same consonant skeleton across scripts, only candidate"
    for other, root, node, other_raw in plans:
        uf.union(other, root, _why(node, other_raw, why, CONF_SKELETON))


def _phase_patronymic(nodes: Sequence[Node], uf: Clusters, view: View) -> None:
    plans = []
    for node in nodes:
        if not (node.name and node.name.patronymic and len(node.keys) == 1):
            continue
        given, patr = node.loose[0], loose_key(node.name.patronymic)
        pool = {r for r in view.by_edge[given] if r != uf.find(node.nid)}
        cands = {
            r
            for r in pool
            if any(
                g == given and p == patr and _countries_ok(node.country, c)
                for g, p, c in view.given_names(r)
            )
        }
        why, conf = "same given name and patronymic", CONF_PATRONYMIC
        if not cands:
            cands = {
                r
                for r in pool
                if any(g == given for g, _, _ in view.given_names(r))
                and _countries_ok(node.country, view.country(r))
                and view.holds_office(r, node)
            }
            why, conf = (
                "same given name, same office and country in the period",
                CONF_PARTIAL_BY_OFFICE,
            )
        if len(cands) == 1:
            (root,) = cands
            plans.append((root, node, why, conf))
    for root, node, why, conf in plans:
        uf.union(root, node.nid, _why(node, view.groups[root][0].raw or "", why, conf))


def _partial_matches(node: Node, members: Sequence[Node], surname_only: bool = False) -> bool:
    """A full name in ``members`` whose first or last word is ``node``'s one word (with
    ``surname_only``: its last word, or its first for family-name-first countries)."""
    assert node.name is not None
    for m in members:
        if not m.is_full or not _countries_ok(node.country, m.country) or m.name is None:
            continue
        loose = uses_loose_key(node.name, node.country) or uses_loose_key(m.name, m.country)
        keys, mine = (m.loose, node.loose[0]) if loose else (m.keys, node.keys[0])
        if mine not in (keys[0], keys[-1]):
            continue
        if surname_only and mine != keys[-1] and m.country not in SURNAME_FIRST_COUNTRIES:
            continue
        if node.name.initials and not keys[0].startswith(node.name.initials[0][:1]):
            continue
        return True
    return False


def _partial_target(node: Node, view: View) -> tuple[int, str, float] | None:
    pool = view.by_edge[node.keys[0]] | view.by_edge[node.loose[0]]
    cands = sorted(r for r in pool if _partial_matches(node, view.groups[r]))
    in_doc = [r for r in cands if r in view.by_doc[node.doc]]
    if len(in_doc) == 1:
        return (
            in_doc[0],
            "partial name, the only compatible full name in its document",
            CONF_PARTIAL_IN_DOC,
        )
    if in_doc:  # several in the document: only the office stated there can tell them apart
        by_role = [r for r in in_doc if view.holds_office(r, node, node.doc)]
        why = "partial name, the only full name in its document holding that office"
        return (by_role[0], why, CONF_PARTIAL_IN_DOC) if len(by_role) == 1 else None
    by_office = [r for r in cands if view.holds_office(r, node)]
    if len(by_office) == 1:
        why = "partial name, the only one of its country holding that office then"
        return by_office[0], why, CONF_PARTIAL_BY_OFFICE
    if view.offices.keys(node.role, node.country):
        return None  # an office stated and nobody holding it: not enough evidence
    if len(cands) != 1:  # unique across the corpus, as a given name too
        return None
    by_name = [r for r in cands if _partial_matches(node, view.groups[r], surname_only=True)]
    if by_name and _countries_ok(node.country, view.country(by_name[0])):
        why = "bare surname without office, the only person of the corpus with that surname"
        return by_name[0], why, CONF_BARE_IN_CORPUS
    return None


def _phase_partial(nodes: Sequence[Node], uf: Clusters, view: View) -> None:
    plans = []
    for node in nodes:
        if node.name is None or node.is_full or node.name.patronymic or len(node.keys) != 1:
            continue
        if view.has_full(uf.find(node.nid)):
            continue
        target = _partial_target(node, view)
        if target is not None:
            plans.append((node, *target))
    for node, root, why, conf in plans:
        uf.union(root, node.nid, _why(node, view.groups[root][0].raw or "", why, conf))


def _phase_partial_leftovers(nodes: Sequence[Node], uf: Clusters, view: View) -> None:
    """Unresolved partial names with the same key and country are one person."""
    by_key: dict[tuple[object, ...], int] = {}
    for node in nodes:
        if node.name is None or node.is_full or view.has_full(uf.find(node.nid)):
            continue
        key = (node.country, node.keys, node.name.patronymic and loose_key(node.name.patronymic))
        if key in by_key:
            uf.union(by_key[key], node.nid)
        else:
            by_key[key] = node.nid


def _phase_description(nodes: Sequence[Node], uf: Clusters, view: View) -> None:
    plans = []
    for node in nodes:
        if node.name is not None or not node.raw or node.slot is None or not node.country:
            continue
        named_here = view.named_in_doc[(node.doc, node.country)]
        cands = [r for r in sorted(named_here) if view.holds_office(r, node, node.doc)]
        if len(cands) == 1:
            plans.append((cands[0], node))
    why = "description, the only person of its country with that office in its document"
    for root, node in plans:
        uf.union(root, node.nid, _why(node, view.groups[root][0].raw or "", why, CONF_DESCRIPTION))


def cluster_people(nodes: Sequence[Node], lexicon: Lexicon) -> Clusters:
    """Run the phases of the module docstring; return the clusters with their reasons."""
    uf = Clusters()
    offices = Offices(lexicon)
    first: dict[str, int] = {}
    for node in nodes:  # a stored entity's aliases are one person already
        if node.known is not None:
            uf.union(first.setdefault(node.known, node.nid), node.nid)
    _phase_full(nodes, uf)
    _phase_country_conflicts(nodes, uf, View.build(nodes, uf, offices))
    _phase_dropped_middle(uf, View.build(nodes, uf, offices))
    _phase_skeleton(nodes, uf, View.build(nodes, uf, offices))
    _phase_patronymic(nodes, uf, View.build(nodes, uf, offices))
    _phase_partial(nodes, uf, View.build(nodes, uf, offices))
    _phase_partial_leftovers(nodes, uf, View.build(nodes, uf, offices))
    _phase_description(nodes, uf, View.build(nodes, uf, offices))
    return uf
