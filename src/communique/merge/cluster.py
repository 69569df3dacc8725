"""Grouping reports into events, conservatively and independently of input order.

Two phases over one connected group of reports (nodes named by their sorted keys):

1. **Complete linkage on firm links.** Firm links are taken best first (score, then
   keys, so ties never depend on input order); two clusters join only when every
   pair across them is linked. A chain of links (A~B, B~C) therefore never joins
   A and C when A and C contradict each other (two different visits of one person).
2. **Unambiguous attachment on any link.** Clusters whose possible partners
   (every cross pair linked, firm or weak) are exactly one another — each one's
   neighbourhood is the same set, and that set is completely linked — become one.
   A year-less "July 25" report joins the 2017-07-25 cluster when that is the only
   one it fits, and stays alone when it fits the 2017 and the 2019 talks alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from communique.merge.compare import Link

Pair = tuple[str, str]


def _pair(a: str, b: str) -> Pair:
    return (a, b) if a < b else (b, a)


def _complete(x: frozenset[str], y: frozenset[str], links: Mapping[Pair, Link]) -> bool:
    """True when every member of ``x`` is linked to every member of ``y``."""
    return all(_pair(a, b) in links for a in x for b in y)


def _firm_phase(nodes: Sequence[str], links: Mapping[Pair, Link]) -> dict[str, frozenset[str]]:
    """Complete-linkage agglomeration over firm links, best first."""
    owner = {n: frozenset({n}) for n in nodes}
    firm = sorted(
        (p for p, lk in links.items() if lk.strength == "firm"),
        key=lambda p: (-links[p].score, p),
    )
    for a, b in firm:
        x, y = owner[a], owner[b]
        if x is y or x == y or not _complete(x, y, links):
            continue
        joined = x | y
        for n in joined:
            owner[n] = joined
    return owner


def _candidates(
    clusters: set[frozenset[str]], owner: Mapping[str, frozenset[str]], links: Mapping[Pair, Link]
) -> dict[frozenset[str], set[frozenset[str]]]:
    """For each cluster, the other clusters it could join completely."""
    cands: dict[frozenset[str], set[frozenset[str]]] = {c: set() for c in clusters}
    for a, b in links:
        x, y = owner[a], owner[b]
        if x != y and y not in cands[x] and _complete(x, y, links):
            cands[x].add(y)
            cands[y].add(x)
    return cands


def cluster(nodes: Sequence[str], links: Mapping[Pair, Link]) -> list[tuple[str, ...]]:
    """Group ``nodes`` (report keys) using ``links`` (keyed by sorted key pairs);
    returns clusters as sorted key tuples, sorted. The result depends only on the
    set of nodes and links, never on their order."""
    owner = _firm_phase(sorted(nodes), links)
    clusters = set(owner.values())
    cands = _candidates(clusters, owner, links)
    hood = {x: frozenset({x} | c) for x, c in cands.items()}
    out: set[tuple[str, ...]] = set()
    for x, group in hood.items():
        agreed = len(group) > 1 and all(hood[y] == group for y in group)
        members = frozenset().union(*group) if agreed else x
        if agreed and not all(_pair(a, b) in links for a in members for b in members if a < b):
            members = x  # the clusters fit one another only in part: keep apart
        out.add(tuple(sorted(members)))
    return sorted(out)
