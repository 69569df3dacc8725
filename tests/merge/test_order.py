"""Order- and batch-independence: the same records and ids whatever the order of
the input and however it is split into batches (Hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.merge import EventIndex, merge
from communique.records import Document, Event, OffsetMap


def _docs(gold: Any) -> list[Document]:
    return [
        Document(d, d, "txt", "", "", OffsetMap(), "", published=p)
        for d, p in gold.published.items()
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_shuffled_and_batched_inputs_give_the_same_records(
    data: st.DataObject, seeds_gold: Any, dev_gold: Any
) -> None:
    events = list(seeds_gold.events + dev_gold.events)
    docs = _docs(seeds_gold) + _docs(dev_gold)
    expected = merge(events, docs)
    shuffled: list[Event] = data.draw(st.permutations(events))
    assert merge(shuffled, list(reversed(docs))) == expected
    cuts = sorted(data.draw(st.sets(st.integers(1, len(events) - 1), max_size=6)))
    index = EventIndex()
    index.add([], docs)
    start = 0
    for cut in cuts + [len(events)]:
        index.add(shuffled[start:cut])
        if data.draw(st.booleans()):
            index.records()  # intermediate reads must not change the final result
        start = cut
    assert index.records() == expected


def test_adding_the_same_events_again_changes_nothing(seeds_gold: Any) -> None:
    index = EventIndex()
    index.add(seeds_gold.events, _docs(seeds_gold))
    first = index.records()
    index.add(seeds_gold.events)
    assert index.records() == first and len(index) == len(seeds_gold.events)
