"""Fixtures of the merge tests: per-document events built from the gold annotations at test time (never copied
into the repository), and the measures of a merge against the gold clusters."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from communique.records import Event, Location, Organization, Participant, Source, stable_id


@dataclass(frozen=True)
class GoldSet:
    """Events built from one gold file, and the gold cluster of each report."""

    events: tuple[Event, ...]
    cluster_of: dict[tuple[str, int], str]  # (doc_id, source start) -> gold cluster
    optional: frozenset[str]  # clusters any of whose reports is optional
    published: dict[str, str | None]


def _participants(ge: dict[str, Any]) -> tuple[Participant, ...]:
    out = []
    for p in ge.get("participants") or []:
        name = p.get("name")
        if name:
            mention = (p.get("aliases") or [name])[0]
            out.append(
                Participant(name, mention, p.get("role"), p.get("country"), stable_id("ent", name))
            )
        else:
            out.append(Participant(None, None, p.get("role"), p.get("country")))
    covered = {p.country for p in out}
    out += [Participant(None, None, None, c) for c in ge.get("parties") or [] if c not in covered]
    return tuple(out)


def gold_events(path: Path) -> GoldSet:
    """Every gold event and planned event of ``path`` as a per-document Event whose
    participants carry their gold name as resolved name and a fake entity id."""
    events, cluster_of, optional, published = [], {}, set(), {}
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        doc_id = doc["doc_id"]
        published[doc_id] = doc.get("published")
        rows = [(e, "occurred") for e in doc.get("events") or []]
        rows += [(e, "planned") for e in doc.get("planned") or []]
        for i, (ge, status) in enumerate(rows):
            loc = ge.get("location") or {}
            start = 1000 * i
            evidence = ge.get("evidence") or ""
            events.append(
                Event(
                    event_id=stable_id("ev", [doc_id, i]),
                    type=ge["type"],
                    status=status,  # type: ignore[arg-type]
                    date=ge.get("date"),
                    location=Location(loc.get("city"), loc.get("country"))
                    if loc.get("city") or loc.get("country")
                    else None,
                    participants=_participants(ge),
                    organizations=tuple(
                        Organization(o["name"], o.get("country"))
                        for o in ge.get("organizations") or []
                    ),
                    agreement=ge.get("agreement"),
                    sources=(Source(doc_id, evidence, start, start + len(evidence)),),
                )
            )
            cluster = ge.get("cluster") or f"{doc_id}#{i}"
            cluster_of[(doc_id, start)] = f"{status}:{cluster}"
            if ge.get("optional"):
                optional.add(f"{status}:{cluster}")
    return GoldSet(tuple(events), cluster_of, frozenset(optional), published)


@dataclass(frozen=True)
class MergeScore:
    multi_clusters: int
    merged_ok: int
    overmerged: tuple[str, ...]
    split: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.merged_ok / self.multi_clusters if self.multi_clusters else 1.0


def score_merge(gold: GoldSet, records: Sequence[Event]) -> MergeScore:
    """Merge recall over clusters reported by two or more documents (optional ones
    excluded, as the scorer does) and records mixing two gold clusters."""
    record_of: dict[tuple[str, int], str] = {}
    over = []
    for rec in records:
        clusters = {gold.cluster_of[(s.doc_id, s.start)] for s in rec.sources}
        for s in rec.sources:
            record_of[(s.doc_id, s.start)] = rec.event_id
        if len(clusters) > 1:
            over.append(" + ".join(sorted(clusters)))
    docs_of: dict[str, set[str]] = {}
    for (doc_id, _), c in gold.cluster_of.items():
        docs_of.setdefault(c, set()).add(doc_id)
    multi = [c for c, ds in docs_of.items() if len(ds) >= 2 and c not in gold.optional]
    ok, split = 0, []
    for c in multi:
        recs = {record_of[k] for k, cc in gold.cluster_of.items() if cc == c}
        if len(recs) == 1:
            ok += 1
        else:
            split.append(c)
    return MergeScore(len(multi), ok, tuple(over), tuple(sorted(split)))


@pytest.fixture(scope="session")
def seeds_gold(shared: Path) -> GoldSet:
    return gold_events(shared / "gold" / "seeds.jsonl")


@pytest.fixture(scope="session")
def dev_gold(shared: Path) -> GoldSet:
    return gold_events(shared / "gold" / "dev_pages.jsonl")


@pytest.fixture(scope="session")
def merge_score() -> Callable[[GoldSet, Sequence[Event]], MergeScore]:
    """The merge measure (a fixture, so test modules need no helper imports)."""
    return score_merge
