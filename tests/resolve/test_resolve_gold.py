"""Quality gate on the gold annotations: canonical names of simulated mentions.

Every gold participant's name and aliases become separate mentions (resolve_gold);
the fraction whose canonical name matches the gold name (the scorer's
``canonical_match``) must stay above pinned floors, and no entity may hold two
different gold people. Mentions of bodies the gold lists as participants (role
"agency") are organisations, resolved by the organisation rules, and are left out.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from resolve_gold import GoldMention, gold_events

from communique.records import Event
from communique.resolve import resolve

#: Pinned floors (measured 1.00 seeds, 1.00 dev_pages, 0.98 dev_news when written).
FLOORS = {"seeds": 0.95, "dev_pages": 0.90, "dev_news": 0.90}


@pytest.fixture(scope="module")
def scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "communique_gold_score", shared / "eval" / "score.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _people(
    events: list[Event], answers: list[GoldMention]
) -> tuple[list[Event], list[GoldMention]]:
    keep = [i for i, a in enumerate(answers) if a.gold.get("role") != "agency"]
    return [events[i] for i in keep], [answers[i] for i in keep]


def _accuracy(out: tuple[Event, ...], answers: list[GoldMention], scorer: ModuleType) -> float:
    hits = sum(
        scorer.canonical_match(e.participants[0].name or "", a.gold) for e, a in zip(out, answers)
    )
    return hits / len(answers)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_canonical_names_meet_the_floor(name: str, shared: Path, scorer: ModuleType) -> None:
    events, answers = _people(*gold_events(shared / "gold" / f"{name}.jsonl"))
    out, _ = resolve(events)
    assert _accuracy(out, answers, scorer) >= FLOORS[name]


def test_no_entity_holds_two_gold_people(shared: Path, scorer: ModuleType) -> None:
    events: list[Event] = []
    answers: list[GoldMention] = []
    for name in sorted(FLOORS):
        more_events, more_answers = _people(*gold_events(shared / "gold" / f"{name}.jsonl"))
        events += more_events
        answers += more_answers
    out, entities = resolve(events)
    people: dict[str, set[str]] = {}
    for event, answer in zip(out, answers):
        if event.participants[0].entity_id:
            people.setdefault(event.participants[0].entity_id, set()).add(str(answer.gold["name"]))
    assert [sorted(v) for v in people.values() if len(v) > 1] == []
    assert _accuracy(out, answers, scorer) >= 0.95
    patrushev = [e for e in entities if e.type == "person" and "Patrushev" in e.name]
    assert len(patrushev) == 1 and patrushev[0].name == "Nikolai Patrushev"
