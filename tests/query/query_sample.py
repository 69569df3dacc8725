"""A small database composed for the query, CLI and web tests (no article text copied).

Five short reports: a Viet Nam–Russia meeting told by two outlets (one merged
event), a memorandum signed at it, a visit whose date has no year (its document
gives 2018), a Laos–Thailand meeting, an undated planned meeting, and an article
whose text carries ``<script>`` and HTML tags inside the reporting sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from communique.records import (
    Document,
    Entity,
    Event,
    Location,
    OffsetMap,
    Organization,
    Participant,
    Source,
    content_hash,
    stable_id,
)
from communique.store import Store

XSS = "<script>window.__xss = 1; document.title = 'pwned';</script>"

TEXTS = {
    "wire_one": (
        "Hanoi talks on security\n\nHANOI, July 25 - Minister of Public Security Tran Van Minh "
        "held talks with Security Council Secretary Ivan Petrov in Hanoi on July 25 about "
        "psychotropic substances and cybercrime. The talks lasted two hours.\n"
    ),
    "wire_two": (
        "Russia and Viet Nam sign security memorandum\n\nMOSCOW - Security Council Secretary "
        "Ivan Petrov met Minister Tran Van Minh in Hanoi on Tuesday. The two ministries signed "
        "a memorandum of understanding on cybersecurity cooperation.\n"
    ),
    "xss_page": (
        "Petrov visit <b>update</b>\n\nSecretary Ivan Petrov arrived in Da Nang on March 1 "
        f"<i>for a working visit</i> {XSS} & met local officials.\n"
    ),
    "lao_tha": (
        "Laos and Thailand discuss trade\n\nVIENTIANE - Foreign Minister Somchai Keo met Thai "
        "Commerce Minister Anan Wong in May 2019 to discuss border trade.\n"
    ),
    "no_events": "Weather report\n\nRain is expected across the region; psychotropic is not.\n",
}
PUBLISHED = {
    "wire_one": "2017-07-26",
    "wire_two": "2017-07-25",
    "xss_page": "2018-03-02",
    "lao_tha": "2019-05-10",
    "no_events": None,
}


@dataclass(frozen=True, slots=True)
class Sample:
    """Ids and quotes the tests check against."""

    path: Path
    meet: str
    sign: str
    visit: str
    lao: str
    planned: str
    minh: str
    petrov: str
    xss_quote: str
    meet_quotes: tuple[str, str]


def _doc(doc_id: str) -> Document:
    text = TEXTS[doc_id]
    return Document(
        doc_id=doc_id,
        origin=f"/in/{doc_id}.txt",
        fmt="txt",
        original=text,
        clean=text,
        offsets=OffsetMap.identity(len(text)),
        content_hash=content_hash(text),
        title=text.split("\n", 1)[0],
        outlet=doc_id.replace("_", " ").title(),
        published=PUBLISHED[doc_id],
        published_precision="day" if PUBLISHED[doc_id] else None,
        language="en",
        url=f"https://example.org/{doc_id}",
    )


def _src(doc_id: str, quote: str) -> Source:
    start = TEXTS[doc_id].index(quote)
    return Source(doc_id, quote, start, start + len(quote))


def _people(minh: str, petrov: str) -> tuple[Participant, Participant]:
    return (
        Participant("Tran Van Minh", "Tran Van Minh", "Minister of Public Security", "VNM", minh),
        Participant(
            "Ivan Petrov", "Ivan Petrov", "Secretary of the Security Council", "RUS", petrov
        ),
    )


def sample_events(minh: str, petrov: str) -> list[Event]:
    """The merged events (per-document ones are these split by source)."""
    q1 = "Minister of Public Security Tran Van Minh held talks with Security Council Secretary Ivan Petrov in Hanoi on July 25 about psychotropic substances and cybercrime."
    q2 = "Security Council Secretary Ivan Petrov met Minister Tran Van Minh in Hanoi on Tuesday."
    q3 = "The two ministries signed a memorandum of understanding on cybersecurity cooperation."
    q4 = f"Secretary Ivan Petrov arrived in Da Nang on March 1 <i>for a working visit</i> {XSS} & met local officials."
    q5 = "Foreign Minister Somchai Keo met Thai Commerce Minister Anan Wong in May 2019 to discuss border trade."
    hanoi = Location("Hanoi", "VNM")
    return [
        Event(
            stable_id("ev", "meet"),
            "MEET",
            "occurred",
            "2017-07-25",
            hanoi,
            _people(minh, petrov),
            topics=("drugs", "cybersecurity"),
            sources=(_src("wire_one", q1), _src("wire_two", q2)),
        ),
        Event(
            stable_id("ev", "sign"),
            "SIGN",
            "occurred",
            "2017-07-25",
            hanoi,
            _people(minh, petrov),
            organizations=(
                Organization("Ministry of Public Security", "VNM"),
                Organization("Security Council", "RUS"),
            ),
            agreement="memorandum of understanding on cybersecurity cooperation",
            topics=("cybersecurity",),
            sources=(_src("wire_two", q3),),
        ),
        Event(
            stable_id("ev", "visit"),
            "VISIT",
            "occurred",
            "--03-01",
            Location("Da Nang", "VNM"),
            (_people(minh, petrov)[1],),
            topics=("security",),
            sources=(_src("xss_page", q4),),
        ),
        Event(
            stable_id("ev", "lao"),
            "MEET",
            "occurred",
            "2019-05",
            Location("Vientiane", "LAO"),
            (
                Participant("Somchai Keo", "Somchai Keo", "Foreign Minister", "LAO"),
                Participant("Anan Wong", "Anan Wong", "Commerce Minister", "THA"),
            ),
            topics=("trade",),
            sources=(_src("lao_tha", q5),),
        ),
        Event(
            stable_id("ev", "planned"),
            "MEET",
            "planned",
            None,
            None,
            (Participant(None, None, None, "VNM"), Participant(None, None, None, "CHN")),
            sources=(_src("wire_one", "The talks lasted two hours."),),
        ),
    ]


def _per_document(events: list[Event]) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = {}
    for e in events:
        for s in e.sources:
            single = Event(
                stable_id("dv", [e.event_id, s.doc_id]),
                e.type,
                e.status,
                e.date,
                e.location,
                e.participants,
                e.organizations,
                e.agreement,
                e.topics,
                (s,),
            )
            out.setdefault(s.doc_id, []).append(single)
    return out


def build_sample_db(path: Path) -> Sample:
    """Write the sample documents, events (both kinds) and entities to ``path``."""
    minh, petrov = stable_id("per", "minh"), stable_id("per", "petrov")
    events = sample_events(minh, petrov)
    with Store.open(path) as store:
        for doc_id in TEXTS:
            store.upsert_document(_doc(doc_id))
        for doc_id, evs in _per_document(events).items():
            store.replace_document_events(doc_id, evs)
        store.replace_merged_events(events)
        store.upsert_entities(
            [
                Entity(
                    minh,
                    "person",
                    "Tran Van Minh",
                    "VNM",
                    ("Minh",),
                    (("Minister of Public Security", "2017-07-25", "2017-07-25"),),
                ),
                Entity(
                    petrov,
                    "person",
                    "Ivan Petrov",
                    "RUS",
                    ("Petrov", "Ivan Petrov"),
                    (("Secretary of the Security Council", "2017-07-25", "2018-03-01"),),
                ),
            ]
        )
    return Sample(
        path,
        *(e.event_id for e in events),
        minh,
        petrov,  # type: ignore[arg-type]
        events[2].sources[0].quote,
        (events[0].sources[0].quote, events[0].sources[1].quote),
    )
