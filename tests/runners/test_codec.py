"""Records survive the partition codec exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.ingest import iter_documents
from communique.records import (
    Document,
    Event,
    Inference,
    Location,
    Organization,
    Participant,
    Rejection,
    Source,
)
from communique.runners.codec import CodecError, decode, encode
from communique.settings import Settings


def test_seed_documents_round_trip(seeds_dir: Path) -> None:
    docs = [d for d in iter_documents([seeds_dir], Settings()) if isinstance(d, Document)]
    assert len(docs) == 5
    for doc in docs:
        back = decode(Document, encode(doc))
        assert back == doc
        assert back.offsets.segments == doc.offsets.segments and back.provenance == doc.provenance


def test_event_with_every_field_round_trips() -> None:
    event = Event(
        event_id="ev_1",
        type="SIGN",
        status="planned",
        date="--07-25",
        location=Location("Ha Noi", "VNM"),
        participants=(
            Participant("A B", "B", "Minister", "RUS", "p_1"),
            Participant(None, None, None, None),
        ),
        organizations=(Organization("Ministry of X", None, "o_1", "the ministry"),),
        agreement="memorandum on “water”",
        topics=("drugs", "water"),
        sources=(Source("d1", "A quote.", 3, 11), Source("d2", "Another.", 0, 8)),
        story_index=2,
        inferred=(Inference("date", "2024-07-25", "d2"),),
        disagreements=("date",),
        related=("ev_2",),
    )
    assert decode(Event, encode(event)) == event
    no_location = Event("ev_2", "MEET", "occurred", None, None, ())
    assert decode(Event, encode(no_location)) == no_location
    rejection = Rejection("read", "bad-json", None, "f.jsonl:3", "line 3: invalid JSON")
    assert decode(Rejection, encode(rejection)) == rejection


def test_unknown_values_are_refused() -> None:
    with pytest.raises(CodecError):
        encode(Source("d", {"not": "a string"}, 0, 1))  # type: ignore[arg-type]
