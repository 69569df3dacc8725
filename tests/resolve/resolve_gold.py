"""Build resolution inputs from the gold annotations at test time (no article text copied).

Each gold participant gives one event per spelling: its canonical name and every
alias, each as its own mention, so resolution sees the variants an extractor would
leave behind; the expected answer is the gold canonical name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from communique.records import Event, Location, Organization, Participant, Source, stable_id


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One simulated mention and the gold person it refers to."""

    doc_id: str
    mention: str
    gold: dict[str, object]


def gold_events(path: Path) -> tuple[list[Event], list[GoldMention]]:
    """Events (one participant each) and the gold answers, from one gold JSONL file."""
    events: list[Event] = []
    answers: list[GoldMention] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for kind in ("events", "planned"):
            for gi, ge in enumerate(doc.get(kind) or []):
                events.extend(_from_gold_event(doc["doc_id"], kind, gi, ge, answers))
    return events, answers


def _from_gold_event(
    doc_id: str, kind: str, gi: int, ge: dict, answers: list[GoldMention]
) -> list[Event]:
    loc = ge.get("location") or {}
    location = Location(loc.get("city"), loc.get("country")) if loc else None
    orgs = tuple(
        Organization(o["name"], o.get("country"))
        for o in ge.get("organizations") or []
        if isinstance(o, dict)
    )
    out = []
    for pi, gp in enumerate(ge.get("participants") or []):
        if not gp.get("name"):
            continue
        spellings = dict.fromkeys([gp["name"], *(gp.get("aliases") or [])])
        for si, spelling in enumerate(spellings):
            answers.append(GoldMention(doc_id, spelling, gp))
            part = Participant(spelling, spelling, gp.get("role"), gp.get("country"))
            out.append(
                Event(
                    event_id=stable_id("evt", [doc_id, kind, gi, pi, si]),
                    type=ge["type"],
                    status="occurred" if kind == "events" else "planned",
                    date=ge.get("date"),
                    location=location,
                    participants=(part,),
                    organizations=orgs if (pi, si) == (0, 0) else (),
                    sources=(Source(doc_id, "", 0, 0),),
                )
            )
    return out
