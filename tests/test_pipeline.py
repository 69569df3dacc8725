"""The stage chain and the glue in communique.pipeline."""

from __future__ import annotations

import pytest

from communique.errors import PipelineError
from communique.pipeline import STAGES, Stage, check_chain, unique_ids
from communique.records import Event, Participant, Source


def _event(event_id: str, place: str) -> Event:
    return Event(
        event_id=event_id,
        type="VISIT",
        status="occurred",
        date="2024-06-20",
        location=None,
        participants=(Participant(place, place, None, None),),
        sources=(Source("d", "q", 0, 1),),
    )


def test_the_documented_chain_is_complete() -> None:
    check_chain(STAGES)


def test_a_stage_needing_what_nobody_sets_is_refused() -> None:
    broken = (*STAGES[:3], Stage("x", "nowhere", frozenset({"nothing-sets-this"}), frozenset()))
    with pytest.raises(PipelineError, match="nothing-sets-this"):
        check_chain(broken)


def test_colliding_event_ids_become_unique_and_stable() -> None:
    events = [
        _event("ev_a", "Hanoi"),
        _event("ev_a", "Pyongyang"),
        _event("ev_b", "x"),
        _event("ev_a", "y"),
    ]
    once = [e.event_id for e in unique_ids(events)]
    assert once == ["ev_a", "ev_a_2", "ev_b", "ev_a_3"]
    assert [e.event_id for e in unique_ids(events)] == once
