"""Any Event survives a trip through the database unchanged (Hypothesis)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.records import (
    Event,
    Inference,
    Location,
    Organization,
    Participant,
    Source,
)
from communique.store import Store

text = st.text(max_size=30)
maybe = st.none() | text
iso3 = st.none() | st.sampled_from(["VNM", "RUS", "KEN", "IDN", "CHL"])

participants = st.builds(Participant, maybe, maybe, maybe, iso3, maybe)
organizations = st.builds(Organization, text, iso3, maybe, maybe)
sources = st.builds(Source, text, text, st.integers(0, 10**6), st.integers(0, 10**6))
inferences = st.builds(Inference, st.sampled_from(["date", "location"]), text, text)
locations = st.none() | st.builds(Location, text, iso3)

events = st.builds(
    Event,
    event_id=st.from_regex(r"ev_[0-9a-f]{16}", fullmatch=True),
    type=st.sampled_from(["MEET", "VISIT", "SIGN"]),
    status=st.sampled_from(["occurred", "planned"]),
    date=st.none() | st.sampled_from(["2017-07-25", "2017-07", "2017", "--07-25", "--07"]),
    location=locations,
    participants=st.lists(participants, max_size=3).map(tuple),
    organizations=st.lists(organizations, max_size=2).map(tuple),
    agreement=maybe,
    topics=st.lists(text, max_size=3).map(tuple),
    sources=st.lists(sources, max_size=3).map(tuple),
    story_index=st.none() | st.integers(0, 5),
    inferred=st.lists(inferences, max_size=2).map(tuple),
    disagreements=st.lists(text, max_size=2).map(tuple),
    related=st.lists(text, max_size=2).map(tuple),
)


def _normalise(event: Event) -> Event:
    """A location with neither name nor country is stored as no location."""
    loc = event.location
    if loc is not None and loc.name is None and loc.country is None:
        return replace(event, location=None)
    return event


@settings(max_examples=60, deadline=None)
@given(st.lists(events, max_size=4, unique_by=lambda e: e.event_id))
def test_merged_events_round_trip(
    tmp_path_factory: pytest.TempPathFactory, batch: list[Event]
) -> None:
    path = tmp_path_factory.mktemp("codec") / "c.db"
    with Store.open(path) as store:
        store.replace_merged_events(batch)
        assert list(store.iter_events("merged")) == [_normalise(e) for e in batch]
